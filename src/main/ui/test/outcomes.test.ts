import { describe, expect, it } from 'vitest';
import { correctable, latestByKind, observationRequest, problemField, recordable, showsOutcomes, type IndicatorRight, type Observation, type ObservationForm } from '../src/outcomes';

const rights: IndicatorRight[] = [
  { kind: 'EDUCATION', values: ['PRESCHOOL', 'SCHOOL', 'VOCATIONAL', 'NONE'], mayRecord: false, mayRead: true },
  { kind: 'IDEOLOGY_ASSESSMENT', values: ['YES', 'PARTLY', 'NO'], mayRecord: true, mayRead: true },
  { kind: 'LEGAL_CASE', values: ['NONE', 'CHARGED'], mayRecord: false, mayRead: false },
];

const form = (over: Partial<ObservationForm>): ObservationForm => ({ kind: 'IDEOLOGY_ASSESSMENT', value: 'YES', observedOn: '2026-11-30', documentId: null, corrects: null, ...over });

const obs = (over: Partial<Observation>): Observation => ({
  id: 'o1', kind: 'IDEOLOGY_ASSESSMENT', value: 'NO', observedOn: '2026-06-01', recordedBy: 'psy', recordedAt: '2026-06-01T10:00:00Z', ...over,
});

describe('recording an observation', () => {
  it('builds the body with the optional document and correction only when chosen', () => {
    expect(observationRequest(form({}), '2026-12-02', rights)).toEqual({ ok: true, body: { kind: 'IDEOLOGY_ASSESSMENT', value: 'YES', observedOn: '2026-11-30' } });
    expect(observationRequest(form({ documentId: 'd1', corrects: 'o1' }), '2026-12-02', rights))
      .toEqual({ ok: true, body: { kind: 'IDEOLOGY_ASSESSMENT', value: 'YES', observedOn: '2026-11-30', documentId: 'd1', corrects: 'o1' } });
  });

  it('names what is missing in the order of the form', () => {
    const r = observationRequest(form({ kind: null, value: null, observedOn: '' }), '2026-12-02', rights);
    expect(r).toEqual({ ok: false, missing: [
      { field: 'outcome-kind', message: 'outcomes.form.kind.missing' },
      { field: 'outcome-date', message: 'outcomes.form.date.missing' },
    ] });
    expect(observationRequest(form({ value: null }), '2026-12-02', rights)).toEqual({ ok: false, missing: [{ field: 'outcome-value', message: 'outcomes.form.value.missing' }] });
    // A value of another kind is not a value of this one.
    expect(observationRequest(form({ value: 'SCHOOL' }), '2026-12-02', rights)).toEqual({ ok: false, missing: [{ field: 'outcome-value', message: 'outcomes.form.value.missing' }] });
  });

  it('refuses a kind the caller may not record, a day that does not exist and a day in the future', () => {
    expect(observationRequest(form({ kind: 'EDUCATION', value: 'SCHOOL' }), '2026-12-02', rights).ok).toBe(false);
    expect(observationRequest(form({ observedOn: '2026-02-30' }), '2026-12-02', rights)).toEqual({ ok: false, missing: [{ field: 'outcome-date', message: 'outcomes.form.date.invalid' }] });
    expect(observationRequest(form({ observedOn: '2026-12-03' }), '2026-12-02', rights)).toEqual({ ok: false, missing: [{ field: 'outcome-date', message: 'outcomes.form.date.future' }] });
    expect(observationRequest(form({ observedOn: '2026-12-02' }), '2026-12-02', rights).ok).toBe(true);
  });

  it('offers only kinds with mayRecord; shows the section when anything may be read or recorded', () => {
    expect(recordable(rights).map((r) => r.kind)).toEqual(['IDEOLOGY_ASSESSMENT']);
    expect(showsOutcomes(rights)).toBe(true);
    expect(showsOutcomes([{ ...rights[2] }])).toBe(false);
    expect(showsOutcomes([])).toBe(false);
  });
});

describe('corrections and the latest value', () => {
  const items = [
    obs({ id: 'o3', value: 'YES', observedOn: '2026-11-30', corrects: 'o2' }),
    obs({ id: 'o2', value: 'PARTLY', observedOn: '2026-11-29', correctedBy: 'o3' }),
    obs({ id: 'o1', value: 'NO', observedOn: '2026-06-01' }),
    obs({ id: 'e1', kind: 'EDUCATION', value: 'SCHOOL', observedOn: '2026-09-01' }),
  ];

  it('an observation already corrected cannot be corrected again; other kinds are not offered', () => {
    expect(correctable(items, 'IDEOLOGY_ASSESSMENT').map((o) => o.id)).toEqual(['o3', 'o1']);
    expect(correctable(items, 'EDUCATION').map((o) => o.id)).toEqual(['e1']);
    expect(correctable(items, null)).toEqual([]);
  });

  it('the latest per kind ignores corrected entries', () => {
    const latest = latestByKind(items);
    expect(latest.get('IDEOLOGY_ASSESSMENT')?.id).toBe('o3');
    expect(latest.get('EDUCATION')?.id).toBe('e1');
  });
});

describe('refusals of the API belong to fields', () => {
  it('maps the problem types to the field and sentence', () => {
    const p = (slug: string, detail?: string) => ({ status: 400, type: `urn:zhusan:problem:${slug}`, detail });
    expect(problemField(p('invalid-indicator', 'Unknown kind: FOO'))).toEqual({ field: 'outcome-kind', message: 'problem.invalid-indicator' });
    expect(problemField(p('invalid-indicator', 'MAYBE is not a value of IDEOLOGY_ASSESSMENT'))).toEqual({ field: 'outcome-value', message: 'problem.invalid-indicator.value' });
    expect(problemField(p('invalid-date'))).toEqual({ field: 'outcome-date', message: 'problem.invalid-date' });
    expect(problemField(p('invalid-document'))).toEqual({ field: 'outcome-document', message: 'problem.invalid-document' });
    expect(problemField(p('invalid-corrects'))).toEqual({ field: 'outcome-corrects', message: 'problem.invalid-corrects' });
    expect(problemField({ status: 409, type: 'urn:zhusan:problem:already-corrected' })).toEqual({ field: 'outcome-corrects', message: 'problem.already-corrected' });
    expect(problemField({ status: 403, type: 'urn:zhusan:problem:forbidden' })).toBeNull();
  });
});
