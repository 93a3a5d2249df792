// The break-glass review queue: open (not yet reviewed) sessions oldest first, reviewed ones newest first;
// what was read during a session is in the access log (link), a review note marks it reviewed.
import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type BreakGlassSession } from '../../api';
import { Field, ProblemMessage, Loading, Empty, PageTitle, ErrorSummary, type SummaryError } from '../../components/ui';
import { When, userHref } from './common';

export default function BreakGlassReview() {
  const intl = useIntl();
  const [pending, setPending] = useState<BreakGlassSession[] | null>(null);
  const [reviewed, setReviewed] = useState<BreakGlassSession[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    Promise.all([
      api.get<BreakGlassSession[]>('/audit/break-glass?pending=true&limit=100'),
      api.get<BreakGlassSession[]>('/audit/break-glass?pending=false&limit=100'),
    ]).then(([p, all]) => {
      setPending(p);
      setReviewed(all.filter((s) => s.reviewedAt));
    }, setError);
  }, []);
  useEffect(load, [load]);

  const title = intl.formatMessage({ id: 'bg.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="notice"><FormattedMessage id="bg.intro" /></p>
      <ProblemMessage error={error} />
      {done ? <p className="success" role="status"><FormattedMessage id="bg.reviewed.done" /></p> : null}
      <section aria-labelledby="bg-open">
        <h2 id="bg-open"><FormattedMessage id="bg.open.title" /></h2>
        {!pending && !error ? <Loading /> : null}
        {pending && pending.length === 0 ? <Empty><FormattedMessage id="bg.open.empty" /></Empty> : null}
        {pending?.map((s) => (
          <article key={s.id} className="card bg-session" data-session={s.id} aria-labelledby={`bg-${s.id}`}>
            <h3 id={`bg-${s.id}`}><FormattedMessage id="bg.session.title" values={{ user: s.userId, id: s.id.slice(0, 8) }} /></h3>
            <SessionFacts s={s} />
            <ReviewForm s={s} onDone={() => { setDone(s.id); load(); }} />
          </article>
        ))}
      </section>
      <section aria-labelledby="bg-reviewed">
        <h2 id="bg-reviewed"><FormattedMessage id="bg.reviewed.title" /></h2>
        {reviewed && reviewed.length === 0 ? <Empty><FormattedMessage id="bg.reviewed.empty" /></Empty> : null}
        {reviewed && reviewed.length > 0 ? (
          <table className="table" data-testid="reviewed">
            <thead>
              <tr>
                <th scope="col"><FormattedMessage id="bg.user" /></th>
                <th scope="col"><FormattedMessage id="bg.opened" /></th>
                <th scope="col"><FormattedMessage id="bg.justification" /></th>
                <th scope="col"><FormattedMessage id="bg.reviewedBy" /></th>
                <th scope="col"><FormattedMessage id="bg.note" /></th>
              </tr>
            </thead>
            <tbody>
              {reviewed.map((s) => (
                <tr key={s.id} data-session={s.id}>
                  <td><Link href={userHref(s.userId)}>{s.userId}</Link> ({s.role})</td>
                  <td><When value={s.openedAt} /></td>
                  <td>{s.justification}</td>
                  <td>{s.reviewedBy}, <When value={s.reviewedAt} /></td>
                  <td>{s.reviewNote}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

function SessionFacts({ s }: { s: BreakGlassSession }) {
  return (
    <dl className="facts">
      <div className="fact"><dt><FormattedMessage id="bg.user" /></dt><dd><Link href={userHref(s.userId)}>{s.userId}</Link> ({s.role})</dd></div>
      <div className="fact"><dt><FormattedMessage id="bg.document" /></dt><dd><Link href={`/audit/documents/${s.documentId}`}><FormattedMessage id="audit.target.DOCUMENT" values={{ id: s.documentId.slice(0, 8) }} /></Link></dd></div>
      <div className="fact"><dt><FormattedMessage id="bg.opened" /></dt><dd><When value={s.openedAt} /></dd></div>
      <div className="fact"><dt><FormattedMessage id="bg.expires" /></dt><dd><When value={s.expiresAt} /></dd></div>
      <div className="fact"><dt><FormattedMessage id="bg.justification" /></dt><dd>{s.justification}</dd></div>
      <div className="fact"><dt><FormattedMessage id="bg.reads" /></dt>
        <dd><Link href={`/audit/log?document=${encodeURIComponent(s.documentId)}&user=${encodeURIComponent(s.userId)}`}><FormattedMessage id="bg.reads.link" /></Link></dd></div>
    </dl>
  );
}

function ReviewForm({ s, onDone }: { s: BreakGlassSession; onDone: () => void }) {
  const intl = useIntl();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `note-${s.id}`;
  async function submit() {
    if (!note.trim()) {
      setErrors([{ fieldId, message: intl.formatMessage({ id: 'bg.note.error' }) }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await api.post(`/audit/break-glass/${encodeURIComponent(s.id)}/review`, { note: note.trim() });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <ErrorSummary errors={errors} />
      <Field id={fieldId} multiline label={<FormattedMessage id="bg.note" />} hint={<FormattedMessage id="bg.note.hint" />} value={note} onChange={setNote} error={errors[0]?.message} />
      <ProblemMessage error={error} />
      <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="bg.review.button" /></Button>
    </Form>
  );
}
