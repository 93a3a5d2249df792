// A person's outcome indicators (issue 20): the shapes of the per-person indicators API and the pure logic of
// the Outcomes section — which kinds the caller may read or record, which earlier observations a new one may
// correct, the request body with the fields the form lacks, and which field a server problem belongs to.
// The server decides (403 for a kind the role may not record); these only choose what to offer.
import type { Problem } from './api';

/** GET /api/indicators: the indicator kinds, their values and what the caller may do with each. */
export interface IndicatorRight { kind: string; values: string[]; mayRecord: boolean; mayRead: boolean }

/** One observation of a person's indicator (newest first in the API's list). Nullable members may be absent. */
export interface Observation {
  id: string; kind: string; value: string; observedOn: string; documentId?: string | null; recordedBy: string;
  recordedAt: string; corrects?: string | null; correctedBy?: string | null;
}

export interface ObservationForm {
  kind: string | null; value: string | null; observedOn: string; documentId: string | null; corrects: string | null;
}

/** The element id of each field of the form (where its error summary link leads). */
export const OBSERVATION_FIELDS: Record<keyof ObservationForm, string> = {
  kind: 'outcome-kind', value: 'outcome-value', observedOn: 'outcome-date', documentId: 'outcome-document', corrects: 'outcome-corrects',
};

export interface Missing { field: string; message: string }

export interface ObservationBody { kind: string; value: string; observedOn: string; documentId?: string; corrects?: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The request body, or what is missing (message ids) in the order of the form. */
export function observationRequest(f: ObservationForm, today: string, rights: IndicatorRight[]): { ok: true; body: ObservationBody } | { ok: false; missing: Missing[] } {
  const missing: Missing[] = [];
  const right = rights.find((r) => r.kind === f.kind && r.mayRecord);
  if (!f.kind || !right) missing.push({ field: OBSERVATION_FIELDS.kind, message: 'outcomes.form.kind.missing' });
  else if (!f.value || !right.values.includes(f.value)) missing.push({ field: OBSERVATION_FIELDS.value, message: 'outcomes.form.value.missing' });
  const day = f.observedOn.trim();
  if (!day) missing.push({ field: OBSERVATION_FIELDS.observedOn, message: 'outcomes.form.date.missing' });
  else if (!validDay(day)) missing.push({ field: OBSERVATION_FIELDS.observedOn, message: 'outcomes.form.date.invalid' });
  else if (day > today) missing.push({ field: OBSERVATION_FIELDS.observedOn, message: 'outcomes.form.date.future' });
  if (missing.length || !f.kind || !f.value) return { ok: false, missing };
  const body: ObservationBody = { kind: f.kind, value: f.value, observedOn: day };
  if (f.documentId) body.documentId = f.documentId;
  if (f.corrects) body.corrects = f.corrects;
  return { ok: true, body };
}

/** Kinds the caller may record, in the catalogue's order. */
export function recordable(rights: IndicatorRight[]): IndicatorRight[] {
  return rights.filter((r) => r.mayRecord);
}

/** Does the caller see anything of the Outcomes section? */
export function showsOutcomes(rights: IndicatorRight[]): boolean {
  return rights.some((r) => r.mayRead || r.mayRecord);
}

/** Earlier observations of a kind a new one may correct: those not corrected already, newest first. */
export function correctable(observations: Observation[], kind: string | null): Observation[] {
  if (!kind) return [];
  return observations.filter((o) => o.kind === kind && !o.correctedBy);
}

/** The observation in force per kind: the newest by day observed that nothing corrected. */
export function latestByKind(observations: Observation[]): Map<string, Observation> {
  const m = new Map<string, Observation>();
  for (const o of observations) {
    if (o.correctedBy) continue;
    const cur = m.get(o.kind);
    if (!cur || o.observedOn > cur.observedOn || (o.observedOn === cur.observedOn && o.recordedAt > cur.recordedAt)) m.set(o.kind, o);
  }
  return m;
}

const PREFIX = 'urn:zhusan:problem:';

/** The form field a refusal of the API belongs to (shown in the error summary and beside the field), or null. */
export function problemField(p: Problem): { field: string; message: string } | null {
  const slug = p.type?.startsWith(PREFIX) ? p.type.substring(PREFIX.length) : null;
  if (slug === 'invalid-indicator') {
    // An unknown value names the value; else the kind.
    const onValue = /value/i.test(p.detail ?? '');
    return onValue ? { field: OBSERVATION_FIELDS.value, message: 'problem.invalid-indicator.value' } : { field: OBSERVATION_FIELDS.kind, message: 'problem.invalid-indicator' };
  }
  if (slug === 'invalid-date') return { field: OBSERVATION_FIELDS.observedOn, message: 'problem.invalid-date' };
  if (slug === 'invalid-document') return { field: OBSERVATION_FIELDS.documentId, message: 'problem.invalid-document' };
  if (slug === 'invalid-corrects') return { field: OBSERVATION_FIELDS.corrects, message: 'problem.invalid-corrects' };
  // Corrected at another desk meanwhile: correct the correction instead.
  if (slug === 'already-corrected') return { field: OBSERVATION_FIELDS.corrects, message: 'problem.already-corrected' };
  return null;
}
