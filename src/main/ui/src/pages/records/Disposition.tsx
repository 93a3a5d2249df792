// The disposition queue (issue 18): the retention schedule in words, "run scan now", the queue by state
// with paging, and per item the decision its state allows — propose (with a reason), approve (after a
// confirmation that it cannot be undone), extend a REVIEW item (date and reason) — and the certificate of
// a destroyed item. Items carry ids and types only: never a title or content. The server decides every
// action; a refusal (separation of duties, legal hold, …) is shown in words beside the action.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Link, Modal, ModalOverlay } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type Page } from '../../api';
import type { Session } from '../../auth/session';
import { Field, SelectField, ProblemMessage, Loading, Empty, PageTitle, shortId } from '../../components/ui';
import { Day } from '../../components/Day';
import { CertificateDownloads } from '../../components/Certificate';
import { At } from '../../components/At';
import { Pager } from '../Subjects';
import { StatusLine, useSay, useSchedule } from './SubjectRecords';
import {
  DEFAULT_ROLES, STATE_FILTERS, holdLabel, itemActions, queueQuery, reasonProblem, ruleInWords,
  type DispositionItem, type Schedule, type ScanResult, type StateFilter,
} from '../../records';

const PAGE = 20;
/** Roles that work with people's records (may open a person's page); not ADMIN or AUDITOR. */
const STAFF_ROLES = ['LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR', 'SOCIAL_WORKER', 'TEACHER', 'THEOLOGIAN', 'NGO_PARTNER'];

