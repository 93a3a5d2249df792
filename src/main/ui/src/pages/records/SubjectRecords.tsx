// The "Records" part of a person's page (issue 18): legal holds (active and released; place one on the
// whole person or one document, release with a reason — offered to the schedule's hold roles), and the
// dated events that start retention clocks (case closed; recorded by roles that may update the person).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError, type DocumentMeta } from '../../api';
import type { Session } from '../../auth/session';
import { Field, SelectField, ProblemMessage, Empty, Loading, ErrorSummary, shortId, type SummaryError } from '../../components/ui';
import { Day } from '../../components/Day';
import { At } from '../../components/At';
import { ReasonAction } from '../../components/ReasonAction';
import { DEFAULT_ROLES, holdLabel, reasonProblem, type Hold, type Schedule, type SubjectEvent } from '../../records';

/** GET /api/records/schedule (any signed-in staff); null until it answers. */
export function useSchedule(): { schedule: Schedule | null; error: unknown } {
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.get<Schedule>('/records/schedule').then((s) => live && setSchedule(s), (e) => live && setError(e));
    return () => { live = false; };
  }, []);
  return { schedule, error };
}

/** A person's legal holds, newest first (active and released). */
export function useHolds(subjectId: string): { holds: Hold[] | null; error: unknown; reload: () => Promise<void> } {
  const [holds, setHolds] = useState<Hold[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const page = await api.get<{ items: Hold[] }>(`/subjects/${subjectId}/holds`);
      setHolds(page.items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [subjectId]);
  useEffect(() => { setHolds(null); void reload(); }, [reload]);
  return { holds, error, reload };
}

/** Is this document under an active hold (its own or the whole person's)? */
export function isHeld(holds: Hold[] | null, documentId: string): boolean {
  return !!holds?.some((h) => h.active && (!h.documentId || h.documentId === documentId));
}

/** The banner on every held record (Alfresco/Nuxeo habit): how many holds stand and what they mean. */
export function HoldBanner({ holds, document }: { holds: Hold[] | null; document?: boolean }) {
  const active = holds?.filter((h) => h.active) ?? [];
  if (active.length === 0) return null;
  const cases = [...new Set(active.map((h) => h.caseReference).filter((c): c is string => !!c))].join(', ');
  return (
    <div className="banner legal-hold" role="note" data-testid="hold-banner">
      <FormattedMessage id={document ? 'records.holds.banner.document' : 'records.holds.banner'} values={{ count: active.length }} />
      {cases ? <> <FormattedMessage id="records.holds.banner.cases" values={{ cases }} /></> : null}
    </div>
  );
}

/** The hold banner on a document's page: shown when a hold covers it (its own or the whole person's); silent if holds cannot be listed. */
export function DocumentHoldBanner({ subjectId, documentId }: { subjectId: string; documentId: string }) {
  const { holds } = useHolds(subjectId);
  const covering = holds?.filter((h) => h.active && (!h.documentId || h.documentId === documentId)) ?? null;
  return <HoldBanner holds={covering} document />;
}

/** What an action did, said once (a message id, so it follows a change of language). */
export interface Said { id: string; values?: Record<string, string | number>; at: number }

export function useSay(): [Said | null, (id: string | null, values?: Record<string, string | number>) => void] {
  const [said, setSaid] = useState<Said | null>(null);
  const say = useCallback((id: string | null, values?: Record<string, string | number>) => setSaid(id ? { id, values, at: Date.now() } : null), []);
  return [said, say];
}

/** A status line that takes focus when it says something new (read by screen readers). */
export function StatusLine({ said, testId }: { said: Said | null; testId: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (said) ref.current?.focus(); }, [said]);
  return (
    <p ref={ref} tabIndex={-1} role="status" aria-live="polite" className={said ? 'success' : 'visually-hidden'} data-testid={testId}>
      {said ? <FormattedMessage id={said.id} values={said.values} /> : null}
    </p>
  );
}

export function SubjectRecords(props: {
  subjectId: string; session: Session; docs: DocumentMeta[]; holds: Hold[] | null; holdsError: unknown; reloadHolds: () => Promise<void>;
  schedule: Schedule | null; mayWriteSubject: boolean;
}) {
  const roles = props.schedule ?? DEFAULT_ROLES;
  const mayHold = props.session.roles.some((r) => roles.holdRoles.includes(r));
  return (
    <section aria-labelledby="records-title" className="records" data-testid="records">
      <h2 id="records-title"><FormattedMessage id="records.title" /></h2>
      <div className="subject-grid">
        <Holds {...props} mayHold={mayHold} />
        <Events subjectId={props.subjectId} mayWrite={props.mayWriteSubject} />
      </div>
    </section>
  );
}

function refused(e: unknown): boolean {
  return e instanceof ApiError && e.status === 403;
}

