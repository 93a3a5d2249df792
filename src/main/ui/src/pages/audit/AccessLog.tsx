// The access log for auditors: filters the API supports (GET /api/audit/entries), paging by offset
// over entries ordered by sequence (stable: the log only grows at the end), and an entry's full detail.
import { useEffect, useRef, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type AuditEntry, type Page } from '../../api';
import { Field, SelectField, ProblemMessage, Loading, Empty, PageTitle, ErrorSummary, type SummaryError } from '../../components/ui';
import { ROLES } from '../../state';
import { Pager } from '../Subjects';
import { EntryDetail, OutcomeBadge, TargetLink, When, userHref } from './common';
import { DAY, EMPTY, query, type Filters } from './query';

const PAGE = 25;

function fromUrl(): Filters {
  const p = new URLSearchParams(location.search);
  return { ...EMPTY, subject: p.get('subject') ?? '', user: p.get('user') ?? '', document: p.get('document') ?? '' };
}

export default function AccessLog() {
  const intl = useIntl();
  const [draft, setDraft] = useState<Filters>(fromUrl);
  const [applied, setApplied] = useState<Filters>(fromUrl);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<AuditEntry> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const detailRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    setPage(null);
    setError(null);
    api.get<Page<AuditEntry>>(`/audit/entries?${query(applied, offset, PAGE)}`).then((p) => live && setPage(p), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [applied, offset]);

  useEffect(() => {
    if (open) detailRef.current?.focus();
  }, [open]);

  const set = (k: keyof Filters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  function apply() {
    const errs: SummaryError[] = [];
    if (draft.from && !DAY.test(draft.from)) errs.push({ fieldId: 'f-from', message: intl.formatMessage({ id: 'audit.filter.error.day' }) });
    if (draft.to && !DAY.test(draft.to)) errs.push({ fieldId: 'f-to', message: intl.formatMessage({ id: 'audit.filter.error.day' }) });
    if (draft.subject.trim() && draft.document.trim()) errs.push({ fieldId: 'f-document', message: intl.formatMessage({ id: 'audit.filter.error.both' }) });
    setErrors(errs);
    if (errs.length) return;
    setOpen(null);
    setOffset(0);
    setApplied({ ...draft });
  }

  function clear() {
    setDraft(EMPTY);
    setErrors([]);
    setOpen(null);
    setOffset(0);
    setApplied(EMPTY);
  }

  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const title = intl.formatMessage({ id: 'audit.log.title' });
  const all = { id: 'ALL', label: intl.formatMessage({ id: 'audit.filter.any' }) };
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="notice"><FormattedMessage id="audit.log.intro" /></p>
      <section aria-labelledby="filters-title" className="card">
        <h2 id="filters-title"><FormattedMessage id="audit.filter.title" /></h2>
        <ErrorSummary errors={errors} />
        <Form onSubmit={(e) => { e.preventDefault(); apply(); }}>
          <div className="filter-grid">
            <Field id="f-user" label={<FormattedMessage id="audit.col.user" />} value={draft.user} onChange={set('user')} />
            <SelectField id="f-role" label={<FormattedMessage id="audit.col.role" />} value={draft.role} onChange={set('role')}
              options={[all, ...ROLES.map((r) => ({ id: r, label: intl.formatMessage({ id: `role.${r}` }) }))]} />
            <Field id="f-centre" label={<FormattedMessage id="audit.col.centre" />} value={draft.centre} onChange={set('centre')} />
            <Field id="f-subject" label={<FormattedMessage id="audit.filter.subject" />} value={draft.subject} onChange={set('subject')} error={err('f-subject')} />
            <Field id="f-document" label={<FormattedMessage id="audit.filter.document" />} value={draft.document} onChange={set('document')} error={err('f-document')} />
            <Field id="f-action" label={<FormattedMessage id="audit.col.action" />} hint={<FormattedMessage id="audit.filter.action.hint" />} value={draft.action} onChange={set('action')} />
            <SelectField id="f-outcome" label={<FormattedMessage id="audit.col.outcome" />} value={draft.outcome} onChange={set('outcome')}
              options={[all, ...['ALLOWED', 'DENIED', 'FAILED'].map((o) => ({ id: o, label: intl.formatMessage({ id: `audit.outcome.${o}` }) }))]} />
            <SelectField id="f-bg" label={<FormattedMessage id="audit.filter.breakGlass" />} value={draft.breakGlass} onChange={set('breakGlass')}
              options={[all, { id: 'true', label: intl.formatMessage({ id: 'audit.filter.breakGlass.yes' }) }, { id: 'false', label: intl.formatMessage({ id: 'audit.filter.breakGlass.no' }) }]} />
            <Field id="f-from" label={<FormattedMessage id="audit.filter.from" />} hint={<FormattedMessage id="audit.filter.day.hint" />} value={draft.from} onChange={set('from')} error={err('f-from')} />
            <Field id="f-to" label={<FormattedMessage id="audit.filter.to" />} hint={<FormattedMessage id="audit.filter.day.hint" />} value={draft.to} onChange={set('to')} error={err('f-to')} />
          </div>
          <div className="actions">
            <Button type="submit" className="button"><FormattedMessage id="audit.filter.apply" /></Button>{' '}
            <Button className="button secondary" onPress={clear}><FormattedMessage id="audit.filter.clear" /></Button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="entries-title">
        <h2 id="entries-title"><FormattedMessage id="audit.entries.title" /></h2>
        <ProblemMessage error={error} />
        {!page && !error ? <Loading /> : null}
        {page ? <p className="count" aria-live="polite" data-testid="entry-count"><FormattedMessage id="audit.entries.count" values={{ count: page.total }} /></p> : null}
        {page && page.items.length === 0 ? <Empty><FormattedMessage id="audit.entries.empty" /></Empty> : null}
        {page && page.items.length > 0 ? (
          <>
            <div className="table-wrap">
              <table className="table" data-testid="entries">
                <thead>
                  <tr>
                    <th scope="col"><FormattedMessage id="audit.col.sequence" /></th>
                    <th scope="col"><FormattedMessage id="audit.col.time" /></th>
                    <th scope="col"><FormattedMessage id="audit.col.user" /></th>
                    <th scope="col"><FormattedMessage id="audit.col.role" /></th>
                    <th scope="col"><FormattedMessage id="audit.col.action" /></th>
                    <th scope="col"><FormattedMessage id="audit.col.target" /></th>
                    <th scope="col"><FormattedMessage id="audit.col.outcome" /></th>
                    <th scope="col"><span className="visually-hidden"><FormattedMessage id="audit.col.detail" /></span></th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.sequence} className={e.outcome !== 'ALLOWED' || e.breakGlass ? 'flagged' : undefined}>
                      <td>{e.sequence}</td>
                      <td><When value={e.occurredAt} /></td>
                      <td><Link href={userHref(e.userId)}>{e.userId}</Link></td>
                      <td>{e.role ?? '—'}</td>
                      <td className="mono">{e.action}</td>
                      <td><TargetLink entry={e} /></td>
                      <td><OutcomeBadge entry={e} /></td>
                      <td><Button className="button secondary small" onPress={() => setOpen(e)}
                        aria-label={intl.formatMessage({ id: 'audit.entry.open' }, { sequence: e.sequence })}><FormattedMessage id="audit.col.detail" /></Button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager offset={offset} total={page.total} size={PAGE} onChange={(o) => { setOpen(null); setOffset(o); }} />
          </>
        ) : null}
      </section>
      {open ? (
        <section aria-labelledby="detail-title" className="card" tabIndex={-1} ref={detailRef}>
          <h2 id="detail-title"><FormattedMessage id="audit.entry.title" values={{ sequence: open.sequence }} /></h2>
          <EntryDetail entry={open} />
          <p><Button className="button secondary" onPress={() => setOpen(null)}><FormattedMessage id="audit.entry.close" /></Button></p>
        </section>
      ) : null}
    </>
  );
}
