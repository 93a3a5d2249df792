// An action that needs a written reason (release a hold, revoke a consent): a button that opens a
// small form, checks the reason before sending, shows the server's refusal in words beside it.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { Field, ProblemMessage } from './ui';

export interface ReasonActionProps {
  /** Element id of the reason field (focused when the form opens); also the prefix of extra fields. */
  fieldId: string;
  /** Message ids of the opening button, the reason's label and hint, and the submit button. */
  labels: { open: string; reason: string; hint: string; submit: string };
  /** Message id of what is wrong with the reason, or null when it may be sent. */
  check: (reason: string) => string | null;
  /** Sends the trimmed reason; a rejection is shown in the form. */
  send: (reason: string) => Promise<unknown>;
  onDone: () => Promise<void>;
  /** Further fields between the reason and the buttons (e.g. a date). */
  children?: ReactNode;
}

export function ReasonAction({ fieldId, labels, check, send, onDone, children }: ReasonActionProps) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (open) document.getElementById(fieldId)?.focus(); }, [open, fieldId]);
  if (!open) {
    return <Button className="button secondary" onPress={() => setOpen(true)}><FormattedMessage id={labels.open} /></Button>;
  }
  async function submit() {
    const bad = check(reason);
    setFieldError(bad ? intl.formatMessage({ id: bad }) : null);
    if (bad) return;
    setBusy(true);
    setError(null);
    try {
      await send(reason.trim());
      await onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form className="release-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Field id={fieldId} multiline label={<FormattedMessage id={labels.reason} />} hint={<FormattedMessage id={labels.hint} />}
        value={reason} onChange={setReason} error={fieldError} />
      {children}
      <ProblemMessage error={error} />
      <div className="button-row">
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id={labels.submit} /></Button>{' '}
        <Button className="button secondary" onPress={() => setOpen(false)}><FormattedMessage id="records.cancel" /></Button>
      </div>
    </Form>
  );
}
