// The "Consent and disclosure" part of a person's page (issue 19): the consents (in force, revoked, expired:
// what they cover, to whom, until when, the signed consent document), recording one (roles that may file
// CONSENT documents), revoking one with a reason, and the accounting of disclosures with its PDF.
// Every decision stays in the server; the page chooses what to offer from the roles and shows refusals in words.
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { Button, Checkbox, Form, Link, Radio, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError, download, type DocumentMeta } from '../../api';
import type { Session } from '../../auth/session';
import { Field, SelectField, ProblemMessage, Empty, Loading, ErrorSummary, shortId, type SummaryError } from '../../components/ui';
import { Day } from '../../components/Day';
import { At } from '../../components/At';
import { ReasonAction } from '../../components/ReasonAction';
import { StatusLine, useSay } from '../records/SubjectRecords';
import { DOC_TYPES } from '../../state';
import {
  CONSENT_ROLES, DISCLOSURE_ROLES, GIVERS, RECIPIENT_KINDS, consentRequest, consentState, shortHash, today,
  type Consent, type ConsentForm, type Disclosure, type GivenBy, type RecipientKind,
} from '../../disclosure';

function refused(e: unknown): boolean {
  return e instanceof ApiError && e.status === 403;
}

/** A person's consents, newest first. */
export function useConsents(subjectId: string): { consents: Consent[] | null; error: unknown; reload: () => Promise<void> } {
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setConsents((await api.get<{ items: Consent[] }>(`/subjects/${subjectId}/consents`)).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [subjectId]);
  useEffect(() => { setConsents(null); void reload(); }, [reload]);
  return { consents, error, reload };
}