function scopeOf(h: Hold, docs: DocumentMeta[]) {
  if (!h.documentId) return <FormattedMessage id="records.hold.scope.subject" />;
  const d = docs.find((x) => x.id === h.documentId);
  return d ? <FormattedMessage id="records.hold.scope.document" values={{ type: <FormattedMessage id={`doctype.${d.type}`} />, id: shortId(h.documentId) }} />
    : <FormattedMessage id="records.hold.scope.documentId" values={{ id: shortId(h.documentId) }} />;
}

function Holds({ subjectId, docs, holds, holdsError, reloadHolds, mayHold }: {
  subjectId: string; docs: DocumentMeta[]; holds: Hold[] | null; holdsError: unknown; reloadHolds: () => Promise<void>; mayHold: boolean;
}) {
  const [said, say] = useSay();
  // A role that may not list holds gets no card (the server said so), not a refusal on every visit.
  if (refused(holdsError)) return null;
  return (
    <section aria-labelledby="holds-title" className="card">
      <h3 id="holds-title"><FormattedMessage id="records.holds.title" /></h3>
      <ProblemMessage error={holdsError} />
      <StatusLine said={said} testId="holds-status" />
      {!holds && !holdsError ? <Loading /> : null}
      {holds && holds.length === 0 ? <Empty><FormattedMessage id="records.holds.empty" /></Empty> : null}
      {holds && holds.length > 0 ? (
        <ul className="hold-list" data-testid="holds">
          {holds.map((h) => (
            <li key={h.id} className={`hold ${h.active ? 'active' : 'released'}`} data-hold={h.id} aria-labelledby={`hold-${h.id}`}>
              <p id={`hold-${h.id}`} className="hold-head">
                <span className={`badge ${h.active ? 'hold-active' : 'hold-released'}`}>
                  <FormattedMessage id={h.active ? 'records.hold.active' : 'records.hold.released'} />
                </span>{' '}
                <strong>{scopeOf(h, docs)}</strong>{' '}
                <span className="hint"><FormattedMessage id="records.hold.id" values={{ id: holdLabel(h.id) }} /></span>
              </p>
              <dl className="facts">
                <div className="fact"><dt><FormattedMessage id="records.hold.case" /></dt><dd>{h.caseReference ?? <Hidden />}</dd></div>
                <div className="fact"><dt><FormattedMessage id="records.hold.reason" /></dt><dd>{h.reason ?? <Hidden />}</dd></div>
                <div className="fact"><dt><FormattedMessage id="records.hold.placed" /></dt><dd><FormattedMessage id="records.byAt" values={{ who: h.placedBy, when: <At value={h.placedAt} /> }} /></dd></div>
                {!h.active ? (
                  <>
                    <div className="fact"><dt><FormattedMessage id="records.hold.releasedAt" /></dt><dd><FormattedMessage id="records.byAt" values={{ who: h.releasedBy ?? '—', when: <At value={h.releasedAt} /> }} /></dd></div>
                    <div className="fact"><dt><FormattedMessage id="records.hold.releaseReason" /></dt><dd>{h.releaseReason ?? <Hidden />}</dd></div>
                  </>
                ) : null}
              </dl>
              {h.active && mayHold ? (
                <Release hold={h} onDone={async () => { await reloadHolds(); say('records.hold.released.done', { id: holdLabel(h.id) }); }} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {mayHold ? <PlaceHold subjectId={subjectId} docs={docs} onDone={async (h) => { await reloadHolds(); say('records.hold.placed.done', { id: holdLabel(h.id) }); }} /> : null}
    </section>
  );
}

function Hidden() {
  return <span className="hint"><FormattedMessage id="records.hold.hidden" /></span>;
}

function Release({ hold, onDone }: { hold: Hold; onDone: () => Promise<void> }) {
  return (
    <ReasonAction fieldId={`release-${hold.id}`} check={reasonProblem} onDone={onDone}
      labels={{ open: 'records.hold.release', reason: 'records.hold.release.reason', hint: 'records.reason.hint', submit: 'records.hold.release.submit' }}
      send={(reason) => api.post<Hold>(`/holds/${encodeURIComponent(hold.id)}/release`, { reason })} />
  );
}

function PlaceHold({ subjectId, docs, onDone }: { subjectId: string; docs: DocumentMeta[]; onDone: (h: Hold) => Promise<void> }) {
  const intl = useIntl();
  const [scope, setScope] = useState<'subject' | 'document'>('subject');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [caseReference, setCaseReference] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const live = docs.filter((d) => !d.destroyedAt);
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit() {
    const found: SummaryError[] = [];
    if (scope === 'document' && !documentId) found.push({ fieldId: 'hold-document', message: intl.formatMessage({ id: 'records.hold.place.document.error' }) });
    if (!caseReference.trim()) found.push({ fieldId: 'hold-case', message: intl.formatMessage({ id: 'records.hold.place.case.error' }) });
    const bad = reasonProblem(reason);
    if (bad) found.push({ fieldId: 'hold-reason', message: intl.formatMessage({ id: bad }) });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, string> = { reason: reason.trim(), caseReference: caseReference.trim() };
      if (scope === 'document' && documentId) body.documentId = documentId;
      const hold = await api.post<Hold>(`/subjects/${subjectId}/holds`, body);
      setReason('');
      setCaseReference('');
      setDocumentId(null);
      setScope('subject');
      await onDone(hold);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="place-hold-title" className="place-hold">
      <h4 id="place-hold-title"><FormattedMessage id="records.hold.place.title" /></h4>
      <p className="hint"><FormattedMessage id="records.hold.place.intro" /></p>
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }} validationBehavior="aria">
        <ErrorSummary errors={errors} />
        <RadioGroup className="field radio-group" value={scope} onChange={(v) => setScope(v as 'subject' | 'document')}>
          <Label><FormattedMessage id="records.hold.place.what" /></Label>
          <div className="radios">
            <Radio value="subject" className="radio" id="hold-scope"><span className="dot" aria-hidden="true" /><FormattedMessage id="records.hold.place.whole" /></Radio>
            <Radio value="document" className="radio" isDisabled={live.length === 0}><span className="dot" aria-hidden="true" /><FormattedMessage id="records.hold.place.one" /></Radio>
          </div>
          <FieldError className="field-error" />
        </RadioGroup>
        {scope === 'document' ? (
          <SelectField id="hold-document" label={<FormattedMessage id="records.hold.place.document" />} value={documentId}
            onChange={setDocumentId} error={err('hold-document')} placeholder={intl.formatMessage({ id: 'records.hold.place.document.choose' })}
            options={live.map((d) => ({ id: d.id, label: `${intl.formatMessage({ id: `doctype.${d.type}` })} — ${d.title ?? shortId(d.id)}` }))} />
        ) : null}
        <Field id="hold-case" label={<FormattedMessage id="records.hold.case" />} hint={<FormattedMessage id="records.hold.place.case.hint" />}
          value={caseReference} onChange={setCaseReference} error={err('hold-case')} />
        <Field id="hold-reason" multiline label={<FormattedMessage id="records.hold.reason" />} hint={<FormattedMessage id="records.hold.place.reason.hint" />}
          value={reason} onChange={setReason} error={err('hold-reason')} />
        <ProblemMessage error={error} />
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="records.hold.place.button" /></Button>
      </Form>
    </section>
  );
}

function Events({ subjectId, mayWrite }: { subjectId: string; mayWrite: boolean }) {
  const intl = useIntl();
  const [events, setEvents] = useState<SubjectEvent[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [day, setDay] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [said, say] = useSay();
  const load = useCallback(() => api.get<{ items: SubjectEvent[] }>(`/subjects/${subjectId}/events`).then((p) => setEvents(p.items), setLoadError), [subjectId]);
  useEffect(() => { void load(); }, [load]);

  async function submit() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setFieldError(intl.formatMessage({ id: 'records.events.date.error' }));
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      await api.post<SubjectEvent>(`/subjects/${subjectId}/events`, { kind: 'CASE_CLOSED', occurredOn: day });
      setDay('');
      await load();
      say('records.events.done');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (refused(loadError)) return null;
  return (
    <section aria-labelledby="events-title" className="card">
      <h3 id="events-title"><FormattedMessage id="records.events.title" /></h3>
      <p className="hint"><FormattedMessage id="records.events.intro" /></p>
      <ProblemMessage error={loadError} />
      <StatusLine said={said} testId="events-status" />
      {!events && !loadError ? <Loading /> : null}
      {events && events.length === 0 ? <Empty><FormattedMessage id="records.events.empty" /></Empty> : null}
      {events && events.length > 0 ? (
        <table className="table" data-testid="events">
          <thead><tr>
            <th scope="col"><FormattedMessage id="records.events.kind" /></th>
            <th scope="col"><FormattedMessage id="records.events.on" /></th>
            <th scope="col"><FormattedMessage id="records.events.recorded" /></th>
          </tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td><FormattedMessage id={`records.event.kind.${e.kind === 'CASE_CLOSED' ? 'CASE_CLOSED' : 'OTHER'}`} values={{ kind: e.kind }} /></td>
                <td><Day value={e.occurredOn} /></td>
                <td><FormattedMessage id="records.byAt" values={{ who: e.recordedBy, when: <At value={e.recordedAt} /> }} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {mayWrite ? (
        <Form className="inline-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <Field id="event-date" type="date" label={<FormattedMessage id="records.events.date" />} hint={<FormattedMessage id="records.events.date.hint" />}
            value={day} onChange={setDay} error={fieldError} />
          <Button type="submit" className="button secondary" isDisabled={busy}><FormattedMessage id="records.events.button" /></Button>
        </Form>
      ) : null}
      <ProblemMessage error={error} />
    </section>
  );
}
