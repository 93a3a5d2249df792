import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApp, ROLES } from '../state';
import type { SignOutReason } from '../auth/session';
import { Field, ErrorSummary, PageTitle, type SummaryError } from '../components/ui';
import { startSession } from '../App';
import { problemOf } from '../api';

export function SignIn({ reason }: { reason?: SignOutReason }) {
  const intl = useIntl();
  const { config } = useApp();
  const [busy, setBusy] = useState(false);
  return (
    <div className="narrow">
      <PageTitle text={intl.formatMessage({ id: 'signin.title' })}><FormattedMessage id="signin.title" /></PageTitle>
      {reason === 'idle' ? <p className="notice" role="status"><FormattedMessage id="signin.idle" values={{ minutes: Math.round(config.idleTimeoutSeconds / 60) }} /></p> : null}
      {reason === 'expired' ? <p className="notice" role="status"><FormattedMessage id="signin.expired" /></p> : null}
      {config.authority ? (
        <section>
          <p><FormattedMessage id="signin.oidc.intro" /></p>
          <Button className="button" isDisabled={busy} onPress={async () => {
            setBusy(true);
            const oidc = await import('../auth/oidc');
            await oidc.signInRedirect(config, location.pathname === '/auth/callback' ? '/' : location.pathname);
          }}><FormattedMessage id="signin.oidc.button" /></Button>
        </section>
      ) : null}
      {config.devSignIn ? <DevSignIn /> : null}
      {!config.authority && !config.devSignIn ? <p className="problem" role="alert"><FormattedMessage id="signin.none" /></p> : null}
    </div>
  );
}

function DevSignIn() {
  const intl = useIntl();
  const [user, setUser] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [centres, setCentres] = useState('AST-01');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;

  async function submit() {
    const found: SummaryError[] = [];
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(user)) found.push({ fieldId: 'dev-user', message: intl.formatMessage({ id: 'signin.dev.user.error' }) });
    if (!roles.length) found.push({ fieldId: 'dev-roles', message: intl.formatMessage({ id: 'signin.dev.roles.error' }) });
    const cs = centres.split(/[\s,]+/).filter(Boolean);
    if (cs.some((c) => !/^[A-Z0-9-]{1,16}$/.test(c))) found.push({ fieldId: 'dev-centres', message: intl.formatMessage({ id: 'signin.dev.centres.error' }) });
    setErrors(found);
    if (found.length) return;
    const res = await fetch('/api/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, roles, centres: cs }), credentials: 'omit', cache: 'no-store' });
    if (!res.ok) {
      const p = await problemOf(res);
      setFailed(p.detail ?? String(p.status));
      return;
    }
    const { accessToken } = await res.json();
    await startSession(accessToken, 'dev');
  }

  return (
    <section aria-labelledby="dev-title" className="dev-signin">
      <h2 id="dev-title"><FormattedMessage id="signin.dev.title" /></h2>
      <p className="hint"><FormattedMessage id="signin.dev.intro" /></p>
      <ErrorSummary errors={errors} />
      {failed ? <p className="problem" role="alert"><FormattedMessage id="signin.dev.failed" values={{ detail: failed }} /></p> : null}
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field id="dev-user" label={<FormattedMessage id="signin.dev.user" />} value={user} onChange={setUser} error={err('dev-user')} hint={<FormattedMessage id="signin.dev.user.hint" />} />
        <CheckboxGroup className="field checkbox-group" value={roles} onChange={setRoles} isInvalid={!!err('dev-roles')} id="dev-roles" aria-describedby={err('dev-roles') ? 'dev-roles-error' : undefined}>
          <Label><FormattedMessage id="signin.dev.roles" /></Label>
          {err('dev-roles') ? <span id="dev-roles-error" className="field-error">{err('dev-roles')}</span> : null}
          <div className="checkbox-grid">
            {ROLES.map((r) => (
              <Checkbox key={r} value={r} className="checkbox">
                <span className="box" aria-hidden="true" />
                <FormattedMessage id={`role.${r}`} />
              </Checkbox>
            ))}
          </div>
        </CheckboxGroup>
        <Field id="dev-centres" label={<FormattedMessage id="signin.dev.centres" />} value={centres} onChange={setCentres} error={err('dev-centres')} hint={<FormattedMessage id="signin.dev.centres.hint" />} />
        <Button type="submit" className="button"><FormattedMessage id="signin.dev.button" /></Button>
      </Form>
    </section>
  );
}