/** A person's disclosures (the accounting), newest first. */
export function useDisclosures(subjectId: string): { disclosures: Disclosure[] | null; error: unknown; reload: () => Promise<void> } {
  const [disclosures, setDisclosures] = useState<Disclosure[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setDisclosures((await api.get<{ items: Disclosure[] }>(`/subjects/${subjectId}/disclosures`)).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [subjectId]);
  useEffect(() => { setDisclosures(null); void reload(); }, [reload]);
  return { disclosures, error, reload };
}

export function SubjectDisclosure({ subjectId, session, docs, shredded }: { subjectId: string; session: Session; docs: DocumentMeta[]; shredded?: boolean }) {
  const mayRecord = session.roles.some((r) => CONSENT_ROLES.includes(r)) && !shredded;
  const mayDisclose = session.roles.some((r) => DISCLOSURE_ROLES.includes(r)) && !shredded;
  const consents = useConsents(subjectId);
  const accounting = useDisclosures(subjectId);
  if (refused(consents.error) && refused(accounting.error)) return null;
  return (
    <section aria-labelledby="disclosure-title" className="records disclosure" data-testid="disclosure">
      <h2 id="disclosure-title"><FormattedMessage id="disclosure.title" /></h2>
      <p className="hint"><FormattedMessage id="disclosure.intro" /></p>
      {mayDisclose ? (
        <p><Link className="button" href={`/subjects/${subjectId}/disclose`}><FormattedMessage id="disclosure.disclose.link" /></Link></p>
      ) : null}
      <Consents subjectId={subjectId} docs={docs} mayRecord={mayRecord} {...consents} />
      <Accounting subjectId={subjectId} {...accounting} />
    </section>
  );
}

/** A consent's covered types in words ("Identity document, Court document"). */
export function TypesInWords({ types }: { types: string[] }) {
  const intl = useIntl();
  return <>{types.map((t) => intl.formatMessage({ id: `doctype.${t}`, defaultMessage: t })).join(', ')}</>;
}

/** To whom a consent or disclosure goes: the kind, and the name when there is one (else "any"). */
export function RecipientInWords({ kind, name }: { kind: string; name?: string | null }) {
  return name ? <FormattedMessage id="disclosure.recipient.named" values={{ kind: <FormattedMessage id={`recipient.${kind}`} />, name }} />
    : <FormattedMessage id="disclosure.recipient.any" values={{ kind: <FormattedMessage id={`recipient.${kind}`} /> }} />;
}

function Consents({ subjectId, docs, mayRecord, consents, error, reload }: {
  subjectId: string; docs: DocumentMeta[]; mayRecord: boolean; consents: Consent[] | null; error: unknown; reload: () => Promise<void>;
}) {
  const [said, say] = useSay();
  if (refused(error)) return null;
  const day = today();
  return (
    <section aria-labelledby="consents-title" className="card">
      <h3 id="consents-title"><FormattedMessage id="consent.title" /></h3>
      <ProblemMessage error={error} />
      <StatusLine said={said} testId="consent-status" />
      {!consents && !error ? <Loading /> : null}
      {consents && consents.length === 0 ? <Empty><FormattedMessage id="consent.empty" /></Empty> : null}
      {consents && consents.length > 0 ? (
        <ul className="hold-list consent-list" data-testid="consents">
          {consents.map((c) => {
            const state = consentState(c, day);
            const doc = docs.find((d) => d.id === c.consentDocumentId);
            return (
              <li key={c.id} className={`hold consent state-${state}`} data-consent={c.id} data-state={state} aria-labelledby={`consent-${c.id}`}>
                <p id={`consent-${c.id}`} className="hold-head">
                  <span className={`badge consent-${state}`}><FormattedMessage id={`consent.state.${state}`} /></span>{' '}
                  <strong><FormattedMessage id="consent.head" values={{ types: <TypesInWords types={c.documentTypes} />, recipient: <RecipientInWords kind={c.recipientKind} name={c.recipientName} /> }} /></strong>{' '}
                  <span className="hint"><FormattedMessage id="consent.id" values={{ id: shortId(c.id) }} /></span>
                </p>
                <dl className="facts">
                  <div className="fact"><dt><FormattedMessage id="consent.givenBy" /></dt><dd>
                    {c.givenBy === 'GUARDIAN' ? <FormattedMessage id="consent.givenBy.guardianNamed" values={{ name: c.guardianName ?? '—' }} /> : <FormattedMessage id="consent.givenBy.SUBJECT" />}
                  </dd></div>
                  <div className="fact"><dt><FormattedMessage id="consent.purpose" /></dt><dd>{c.purpose}</dd></div>
                  <div className="fact"><dt><FormattedMessage id="consent.validUntil" /></dt><dd><Day value={c.validUntil} /></dd></div>
                  <div className="fact"><dt><FormattedMessage id="consent.document" /></dt><dd>
                    <Link href={`/documents/${c.consentDocumentId}`}>{doc?.title ?? <FormattedMessage id="consent.document.id" values={{ id: shortId(c.consentDocumentId) }} />}</Link>
                  </dd></div>
                  <div className="fact"><dt><FormattedMessage id="consent.recorded" /></dt><dd><FormattedMessage id="records.byAt" values={{ who: c.recordedBy, when: <At value={c.recordedAt} /> }} /></dd></div>
                  {c.revokedOn ? (
                    <>
                      <div className="fact"><dt><FormattedMessage id="consent.revokedOn" /></dt><dd><Day value={c.revokedOn} />{c.revokedBy ? <> — {c.revokedBy}</> : null}</dd></div>
                      <div className="fact"><dt><FormattedMessage id="consent.revocationReason" /></dt><dd>{c.revocationReason ?? '—'}</dd></div>
                    </>
                  ) : null}
                </dl>
                {mayRecord && !c.revokedOn ? (
                  <Revoke consent={c} onDone={async () => { await reload(); say('consent.revoked.done', { id: shortId(c.id) }); }} />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {mayRecord ? <RecordConsent subjectId={subjectId} docs={docs} onDone={async (c) => { await reload(); say('consent.recorded.done', { id: shortId(c.id) }); }} /> : null}
    </section>
  );
}

/** Revocation reasons the API accepts: 3–1000 characters. */
function revokeProblem(reason: string): string | null {
  const n = reason.trim().length;
  if (n === 0) return 'consent.revoke.reason.missing';
  if (n < 3) return 'consent.revoke.reason.short';
  if (n > 1000) return 'records.reason.long';
  return null;
}

function Revoke({ consent, onDone }: { consent: Consent; onDone: () => Promise<void> }) {
  const [on, setOn] = useState('');
  const fieldId = `revoke-${consent.id}`;
  return (
    <ReasonAction fieldId={fieldId} check={revokeProblem} onDone={onDone}
      labels={{ open: 'consent.revoke', reason: 'consent.revoke.reason', hint: 'consent.revoke.reason.hint', submit: 'consent.revoke.submit' }}
      send={(reason) => api.post<Consent>(`/consents/${encodeURIComponent(consent.id)}/revoke`, on ? { reason, revokedOn: on } : { reason })}>
      <Field id={`${fieldId}-on`} type="date" label={<FormattedMessage id="consent.revoke.on" />} hint={<FormattedMessage id="consent.revoke.on.hint" />} value={on} onChange={setOn} />
    </ReasonAction>
  );
}

/** The element id of each field of the consent form (where its error summary link leads). */
const CONSENT_FIELDS: Record<keyof ConsentForm, string> = {
  givenBy: 'consent-given-by', guardianName: 'consent-guardian', documentTypes: 'consent-types', recipientKind: 'consent-recipient-kind',
  recipientName: 'consent-recipient-name', purpose: 'consent-purpose', validUntil: 'consent-until', consentDocumentId: 'consent-document',
};

const EMPTY_FORM: ConsentForm = {
  givenBy: 'SUBJECT', guardianName: '', documentTypes: [], recipientKind: null, recipientName: '', purpose: '', validUntil: '', consentDocumentId: null,
};

function RecordConsent({ subjectId, docs, onDone }: { subjectId: string; docs: DocumentMeta[]; onDone: (c: Consent) => Promise<void> }) {
  const intl = useIntl();
  const [form, setForm] = useState<ConsentForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fixed, setFixed] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const givenLegend = useId();
  const typesLegend = useId();
  const signed = docs.filter((d) => d.type === 'CONSENT' && !d.destroyedAt);
  const err = (id: string) => (fixed.has(id) ? null : errors.find((e) => e.fieldId === id)?.message ?? null);
  const set = <K extends keyof ConsentForm>(k: K) => (v: ConsentForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // A field's own error goes once the field is changed (the summary stays until the next try).
    setFixed((f) => (f.has(CONSENT_FIELDS[k]) ? f : new Set(f).add(CONSENT_FIELDS[k])));
  };

  async function submit() {
    const built = consentRequest(form, today());
    setFixed(new Set());
    if (!built.ok) {
      setErrors(built.missing.map((m) => ({ fieldId: m.field, message: intl.formatMessage({ id: m.message }) })));
      return;
    }
    setErrors([]);
    setBusy(true);
    setError(null);
    try {
      const consent = await api.post<Consent>(`/subjects/${subjectId}/consents`, built.body);
      setForm(EMPTY_FORM);
      await onDone(consent);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="record-consent-title" className="place-hold record-consent">
      <h4 id="record-consent-title"><FormattedMessage id="consent.form.title" /></h4>
      <p className="hint"><FormattedMessage id="consent.form.intro" /></p>
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }} validationBehavior="aria">
        <ErrorSummary errors={errors} />
        {signed.length === 0 ? <p className="hint" data-testid="no-consent-document"><FormattedMessage id="consent.form.document.none" /></p> : null}
        <SelectField id="consent-document" label={<FormattedMessage id="consent.form.document" />} hint={<FormattedMessage id="consent.form.document.hint" />}
          value={form.consentDocumentId} onChange={set('consentDocumentId')} error={err('consent-document')}
          placeholder={intl.formatMessage({ id: 'consent.form.document.choose' })}
          options={signed.map((d) => ({ id: d.id, label: `${d.title ?? shortId(d.id)} (${shortId(d.id)})` }))} />
        <fieldset className="field fieldset">
          <legend id={givenLegend}><FormattedMessage id="consent.form.givenBy" /></legend>
          <RadioGroup aria-labelledby={givenLegend} value={form.givenBy} onChange={(v) => set('givenBy')(v as GivenBy)} className="radios">
            {GIVERS.map((g) => (
              <Radio key={g} value={g} className="radio"><span className="dot" aria-hidden="true" /><FormattedMessage id={`consent.givenBy.${g}`} /></Radio>
            ))}
          </RadioGroup>
        </fieldset>
        {form.givenBy === 'GUARDIAN' ? (
          <Field id="consent-guardian" label={<FormattedMessage id="consent.form.guardian" />} hint={<FormattedMessage id="consent.form.guardian.hint" />}
            value={form.guardianName} onChange={set('guardianName')} error={err('consent-guardian')} />
        ) : null}
        <TypeCheckboxes id="consent-types" legendId={typesLegend} legend={<FormattedMessage id="consent.form.types" />} hint={<FormattedMessage id="consent.form.types.hint" />}
          error={err('consent-types')} value={form.documentTypes} onChange={set('documentTypes')} />
        <SelectField id="consent-recipient-kind" label={<FormattedMessage id="consent.form.recipientKind" />} value={form.recipientKind}
          onChange={(v) => set('recipientKind')(v as RecipientKind)} error={err('consent-recipient-kind')}
          placeholder={intl.formatMessage({ id: 'disclosure.recipientKind.choose' })}
          options={RECIPIENT_KINDS.map((k) => ({ id: k, label: intl.formatMessage({ id: `recipient.${k}` }) }))} />
        <Field id="consent-recipient-name" label={<FormattedMessage id="consent.form.recipientName" />} hint={<FormattedMessage id="consent.form.recipientName.hint" />}
          value={form.recipientName} onChange={set('recipientName')} />
        <Field id="consent-purpose" label={<FormattedMessage id="consent.form.purpose" />} hint={<FormattedMessage id="consent.form.purpose.hint" />}
          value={form.purpose} onChange={set('purpose')} error={err('consent-purpose')} />
        <Field id="consent-until" type="date" label={<FormattedMessage id="consent.form.until" />} hint={<FormattedMessage id="consent.form.until.hint" />}
          value={form.validUntil} onChange={set('validUntil')} error={err('consent-until')} />
        <ProblemMessage error={error} />
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="consent.form.button" /></Button>
      </Form>
    </section>
  );
}

/** Document types as checkboxes in a fieldset with its legend (each checkbox is a native input underneath). */
function TypeCheckboxes({ id, legendId, legend, hint, error, value, onChange }: {
  id: string; legendId: string; legend: ReactNode; hint?: ReactNode; error: string | null; value: string[]; onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="field fieldset" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend id={legendId}>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      <div className="checkbox-grid" id={id} tabIndex={-1}>
        {DOC_TYPES.map((t) => (
          <Checkbox key={t} value={t} className="checkbox" isSelected={value.includes(t)}
            onChange={(on) => onChange(on ? [...value, t] : value.filter((x) => x !== t))}>
            <span className="box" aria-hidden="true" />
            <FormattedMessage id={`doctype.${t}`} />
          </Checkbox>
        ))}
      </div>
    </fieldset>
  );
}

export function Accounting({ subjectId, disclosures, error, reload, compact }: {
  subjectId: string; disclosures: Disclosure[] | null; error: unknown; reload?: () => Promise<void>; compact?: boolean;
}) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  void reload;
  if (refused(error)) return null;
  async function savePdf() {
    setBusy(true);
    setPdfError(null);
    setSaved(null);
    const file = `disclosures-${subjectId}.pdf`;
    try {
      await download(`/subjects/${subjectId}/disclosures/accounting.pdf`, file);
      setSaved(file);
    } catch (e) {
      setPdfError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="accounting-title" className="card accounting" data-testid="accounting">
      <h3 id="accounting-title"><FormattedMessage id="accounting.title" /></h3>
      {!compact ? <p className="hint"><FormattedMessage id="accounting.intro" /></p> : null}
      <ProblemMessage error={error} />
      {!disclosures && !error ? <Loading /> : null}
      {disclosures && disclosures.length === 0 ? <Empty><FormattedMessage id="accounting.empty" /></Empty> : null}
      {disclosures && disclosures.length > 0 ? (
        <>
          <p className="count" data-testid="accounting-count"><FormattedMessage id="accounting.count" values={{ count: disclosures.length }} /></p>
          <div className="table-scroll">
            <table className="table" data-testid="accounting-table">
              <caption className="visually-hidden"><FormattedMessage id="accounting.title" /></caption>
              <thead><tr>
                <th scope="col"><FormattedMessage id="accounting.when" /></th>
                <th scope="col"><FormattedMessage id="accounting.to" /></th>
                <th scope="col"><FormattedMessage id="accounting.what" /></th>
                <th scope="col"><FormattedMessage id="accounting.why" /></th>
                <th scope="col"><FormattedMessage id="accounting.basis" /></th>
                <th scope="col"><FormattedMessage id="accounting.package" /></th>
              </tr></thead>
              <tbody>
                {disclosures.map((d) => (
                  <tr key={d.id} data-disclosure={d.id}>
                    <td><At value={d.madeAt} /><br /><span className="hint">{d.madeBy}</span></td>
                    <td><RecipientInWords kind={d.recipientKind} name={d.recipientName} /></td>
                    <td>
                      <FormattedMessage id="accounting.items" values={{ count: d.items.length }} />
                      <ul className="plain">
                        {d.items.map((i) => (
                          <li key={`${i.documentId}-${i.versionNo}`}>
                            <FormattedMessage id="accounting.item" values={{ type: intl.formatMessage({ id: `doctype.${i.documentType}`, defaultMessage: i.documentType }), id: shortId(i.documentId), version: i.versionNo }} />
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{d.purpose}</td>
                    <td><FormattedMessage id={`basis.kind.${d.basisKind}`} /><br /><span className="hint">{d.basis}</span></td>
                    <td>
                      <FormattedMessage id={`package.${d.packageKind}`} /><br />
                      <code className="hash" title={d.packageSha256} aria-label={intl.formatMessage({ id: 'accounting.hash' }, { hash: d.packageSha256 })}>{shortHash(d.packageSha256)}</code>
                      <br /><span className="hint"><FormattedMessage id="disclose.done.id" values={{ id: d.id }} /></span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {disclosures ? (
        <div className="button-row">
          <Button className="button secondary" isDisabled={busy} onPress={() => void savePdf()}><FormattedMessage id="accounting.pdf" /></Button>
          <span role="status" aria-live="polite" className="hint">{saved ? <FormattedMessage id="records.certificate.saved" values={{ file: saved }} /> : null}</span>
        </div>
      ) : null}
      <ProblemMessage error={pdfError} />
    </section>
  );
}
