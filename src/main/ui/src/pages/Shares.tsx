import { Day } from '../components/Day';
import { useCallback, useEffect, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type Grant } from '../api';
import type { Session } from '../auth/session';
import { ProblemMessage, Loading, Empty, PageTitle, shortId } from '../components/ui';

export default function Shares({ session }: { session: Session }) {
  const intl = useIntl();
  const [grants, setGrants] = useState<Grant[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    api.get<Grant[]>('/grants?limit=200').then(setGrants, setError);
  }, []);
  useEffect(load, [load]);
  const title = intl.formatMessage({ id: 'shares.title' });
  const given = grants?.filter((g) => g.grantor === session.user) ?? [];
  const received = grants?.filter((g) => g.grantee === session.user) ?? [];
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <ProblemMessage error={error} />
      {!grants && !error ? <Loading /> : null}
      {grants ? (
        <>
          <section aria-labelledby="received-title">
            <h2 id="received-title"><FormattedMessage id="shares.received" /></h2>
            {received.length === 0 ? <Empty><FormattedMessage id="shares.received.empty" /></Empty> : <GrantTable grants={received} who="grantor" />}
          </section>
          <section aria-labelledby="given-title">
            <h2 id="given-title"><FormattedMessage id="shares.given" /></h2>
            {given.length === 0 ? <Empty><FormattedMessage id="shares.given.empty" /></Empty> : <GrantTable grants={given} who="grantee" onRevoke={async (g) => {
              try {
                await api.del(`/grants/${g.id}`);
                load();
              } catch (e) {
                setError(e);
              }
            }} />}
          </section>
        </>
      ) : null}
    </>
  );
}

function GrantTable({ grants, who, onRevoke }: { grants: Grant[]; who: 'grantor' | 'grantee'; onRevoke?: (g: Grant) => void }) {
  return (
    <table className="table">
      <thead><tr>
        <th scope="col"><FormattedMessage id="shares.document" /></th>
        <th scope="col"><FormattedMessage id={who === 'grantor' ? 'shares.from' : 'shares.to'} /></th>
        <th scope="col"><FormattedMessage id="shares.purpose" /></th>
        <th scope="col"><FormattedMessage id="shares.until" /></th>
        <th scope="col"><FormattedMessage id="shares.state" /></th>
        {onRevoke ? <th scope="col"><span className="visually-hidden"><FormattedMessage id="shares.actions" /></span></th> : null}
      </tr></thead>
      <tbody>
        {grants.map((g) => (
          <tr key={g.id}>
            <td><Link href={`/documents/${g.documentId}`}><FormattedMessage id="shares.openDocument" values={{ id: shortId(g.documentId) }} /></Link></td>
            <td>{g[who]}</td>
            <td><FormattedMessage id={`purpose.${g.purpose}`} /></td>
            <td><Day value={g.expiresAt} /></td>
            <td>{g.live ? <FormattedMessage id="shares.live" /> : g.revokedAt ? <FormattedMessage id="shares.revoked" /> : <FormattedMessage id="shares.expired" />}</td>
            {onRevoke ? <td>{g.live ? <Button className="button secondary" onPress={() => onRevoke(g)}><FormattedMessage id="shares.revoke" /></Button> : null}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
