// Verification: the latest signed checkpoint, "verify now" (the server checks the whole chain and every
// checkpoint exactly as the offline verifier does), downloads fetched with the bearer token as Blobs,
// and how to verify the export offline.
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, download, type Checkpoint, type Verification as Result } from '../../api';
import { ProblemMessage, Loading, Empty, PageTitle } from '../../components/ui';
import { When } from './common';

export default function Verification() {
  const intl = useIntl();
  const [checkpoints, setCheckpoints] = useState<Checkpoint[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [dlError, setDlError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(() => {
    api.get<Checkpoint[]>('/audit/checkpoints').then(setCheckpoints, setError);
  }, []);
  useEffect(load, [load]);
  const latest = checkpoints && checkpoints.length ? checkpoints[checkpoints.length - 1] : null;

  async function verify() {
    setVerifying(true);
    setResult(null);
    setError(null);
    try {
      setResult(await api.get<Result>('/audit/verify'));
    } catch (e) {
      setError(e);
    } finally {
      setVerifying(false);
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

  async function save(kind: 'jsonl' | 'csv' | 'checkpoint') {
    setBusy(kind);
    setDlError(null);
    setSaved(null);
    try {
      if (kind === 'checkpoint') {
        if (!latest) return;
        const blob = new Blob([JSON.stringify(latest, null, 2) + '\n'], { type: 'application/json' });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = 'last-audit-checkpoint.json';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        setSaved('last-audit-checkpoint.json');
      } else {
        await download(`/audit/export?format=${kind}`, `access-log.${kind}`);
        setSaved(`access-log.${kind}`);
      }
    } catch (e) {
      setDlError(e);
    } finally {
      setBusy(null);
    }
  }

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
        <Button className="button" onPress={() => void verify()} isDisabled={verifying}><FormattedMessage id="verify.now.button" /></Button>
        {verifying ? (
          <div role="status" className="verifying">
            <progress aria-label={intl.formatMessage({ id: 'verify.now.running' })} />
            <span><FormattedMessage id="verify.now.running" /></span>
          </div>
        ) : null}
        <ProblemMessage error={error} />
        <div aria-live="polite" data-testid="verify-result">
          {result && result.ok ? (
            <p className="success"><FormattedMessage id="verify.ok" values={{ entries: result.entriesChecked, checkpoints: result.checkpointsChecked, signed: result.signedSize }} /></p>
          ) : null}
          {result && !result.ok ? (
            <div className="problem"><p><strong><FormattedMessage id="verify.bad" /></strong></p><p className="mono">{result.problem}</p>
              <p><FormattedMessage id="verify.bad.counts" values={{ entries: result.entriesChecked }} /></p></div>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="dl-title" className="card">
        <h2 id="dl-title"><FormattedMessage id="verify.download.title" /></h2>
        <p><FormattedMessage id="verify.download.intro" /></p>
        <div className="actions button-row">
          <Button className="button secondary" onPress={() => void save('jsonl')} isDisabled={!!busy}><FormattedMessage id="verify.download.jsonl" /></Button>
          <Button className="button secondary" onPress={() => void save('csv')} isDisabled={!!busy}><FormattedMessage id="verify.download.csv" /></Button>
          <Button className="button secondary" onPress={() => void save('checkpoint')} isDisabled={!!busy || !latest}><FormattedMessage id="verify.download.checkpoint" /></Button>
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
      </section>
    </>
  );
}
