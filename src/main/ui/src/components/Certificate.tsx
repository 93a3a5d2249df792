// Downloads of a certificate of destruction (signed JSON and PDF), fetched with the bearer token as a
// Blob and saved from an object URL; nothing is kept in browser storage.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { download } from '../api';
import { certificateFile, certificatePath } from '../records';
import { ProblemMessage } from './ui';

export function CertificateDownloads({ certificateId, label }: { certificateId: string; label?: string }) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  async function save(kind: 'json' | 'pdf') {
    setBusy(true);
    setError(null);
    setSaved(null);
    const file = certificateFile(certificateId, kind);
    try {
      await download(certificatePath(certificateId, kind), file);
      setSaved(file);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const of = label ?? certificateId.slice(0, 8);
  return (
    <div className="certificate" data-certificate={certificateId}>
      <span className="button-row">
        {/* The visible words start the accessible name; which document's certificate follows for screen readers. */}
        <Button className="button secondary small" isDisabled={busy} onPress={() => void save('json')}>
          <FormattedMessage id="records.certificate.json" /><span className="visually-hidden"> {intl.formatMessage({ id: 'records.certificate.of' }, { of })}</span>
        </Button>{' '}
        <Button className="button secondary small" isDisabled={busy} onPress={() => void save('pdf')}>
          <FormattedMessage id="records.certificate.pdf" /><span className="visually-hidden"> {intl.formatMessage({ id: 'records.certificate.of' }, { of })}</span>
        </Button>
      </span>
      <ProblemMessage error={error} />
      <span role="status" aria-live="polite" className="hint">{saved ? <FormattedMessage id="records.certificate.saved" values={{ file: saved }} /> : null}</span>
    </div>
  );
}