export default function Disposition({ session }: { session: Session }) {
  const intl = useIntl();
  const { schedule, error: scheduleError } = useSchedule();
  const [state, setState] = useState<StateFilter>('OPEN');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<DispositionItem> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [scanError, setScanError] = useState<unknown>(null);
  const [scanning, setScanning] = useState(false);
  const [said, say] = useSay();
  const roles = schedule ?? DEFAULT_ROLES;
  const mayScan = session.roles.some((r) => roles.proposeRoles.includes(r));

  const load = useCallback(() => {
    let live = true;
    setError(null);
    api.get<Page<DispositionItem>>(`/records/disposition?${queueQuery(state, offset, PAGE)}`).then((p) => live && setPage(p), (e) => live && setError(e));
    return () => { live = false; };
  }, [state, offset]);
  useEffect(load, [load]);

  async function scan() {
    setScanning(true);
    setScanError(null);
    try {
      const r = await api.post<ScanResult>('/records/disposition/scan');
      say('disposition.scan.done', { queued: r.queued, onHold: r.onHold, already: r.alreadyQueued });
      load();
    } catch (e) {
      setScanError(e);
    } finally {
      setScanning(false);
    }
  }

  const format = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const title = intl.formatMessage({ id: 'disposition.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="notice"><FormattedMessage id="disposition.intro" /></p>
      <ScheduleView schedule={schedule} error={scheduleError} format={format} />
      {mayScan ? (
        <div className="actions">
          <Button className="button" onPress={() => void scan()} isDisabled={scanning}><FormattedMessage id="disposition.scan.button" /></Button>
          <span className="hint"> <FormattedMessage id="disposition.scan.hint" /></span>
          <ProblemMessage error={scanError} />
        </div>
      ) : null}
      <StatusLine said={said} testId="scan-status" />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title"><FormattedMessage id="disposition.queue.title" /></h2>
        <div className="filters">
          <SelectField id="disposition-state" label={<FormattedMessage id="disposition.filter.state" />} value={state}
            onChange={(v) => { setState(v as StateFilter); setOffset(0); }}
            options={STATE_FILTERS.map((s) => ({ id: s, label: intl.formatMessage({ id: `disposition.filter.${s}` }) }))} />
        </div>
        <ProblemMessage error={error} />
        {!page && !error ? <Loading /> : null}
        {page ? <p className="count" role="status" aria-live="polite" data-testid="queue-count"><FormattedMessage id="disposition.count" values={{ count: page.total }} /></p> : null}
        {page && page.items.length === 0 ? <Empty><FormattedMessage id="disposition.empty" /></Empty> : null}
        {page?.items.map((item) => <ItemCard key={item.id} initial={item} session={session} schedule={roles} format={format} />)}
        {page && page.total > PAGE ? <Pager offset={offset} total={page.total} size={PAGE} onChange={setOffset} /> : null}
      </section>
    </>
  );
}

type Format = (id: string, values?: Record<string, string | number>) => string;

function ScheduleView({ schedule, error, format }: { schedule: Schedule | null; error: unknown; format: Format }) {
  const intl = useIntl();
  const names = (list: string[]) => list.map((r) => intl.formatMessage({ id: `role.${r}` })).join(', ');
  return (
    <details className="help schedule" data-testid="schedule">
      <summary><FormattedMessage id="disposition.schedule.title" /></summary>
      <ProblemMessage error={error} />
      {!schedule && !error ? <Loading /> : null}
      {schedule ? (
        <>
          <table className="table">
            <thead><tr>
              <th scope="col"><FormattedMessage id="disposition.schedule.type" /></th>
              <th scope="col"><FormattedMessage id="disposition.schedule.rule" /></th>
            </tr></thead>
            <tbody>
              {schedule.rules.map((r) => (
                <tr key={r.documentType}>
                  <td><span className={`badge type-${r.documentType}`}><FormattedMessage id={`doctype.${r.documentType}`} /></span></td>
                  <td>{ruleInWords(r, format)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint"><FormattedMessage id="disposition.schedule.roles" values={{ hold: names(schedule.holdRoles), propose: names(schedule.proposeRoles), approve: names(schedule.approveRoles) }} /></p>
        </>
      ) : null}
    </details>
  );
}

function ItemCard({ initial, session, schedule, format }: { initial: DispositionItem; session: Session; schedule: Pick<Schedule, 'proposeRoles' | 'approveRoles'>; format: Format }) {
  const intl = useIntl();
  const [item, setItem] = useState(initial);
  const [said, say] = useSay();
  const actions = itemActions(item, session.roles, session.user, schedule);
  const staff = session.roles.some((r) => STAFF_ROLES.includes(r));
  const type = intl.formatMessage({ id: `doctype.${item.documentType}` });
  const headingId = `item-${item.id}`;
  const done = (next: DispositionItem, message: string) => {
    setItem(next);
    say(message);
  };
  return (
    <article className={`card disposition-item state-${item.state}`} aria-labelledby={headingId} data-item={item.id} data-document={item.documentId} data-state={item.state}>
      <h3 id={headingId}>
        <FormattedMessage id="disposition.item.title" values={{ type, centre: item.centre, id: shortId(item.documentId) }} />{' '}
        <span className={`badge disposition-${item.state}`} data-testid="item-state"><FormattedMessage id={`disposition.state.${item.state}`} /></span>
      </h3>
      <dl className="facts">
        <div className="fact"><dt><FormattedMessage id="disposition.item.document" /></dt><dd className="mono">{item.documentId}</dd></div>
        <div className="fact"><dt><FormattedMessage id="disposition.item.person" /></dt>
          {/* Staff may open the person's page; auditors and administrators see the id only (they never see names). */}
          <dd>{staff ? <Link href={`/subjects/${item.subjectId}`}><FormattedMessage id="disposition.item.person.open" values={{ id: shortId(item.subjectId) }} /></Link> : <span className="mono">{item.subjectId}</span>}</dd></div>
        <div className="fact"><dt><FormattedMessage id="disposition.item.rule" /></dt><dd>{ruleInWords(item.rule, format)}</dd></div>
        <div className="fact"><dt><FormattedMessage id="disposition.item.start" /></dt><dd><Day value={item.retentionStart} /></dd></div>
        <div className="fact"><dt><FormattedMessage id="disposition.item.due" /></dt><dd><Day value={item.dueOn} /></dd></div>
        <div className="fact"><dt><FormattedMessage id="disposition.item.found" /></dt><dd><At value={item.foundAt} /></dd></div>
        {item.proposedBy ? (
          <div className="fact"><dt><FormattedMessage id="disposition.item.proposed" /></dt>
            <dd data-testid="proposed"><FormattedMessage id="records.byAt" values={{ who: item.proposedBy, when: <At value={item.proposedAt} /> }} />
              {item.proposalReason ? <>: {item.proposalReason}</> : null}</dd></div>
        ) : null}
        {item.approvedBy ? (
          <div className="fact"><dt><FormattedMessage id="disposition.item.approved" /></dt>
            <dd data-testid="approved"><FormattedMessage id="records.byAt" values={{ who: item.approvedBy, when: <At value={item.approvedAt} /> }} /></dd></div>
        ) : null}
        {item.extendedBy ? (
          <div className="fact"><dt><FormattedMessage id="disposition.item.extended" /></dt>
            <dd><FormattedMessage id="disposition.item.extendedUntil" values={{ who: item.extendedBy, until: item.extendedUntil ? <Day value={item.extendedUntil} /> : '—' }} />
              {item.extensionReason ? <>: {item.extensionReason}</> : null}</dd></div>
        ) : null}
        {item.blockingHolds?.length ? (
          <div className="fact"><dt><FormattedMessage id="disposition.item.holds" /></dt>
            <dd><span className="badge hold-active"><FormattedMessage id="records.onHold" /></span> {item.blockingHolds.map(holdLabel).join(', ')}</dd></div>
        ) : null}
      </dl>
      <StatusLine said={said} testId="item-status" />
      {actions.certificate && item.certificateId ? (
        <div className="certificate-row">
          <p><FormattedMessage id="disposition.certificate" /></p>
          <CertificateDownloads certificateId={item.certificateId} label={shortId(item.documentId)} />
        </div>
      ) : null}
      <div className="item-actions">
        {actions.propose ? <Propose item={item} onDone={(n) => done(n, 'disposition.propose.done')} /> : null}
        {actions.approve ? <Approve item={item} own={actions.ownProposal} onDone={(n) => done(n, 'disposition.approve.done')} /> : null}
        {actions.extend ? <Extend item={item} onDone={(n) => done(n, 'disposition.extend.done')} /> : null}
      </div>
    </article>
  );
}

/** A reason form behind a button: the button opens it and the reason field takes focus. */
function ReasonForm({ item, opener, label, submit, children, onSubmit }: {
  item: DispositionItem; opener: string; label: string; submit: string; children?: React.ReactNode;
  onSubmit: (reason: string) => Promise<string | null>;
}) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const fieldId = `${opener}-${item.id}`;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => { if (open) box.current?.querySelector<HTMLElement>('input, textarea')?.focus(); }, [open]);
  if (!open) return <Button className="button secondary" onPress={() => setOpen(true)}><FormattedMessage id={`disposition.${opener}.button`} /></Button>;
  return (
    <div ref={box}>
    <Form className="reason-form" onSubmit={async (e) => {
      e.preventDefault();
      const bad = reasonProblem(reason);
      setFieldError(bad ? intl.formatMessage({ id: bad }) : null);
      if (bad) return;
      const other = await onSubmit(reason.trim());
      if (other) setFieldError(other);
    }}>
      {children}
      <Field id={fieldId} multiline label={label} hint={<FormattedMessage id="records.reason.hint" />} value={reason} onChange={setReason} error={fieldError} />
      <div className="button-row">
        <Button type="submit" className="button">{submit}</Button>{' '}
        <Button className="button secondary" onPress={() => setOpen(false)}><FormattedMessage id="records.cancel" /></Button>
      </div>
    </Form>
    </div>
  );
}

function Propose({ item, onDone }: { item: DispositionItem; onDone: (n: DispositionItem) => void }) {
  const intl = useIntl();
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="item-action" data-action="propose">
      <ReasonForm item={item} opener="propose" label={intl.formatMessage({ id: 'disposition.propose.reason' })} submit={intl.formatMessage({ id: 'disposition.propose.submit' })}
        onSubmit={async (reason) => {
          setError(null);
          try {
            onDone(await api.post<DispositionItem>(`/records/disposition/${encodeURIComponent(item.id)}/propose`, { reason }));
          } catch (e) {
            setError(e);
          }
          return null;
        }} />
      <ProblemMessage error={error} />
    </div>
  );
}

function Approve({ item, own, onDone }: { item: DispositionItem; own: boolean; onDone: (n: DispositionItem) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function approve(close: () => void) {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<DispositionItem>(`/records/disposition/${encodeURIComponent(item.id)}/approve`, {});
      close();
      onDone(next);
    } catch (e) {
      close();
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="item-action" data-action="approve">
      {own ? <p className="hint" data-testid="own-proposal"><FormattedMessage id="disposition.approve.own" /></p> : null}
      <DialogTrigger>
        <Button className="button danger"><FormattedMessage id="disposition.approve.button" /></Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog role="alertdialog" className="dialog">
              {({ close }) => (
                <>
                  <Heading slot="title"><FormattedMessage id="disposition.approve.dialog.title" /></Heading>
                  <p><FormattedMessage id="disposition.approve.dialog.what" values={{ id: item.documentId }} /></p>
                  <p className="warning-text"><strong><FormattedMessage id="disposition.approve.dialog.undo" /></strong></p>
                  <p><FormattedMessage id="disposition.approve.dialog.certificate" /></p>
                  <div className="button-row">
                    <Button className="button danger" isDisabled={busy} onPress={() => void approve(close)}><FormattedMessage id="disposition.approve.confirm" /></Button>{' '}
                    <Button className="button secondary" autoFocus onPress={close}><FormattedMessage id="records.cancel" /></Button>
                  </div>
                </>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      <ProblemMessage error={error} />
    </div>
  );
}

function Extend({ item, onDone }: { item: DispositionItem; onDone: (n: DispositionItem) => void }) {
  const intl = useIntl();
  const [until, setUntil] = useState('');
  const [untilError, setUntilError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="item-action" data-action="extend">
      <ReasonForm item={item} opener="extend" label={intl.formatMessage({ id: 'disposition.extend.reason' })} submit={intl.formatMessage({ id: 'disposition.extend.submit' })}
        onSubmit={async (reason) => {
          setError(null);
          if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) {
            setUntilError(intl.formatMessage({ id: 'disposition.extend.until.error' }));
            return null;
          }
          setUntilError(null);
          try {
            onDone(await api.post<DispositionItem>(`/records/disposition/${encodeURIComponent(item.id)}/extend`, { until, reason }));
          } catch (e) {
            setError(e);
          }
          return null;
        }}>
        <Field id={`extend-until-${item.id}`} type="date" label={<FormattedMessage id="disposition.extend.until" />} value={until} onChange={setUntil} error={untilError} />
      </ReasonForm>
      <ProblemMessage error={error} />
    </div>
  );
}
