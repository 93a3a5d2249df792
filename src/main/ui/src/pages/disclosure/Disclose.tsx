// "Disclose documents" (issue 19): documents of one person leave the vault to a recipient for a purpose on a
// legal basis (a consent in force, a court order, a statutory ground). The form checks what it can, shows a
// summary before anything is sent, then asks the server, which decides (409 no-basis names what is missing),
// produces the package (court bundle PDF or ZIP) and records the disclosure. The package is fetched with the
// bearer token into a Blob and offered from an object URL (revoked when the page goes); the accounting below
// refreshes.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button, Checkbox, Form, Link, Radio, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError, postForBlob, type DocumentMeta, type Page, type Subject } from '../../api';
import type { Session } from '../../auth/session';
import { Field, SelectField, ProblemMessage, Loading, Empty, ErrorSummary, PageTitle, shortId, type SummaryError } from '../../components/ui';
import { Day } from '../../components/Day';
import {
  BASIS_KINDS, RECIPIENT_KINDS, consentsFor, disclosureRequest, packageFileName, packageKindFor, today,
  type BasisKind, type DisclosureForm, type RecipientKind,
} from '../../disclosure';
import { Accounting, RecipientInWords, TypesInWords, useConsents, useDisclosures } from './SubjectDisclosure';

const EMPTY: DisclosureForm = {
  documentIds: [], recipientKind: null, recipientName: '', purpose: '', caseReference: '', basisKind: null, consentId: null,
  courtOrderReference: '', statute: '',
};

/** The element id of each field of the form (where its error summary link leads). */
const DISCLOSURE_FIELDS: Record<keyof DisclosureForm, string> = {
  documentIds: 'disclose-documents', recipientKind: 'disclose-recipient-kind', recipientName: 'disclose-recipient-name', purpose: 'disclose-purpose',
  caseReference: 'disclose-case', basisKind: 'disclose-basis', consentId: 'disclose-consent', courtOrderReference: 'disclose-order', statute: 'disclose-statute',
};

interface Made { id: string; url: string; fileName: string; kind: 'COURT_BUNDLE' | 'ZIP'; count: number }

