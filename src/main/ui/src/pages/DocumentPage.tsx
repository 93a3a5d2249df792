import { Day } from '../components/Day';
import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, FormattedNumber, FormattedTime, useIntl } from 'react-intl';
import { api, ApiError, fetchContent, type BreakGlass, type DocumentMeta, type Grant } from '../api';
import type { Session } from '../auth/session';
import { purposesFor, useApp } from '../state';
import { Field, SelectField, ProblemMessage, Loading, PageTitle, ErrorSummary, useProblemText, type SummaryError } from '../components/ui';
import { Uploader } from '../components/Uploader';
import { Viewer } from '../components/Viewer';
import { ExtractionState } from '../components/ExtractionState';
import { writableTypes } from '../state';
import { DocumentHoldBanner } from './records/SubjectRecords';

export default function DocumentPage({ id, session }: { id: string; session: Session }) {
  const intl = useIntl();
  const [doc, setDoc] = useState<DocumentMeta | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    api.get<DocumentMeta>(`/documents/${id}`).then(setDoc, setError);
  }, [id]);
  useEffect(() => {
    setDoc(null);
    setError(null);
    load();
  }, [load]);
  // Text is extracted after the upload: look again while a version waits for it.
  const waiting = doc?.versions?.some((v) => v.extractionStatus === 'PENDING') ?? false;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setTimeout(load, 1500);
    return () => window.clearTimeout(timer);
  }, [doc, waiting, load]);
  const { breakGlass, addBreakGlass } = useApp();
  useEffect(() => {
    // A break-glass opened from a refused page knew only the id: name it in the banner once loaded.
    const open = doc && breakGlass.find((b) => b.documentId === doc.id);
    if (open && doc && open.title !== doc.title) addBreakGlass({ ...open, title: doc.title });
  }, [doc, breakGlass, addBreakGlass]);

  if (error) {
    // A document outside my policy: its metadata is refused too (403). Break-glass roles may still
    // open it in an emergency, with a written justification; then the page loads normally.
    const mayBreakGlass = error instanceof ApiError && error.status === 403 && session.roles.some((r) => BREAK_GLASS_ROLES.includes(r));
    return (
      <>
        <h1><FormattedMessage id="document.unknown" /></h1>
        <ProblemMessage error={error} />
        {mayBreakGlass ? <BreakGlassForm doc={{ id, title: id }} onOpened={() => { setError(null); load(); }} /> : null}
      </>
    );
  }
  if (!doc) return <Loading />;
  const versions = [...(doc.versions ?? [])].sort((a, b) => b.version - a.version);
  const latest = versions[0];
  const mayWrite = writableTypes(session.roles).includes(doc.type);

  return (
    <>
      <p className="breadcrumb"><Link href={`/subjects/${doc.subjectId}`}><FormattedMessage id="document.backToPerson" /></Link></p>
      <PageTitle text={doc.title}>{doc.title}</PageTitle>
      <DocumentHoldBanner subjectId={doc.subjectId} documentId={doc.id} />
      <p><span className={`badge type-${doc.type}`}><FormattedMessage id={`doctype.${doc.type}`} /></span>{' '}
        {doc.createdAt ? <FormattedMessage id="document.createdBy" values={{ who: doc.createdBy ?? '—', date: <Day value={doc.createdAt} /> }} /> : null}</p>
      <Open doc={doc} session={session} />
      <section aria-labelledby="versions-title" className="card">
        <h2 id="versions-title"><FormattedMessage id="versions.title" /></h2>
        <table className="table">
          <thead><tr>
            <th scope="col"><FormattedMessage id="versions.number" /></th>
            <th scope="col"><FormattedMessage id="versions.file" /></th>
            <th scope="col"><FormattedMessage id="versions.kind" /></th>
            <th scope="col"><FormattedMessage id="versions.size" /></th>
            <th scope="col"><FormattedMessage id="versions.uploaded" /></th>
            <th scope="col"><FormattedMessage id="versions.extraction" /></th>
          </tr></thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td><FormattedNumber value={v.version} /></td>
                <td>{v.fileName ?? '—'}</td>
                <td>{v.mediaType ?? '—'}</td>
                <td>{v.sizeBytes !== undefined ? <FormattedNumber value={v.sizeBytes / 1024} maximumFractionDigits={1} /> : '—'} <FormattedMessage id="versions.kib" /></td>
                <td>{v.uploadedAt ? <><Day value={v.uploadedAt} /> <FormattedTime value={v.uploadedAt} /></> : '—'} {v.uploadedBy ?? ''}</td>
                <td><ExtractionState version={v} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {latest?.metadata && Object.keys(latest.metadata).length ? (
          <details className="metadata">
            <summary><FormattedMessage id="versions.metadata" /></summary>
            <dl>{Object.entries(latest.metadata).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}</dl>
          </details>
        ) : null}
      </section>
      {mayWrite ? <Uploader documentId={doc.id} docType={doc.type} session={session} onUploaded={load} /> : null}
      <Share doc={doc} session={session} />
      <p className="hint">{intl.formatMessage({ id: 'document.auditNote' })}</p>
    </>
  );
}

