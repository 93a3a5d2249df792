import { lazy, Suspense, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Loading } from './ui';

// pdf.js is loaded only when a PDF is opened.
const PdfView = lazy(() => import('./PdfView'));

const TEXT_TYPES = ['text/plain', 'text/csv'];
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Shows fetched content: PDF pages with pdf.js, images inline from an object URL (revoked when the
 * viewer closes), text as text; anything else is offered as a download. Nothing else renders inline.
 */
export function Viewer({ blob, mediaType, fileName }: { blob: Blob; mediaType: string; fileName: string }) {
  const base = mediaType.split(';')[0].trim().toLowerCase();
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);

  useEffect(() => {
    if (TEXT_TYPES.includes(base)) blob.text().then(setText);
  }, [blob, base]);

  return (
    <div className="viewer" data-testid="viewer" data-kind={base === 'application/pdf' ? 'pdf' : IMAGE_TYPES.includes(base) ? 'image' : TEXT_TYPES.includes(base) ? 'text' : 'download'}>
      {base === 'application/pdf' ? (
        <Suspense fallback={<Loading />}><PdfView blob={blob} /></Suspense>
      ) : IMAGE_TYPES.includes(base) && url ? (
        <img src={url} alt={fileName} className="viewer-image" />
      ) : TEXT_TYPES.includes(base) ? (
        text === null ? <Loading /> : <pre className="viewer-text">{text}</pre>
      ) : null}
      {url ? (
        <p><a href={url} download={fileName} className="button secondary"><FormattedMessage id="viewer.download" values={{ name: fileName }} /></a></p>
      ) : null}
    </div>
  );
}
