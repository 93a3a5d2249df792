import { useState } from 'react';
import { Button, Form, Label, Radio, RadioGroup, FieldError } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError, type Subject } from '../api';
import type { Session } from '../auth/session';
import { LEGAL_STATUSES } from '../state';
import { navigate } from '../router';
import { slugOf } from '../problems';
import { Field, SelectField, ErrorSummary, PageTitle, useProblemText, type SummaryError } from '../components/ui';

/** Which field a server validation problem belongs to. */
const FIELD_OF_SLUG: Record<string, string> = {
  'invalid-centre': 'reg-centre', 'invalid-sex': 'reg-sex', 'invalid-name': 'reg-name', 'invalid-iin': 'reg-iin',
  'invalid-band': 'reg-band', 'invalid-legal-status': 'reg-legal', 'field-too-long': 'reg-notes',
};

export default function Register({ session }: { session: Session }) {
  const intl = useIntl();
  const problemText = useProblemText();
  const [f, setF] = useState({ centre: session.centres[0] ?? '', sex: '', fullName: '', dateOfBirth: '', iin: '', placeOfOrigin: '', notes: '', birthYearBand: '', arrivalDate: '', legalStatus: 'NONE' });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message ?? null;
  const m = (id: string) => intl.formatMessage({ id });

  function validate(): SummaryError[] {
    const e: SummaryError[] = [];
    if (!f.centre) e.push({ fieldId: 'reg-centre', message: m('register.error.centre') });
    if (!f.fullName.trim()) e.push({ fieldId: 'reg-name', message: m('register.error.name') });
    if (f.sex !== 'F' && f.sex !== 'M') e.push({ fieldId: 'reg-sex', message: m('register.error.sex') });
    if (f.iin && !/^[0-9]{12}$/.test(f.iin.replace(/\s/g, ''))) e.push({ fieldId: 'reg-iin', message: m('register.error.iin') });
    if (f.birthYearBand && !/^[0-9]{4}-[0-9]{4}$/.test(f.birthYearBand)) e.push({ fieldId: 'reg-band', message: m('register.error.band') });
    if (f.arrivalDate && !/^\d{4}-\d{2}-\d{2}$/.test(f.arrivalDate)) e.push({ fieldId: 'reg-arrival', message: m('register.error.arrival') });
    return e;
  }

  async function submit() {
    const found = validate();
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const body = {
      centre: f.centre, sex: f.sex, fullName: f.fullName.trim(), dateOfBirth: f.dateOfBirth || undefined,
      iin: f.iin ? f.iin.replace(/\s/g, '') : undefined, placeOfOrigin: f.placeOfOrigin || undefined, notes: f.notes || undefined,
      birthYearBand: f.birthYearBand || undefined, arrivalDate: f.arrivalDate || undefined, legalStatus: f.legalStatus || undefined,
    };
    try {
      const s = await api.post<Subject>('/subjects', body);
      navigate(`/subjects/${s.id}`);
    } catch (e) {
      const slug = e instanceof ApiError ? slugOf(e.problem) : null;
      setErrors([{ fieldId: (slug && FIELD_OF_SLUG[slug]) || 'reg-name', message: problemText(e) }]);
    } finally {
      setBusy(false);
    }
  }

  const title = m('register.title');
  return (
    <div className="narrow">
      <PageTitle text={title}>{title}</PageTitle>
      <ErrorSummary errors={errors} />
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }} className="form">
        <SelectField id="reg-centre" label={<FormattedMessage id="register.centre" />} value={f.centre} onChange={set('centre')} error={err('reg-centre')}
          options={session.centres.map((c) => ({ id: c, label: c }))} />
        <Field id="reg-name" label={<FormattedMessage id="register.name" />} hint={<FormattedMessage id="register.name.hint" />} value={f.fullName} onChange={set('fullName')} error={err('reg-name')} />
        <RadioGroup className="field radio-group" value={f.sex || null} onChange={set('sex')} isInvalid={!!err('reg-sex')} validationBehavior="aria">
          <Label><FormattedMessage id="register.sex" /></Label>
          <FieldError className="field-error">{err('reg-sex')}</FieldError>
          <div className="radios">
            <Radio value="F" className="radio" id="reg-sex"><span className="dot" aria-hidden="true" /><FormattedMessage id="sex.F" /></Radio>
            <Radio value="M" className="radio"><span className="dot" aria-hidden="true" /><FormattedMessage id="sex.M" /></Radio>
          </div>
        </RadioGroup>
        <Field id="reg-iin" label={<FormattedMessage id="register.iin" />} hint={<FormattedMessage id="register.iin.hint" />} value={f.iin} onChange={set('iin')} error={err('reg-iin')} inputMode="numeric" />
        <Field id="reg-dob" label={<FormattedMessage id="register.dob" />} hint={<FormattedMessage id="register.dob.hint" />} value={f.dateOfBirth} onChange={set('dateOfBirth')} />
        <Field id="reg-band" label={<FormattedMessage id="register.band" />} hint={<FormattedMessage id="register.band.hint" />} value={f.birthYearBand} onChange={set('birthYearBand')} error={err('reg-band')} />
        <Field id="reg-arrival" type="date" label={<FormattedMessage id="register.arrival" />} value={f.arrivalDate} onChange={set('arrivalDate')} error={err('reg-arrival')} />
        <Field id="reg-origin" label={<FormattedMessage id="register.origin" />} value={f.placeOfOrigin} onChange={set('placeOfOrigin')} />
        <SelectField id="reg-legal" label={<FormattedMessage id="register.legal" />} value={f.legalStatus} onChange={set('legalStatus')} error={err('reg-legal')}
          options={LEGAL_STATUSES.map((s) => ({ id: s, label: m(`legal.${s}`) }))} />
        <Field id="reg-notes" multiline label={<FormattedMessage id="register.notes" />} value={f.notes} onChange={set('notes')} error={err('reg-notes')} />
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="register.button" /></Button>
      </Form>
    </div>
  );
}
