import { useState } from 'react';
import { Button, DropZone, FileTrigger, ProgressBar, Label, Text } from 'react-aria-components';
import type { DropItem, FileDropItem } from 'react-aria-components';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { upload, type DocumentMeta, type Version } from '../api';
import type { Session } from '../auth/session';
import { purposesFor, writableTypes } from '../state';
import { Field, SelectField, ErrorSummary, useProblemText, type SummaryError } from './ui';

interface Item {
  key: string;
  file: File;
  loaded: number;
  state: 'waiting' | 'uploading' | 'done' | 'refused';
  verdict?: string;
  documentId?: string;
}

let counter = 0;

/**
 * Files dropped (or picked) onto a subject — or as a new version of one document — uploaded one by
 * one with a progress bar each and the server's verdict per file in plain words.
 */
export function Uploader(props: { subjectId?: string; documentId?: string; docType?: string; session: Session; onUploaded: () => void }) {
  const intl = useIntl();
  const problemText = useProblemText();
  const types = writableTypes(props.session.roles);
  const purposes = purposesFor(props.session.roles);
  const [type, setType] = useState<string | null>(props.docType ?? types[0] ?? null);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<string | null>(purposes[0] ?? null);
  const [items, setItems] = useState<Item[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const isVersion = !!props.documentId;
  const m = (id: string, v?: Record<string, unknown>) => intl.formatMessage({ id }, v as never);

  const patch = (key: string, p: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  async function start(files: File[]) {
    const e: SummaryError[] = [];
    if (!isVersion && !type) e.push({ fieldId: 'up-type', message: m('upload.error.type') });
    if (!purpose) e.push({ fieldId: 'up-purpose', message: m('upload.error.purpose') });
    if (!files.length) e.push({ fieldId: 'up-files', message: m('upload.error.files') });
    setErrors(e);
    if (e.length) return;
    const added = files.map((file) => ({ key: `f${++counter}`, file, loaded: 0, state: 'waiting' as const }));
    setItems((all) => [...added, ...all]);
    for (const item of added) {
      patch(item.key, { state: 'uploading' });
      const fields: Record<string, string> = isVersion
        ? { purpose: purpose! }
        : { type: type!, title: (files.length === 1 && title.trim()) || (title.trim() ? `${title.trim()} — ${item.file.name}` : item.file.name), purpose: purpose! };
      const path = isVersion ? `/documents/${props.documentId}/versions` : `/subjects/${props.subjectId}/documents`;
      const { promise } = upload<DocumentMeta | Version>(path, fields, item.file, (p) => patch(item.key, { loaded: p.loaded }));
      try {
        const answer = await promise;
        patch(item.key, { state: 'done', loaded: item.file.size, documentId: (answer as DocumentMeta)?.id });
        props.onUploaded();
      } catch (err) {
        patch(item.key, { state: 'refused', verdict: problemText(err, isVersion ? props.docType : type!) });
      }
    }
  }

  async function onDrop(dropped: DropItem[]) {
    const files = await Promise.all(dropped.filter((d): d is FileDropItem => d.kind === 'file').map((d) => d.getFile()));
    void start(files);
  }

  return (
    <section aria-labelledby="upload-title" className="card uploader">
      <h2 id="upload-title"><FormattedMessage id={isVersion ? 'upload.version.title' : 'upload.title'} /></h2>
      <ErrorSummary errors={errors} />
      <div className="upload-fields">
        {!isVersion ? (
          <>
            <SelectField id="up-type" label={<FormattedMessage id="upload.type" />} value={type} onChange={setType} error={errors.find((x) => x.fieldId === 'up-type')?.message}
              options={types.map((t) => ({ id: t, label: m(`doctype.${t}`) }))} />
            <Field id="up-title" label={<FormattedMessage id="upload.docTitle" />} hint={<FormattedMessage id="upload.docTitle.hint" />} value={title} onChange={setTitle} />
          </>
        ) : null}
        <SelectField id="up-purpose" label={<FormattedMessage id="upload.purpose" />} hint={<FormattedMessage id="purpose.hint" />} value={purpose} onChange={setPurpose}
          error={errors.find((x) => x.fieldId === 'up-purpose')?.message}
          options={purposes.map((p) => ({ id: p, label: m(`purpose.${p}`) }))} />
      </div>
      <DropZone className="dropzone" onDrop={(e) => void onDrop(e.items)} aria-label={m('upload.drop.label')}>
        <Text slot="label" className="drop-text"><FormattedMessage id="upload.drop" /></Text>
        <FileTrigger allowsMultiple={!isVersion} onSelect={(list) => list && void start(Array.from(list))}>
          <Button className="button secondary" id="up-files"><FormattedMessage id={isVersion ? 'upload.pick.one' : 'upload.pick'} /></Button>
        </FileTrigger>
      </DropZone>
      {items.length ? (
        <ul className="upload-list" aria-live="polite" data-testid="upload-list">
          {items.map((i) => (
            <li key={i.key} className={`upload-item ${i.state}`} data-state={i.state} data-file={i.file.name}>
              <ProgressBar className="progress" value={i.file.size ? Math.min(100, (100 * i.loaded) / i.file.size) : 100} aria-label={m('upload.progress', { name: i.file.name })}>
                {({ percentage }) => (
                  <>
                    <Label className="upload-name">{i.file.name}</Label>
                    <span className="upload-pct"><FormattedNumber value={(percentage ?? 0) / 100} style="percent" /></span>
                    <div className="bar"><div className="fill" style={{ width: `${percentage ?? 0}%` }} /></div>
                  </>
                )}
              </ProgressBar>
              <p className="verdict">
                {i.state === 'done' ? <FormattedMessage id="upload.done" /> : null}
                {i.state === 'uploading' ? <FormattedMessage id="upload.uploading" /> : null}
                {i.state === 'waiting' ? <FormattedMessage id="upload.waiting" /> : null}
                {i.state === 'refused' ? <span className="refused" role="alert">{i.verdict}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
