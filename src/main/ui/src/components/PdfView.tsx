import { useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from 'react-aria-components';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** PDF pages on a canvas with pdf.js: no eval, no scripting, no forms or annotation scripts. */
export default function PdfView({ blob }: { blob: Blob }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let doc: PDFDocumentProxy | null = null;
    let cancelled = false;
    blob.arrayBuffer().then(async (data) => {
      const task = getDocument({ data: new Uint8Array(data), isEvalSupported: false, enableXfa: false, disableAutoFetch: true, stopAtErrors: false });
      try {
        doc = await task.promise;
        if (!cancelled) setPdf(doc);
      } catch {
        if (!cancelled) setFailed(true);
      }
    });
    return () => {
      cancelled = true;
      void doc?.destroy();
    };
  }, [blob]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let task: { cancel: () => void } | null = null;
    (async () => {
      const p = await pdf.getPage(page);
      const viewport = p.getViewport({ scale: 1.4 });
      const c = canvas.current!;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      const render = p.render({ canvas: c, viewport, annotationMode: 0 });
      task = render;
      await render.promise.then(() => c.setAttribute('data-rendered', String(page)), () => undefined);
    })();
    return () => task?.cancel();
  }, [pdf, page]);

  if (failed) return <p className="problem" role="alert"><FormattedMessage id="viewer.pdfFailed" /></p>;
  return (
    <div className="pdf">
      {pdf ? (
        <div className="pdf-nav">
          <Button className="button secondary" isDisabled={page <= 1} onPress={() => setPage(page - 1)}><FormattedMessage id="pager.previous" /></Button>
          <span><FormattedMessage id="viewer.page" values={{ page, pages: pdf.numPages }} /></span>
          <Button className="button secondary" isDisabled={page >= pdf.numPages} onPress={() => setPage(page + 1)}><FormattedMessage id="pager.next" /></Button>
        </div>
      ) : <FormattedMessage id="common.loading" />}
      <canvas ref={canvas} className="pdf-canvas" aria-label="PDF" role="img" />
    </div>
  );
}
