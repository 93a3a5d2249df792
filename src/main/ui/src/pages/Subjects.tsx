import { Day } from '../components/Day';
import { useEffect, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type Page, type Subject } from '../api';
import type { Session } from '../auth/session';
import { STAGES } from '../state';
import { Field, SelectField, ProblemMessage, Loading, Empty, PageTitle, ErrorSummary, shortId, type SummaryError } from '../components/ui';

const PAGE = 20;

export default function Subjects({ session }: { session: Session }) {
  const intl = useIntl();
  const [centre, setCentre] = useState(session.centres[0] ?? '');
  const [stage, setStage] = useState('ALL');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<Subject> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!centre) return;
    let live = true;
    setPage(null);
    setError(null);
    const q = new URLSearchParams({ centre, offset: String(offset), limit: String(PAGE) });
    if (stage !== 'ALL') q.set('stage', stage);
    api.get<Page<Subject>>(`/subjects?${q}`).then((p) => live && setPage(p), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [centre, stage, offset]);

  const title = intl.formatMessage({ id: 'subjects.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <div className="actions">
        <Link className="button" href="/subjects/new"><FormattedMessage id="subjects.register" /></Link>
      </div>
      <Lookup />
      <section aria-labelledby="list-title">
        <h2 id="list-title"><FormattedMessage id="subjects.list.title" /></h2>
        {!session.centres.length ? <Empty><FormattedMessage id="subjects.noCentres" /></Empty> : (
          <div className="filters">
            {session.centres.length > 1 ? (
              <SelectField id="centre" label={<FormattedMessage id="subjects.centre" />} value={centre} onChange={(v) => { setCentre(v); setOffset(0); }}
                options={session.centres.map((c) => ({ id: c, label: c }))} />
            ) : <p className="centre-name"><FormattedMessage id="subjects.centreOnly" values={{ centre }} /></p>}
            <SelectField id="stage" label={<FormattedMessage id="subjects.stage" />} value={stage} onChange={(v) => { setStage(v); setOffset(0); }}
              options={[{ id: 'ALL', label: intl.formatMessage({ id: 'subjects.stage.all' }) }, ...STAGES.map((s) => ({ id: s, label: intl.formatMessage({ id: `stage.${s}` }) }))]} />
          </div>
        )}
        <ProblemMessage error={error} />
        {centre && !page && !error ? <Loading /> : null}
        {page && page.items.length === 0 ? <Empty><FormattedMessage id="subjects.empty" /></Empty> : null}
        {page && page.items.length > 0 ? (
          <>
            <p className="count" aria-live="polite"><FormattedMessage id="subjects.count" values={{ count: page.total }} /></p>
            <SubjectTable items={page.items} />
            <Pager offset={offset} total={page.total} size={PAGE} onChange={setOffset} />
          </>
        ) : null}
      </section>
    </>
  );
}

export function SubjectTable({ items }: { items: Subject[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col"><FormattedMessage id="subject.person" /></th>
          <th scope="col"><FormattedMessage id="subject.stage" /></th>
          <th scope="col"><FormattedMessage id="subject.arrival" /></th>
          <th scope="col"><FormattedMessage id="subject.centre" /></th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <td><Link href={`/subjects/${s.id}`}>{s.fullName ?? <FormattedMessage id="subject.anonymous" values={{ id: shortId(s.id) }} />}</Link>
              {s.shredded ? <span className="badge danger"><FormattedMessage id="subject.shredded" /></span> : null}</td>
            <td>{s.stage ? <FormattedMessage id={`stage.${s.stage}`} /> : null}</td>
            <td>{s.arrivalDate ? <Day value={s.arrivalDate} /> : '—'}</td>
            <td>{s.centre}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pager({ offset, total, size, onChange }: { offset: number; total: number; size: number; onChange: (o: number) => void }) {
  if (total <= size) return null;
  const pages = Math.ceil(total / size);
  const current = Math.floor(offset / size) + 1;
  return (
    <nav className="pager" aria-label="pages">
      <Button className="button secondary" isDisabled={offset === 0} onPress={() => onChange(Math.max(0, offset - size))}><FormattedMessage id="pager.previous" /></Button>
      <span><FormattedMessage id="pager.position" values={{ current, pages }} /></span>
      <Button className="button secondary" isDisabled={offset + size >= total} onPress={() => onChange(offset + size)}><FormattedMessage id="pager.next" /></Button>
    </nav>
  );
}

function Lookup() {
  const intl = useIntl();
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [found, setFound] = useState<Subject[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const v = value.trim();
    if (!v) {
      setErrors([{ fieldId: 'lookup', message: intl.formatMessage({ id: 'lookup.error.empty' }) }]);
      return;
    }
    const digits = v.replace(/\s/g, '');
    const isIin = /^[0-9]+$/.test(digits);
    if (isIin && digits.length !== 12) {
      setErrors([{ fieldId: 'lookup', message: intl.formatMessage({ id: 'lookup.error.iin' }) }]);
      return;
    }
    setErrors([]);
    setError(null);
    setBusy(true);
    try {
      // The IIN or the name travels in the body, never in the URL.
      setFound(await api.post<Subject[]>('/subjects/lookup', isIin ? { iin: digits } : { fullName: v }));
    } catch (e) {
      setError(e);
      setFound(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="lookup-title" className="card">
      <h2 id="lookup-title"><FormattedMessage id="lookup.title" /></h2>
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }} className="inline-form">
        <Field id="lookup" label={<FormattedMessage id="lookup.label" />} hint={<FormattedMessage id="lookup.hint" />} value={value} onChange={setValue}
          error={errors[0]?.message} />
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="lookup.button" /></Button>
      </Form>
      <ProblemMessage error={error} />
      {found && found.length === 0 ? <Empty><FormattedMessage id="lookup.none" /></Empty> : null}
      {found && found.length > 0 ? <SubjectTable items={found} /> : null}
    </section>
  );
}
