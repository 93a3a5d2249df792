// Pieces shared by the auditor's pages: an entry's outcome badge, its time, its full detail.
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Link } from 'react-aria-components';
import { api, type AuditEntry } from '../../api';
import { ProblemMessage } from '../../components/ui';

export function When({ value }: { value?: string }) {
  const intl = useIntl();
  if (!value) return <>—</>;
  return <time dateTime={value}>{intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC</time>;
}

export function OutcomeBadge({ entry }: { entry: Pick<AuditEntry, 'outcome' | 'breakGlass'> }) {
  return (
    <>
      <span className={`badge outcome-${entry.outcome}`}><FormattedMessage id={`audit.outcome.${entry.outcome}`} /></span>
      {entry.breakGlass ? <span className="badge break-glass-flag"><FormattedMessage id="audit.breakGlassFlag" /></span> : null}
    </>
  );
}

export function userHref(userId: string): string {
  return `/audit/users/${encodeURIComponent(userId)}`;
}

export function TargetLink({ entry }: { entry: Pick<AuditEntry, 'targetType' | 'targetId'> }) {
  if (!entry.targetId) return <>{entry.targetType ?? '—'}</>;
  if (entry.targetType === 'SUBJECT') {
    return <Link href={`/audit/subjects/${entry.targetId}`}><FormattedMessage id="audit.target.SUBJECT" values={{ id: entry.targetId.slice(0, 8) }} /></Link>;
  }
  if (entry.targetType === 'DOCUMENT') {
    // A version read names "document/version"; the timeline is the document's.
    const doc = entry.targetId.split('/')[0];
    return <Link href={`/audit/documents/${doc}`}><FormattedMessage id="audit.target.DOCUMENT" values={{ id: entry.targetId.slice(0, 8) }} /></Link>;
  }
  return <span className="mono">{entry.targetType} {entry.targetId.slice(0, 8)}</span>;
}

export function EntryDetail({ entry }: { entry: AuditEntry }) {
  const rows: [string, React.ReactNode][] = [
    ['audit.col.sequence', entry.sequence],
    ['audit.col.time', <When value={entry.occurredAt} />],
    ['audit.col.user', <Link href={userHref(entry.userId)}>{entry.userId}</Link>],
    ['audit.col.role', entry.role ?? '—'],
    ['audit.col.centre', entry.centre ?? '—'],
    ['audit.col.action', <span className="mono">{entry.action}</span>],
    ['audit.col.target', <><TargetLink entry={entry} /> {entry.targetId ? <span className="mono">{entry.targetId}</span> : null}</>],
    ['audit.col.outcome', <OutcomeBadge entry={entry} />],
    ['audit.col.rule', <span className="mono">{entry.rule ?? '—'}</span>],
    ['audit.col.reason', entry.reason ?? '—'],
    ['audit.col.purpose', entry.purpose ?? '—'],
    ['audit.col.justification', entry.justification ?? '—'],
    ['audit.col.requestId', <span className="mono">{entry.requestId ?? '—'}</span>],
    ['audit.col.client', <span className="mono">{entry.clientAddress ?? '—'}</span>],
    ['audit.col.previousHash', <span className="mono hash">{entry.previousHash ?? '—'}</span>],
  ];
  return (
    <>
      <dl className="facts" data-testid="entry-detail">
        {rows.map(([k, v]) => (
          <div className="fact" key={k}>
            <dt><FormattedMessage id={k} /></dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {entry.action === 'SEARCH' && entry.targetType === 'QUERY' && entry.targetId ? <RecordedSearch queryId={entry.targetId} key={entry.targetId} /> : null}
    </>
  );
}

interface StoredQuery { id: string; userId: string; at: string; query: string }

/**
 * What was searched under a search entry: the words are stored encrypted and opened only on request
 * (GET /api/search/queries/{id}, itself recorded in the log as the auditor's read of that query).
 */
function RecordedSearch({ queryId }: { queryId: string }) {
  const [query, setQuery] = useState<StoredQuery | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function open() {
    setBusy(true);
    setError(null);
    try {
      setQuery(await api.get<StoredQuery>(`/search/queries/${encodeURIComponent(queryId)}`));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="recorded-search" aria-labelledby="rq-title" data-testid="recorded-search">
      <h3 id="rq-title"><FormattedMessage id="audit.query.title" /></h3>
      {query ? (
        <>
          <p><FormattedMessage id="audit.query.searched" values={{ user: query.userId }} /> <When value={query.at} /></p>
          <pre className="code" data-testid="query-text">{query.query}</pre>
          <p className="hint"><FormattedMessage id="audit.query.logged" /></p>
        </>
      ) : (
        <>
          <p className="hint"><FormattedMessage id="audit.query.hint" /></p>
          <Button className="button secondary" onPress={() => void open()} isDisabled={busy}><FormattedMessage id="audit.query.open" /></Button>
        </>
      )}
      <ProblemMessage error={error} />
    </section>
  );
}