export default function Disclose({ id, session }: { id: string; session: Session }) {
  const intl = useIntl();
  void session;
  const [subject, setSubject] = useState<Subject | null>(null);
  const [subjectError, setSubjectError] = useState<unknown>(null);
  const [docs, setDocs] = useState<DocumentMeta[] | null>(null);
  const [docsError, setDocsError] = useState<unknown>(null);
  const { consents, error: consentsError, reload: reloadConsents } = useConsents(id);
  const accounting = useDisclosures(id);
  const [form, setForm] = useState<DisclosureForm>(EMPTY);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fixed, setFixed] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const docsLegend = useId();
  const basisLegend = useId();
  const consentLegend = useId();

  // The grounds this vault is configured with (vault.disclosure.statutory-grounds), as suggestions.
  const [grounds, setGrounds] = useState<string[]>([]);
  useEffect(() => {
    api.get<{ items: string[] }>('/disclosure/statutory-grounds').then((g) => setGrounds(g.items), () => setGrounds([]));
  }, []);
  useEffect(() => {
    api.get<Subject>(`/subjects/${id}`).then(setSubject, setSubjectError);
    api.get<Page<DocumentMeta>>(`/subjects/${id}/documents?limit=100`).then((p) => setDocs(p.items.filter((d) => !d.destroyedAt)), setDocsError);
  }, [id]);
  // The package's object URL lives as long as the page shows it.
  useEffect(() => () => { if (made) URL.revokeObjectURL(made.url); }, [made]);
  useEffect(() => { if (confirming) summaryRef.current?.focus(); }, [confirming]);
  useEffect(() => { if (made) doneRef.current?.focus(); }, [made]);

  const set = useCallback(<K extends keyof DisclosureForm>(k: K) => (v: DisclosureForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setConfirming(false);
    // A field's own error goes once the field is changed (the summary stays until the next check).
    setFixed((f) => (f.has(DISCLOSURE_FIELDS[k]) ? f : new Set(f).add(DISCLOSURE_FIELDS[k])));
  }, []);

  if (subjectError) return <><h1><FormattedMessage id="subject.title.unknown" /></h1><ProblemMessage error={subjectError} /></>;
  if (!subject) return <Loading />;
  const name = subject.fullName ?? intl.formatMessage({ id: 'subject.anonymous' }, { id: shortId(subject.id) });
  const chosen = (docs ?? []).filter((d) => form.documentIds.includes(d.id));
  const types = [...new Set(chosen.map((d) => d.type))];
  const fits = consentsFor(consents ?? [], types, form.recipientKind ?? '', form.recipientName, today());
  const err = (f: string) => (fixed.has(f) ? null : errors.find((e) => e.fieldId === f)?.message ?? null);

  function check() {
    const built = disclosureRequest(form);
    setFixed(new Set());
    if (!built.ok) {
      setErrors(built.missing.map((m) => ({ fieldId: m.field, message: intl.formatMessage({ id: m.message }) })));
      setConfirming(false);
      return;
    }
    setErrors([]);
    setError(null);
    setConfirming(true);
  }

  async function send() {
    const built = disclosureRequest(form);
    if (!built.ok) return;
    setBusy(true);
    setError(null);
    try {
      const { blob, headers } = await postForBlob(`/subjects/${id}/disclosures`, built.body);
      const disclosureId = headers.get('Disclosure-Id') ?? '';
      const kind = packageKindFor(form.recipientKind);
      setMade({ id: disclosureId, url: URL.createObjectURL(blob), fileName: packageFileName(headers.get('Content-Disposition'), disclosureId, kind), kind, count: form.documentIds.length });
      setConfirming(false);
      setForm(EMPTY);
      await accounting.reload();
    } catch (e) {
      setError(e);
      // A refusal for want of a basis may mean a consent changed meanwhile (revoked at another desk): list them again.
      if (e instanceof ApiError && e.status === 409) void reloadConsents();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle text={intl.formatMessage({ id: 'disclose.title' }, { name })}><FormattedMessage id="disclose.title" values={{ name }} /></PageTitle>
      <p><Link href={`/subjects/${id}`}><FormattedMessage id="disclose.back" values={{ name }} /></Link></p>
      <p className="hint"><FormattedMessage id="disclose.intro" /></p>

      {made ? (
        <div className="success-panel" ref={doneRef} tabIndex={-1} role="status" aria-live="polite" data-testid="disclose-done">
          <h2><FormattedMessage id="disclose.done.title" /></h2>
          <p><FormattedMessage id="disclose.done.text" values={{ count: made.count }} /></p>
          <p data-testid="disclosure-id"><FormattedMessage id="disclose.done.id" values={{ id: made.id }} /></p>
          <p><a className="button" href={made.url} download={made.fileName} data-testid="package-link">
            <FormattedMessage id={made.kind === 'COURT_BUNDLE' ? 'disclose.done.download.pdf' : 'disclose.done.download.zip'} values={{ file: made.fileName }} />
          </a></p>
        </div>
      ) : null}

      <section aria-labelledby="disclose-form-title" className="card disclose-form">
        <h2 id="disclose-form-title"><FormattedMessage id="disclose.form.title" /></h2>
        <Form onSubmit={(e) => { e.preventDefault(); check(); }} validationBehavior="aria">
          <ErrorSummary errors={errors} />
          <fieldset className="field fieldset" aria-describedby={err('disclose-documents') ? 'disclose-documents-error' : undefined}>
            <legend id={docsLegend}><FormattedMessage id="disclose.documents" /></legend>
            <p className="hint"><FormattedMessage id="disclose.documents.hint" /></p>
            {err('disclose-documents') ? <p id="disclose-documents-error" className="field-error">{err('disclose-documents')}</p> : null}
            <ProblemMessage error={docsError} />
            {!docs && !docsError ? <Loading /> : null}
            {docs && docs.length === 0 ? <Empty><FormattedMessage id="disclose.documents.none" /></Empty> : null}
            <div className="checkbox-list" id="disclose-documents" tabIndex={-1}>
              {(docs ?? []).map((d) => (
                <Checkbox key={d.id} value={d.id} className="checkbox" data-document={d.id} isSelected={form.documentIds.includes(d.id)}
                  onChange={(on) => set('documentIds')(on ? [...form.documentIds, d.id] : form.documentIds.filter((x) => x !== d.id))}>
                  <span className="box" aria-hidden="true" />
                  <span>{d.title ?? shortId(d.id)} <span className={`badge type-${d.type}`}><FormattedMessage id={`doctype.${d.type}`} /></span>{' '}
                    <span className="hint"><FormattedMessage id="disclose.documents.version" values={{ version: d.latestVersion }} /></span></span>
                </Checkbox>
              ))}
            </div>
          </fieldset>

          <SelectField id="disclose-recipient-kind" label={<FormattedMessage id="disclose.recipientKind" />} value={form.recipientKind}
            onChange={(v) => set('recipientKind')(v as RecipientKind)} error={err('disclose-recipient-kind')}
            hint={<FormattedMessage id="disclose.recipientKind.hint" />}
            placeholder={intl.formatMessage({ id: 'disclosure.recipientKind.choose' })}
            options={RECIPIENT_KINDS.map((k) => ({ id: k, label: intl.formatMessage({ id: `recipient.${k}` }) }))} />
          <Field id="disclose-recipient-name" label={<FormattedMessage id="disclose.recipientName" />} hint={<FormattedMessage id="disclose.recipientName.hint" />}
            value={form.recipientName} onChange={set('recipientName')} error={err('disclose-recipient-name')} />
          <Field id="disclose-purpose" label={<FormattedMessage id="disclose.purpose" />} hint={<FormattedMessage id="disclose.purpose.hint" />}
            value={form.purpose} onChange={set('purpose')} error={err('disclose-purpose')} />
          <Field id="disclose-case" label={<FormattedMessage id="disclose.case" />}
            hint={<FormattedMessage id={form.recipientKind === 'COURT' ? 'disclose.case.hint.court' : 'disclose.case.hint'} />}
            value={form.caseReference} onChange={set('caseReference')} error={err('disclose-case')} />

          <fieldset className="field fieldset" id="disclose-basis" tabIndex={-1}>
            <legend id={basisLegend}><FormattedMessage id="disclose.basis" /></legend>
            {err('disclose-basis') ? <p className="field-error">{err('disclose-basis')}</p> : null}
            <RadioGroup aria-labelledby={basisLegend} value={form.basisKind ?? ''} onChange={(v) => set('basisKind')(v as BasisKind)} className="radios radios-column">
              {BASIS_KINDS.map((k) => (
                <Radio key={k} value={k} className="radio"><span className="dot" aria-hidden="true" /><FormattedMessage id={`basis.kind.${k}`} /></Radio>
              ))}
            </RadioGroup>
          </fieldset>

          {form.basisKind === 'CONSENT' ? (
            <fieldset className="field fieldset" id="disclose-consent" tabIndex={-1} data-testid="basis-consents">
              <legend id={consentLegend}><FormattedMessage id="disclose.consent" /></legend>
              <p className="hint"><FormattedMessage id="disclose.consent.hint" /></p>
              {err('disclose-consent') ? <p className="field-error">{err('disclose-consent')}</p> : null}
              <ProblemMessage error={consentsError} />
              {consents && fits.length === 0 ? <Empty><FormattedMessage id="disclose.consent.none" /></Empty> : null}
              {fits.length > 0 ? (
                <RadioGroup aria-labelledby={consentLegend} value={form.consentId ?? ''} onChange={set('consentId')} className="radios radios-column">
                  {fits.map((f) => (
                    <Radio key={f.consent.id} value={f.consent.id} className="radio consent-choice" data-consent={f.consent.id}>
                      <span className="dot" aria-hidden="true" />
                      <span>
                        <FormattedMessage id="disclose.consent.option" values={{
                          types: <TypesInWords types={f.consent.documentTypes} />,
                          recipient: <RecipientInWords kind={f.consent.recipientKind} name={f.consent.recipientName} />,
                          until: <Day value={f.consent.validUntil} />, id: shortId(f.consent.id),
                        }} />
                        {f.missingTypes.length > 0 ? <span className="warning-text block"><FormattedMessage id="disclose.consent.missingTypes" values={{ types: <TypesInWords types={f.missingTypes} /> }} /></span> : null}
                        {!f.recipient && form.recipientKind ? <span className="warning-text block"><FormattedMessage id="disclose.consent.otherRecipient" /></span> : null}
                      </span>
                    </Radio>
                  ))}
                </RadioGroup>
              ) : null}
            </fieldset>
          ) : null}
          {form.basisKind === 'COURT_ORDER' ? (
            <Field id="disclose-order" label={<FormattedMessage id="disclose.order" />} hint={<FormattedMessage id="disclose.order.hint" />}
              value={form.courtOrderReference} onChange={set('courtOrderReference')} error={err('disclose-order')} />
          ) : null}
          {form.basisKind === 'STATUTE' ? (
            <>
              <Field id="disclose-statute" list="statutory-grounds" label={<FormattedMessage id="disclose.statute" />}
                hint={grounds.length ? <FormattedMessage id="disclose.statute.hint" values={{ grounds: grounds.join(', ') }} /> : undefined}
                value={form.statute} onChange={set('statute')} error={err('disclose-statute')} />
              <datalist id="statutory-grounds">
                {grounds.map((g) => <option key={g} value={g} />)}
              </datalist>
            </>
          ) : null}

          {!confirming ? <Button type="submit" className="button"><FormattedMessage id="disclose.check" /></Button> : null}
        </Form>

        {confirming ? (
          <div className="confirm-panel" ref={summaryRef} tabIndex={-1} aria-labelledby="disclose-summary-title" role="region" data-testid="disclose-summary">
            <h3 id="disclose-summary-title"><FormattedMessage id="disclose.summary.title" /></h3>
            <p><FormattedMessage id="disclose.summary.text" values={{
              count: chosen.length,
              recipient: <strong><RecipientInWords kind={form.recipientKind ?? 'OTHER'} name={form.recipientName.trim()} /></strong>,
            }} /></p>
            <ul>
              {chosen.map((d) => <li key={d.id}>{d.title ?? shortId(d.id)} — <FormattedMessage id={`doctype.${d.type}`} /></li>)}
            </ul>
            <p><FormattedMessage id={packageKindFor(form.recipientKind) === 'COURT_BUNDLE' ? 'disclose.summary.bundle' : 'disclose.summary.zip'} /></p>
            <p className="warning-text"><FormattedMessage id="disclose.summary.recorded" /></p>
            <ProblemMessage error={error} />
            <div className="button-row">
              <Button className="button" isDisabled={busy} onPress={() => void send()}><FormattedMessage id="disclose.send" values={{ count: chosen.length }} /></Button>{' '}
              <Button className="button secondary" onPress={() => { setConfirming(false); setError(null); }}><FormattedMessage id="disclose.change" /></Button>
            </div>
          </div>
        ) : null}
      </section>

      <Accounting subjectId={id} {...accounting} compact />
    </>
  );
}
