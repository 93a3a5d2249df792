import { Day } from '../components/Day';
import { useCallback, useEffect, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { api, type DocumentMeta, type Page, type Subject } from '../api';
import type { Session } from '../auth/session';
import { STAGES, writableTypes } from '../state';
import { Field, ProblemMessage, Loading, Empty, PageTitle, shortId } from '../components/ui';
import { Uploader } from '../components/Uploader';
import { CertificateDownloads } from '../components/Certificate';
import { HoldBanner, SubjectRecords, isHeld, useHolds, useSchedule } from './records/SubjectRecords';
import { DEFAULT_ROLES, mayReadCertificates } from '../records';
import { SubjectDisclosure } from './disclosure/SubjectDisclosure';
import { SubjectOutcomes } from './outcomes/SubjectOutcomes';

/** Roles the default policy lets change a subject (stage, family links); the server decides. */
const SUBJECT_WRITERS = ['LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR', 'SOCIAL_WORKER'];

const IDENTIFYING: (keyof Subject)[] = ['fullName', 'iin', 'dateOfBirth', 'placeOfOrigin', 'notes'];

export default function SubjectPage({ id, session }: { id: string; session: Session }) {
  const intl = useIntl();
  const [subject, setSubject] = useState<Subject | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [docs, setDocs] = useState<Page<DocumentMeta> | null>(null);
  const [docsError, setDocsError] = useState<unknown>(null);
  const { schedule } = useSchedule();
  const { holds, error: holdsError, reload: reloadHolds } = useHolds(id);

  const loadDocs = useCallback(() => {
    api.get<Page<DocumentMeta>>(`/subjects/${id}/documents?limit=100`).then(setDocs, setDocsError);
  }, [id]);

  useEffect(() => {
    setSubject(null);
    setError(null);
    api.get<Subject>(`/subjects/${id}`).then(setSubject, setError);
    loadDocs();
  }, [id, loadDocs]);

  if (error) return <><h1><FormattedMessage id="subject.title.unknown" /></h1><ProblemMessage error={error} /></>;
  if (!subject) return <Loading />;

  const name = subject.fullName ?? intl.formatMessage({ id: 'subject.anonymous' }, { id: shortId(subject.id) });
  const shown = IDENTIFYING.filter((k) => subject[k] !== undefined && subject[k] !== null);
  const canFile = writableTypes(session.roles).length > 0;
  const mayWriteSubject = session.roles.some((r) => SUBJECT_WRITERS.includes(r)) && !subject.shredded;
  const certificates = mayReadCertificates(session.roles, schedule ?? DEFAULT_ROLES);

  return (
    <>
      <PageTitle text={name}>{name}</PageTitle>
      <HoldBanner holds={holds} />
      <div className="subject-grid">
        <section aria-labelledby="facts-title" className="card">
          <h2 id="facts-title"><FormattedMessage id="subject.facts" /></h2>
          <dl className="facts" data-testid="subject-facts">
            {shown.map((k) => (
              <div key={k} className="fact identifying"><dt><FormattedMessage id={`field.${k}`} /></dt><dd>{String(subject[k])}</dd></div>
            ))}
            <div className="fact"><dt><FormattedMessage id="subject.centre" /></dt><dd>{subject.centre}</dd></div>
            {subject.sex ? <div className="fact"><dt><FormattedMessage id="register.sex" /></dt><dd><FormattedMessage id={`sex.${subject.sex}`} /></dd></div> : null}
            {subject.birthYearBand ? <div className="fact"><dt><FormattedMessage id="register.band" /></dt><dd>{subject.birthYearBand}</dd></div> : null}
            {subject.arrivalDate ? <div className="fact"><dt><FormattedMessage id="subject.arrival" /></dt><dd><Day value={subject.arrivalDate} /></dd></div> : null}
            {subject.legalStatus ? <div className="fact"><dt><FormattedMessage id="register.legal" /></dt><dd><FormattedMessage id={`legal.${subject.legalStatus}`} /></dd></div> : null}
          </dl>
          {shown.length === 0 ? <p className="hint" data-testid="no-identifying"><FormattedMessage id="subject.noIdentifying" /></p> : null}
        </section>
        <Stages subject={subject} onChange={setSubject} mayWrite={mayWriteSubject} />
        <Family subject={subject} mayWrite={mayWriteSubject} />
      </div>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title"><FormattedMessage id="documents.title" /></h2>
        <ProblemMessage error={docsError} />
        {!docs && !docsError ? <Loading /> : null}
        {docs && docs.items.length === 0 ? <Empty><FormattedMessage id="documents.empty" /></Empty> : null}
        {docs && docs.items.length > 0 ? (
          <>
            <p className="count"><FormattedMessage id="documents.count" values={{ count: docs.total }} /></p>
            <table className="table">
              <thead><tr>
                <th scope="col"><FormattedMessage id="document.title" /></th>
                <th scope="col"><FormattedMessage id="document.type" /></th>
                <th scope="col"><FormattedMessage id="document.versions" /></th>
                <th scope="col"><FormattedMessage id="document.created" /></th>
              </tr></thead>
              <tbody>
                {docs.items.map((d) => d.destroyedAt ? (
                  // A destroyed document: never a title (there is none), when and the certificate that proves it.
                  <tr key={d.id} className="destroyed" data-document={d.id}>
                    <td>
                      <span className="destroyed-note"><FormattedMessage id="document.destroyed" values={{ date: <Day value={d.destroyedAt} /> }} /></span>
                      {d.certificateId && certificates ? <CertificateDownloads certificateId={d.certificateId} label={shortId(d.id)} /> : null}
                    </td>
                    <td><span className={`badge type-${d.type}`}><FormattedMessage id={`doctype.${d.type}`} /></span></td>
                    <td>—</td>
                    <td>{d.createdAt ? <Day value={d.createdAt} /> : '—'}</td>
                  </tr>
                ) : (
                  <tr key={d.id} data-document={d.id}>
                    <td><Link href={`/documents/${d.id}`}>{d.title}</Link>
                      {isHeld(holds, d.id) ? <> <span className="badge hold-active"><FormattedMessage id="records.onHold" /></span></> : null}</td>
                    <td><span className={`badge type-${d.type}`}><FormattedMessage id={`doctype.${d.type}`} /></span></td>
                    <td><FormattedNumber value={d.latestVersion} /></td>
                    <td>{d.createdAt ? <Day value={d.createdAt} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </section>
      {canFile && !subject.shredded ? <Uploader subjectId={subject.id} session={session} onUploaded={loadDocs} /> : null}
      <SubjectOutcomes subjectId={subject.id} docs={docs?.items ?? []} shredded={subject.shredded} />
      <SubjectRecords subjectId={subject.id} session={session} docs={docs?.items ?? []} holds={holds} holdsError={holdsError}
        reloadHolds={reloadHolds} schedule={schedule} mayWriteSubject={mayWriteSubject} />
      <SubjectDisclosure subjectId={subject.id} session={session} docs={docs?.items ?? []} shredded={subject.shredded} />
    </>
  );
}

function Stages({ subject, onChange, mayWrite }: { subject: Subject; onChange: (s: Subject) => void; mayWrite: boolean }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const idx = STAGES.indexOf(subject.stage);
  const next = idx >= 0 && idx < STAGES.length - 1 ? STAGES[idx + 1] : null;
  const transitions = subject.transitions ?? [];
  return (
    <section aria-labelledby="stages-title" className="card">
      <h2 id="stages-title"><FormattedMessage id="stages.title" /></h2>
      <ol className="timeline">
        {STAGES.map((s, i) => {
          const t = transitions.find((x) => x.to === s);
          return (
            <li key={s} className={i < idx ? 'done' : i === idx ? 'current' : 'future'} aria-current={i === idx ? 'step' : undefined}>
              <span className="stage-name"><FormattedMessage id={`stage.${s}`} /></span>
              {t ? <span className="stage-date"><Day value={t.effectiveOn} /></span> : null}
            </li>
          );
        })}
      </ol>
      <ProblemMessage error={error} />
      {next && mayWrite ? (
        <Button className="button secondary" isDisabled={busy} onPress={async () => {
          setBusy(true);
          setError(null);
          try {
            const updated = await api.post<Subject>(`/subjects/${subject.id}/stage`, { stage: next });
            // The stage answer carries no identifying fields: keep those already shown.
            onChange({ ...subject, stage: updated.stage, transitions: updated.transitions ?? subject.transitions });
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}><FormattedMessage id="stages.move" values={{ stage: <FormattedMessage id={`stage.${next}`} /> }} /></Button>
      ) : null}
    </section>
  );
}

function Family({ subject, mayWrite }: { subject: Subject; mayWrite: boolean }) {
  const [guardianId, setGuardianId] = useState(subject.guardianId ?? null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Subject[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <section aria-labelledby="family-title" className="card">
      <h2 id="family-title"><FormattedMessage id="family.title" /></h2>
      {guardianId ? (
        <p><FormattedMessage id="family.guardian" values={{ link: <Link href={`/subjects/${guardianId}`}><FormattedMessage id="family.guardian.open" /></Link> }} /></p>
      ) : <p className="hint"><FormattedMessage id="family.none" /></p>}
      {mayWrite ? <>
      <Form className="inline-form" onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        const v = query.trim();
        if (!v) return;
        try {
          setFound(await api.post<Subject[]>('/subjects/lookup', /^[0-9]{12}$/.test(v) ? { iin: v } : { fullName: v }));
        } catch (err) {
          setError(err);
        }
      }}>
        <Field id="family-find" label={<FormattedMessage id="family.find" />} hint={<FormattedMessage id="lookup.hint" />} value={query} onChange={setQuery} />
        <Button type="submit" className="button secondary"><FormattedMessage id="lookup.button" /></Button>
      </Form>
      <ProblemMessage error={error} />
      {found && found.length === 0 ? <Empty><FormattedMessage id="lookup.none" /></Empty> : null}
      {found && found.filter((s) => s.id !== subject.id).map((s) => (
        <p key={s.id}>
          {s.fullName ?? shortId(s.id)}{' '}
          <Button className="button secondary" onPress={async () => {
            try {
              await api.put(`/subjects/${subject.id}/guardian`, { guardianId: s.id });
              setGuardianId(s.id);
              setFound(null);
            } catch (err) {
              setError(err);
            }
          }}><FormattedMessage id="family.link" /></Button>
        </p>
      ))}
      </> : null}
    </section>
  );
}
