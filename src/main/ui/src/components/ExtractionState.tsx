// Where a version's text extraction stands, in words: waiting (with pages done of a long scan),
// searchable, or not searchable and why. The server's reasons are fixed English texts; each has a
// message of its own here so that it reads in the user's language.
import { FormattedMessage, useIntl } from 'react-intl';
import type { Version } from '../api';

/** The server's fixed reasons (ExtractionResult.Reason) and their message ids. */
export const REASONS: Record<string, string> = {
  'OCR not available': 'extraction.reason.ocr',
  'empty document': 'extraction.reason.empty',
  'encrypted or password-protected document': 'extraction.reason.encrypted',
  'document could not be parsed': 'extraction.reason.parse',
  'text limit exceeded': 'extraction.reason.text',
  'suspected zip bomb (compression ratio limit exceeded)': 'extraction.reason.bomb',
  'document structure nested too deeply': 'extraction.reason.nesting',
  'input size limit exceeded': 'extraction.reason.size',
  'full content is not of the accepted type': 'extraction.reason.type',
  'document is truncated': 'extraction.reason.truncated',
  'extraction timed out': 'extraction.reason.timeout',
  'extractor ran out of memory': 'extraction.reason.memory',
  'extraction failed on every attempt': 'extraction.reason.attempts',
};

export function ExtractionState({ version }: { version: Version }) {
  const intl = useIntl();
  const status = version.extractionStatus;
  if (!status) return <>—</>;
  if (status === 'PENDING') {
    return (
      <span role="status" data-testid="extraction-state">
        <FormattedMessage id="extraction.PENDING" />
        {version.pagesTotal ? <> <FormattedMessage id="extraction.pages" values={{ done: version.pagesDone ?? 0, total: version.pagesTotal }} /></> : null}
      </span>
    );
  }
  if (status === 'NOT_INDEXED') {
    const key = version.extractionReason ? REASONS[version.extractionReason] : undefined;
    const why = key ? intl.formatMessage({ id: key }) : version.extractionReason ?? intl.formatMessage({ id: 'extraction.reason.other' });
    return <span data-testid="extraction-state"><FormattedMessage id="extraction.notIndexedBecause" values={{ why }} /></span>;
  }
  return <span data-testid="extraction-state">{intl.messages[`extraction.${status}`] ? intl.formatMessage({ id: `extraction.${status}` }) : status}</span>;
}
