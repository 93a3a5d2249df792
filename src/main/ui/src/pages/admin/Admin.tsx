// Administrator pages (ADMIN; never content): system status, key-encryption keys with rotation progress,
// search re-index with progress. Long jobs run on the server; these pages poll their progress.
import { useCallback, useEffect, useState } from 'react';
import { Button, Label, ProgressBar } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError, type AdminStatus as Status, type BlindIndexStatus, type KeysView, type ReindexRun, type SearchStatus } from '../../api';
import { ProblemMessage, Loading, PageTitle } from '../../components/ui';
import { When } from '../audit/common';
import { rotationProgress } from './rotationProgress';

const POLL_MS = 500;

/**
 * Polls while a job runs: the next request only after the previous answer arrived, so answers can never
 * arrive out of order (an older, slower answer would move the progress bar back).
 */
function poll(running: boolean, load: () => Promise<unknown>): (() => void) | undefined {
  if (!running) return undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout>;
  const next = () => {
    timer = setTimeout(() => void load().finally(() => { if (!stopped) next(); }), POLL_MS);
  };
  next();
  return () => { stopped = true; clearTimeout(timer); };
}

export function AdminStatus() {
  const intl = useIntl();
  const [status, setStatus] = useState<Status | null>(null);
  const [search, setSearch] = useState<SearchStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<Status>('/admin/status').then(setStatus, setError);
    api.get<SearchStatus>('/search/status').then(setSearch, setError);
  }, []);
  const title = intl.formatMessage({ id: 'admin.status.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <ProblemMessage error={error} />
      {!status && !error ? <Loading /> : null}
      {status ? (
        <section className="card" aria-labelledby="st-title">
          <h2 id="st-title"><FormattedMessage id="admin.status.checks" /></h2>
          <dl className="facts" data-testid="status">
            <div className="fact"><dt><FormattedMessage id="admin.status.schema" /></dt>
              <dd>{status.schemaMigrated ? <FormattedMessage id="admin.status.schema.ok" values={{ version: status.schemaVersion }} /> : <strong><FormattedMessage id="admin.status.schema.no" /></strong>}</dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.status.time" /></dt><dd><When value={status.serverTime} /></dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.status.tokenKey" /></dt>
              <dd><FormattedMessage id={status.tokenVerificationKey ? 'admin.yes' : 'admin.no'} /></dd></div>
            {search ? (
              <div className="fact" data-testid="ocr"><dt><FormattedMessage id="admin.status.ocr" /></dt>
                <dd>{search.ocrEnabled ? <FormattedMessage id="admin.status.ocr.on" values={{ languages: search.ocrLanguages.join(', ') }} />
                  : <FormattedMessage id="admin.status.ocr.off" />}</dd></div>
            ) : null}
          </dl>
          <h3><FormattedMessage id="admin.status.keys" /></h3>
          <table className="table">
            <thead><tr><th scope="col"><FormattedMessage id="admin.status.holder" /></th><th scope="col"><FormattedMessage id="admin.status.loaded" /></th></tr></thead>
            <tbody>
              {status.keys.map((k) => (
                <tr key={k.name}>
                  <td className="mono">{k.name}</td>
                  <td>{k.loaded ? <span className="badge outcome-ALLOWED"><FormattedMessage id="admin.status.loaded.yes" /></span>
                    : <><span className="badge outcome-DENIED"><FormattedMessage id="admin.status.loaded.no" /></span> {k.problem}</>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, Math.round((100 * done) / total)) : 0;
  return (
    <div className="progress-row">
      <progress max={total || 1} value={Math.min(done, total)} aria-label={label} />
      <span>{pct}%</span>
    </div>
  );
}

export function AdminKeys() {
  const intl = useIntl();
  const [keys, setKeys] = useState<KeysView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const load = useCallback(() => api.get<KeysView>('/admin/keys').then(setKeys, setError), []);
  useEffect(() => {
    void load();
  }, [load]);
  const latest = keys?.rotations?.length ? [...keys.rotations].sort((a, b) => b.id - a.id)[0] : null;
  const running = latest?.state === 'RUNNING';
  useEffect(() => poll(running, load), [running, load]);

  async function rotate() {
    setBusy(true);
    setError(null);
    try {
      await api.post('/admin/keys/rotate');
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function retire(version: number) {
    setError(null);
    try {
      setKeys(await api.post<KeysView>(`/admin/keys/${version}/retire`));
    } catch (e) {
      setError(e);
    }
  }

  async function reload() {
    setError(null);
    setReloaded(false);
    try {
      setKeys(await api.post<KeysView>('/admin/keys/reload'));
      setReloaded(true);
    } catch (e) {
      // A refused keystore: the server's reason is shown in words.
      setError(e);
    }
  }

  const total = keys ? keys.versions.reduce((s, v) => s + v.liveDataKeys, 0) : 0;
  const primary = keys?.versions.find((v) => v.primary);
  const onPrimary = primary?.liveDataKeys ?? 0;
  const rate = latest?.rate ?? 0;
  const title = intl.formatMessage({ id: 'admin.keys.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="notice"><FormattedMessage id="admin.keys.intro" /></p>
      <ProblemMessage error={error} />
      {!keys && !error ? <Loading /> : null}
      {keys ? (
        <>
          <table className="table" data-testid="kek-versions">
            <thead><tr>
              <th scope="col"><FormattedMessage id="admin.keys.version" /></th>
              <th scope="col"><FormattedMessage id="admin.keys.state" /></th>
              <th scope="col"><FormattedMessage id="admin.keys.dataKeys" /></th>
              <th scope="col"><FormattedMessage id="admin.keys.wraps" /></th>
              <th scope="col"><span className="visually-hidden"><FormattedMessage id="admin.keys.actions" /></span></th>
            </tr></thead>
            <tbody>
              {keys.versions.map((v) => (
                <tr key={v.version}>
                  <td>{v.version} {v.primary ? <span className="badge"><FormattedMessage id="admin.keys.primary" /></span> : null}</td>
                  <td className="mono">{v.state}</td>
                  <td>{intl.formatNumber(v.liveDataKeys)}</td>
                  <td>{intl.formatNumber(v.wrapsSoFar)}</td>
                  <td>{!v.primary && v.liveDataKeys === 0 && v.state !== 'RETIRED' ? (
                    <Button className="button secondary small" onPress={() => void retire(v.version)}
                      aria-label={intl.formatMessage({ id: 'admin.keys.retire.label' }, { version: v.version })}><FormattedMessage id="admin.keys.retire" /></Button>
                  ) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Button className="button secondary" onPress={() => void reload()}><FormattedMessage id="admin.keys.reload" /></Button>
            {reloaded ? <span className="success" role="status"><FormattedMessage id="admin.keys.reloaded" /></span> : null}
          </p>
          <section className="card" aria-labelledby="rot-title">
            <h2 id="rot-title"><FormattedMessage id="admin.keys.rotation" /></h2>
            <p><FormattedMessage id="admin.keys.onPrimary" values={{ done: onPrimary, total }} /></p>
            {latest ? (
              // The run's progress as the server reports it: data keys rewrapped of its total, and the rate.
              <ProgressBar className="progress" data-testid="rotation-progress" value={latest.rewrapped} minValue={0} maxValue={Math.max(latest.total, 1)}
                valueLabel={intl.formatMessage({ id: 'admin.keys.progress' }, { done: latest.rewrapped, total: latest.total })}>
                {({ percentage, valueText }) => (
                  <>
                    <Label><FormattedMessage id="admin.keys.run.label" values={{ id: latest.id, target: latest.targetVersion }} /></Label>
                    <span className="upload-pct">{valueText}</span>
                    <div className="bar"><div className="fill" style={{ width: `${latest.total === 0 ? 100 : percentage ?? 0}%` }} /></div>
                  </>
                )}
              </ProgressBar>
            ) : <Progress done={onPrimary} total={total} label={intl.formatMessage({ id: 'admin.keys.rotation' })} />}
            {latest ? (
              <p role="status" data-testid="rotation-state">
                <FormattedMessage id="admin.keys.run" values={{ id: latest.id, target: latest.targetVersion, state: latest.state, done: latest.rewrapped }} />
                {rate > 0 && running ? <> <FormattedMessage id="admin.rate" values={{ rate, left: Math.max(0, Math.round((latest.total - latest.rewrapped) / rate)) }} /></> : null}
                {!running && latest.finishedAt ? <> <FormattedMessage id="admin.keys.run.rate" values={{ rate }} /></> : null}
              </p>
            ) : <p><FormattedMessage id="admin.keys.noRun" /></p>}
            <Button className="button" onPress={() => void rotate()} isDisabled={busy || running}><FormattedMessage id="admin.keys.rotate" /></Button>
          </section>
        </>
      ) : null}
    </>
  );
}

/** Document versions by search-index state, as GET /api/search/status counts them. */
function IndexCounts({ status }: { status: SearchStatus }) {
  const intl = useIntl();
  const rows: [string, number][] = [['versions', status.index.versions], ['queued', status.index.queued], ['indexed', status.index.indexed], ['stale', status.index.stale],
    ['notIndexed', status.index.notIndexed], ['failed', status.index.failed], ['missing', status.index.missing], ['shredded', status.index.shredded]];
  return (
    <dl className="facts" data-testid="index-counts">
      {rows.map(([k, v]) => (
        <div className="fact" key={k}><dt><FormattedMessage id={`admin.search.count.${k}`} /></dt><dd>{intl.formatNumber(v)}</dd></div>
      ))}
    </dl>
  );
}

export function AdminSearch() {
  const intl = useIntl();
  const [counts, setCounts] = useState<SearchStatus | null>(null);
  const [run, setRun] = useState<ReindexRun | null>(null);
  const [none, setNone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [scope, setScope] = useState<'stale' | 'all'>('stale');
  const load = useCallback(() => {
    api.get<SearchStatus>('/search/status').then(setCounts, setError);
    return api.get<ReindexRun>('/admin/search/reindex').then((r) => { setRun(r); setNone(false); }, (e) => {
      if (e instanceof ApiError && e.status === 404) setNone(true);
      else setError(e);
    });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const running = run?.state === 'RUNNING';
  useEffect(() => poll(running, load), [running, load]);

  async function start() {
    setError(null);
    try {
      setRun(await api.post<ReindexRun>(`/admin/search/reindex?scope=${scope}`));
      setNone(false);
    } catch (e) {
      setError(e);
    }
  }

  const seconds = run ? ((run.finishedAt ? Date.parse(run.finishedAt) : Date.now()) - Date.parse(run.startedAt)) / 1000 : 0;
  const title = intl.formatMessage({ id: 'admin.search.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="notice"><FormattedMessage id="admin.search.intro" /></p>
      <ProblemMessage error={error} />
      <section className="card" aria-labelledby="ri-title">
        <h2 id="ri-title"><FormattedMessage id="admin.search.latest" /></h2>
        {none ? <p><FormattedMessage id="admin.search.none" /></p> : null}
        {run ? (
          <dl className="facts" data-testid="reindex" data-run={run.id}>
            <div className="fact"><dt><FormattedMessage id="admin.keys.state" /></dt><dd className="mono"><span role="status">{run.state}</span></dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.search.scope" /></dt><dd className="mono">{run.scope}</dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.search.processed" /></dt>
              <dd><FormattedMessage id="admin.search.counts" values={{ processed: run.processed, indexed: run.indexed, notIndexed: run.notIndexed, failed: run.failed, skipped: run.skipped }} /></dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.search.rate" /></dt>
              <dd>{seconds > 0 ? intl.formatNumber(run.processed / seconds, { maximumFractionDigits: 1 }) : '—'}</dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.search.started" /></dt><dd>{run.startedBy}, <When value={run.startedAt} /></dd></div>
            <div className="fact"><dt><FormattedMessage id="admin.search.finished" /></dt><dd><When value={run.finishedAt} /></dd></div>
          </dl>
        ) : null}
        {run ? (
          // Versions processed of what the run had to go through when it started, as the server counts them.
          <ProgressBar className="progress" data-testid="reindex-progress" value={run.processed} minValue={0} maxValue={Math.max(run.total, 1)}
            valueLabel={intl.formatMessage({ id: 'admin.search.progress' }, { done: run.processed, total: run.total })}>
            {({ percentage, valueText }) => (
              <>
                <Label><FormattedMessage id="admin.search.latest" /></Label>
                <span className="upload-pct">{valueText}</span>
                <div className="bar"><div className="fill" style={{ width: `${run.total === 0 && run.state !== 'RUNNING' ? 100 : percentage ?? 0}%` }} /></div>
              </>
            )}
          </ProgressBar>
        ) : null}
        <fieldset className="radios-plain">
          <legend><FormattedMessage id="admin.search.scope" /></legend>
          <label><input type="radio" name="scope" checked={scope === 'stale'} onChange={() => setScope('stale')} /> <FormattedMessage id="admin.search.scope.stale" /></label>
          <label><input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> <FormattedMessage id="admin.search.scope.all" /></label>
        </fieldset>
        <Button className="button" onPress={() => void start()} isDisabled={running}><FormattedMessage id="admin.search.start" /></Button>
      </section>
      {counts ? (
        <section className="card" aria-labelledby="ix-title">
          <h2 id="ix-title"><FormattedMessage id="admin.search.byState" /></h2>
          <IndexCounts status={counts} />
          <p className="hint"><FormattedMessage id={counts.ocrEnabled ? 'admin.status.ocr.on' : 'admin.status.ocr.off'} values={{ languages: counts.ocrLanguages.join(', ') }} /></p>
        </section>
      ) : null}
    </>
  );
}

/**
 * Blind-index keys: the versions, how many subjects, indexed document versions and recorded searches
 * depend on each, and the rotation to the primary version with its progress from the server (subjects
 * re-keyed of those to do, then the document re-index: versions processed of its total).
 */
export function AdminBlindIndex() {
  const intl = useIntl();
  const [status, setStatus] = useState<BlindIndexStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => api.get<BlindIndexStatus>('/admin/keys/blind-index').then(setStatus, setError), []);
  useEffect(() => {
    void load();
  }, [load]);
  const rotation = status?.rotation ?? null;
  const running = rotation?.state === 'RUNNING';
  useEffect(() => poll(running, load), [running, load]);

  async function rotate() {
    setError(null);
    try {
      await api.post('/admin/keys/blind-index/rotate');
      await load();
    } catch (e) {
      setError(e);
    }
  }

  const { inDocuments, done, total } = rotationProgress(status);
  const title = intl.formatMessage({ id: 'admin.bidx.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="notice"><FormattedMessage id="admin.bidx.intro" /></p>
      <ProblemMessage error={error} />
      {!status && !error ? <Loading /> : null}
      {status ? (
        <>
          <table className="table" data-testid="bidx-versions">
            <thead><tr>
              <th scope="col"><FormattedMessage id="admin.keys.version" /></th>
              <th scope="col"><FormattedMessage id="admin.bidx.loaded" /></th>
              <th scope="col"><FormattedMessage id="admin.bidx.subjects" /></th>
              <th scope="col"><FormattedMessage id="admin.bidx.documents" /></th>
              <th scope="col"><FormattedMessage id="admin.bidx.queries" /></th>
              <th scope="col"><FormattedMessage id="admin.bidx.removable" /></th>
            </tr></thead>
            <tbody>
              {status.versions.map((v) => (
                <tr key={v.version}>
                  <td>{v.version} {v.primary ? <span className="badge"><FormattedMessage id="admin.keys.primary" /></span> : null}</td>
                  <td><FormattedMessage id={v.loaded ? 'admin.yes' : 'admin.no'} /></td>
                  <td>{intl.formatNumber(v.subjects)}</td>
                  <td>{intl.formatNumber(v.indexedDocumentVersions)}</td>
                  <td>{intl.formatNumber(v.recordedQueries)}</td>
                  <td><FormattedMessage id={v.removable ? 'admin.yes' : 'admin.no'} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <section className="card" aria-labelledby="bidx-rot-title">
            <h2 id="bidx-rot-title"><FormattedMessage id="admin.keys.rotation" /></h2>
            {rotation ? (
              <>
                <ProgressBar className="progress" data-testid="bidx-progress" value={done} minValue={0} maxValue={Math.max(total, 1)}
                  valueLabel={intl.formatMessage({ id: inDocuments ? 'admin.search.progress' : 'admin.bidx.progress.subjects' }, { done, total })}>
                  {({ percentage, valueText }) => (
                    <>
                      <Label><FormattedMessage id={inDocuments ? 'admin.bidx.phase.documents' : 'admin.bidx.phase.subjects'} values={{ target: rotation.targetVersion }} /></Label>
                      <span className="upload-pct">{valueText}</span>
                      <div className="bar"><div className="fill" style={{ width: `${total === 0 && !running ? 100 : percentage ?? 0}%` }} /></div>
                    </>
                  )}
                </ProgressBar>
                <p role="status" data-testid="bidx-state">
                  <FormattedMessage id="admin.bidx.run" values={{ target: rotation.targetVersion, state: rotation.state, rekeyed: rotation.subjectsRekeyed,
                    failed: rotation.subjectsFailed, documents: rotation.documentVersions }} />
                </p>
              </>
            ) : <p><FormattedMessage id="admin.keys.noRun" /></p>}
            <Button className="button" onPress={() => void rotate()} isDisabled={running}><FormattedMessage id="admin.bidx.rotate" values={{ version: status.primaryVersion }} /></Button>
          </section>
        </>
      ) : null}
    </>
  );
}