/** Choose a purpose first (the API requires one), then open a version. Break-glass on refusal. */
function Open({ doc, session }: { doc: DocumentMeta; session: Session }) {
  const intl = useIntl();
  const purposes = purposesFor(session.roles);
  const [purpose, setPurpose] = useState<string | null>(null);
  const [version, setVersion] = useState(String(doc.latestVersion));
  const [blob, setBlob] = useState<Blob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const versions = [...(doc.versions ?? [])].sort((a, b) => b.version - a.version);
  const v = versions.find((x) => String(x.version) === version) ?? versions[0];

  async function open() {
    if (!purpose) {
      setErrors([{ fieldId: 'open-purpose', message: intl.formatMessage({ id: 'open.error.purpose' }) }]);
      return;
    }
    setErrors([]);
    setError(null);
    setBusy(true);
    try {
      setBlob(await fetchContent(doc.id, Number(version), purpose));
    } catch (e) {
      setError(e);
      setBlob(null);
    } finally {
      setBusy(false);
    }
  }

  const refused = error instanceof ApiError && error.status === 403 && session.roles.some((r) => BREAK_GLASS_ROLES.includes(r));
  return (
    <section aria-labelledby="open-title" className="card">
      <h2 id="open-title"><FormattedMessage id="open.title" /></h2>
      <ErrorSummary errors={errors} />
      {purposes.length === 0 ? <p className="hint"><FormattedMessage id="open.noPurpose" /></p> : (
        <Form className="inline-form" onSubmit={(e) => { e.preventDefault(); void open(); }}>
          <SelectField id="open-purpose" label={<FormattedMessage id="open.purpose" />} hint={<FormattedMessage id="purpose.hint" />} value={purpose} onChange={setPurpose}
            placeholder={intl.formatMessage({ id: 'open.purpose.choose' })} error={errors[0]?.message}
            options={purposes.map((p) => ({ id: p, label: intl.formatMessage({ id: `purpose.${p}` }) }))} />
          {versions.length > 1 ? (
            <SelectField id="open-version" label={<FormattedMessage id="open.version" />} value={version} onChange={setVersion}
              options={versions.map((x) => ({ id: String(x.version), label: intl.formatMessage({ id: 'open.version.n' }, { n: x.version }) }))} />
          ) : null}
          <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="open.button" /></Button>
          {blob ? <Button className="button secondary" onPress={() => setBlob(null)}><FormattedMessage id="open.close" /></Button> : null}
        </Form>
      )}
      {busy ? <Loading /> : null}
      <ProblemMessage error={error} />
      {refused ? <BreakGlassForm doc={doc} onOpened={() => void open()} /> : null}
      {blob && v ? <Viewer blob={blob} mediaType={v.mediaType ?? blob.type} fileName={v.fileName ?? doc.title} /> : null}
    </section>
  );
}

