// Thin wrappers over React Aria Components (accessible, unstyled; styled by styles.css) so every
// page uses the same labels, hints, errors and states.
import { useEffect, useRef, type ReactNode } from 'react';
import {
  Button, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, TextArea, TextField,
} from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../api';
import { describe } from '../problems';
import { formatDay, MESSAGES, type Locale } from '../i18n';

export function Field(props: {
  id: string; label: ReactNode; value: string; onChange: (v: string) => void; hint?: ReactNode; error?: string | null;
  type?: string; multiline?: boolean; autoComplete?: string; inputMode?: 'numeric' | 'text'; isRequired?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}) {
  return (
    <TextField className="field" value={props.value} onChange={props.onChange} isInvalid={!!props.error} validationBehavior="aria" isRequired={props.isRequired} type={props.type} autoComplete={props.autoComplete ?? 'off'}>
      <Label>{props.label}</Label>
      {props.hint ? <Text slot="description" className="hint">{props.hint}</Text> : null}
      <FieldError className="field-error">{props.error}</FieldError>
      {props.multiline ? <TextArea id={props.id} rows={3} /> : <Input id={props.id} inputMode={props.inputMode} list={props.list} />}
    </TextField>
  );
}

export function SelectField(props: {
  id: string; label: ReactNode; value: string | null; onChange: (v: string) => void; options: { id: string; label: string }[];
  hint?: ReactNode; error?: string | null; placeholder?: string;
}) {
  return (
    <Select className="field select" id={props.id} selectedKey={props.value} onSelectionChange={(k) => props.onChange(String(k))} isInvalid={!!props.error} validationBehavior="aria" placeholder={props.placeholder}>
      <Label>{props.label}</Label>
      {props.hint ? <Text slot="description" className="hint">{props.hint}</Text> : null}
      <FieldError className="field-error">{props.error}</FieldError>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="chevron">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {props.options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="option" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

export interface SummaryError {
  fieldId: string;
  message: string;
}

/** GOV.UK-style error summary: focused when it appears, each error links to its field. */
export function ErrorSummary({ errors }: { errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title"><FormattedMessage id="errors.summary.title" /></h2>
      <ul>
        {errors.map((e) => (
          <li key={e.fieldId}>
            <a href={`#${e.fieldId}`} onClick={(ev) => { ev.preventDefault(); document.getElementById(e.fieldId)?.focus(); }}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A problem from the API in plain words; the server's own detail only as a fallback. */
export function useProblemText(): (e: unknown, docType?: string) => string {
  const intl = useIntl();
  const locale = (intl.locale in MESSAGES ? intl.locale : 'en') as Locale;
  return (e: unknown, docType?: string) => {
    if (!(e instanceof ApiError)) return intl.formatMessage({ id: 'problem.network' });
    const d = describe(e.problem, docType ? intl.formatMessage({ id: `doctype.${docType}` }) : undefined);
    const values: Record<string, string | number> = { ...d.values };
    // Document types a refusal names (comma-separated codes) are read in the reader's language.
    if (typeof values.types === 'string') values.types = values.types.split(',').filter(Boolean).map((t) => intl.formatMessage({ id: `doctype.${t}`, defaultMessage: t })).join(', ');
    if (typeof values.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.on)) values.on = formatDay(locale, values.on);
    const sentence = intl.formatMessage({ id: d.id }, { ...values, detail: d.fallback ?? '' });
    return sentence;
  };
}

export function ProblemMessage({ error }: { error: unknown }) {
  const text = useProblemText();
  if (!error) return null;
  return <div className="problem" role="alert">{text(error)}</div>;
}

export function Loading() {
  return <p className="loading" role="status" aria-live="polite"><FormattedMessage id="common.loading" /></p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Sets the document title and moves focus to the page heading on navigation (screen readers). */
export function PageTitle({ children, text }: { children: ReactNode; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${text} — Zhusan Vault`;
    ref.current?.focus();
  }, [text]);
  return <h1 tabIndex={-1} ref={ref}>{children}</h1>;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
