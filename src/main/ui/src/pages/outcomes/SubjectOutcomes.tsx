// The "Outcomes" part of a person's page (issue 20): the person's indicator history (the kinds the caller may
// read, newest first; corrected entries marked) and a small form to record an observation — kind, value, day
// observed, an optional supporting document of the person, optionally correcting an earlier observation —
// offered only for the kinds the caller may record. The server decides; refusals appear GOV.UK-style.
import { useCallback, useEffect, useId, useState } from 'react';
import { Button, Form, Link, Radio, RadioGroup } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError, type DocumentMeta } from '../../api';
import { SelectField, ProblemMessage, Empty, Loading, ErrorSummary, Field, shortId, type SummaryError } from '../../components/ui';
import { Day } from '../../components/Day';
import { At } from '../../components/At';
import { StatusLine, useSay } from '../records/SubjectRecords';
import { today } from '../../disclosure';
import { formatDay, type Locale } from '../../i18n';
import { useApp } from '../../state';
import {
  correctable, observationRequest, problemField, recordable, showsOutcomes, OBSERVATION_FIELDS,
  type IndicatorRight, type Observation, type ObservationForm,
} from '../../outcomes';

function refused(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 403 || e.status === 404);
}

export function SubjectOutcomes({ subjectId, docs, shredded }: { subjectId: string; docs: DocumentMeta[]; shredded?: boolean }) {
  const [rights, setRights] = useState<IndicatorRight[] | null>(null);
  const [rightsError, setRightsError] = useState<unknown>(null);
  const [items, setItems] = useState<Observation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, say] = useSay();
  const intl = useIntl();
  const { locale } = useApp();

  useEffect(() => {
    let live = true;
    api.get<{ items: IndicatorRight[] }>('/indicators').then((r) => live && setRights(r.items), (e) => live && setRightsError(e));
    return () => { live = false; };
  }, []);
  const reload = useCallback(async () => {
    try {
      setItems((await api.get<{ items: Observation[] }>(`/subjects/${subjectId}/indicators`)).items);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [subjectId]);
  useEffect(() => { setItems(null); void reload(); }, [reload]);

  // Nothing to show a role that may neither read nor record any indicator (or for which the API has none).
  if (rightsError && refused(rightsError)) return null;
  if (rights && !showsOutcomes(rights)) return null;
  const mayRecord = !!rights && recordable(rights).length > 0 && !shredded;

  return (
    <section aria-labelledby="outcomes-title" className="records outcomes" data-testid="outcomes">
      <h2 id="outcomes-title"><FormattedMessage id="outcomes.title" /></h2>
      <p className="hint"><FormattedMessage id="outcomes.intro" /></p>
      <ProblemMessage error={rightsError} />
      <StatusLine said={said} testId="outcomes-status" />
      <div className="card">
        <h3 id="outcomes-history-title"><FormattedMessage id="outcomes.history" /></h3>
        {refused(error) ? null : <ProblemMessage error={error} />}
        {!items && !error ? <Loading /> : null}
        {items && items.length === 0 ? <Empty><FormattedMessage id="outcomes.empty" /></Empty> : null}
        {items && items.length > 0 ? <History items={items} docs={docs} /> : null}
        {mayRecord && rights ? (
          <RecordObservation subjectId={subjectId} rights={rights} docs={docs} observations={items ?? []}
            onDone={async (o) => { await reload(); say('outcomes.recorded', {
              kind: intl.formatMessage({ id: `indicator.kind.${o.kind}` }), value: intl.formatMessage({ id: `indicator.value.${o.kind}.${o.value}` }),
              on: formatDay(locale as Locale, o.observedOn),
            }); }} />
        ) : null}
      </div>
    </section>
  );
}

function History({ items, docs }: { items: Observation[]; docs: DocumentMeta[] }) {
  const intl = useIntl();
  const { locale } = useApp();
  return (
    <div className="table-scroll">
      <table className="table" data-testid="outcomes-table">
        <caption className="visually-hidden"><FormattedMessage id="outcomes.history" /></caption>
        <thead><tr>
          <th scope="col"><FormattedMessage id="outcomes.kind" /></th>
          <th scope="col"><FormattedMessage id="outcomes.value" /></th>
          <th scope="col"><FormattedMessage id="outcomes.observedOn" /></th>
          <th scope="col"><FormattedMessage id="outcomes.recordedBy" /></th>
          <th scope="col"><FormattedMessage id="outcomes.document" /></th>
        </tr></thead>
        <tbody>
          {items.map((o) => {
            const doc = o.documentId ? docs.find((d) => d.id === o.documentId) : undefined;
            const earlier = o.corrects ? items.find((x) => x.id === o.corrects) : undefined;
            return (
              <tr key={o.id} data-observation={o.id} data-kind={o.kind} className={o.correctedBy ? 'corrected' : undefined}>
                <td><FormattedMessage id={`indicator.kind.${o.kind}`} /></td>
                <td>
                  <strong><FormattedMessage id={`indicator.value.${o.kind}.${o.value}`} /></strong>
                  {o.correctedBy ? <> <span className="badge corrected-badge"><FormattedMessage id="outcomes.corrected" /></span></> : null}
                  {o.corrects ? (
                    <span className="hint block">
                      {earlier ? <FormattedMessage id="outcomes.corrects" values={{
                        value: intl.formatMessage({ id: `indicator.value.${earlier.kind}.${earlier.value}` }), on: formatDay(locale as Locale, earlier.observedOn),
                      }} /> : <FormattedMessage id="outcomes.corrects.id" values={{ id: shortId(o.corrects) }} />}
                    </span>
                  ) : null}
                </td>
                <td><Day value={o.observedOn} /></td>
                <td><FormattedMessage id="records.byAt" values={{ who: o.recordedBy, when: <At value={o.recordedAt} /> }} /></td>
                <td>{o.documentId ? <Link href={`/documents/${o.documentId}`}>{doc?.title ?? <FormattedMessage id="consent.document.id" values={{ id: shortId(o.documentId) }} />}</Link> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const EMPTY: ObservationForm = { kind: null, value: null, observedOn: '', documentId: null, corrects: null };
const NONE = 'NONE';

function RecordObservation({ subjectId, rights, docs, observations, onDone }: {
  subjectId: string; rights: IndicatorRight[]; docs: DocumentMeta[]; observations: Observation[]; onDone: (o: Observation) => Promise<void>;
}) {
  const intl = useIntl();
  const { locale } = useApp();
  const [form, setForm] = useState<ObservationForm>({ ...EMPTY, observedOn: today() });
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [fixed, setFixed] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const valueLegend = useId();
  const kinds = recordable(rights);
  const kind = kinds.find((k) => k.kind === form.kind) ?? null;
  const earlier = correctable(observations, form.kind);
  const usable = docs.filter((d) => !d.destroyedAt);
  const err = (id: string) => (fixed.has(id) ? null : errors.find((e) => e.fieldId === id)?.message ?? null);
  const set = <K extends keyof ObservationForm>(k: K) => (v: ObservationForm[K]) => {
    setForm((f) => ({ ...f, [k]: v, ...(k === 'kind' ? { value: null, corrects: null } : {}) }));
    setFixed((f) => (f.has(OBSERVATION_FIELDS[k]) ? f : new Set(f).add(OBSERVATION_FIELDS[k])));
  };

  async function submit() {
    const built = observationRequest(form, today(), rights);
    setFixed(new Set());
    setError(null);
    if (!built.ok) {
      setErrors(built.missing.map((m) => ({ fieldId: m.field, message: intl.formatMessage({ id: m.message }) })));
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const o = await api.post<Observation>(`/subjects/${subjectId}/indicators`, built.body);
      setForm({ ...EMPTY, observedOn: today() });
      await onDone(o);
    } catch (e) {
      // A refusal about a field goes to the summary and beside the field; anything else beside the button.
      const f = e instanceof ApiError ? problemField(e.problem) : null;
      if (f) setErrors([{ fieldId: f.field, message: intl.formatMessage({ id: f.message }) }]);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="record-outcome-title" className="place-hold record-outcome">
      <h4 id="record-outcome-title"><FormattedMessage id="outcomes.form.title" /></h4>
      <Form onSubmit={(e) => { e.preventDefault(); void submit(); }} validationBehavior="aria">
        <ErrorSummary errors={errors} />
        <SelectField id={OBSERVATION_FIELDS.kind} label={<FormattedMessage id="outcomes.form.kind" />} value={form.kind}
          onChange={(v) => set('kind')(v)} error={err(OBSERVATION_FIELDS.kind)} placeholder={intl.formatMessage({ id: 'outcomes.form.kind.choose' })}
          options={kinds.map((k) => ({ id: k.kind, label: intl.formatMessage({ id: `indicator.kind.${k.kind}` }) }))} />
        {kind ? (
          <fieldset className="field fieldset" aria-describedby={err(OBSERVATION_FIELDS.value) ? `${OBSERVATION_FIELDS.value}-error` : undefined}>
            <legend id={valueLegend}><FormattedMessage id="outcomes.form.value" /></legend>
            {err(OBSERVATION_FIELDS.value) ? <p id={`${OBSERVATION_FIELDS.value}-error`} className="field-error">{err(OBSERVATION_FIELDS.value)}</p> : null}
            <div id={OBSERVATION_FIELDS.value} tabIndex={-1}>
              <RadioGroup aria-labelledby={valueLegend} value={form.value} onChange={(v) => set('value')(v)} className="radios-column"
                isInvalid={!!err(OBSERVATION_FIELDS.value)}>
                {kind.values.map((v) => (
                  <Radio key={v} value={v} className="radio"><span className="dot" aria-hidden="true" /><FormattedMessage id={`indicator.value.${kind.kind}.${v}`} /></Radio>
                ))}
              </RadioGroup>
            </div>
          </fieldset>
        ) : null}
        <Field id={OBSERVATION_FIELDS.observedOn} type="date" label={<FormattedMessage id="outcomes.form.date" />} hint={<FormattedMessage id="outcomes.form.date.hint" />}
          value={form.observedOn} onChange={set('observedOn')} error={err(OBSERVATION_FIELDS.observedOn)} />
        <SelectField id={OBSERVATION_FIELDS.documentId} label={<FormattedMessage id="outcomes.form.document" />} hint={<FormattedMessage id="outcomes.form.document.hint" />}
          value={form.documentId ?? NONE} onChange={(v) => set('documentId')(v === NONE ? null : v)} error={err(OBSERVATION_FIELDS.documentId)}
          options={[{ id: NONE, label: intl.formatMessage({ id: 'outcomes.form.document.none' }) },
            ...usable.map((d) => ({ id: d.id, label: `${d.title ?? shortId(d.id)} (${intl.formatMessage({ id: `doctype.${d.type}`, defaultMessage: d.type })})` }))]} />
        {earlier.length > 0 ? (
          <SelectField id={OBSERVATION_FIELDS.corrects} label={<FormattedMessage id="outcomes.form.corrects" />} hint={<FormattedMessage id="outcomes.form.corrects.hint" />}
            value={form.corrects ?? NONE} onChange={(v) => set('corrects')(v === NONE ? null : v)} error={err(OBSERVATION_FIELDS.corrects)}
            options={[{ id: NONE, label: intl.formatMessage({ id: 'outcomes.form.corrects.none' }) },
              ...earlier.map((o) => ({ id: o.id, label: intl.formatMessage({ id: 'outcomes.form.corrects.option' }, {
                value: intl.formatMessage({ id: `indicator.value.${o.kind}.${o.value}` }), on: formatDay(locale as Locale, o.observedOn), who: o.recordedBy,
              }) }))]} />
        ) : null}
        <ProblemMessage error={error} />
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="outcomes.form.button" /></Button>
      </Form>
    </section>
  );
}