function BreakGlassForm({ doc, onOpened }: { doc: { id: string; title: string }; onOpened: () => void }) {
  const intl = useIntl();
  const { addBreakGlass } = useApp();
  const problemText = useProblemText();
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  return (
    <div className="break-glass-form">
      <h3><FormattedMessage id="breakglass.title" /></h3>
      <p><FormattedMessage id="breakglass.intro" /></p>
      <ErrorSummary errors={errors} />
      <Form onSubmit={async (e) => {
        e.preventDefault();
        if (justification.trim().length < 30) {
          setErrors([{ fieldId: 'bg-why', message: intl.formatMessage({ id: 'breakglass.error.short' }) }]);
          return;
        }
        try {
          const bg = await api.post<BreakGlass>(`/documents/${doc.id}/break-glass`, { justification: justification.trim() });
          addBreakGlass({ documentId: doc.id, title: doc.title, expiresAt: bg.expiresAt });
          setErrors([]);
          onOpened();
        } catch (err) {
          setErrors([{ fieldId: 'bg-why', message: problemText(err) }]);
        }
      }}>
        <Field id="bg-why" multiline label={<FormattedMessage id="breakglass.justification" />} hint={<FormattedMessage id="breakglass.hint" />} value={justification} onChange={setJustification} error={errors[0]?.message} />
        <Button type="submit" className="button danger"><FormattedMessage id="breakglass.button" /></Button>
      </Form>
    </div>
  );
}

const DURATIONS = ['P1D', 'P7D', 'P30D'];
/** Roles the default policy lets open a record in an emergency (the server decides). */
const BREAK_GLASS_ROLES = ['LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR'];

function Share({ doc, session }: { doc: DocumentMeta; session: Session }) {
  const intl = useIntl();
  const problemText = useProblemText();
  const purposes = purposesFor(session.roles).filter((p) => p !== 'EMERGENCY');
  const [grantee, setGrantee] = useState('');
  const [purpose, setPurpose] = useState<string | null>(purposes[0] ?? null);
  const [duration, setDuration] = useState('P7D');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [done, setDone] = useState<Grant | null>(null);
  if (!purposes.length) return null;
  return (
    <section aria-labelledby="share-title" className="card">
      <h2 id="share-title"><FormattedMessage id="share.title" /></h2>
      <ErrorSummary errors={errors} />
      {done ? <p className="success" role="status"><FormattedMessage id="share.done" values={{ who: done.grantee, date: <Day value={done.expiresAt} /> }} /></p> : null}
      <Form className="form" onSubmit={async (e) => {
        e.preventDefault();
        const errs: SummaryError[] = [];
        if (!grantee.trim()) errs.push({ fieldId: 'share-who', message: intl.formatMessage({ id: 'share.error.who' }) });
        if (!purpose) errs.push({ fieldId: 'share-purpose', message: intl.formatMessage({ id: 'upload.error.purpose' }) });
        setErrors(errs);
        if (errs.length) return;
        try {
          setDone(await api.post<Grant>(`/documents/${doc.id}/grants`, { grantee: grantee.trim(), purpose, duration }));
          setGrantee('');
        } catch (err) {
          setErrors([{ fieldId: 'share-who', message: problemText(err) }]);
        }
      }}>
        <Field id="share-who" label={<FormattedMessage id="share.who" />} hint={<FormattedMessage id="share.who.hint" />} value={grantee} onChange={setGrantee} error={errors.find((x) => x.fieldId === 'share-who')?.message} />
        <SelectField id="share-purpose" label={<FormattedMessage id="share.purpose" />} value={purpose} onChange={setPurpose}
          options={purposes.map((p) => ({ id: p, label: intl.formatMessage({ id: `purpose.${p}` }) }))} />
        <SelectField id="share-duration" label={<FormattedMessage id="share.duration" />} value={duration} onChange={setDuration}
          options={DURATIONS.map((d) => ({ id: d, label: intl.formatMessage({ id: 'share.days' }, { count: Number(d.slice(1, -1)) }) }))} />
        <Button type="submit" className="button"><FormattedMessage id="share.button" /></Button>
      </Form>
    </section>
  );
}
