// Verification: the latest signed checkpoint; "verify now" as a server job whose progress (phase, entries
// done of total, rate) the page polls and shows as a progress bar, then the result in words (OK, or the
// first problem: which entry or checkpoint and what is wrong); downloads fetched with the bearer token as
// Blobs (export, latest checkpoint line, the log's public key); and how to verify the export offline.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Label, ProgressBar } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, download, type Checkpoint, type Finding, type VerificationJob } from '../../api';
import { ProblemMessage, Loading, Empty, PageTitle } from '../../components/ui';
import { When } from './common';

const POLL_MS = 500;
const KINDS = new Set([
  'MALFORMED_LINE', 'ENTRY_REMOVED', 'ENTRY_INSERTED', 'ENTRIES_REORDERED', 'ENTRY_ALTERED', 'CHAIN_BROKEN',
  'CHECKPOINT_BAD_SIGNATURE', 'CHECKPOINT_WRONG_ORIGIN', 'CHECKPOINT_ROOT_MISMATCH', 'CHECKPOINT_OUT_OF_PLACE',
  'TRUNCATED', 'UNSIGNED_TAIL',
  // Not the offline verifier's: the server's own check refused to sign a fresh checkpoint.
  'CHECK_BEFORE_SIGNING',
]);

export default function Verification() {
  const intl = useIntl();
  const [checkpoints, setCheckpoints] = useState<Checkpoint[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [job, setJob] = useState<VerificationJob | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dlError, setDlError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(() => {
    api.get<Checkpoint[]>('/audit/checkpoints').then(setCheckpoints, setError);
  }, []);
  useEffect(load, [load]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  const latest = checkpoints && checkpoints.length ? checkpoints[checkpoints.length - 1] : null;

  function follow(j: VerificationJob) {
    setJob(j);
    if (j.state !== 'RUNNING') {
      load(); // a successful verification signed a fresh checkpoint
      return;
    }
    timer.current = setTimeout(() => {
      api.get<VerificationJob>(`/audit/verifications/${j.id}`).then(follow, (e) => { setError(e); setJob(null); });
    }, POLL_MS);
  }

  async function verify() {
    setError(null);
    setJob(null);
    try {
      follow(await api.post<VerificationJob>('/audit/verifications'));
    } catch (e) {
      setError(e);
    }
  }

  async function sign() {
    setBusy('sign');
    try {
      await api.post('/audit/checkpoints');
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function save(kind: 'jsonl' | 'csv' | 'checkpoint' | 'key') {
    setBusy(kind);
    setDlError(null);
    setSaved(null);
    const [path, file] = kind === 'checkpoint' ? ['/audit/published/checkpoint', 'last-audit-checkpoint.json']
      : kind === 'key' ? ['/audit/published/public-key', 'audit-signing-ed25519.pub.pem']
        : [`/audit/export?format=${kind}`, `access-log.${kind}`];
    try {
      await download(path, file);
      setSaved(file);
    } catch (e) {
      setDlError(e);
    } finally {
      setBusy(null);
    }
  }

  const running = job?.state === 'RUNNING';
  const title = intl.formatMessage({ id: 'verify.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <section aria-labelledby="cp-title" className="card">
        <h2 id="cp-title"><FormattedMessage id="verify.checkpoint.title" /></h2>
        {!checkpoints && !error ? <Loading /> : null}
        {checkpoints && !latest ? <Empty><FormattedMessage id="verify.checkpoint.none" /></Empty> : null}
        {latest ? (
          <dl className="facts" data-testid="checkpoint">
            <div className="fact"><dt><FormattedMessage id="verify.checkpoint.size" /></dt><dd>{intl.formatNumber(latest.treeSize)}</dd></div>
            <div className="fact"><dt><FormattedMessage id="verify.checkpoint.time" /></dt><dd><When value={latest.timestamp} /></dd></div>
            <div className="fact"><dt><FormattedMessage id="verify.checkpoint.root" /></dt><dd className="mono hash">{latest.rootHash}</dd></div>
            <div className="fact"><dt><FormattedMessage id="verify.checkpoint.origin" /></dt><dd className="mono">{latest.origin}</dd></div>
            <div className="fact"><dt><FormattedMessage id="verify.checkpoint.signature" /></dt>
              <dd>{latest.signature ? <FormattedMessage id="verify.checkpoint.signed" /> : <FormattedMessage id="verify.checkpoint.unsigned" />}</dd></div>
          </dl>
        ) : null}
        <Button className="button secondary" onPress={() => void sign()} isDisabled={busy === 'sign'}><FormattedMessage id="verify.checkpoint.sign" /></Button>
      </section>
      <section aria-labelledby="vn-title" className="card">
        <h2 id="vn-title"><FormattedMessage id="verify.now.title" /></h2>
        <p><FormattedMessage id="verify.now.intro" /></p>
        <Button className="button" onPress={() => void verify()} isDisabled={running}><FormattedMessage id="verify.now.button" /></Button>
        {job && running ? <JobProgress job={job} /> : null}
        <ProblemMessage error={error} />
        <div aria-live="polite" data-testid="verify-result">
          {job && job.state === 'DONE' && job.ok ? (
            <p className="success"><FormattedMessage id="verify.ok" values={{ entries: job.entriesChecked, checkpoints: job.checkpointsChecked, signed: job.signedSize }} /></p>
          ) : null}
          {job && job.state === 'DONE' && !job.ok ? <FindingReport job={job} /> : null}
          {job && job.state === 'FAILED' ? <div className="problem"><p><FormattedMessage id="verify.failed" values={{ error: job.error ?? '' }} /></p></div> : null}
          {job && job.state !== 'RUNNING' ? (
            <p className="hint"><FormattedMessage id="verify.took" values={{ entries: job.total, rate: job.rate }} /></p>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="dl-title" className="card">
        <h2 id="dl-title"><FormattedMessage id="verify.download.title" /></h2>
        <p><FormattedMessage id="verify.download.intro" values={{ checkpointFlag: <code>--checkpoint</code>, keyFlag: <code>--public-key</code> }} /></p>
        <div className="actions button-row">
          <Button className="button secondary" onPress={() => void save('jsonl')} isDisabled={!!busy}><FormattedMessage id="verify.download.jsonl" /></Button>
          <Button className="button secondary" onPress={() => void save('csv')} isDisabled={!!busy}><FormattedMessage id="verify.download.csv" /></Button>
          <Button className="button secondary" onPress={() => void save('checkpoint')} isDisabled={!!busy || !latest}><FormattedMessage id="verify.download.checkpoint" /></Button>
          <Button className="button secondary" onPress={() => void save('key')} isDisabled={!!busy}><FormattedMessage id="verify.download.key" /></Button>
        </div>
        <ProblemMessage error={dlError} />
        {saved ? <p className="success" role="status"><FormattedMessage id="verify.download.saved" values={{ file: saved }} /></p> : null}
      </section>
      <section aria-labelledby="guide-title" className="card">
        <h2 id="guide-title"><FormattedMessage id="verify.guide.title" /></h2>
        <ol>
          <li><FormattedMessage id="verify.guide.step1" /></li>
          <li><FormattedMessage id="verify.guide.step2" /></li>
          <li><FormattedMessage id="verify.guide.step3" /></li>
        </ol>
        <pre className="code">java -jar zhusan-vault-cli.jar verify-log --export access-log.jsonl --public-key audit-signing-ed25519.pub.pem --checkpoint last-audit-checkpoint.json</pre>
        <p><FormattedMessage id="verify.guide.result" /></p>
        <p><FormattedMessage id="verify.guide.keep" values={{ file: <code>last-audit-checkpoint.json</code>, checkpointFlag: <code>--checkpoint</code> }} /></p>
      </section>
    </>
  );
}

/** The server's progress: phase, entries done of total, rate and time left, as a progress bar. */
function JobProgress({ job }: { job: VerificationJob }) {
  const intl = useIntl();
  const phase = intl.formatMessage({ id: `verify.phase.${job.phase}` });
  const left = job.rate > 0 ? Math.ceil((job.total - job.done) / job.rate) : null;
  return (
    <ProgressBar className="progress" data-testid="verify-progress" value={job.done} minValue={0} maxValue={Math.max(job.total, 1)}
      valueLabel={intl.formatMessage({ id: 'verify.progress' }, { done: job.done, total: job.total })}>
      {({ percentage, valueText }) => (
        <>
          <Label>{phase}</Label>
          <span className="upload-pct">{valueText}</span>
          <div className="bar"><div className="fill" style={{ width: `${percentage ?? 0}%` }} /></div>
          <span className="hint">
            <FormattedMessage id="verify.rate" values={{ rate: job.rate }} />
            {left !== null ? <> · <FormattedMessage id="verify.left" values={{ seconds: left }} /></> : null}
          </span>
        </>
      )}
    </ProgressBar>
  );
}

/** The first problem in words: what kind, which entries or checkpoint; the verifier's own sentence below. */
function FindingReport({ job }: { job: VerificationJob }) {
  const intl = useIntl();
  const f = job.problem as Finding | undefined;
  const entries = f?.firstEntry === undefined || f?.firstEntry === null ? ''
    : f.lastEntry === undefined || f.lastEntry === null || f.lastEntry === f.firstEntry
      ? intl.formatMessage({ id: 'verify.entries.one' }, { n: f.firstEntry })
      : intl.formatMessage({ id: 'verify.entries.range' }, { first: f.firstEntry, last: f.lastEntry });
  return (
    <div className="problem" data-testid="verify-finding" data-kind={f?.kind}>
      <p><strong><FormattedMessage id="verify.bad" /></strong></p>
      {f && KINDS.has(f.kind) ? (
        <p><FormattedMessage id={`verify.kind.${f.kind}`} values={{ entries, checkpoint: f.checkpointSize ?? '—', line: f.line ?? '—' }} /></p>
      ) : null}
      {f ? <p><FormattedMessage id="verify.finding.detail" /> <span className="mono">{f.message}</span></p> : null}
      <p><FormattedMessage id="verify.bad.counts" values={{ entries: job.entriesChecked ?? 0 }} /></p>
    </div>
  );
}
