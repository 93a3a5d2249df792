// Records governance (issue 18): the shapes of the retention, hold and disposition API and the pure
// logic the pages share — a period in words, a rule in words, which actions a person sees on an item.
// The server decides every action; these only choose what to offer.
import type { Problem } from './api';

export type RetentionEvent = 'DOCUMENT_CREATED' | 'PROGRAMME_CLOSED' | 'CASE_CLOSED';
export type RetentionAction = 'REVIEW' | 'DESTROY';
export interface Rule { documentType: string; event: RetentionEvent; period: string; action: RetentionAction }
export interface Schedule { rules: Rule[]; holdRoles: string[]; proposeRoles: string[]; approveRoles: string[] }

export interface SubjectEvent { id: number | string; kind: string; occurredOn: string; recordedBy: string; recordedAt: string }

// Nullable members may be absent (the server's JSON leaves nulls out): test them with `!x` or `?? …`.
export interface Hold {
  id: string; subjectId: string; documentId?: string | null; centre: string; reason: string | null; caseReference: string | null;
  placedBy: string; placedAt: string; active: boolean; releasedBy: string | null; releasedAt: string | null; releaseReason: string | null;
}

export type ItemState = 'ELIGIBLE' | 'PROPOSED' | 'EXTENDED' | 'DESTROYED';
export const STATE_FILTERS = ['OPEN', 'ELIGIBLE', 'PROPOSED', 'EXTENDED', 'DESTROYED', 'ALL'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export interface DispositionItem {
  id: string; documentId: string; subjectId: string; centre: string; documentType: string; rule: Rule;
  retentionStart: string; dueOn: string; state: ItemState; foundAt: string;
  proposedBy: string | null; proposedAt: string | null; proposalReason: string | null;
  approvedBy: string | null; approvedAt: string | null;
  extendedBy: string | null; extendedUntil: string | null; extensionReason: string | null;
  certificateId: string | null; blockingHolds?: string[];
}

export interface ScanResult { queued: number; onHold: number; alreadyQueued: number }

/** Reasons the API accepts for holds, releases, proposals and extensions. */
export const REASON_MIN = 10;
export const REASON_MAX = 1000;

/** The default schedule's roles, used until GET /api/records/schedule has answered (never to decide). */
export const DEFAULT_ROLES = { holdRoles: ['LAWYER'], proposeRoles: ['ADMIN'], approveRoles: ['LAWYER'] };

export interface PeriodParts { years: number; months: number; weeks: number; days: number }

/** An ISO-8601 period of whole days or more (P25Y, P10Y6M, P2W, P0D); null when it has a time part or is malformed. */
export function parsePeriod(iso: string): PeriodParts | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso.trim().toUpperCase());
  if (!m || iso.trim().toUpperCase() === 'P') return null;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

type Format = (id: string, values?: Record<string, string | number>) => string;

/**
 * A period in words in the reader's language: "25 years", "25 лет", "25 жыл", "10 years 6 months";
 * a zero period is "no waiting time"; anything the parser does not know is shown as the server sent it.
 */
export function periodInWords(iso: string, format: Format): string {
  const p = parsePeriod(iso);
  if (!p) return iso;
  const parts = (['years', 'months', 'weeks', 'days'] as const).filter((k) => p[k] > 0).map((k) => format(`period.${k}`, { n: p[k] }));
  if (parts.length === 0) return format('period.zero');
  return parts.join(' ');
}

/** A rule in words: "25 years after the case closed, then review". */
export function ruleInWords(rule: Rule, format: Format): string {
  const p = parsePeriod(rule.period);
  const zero = p !== null && p.years + p.months + p.weeks + p.days === 0;
  const values = {
    period: periodInWords(rule.period, format),
    event: format(`records.event.after.${rule.event}`),
    action: format(`records.action.then.${rule.action}`),
  };
  return format(zero ? 'records.rule.zero' : 'records.rule.words', values);
}

export interface ItemActions { propose: boolean; approve: boolean; extend: boolean; certificate: boolean; ownProposal: boolean }

/**
 * What a person is offered on a disposition item. Proposing needs a propose role and an ELIGIBLE item;
 * approving an approve role and a PROPOSED item (offered also to the proposer, whom the server refuses
 * with separation-of-duties: the page says so beside the button); extending is for REVIEW rules not yet
 * decided, by a propose or approve role; the certificate of a DESTROYED item for those roles and AUDITOR.
 */
export function itemActions(item: Pick<DispositionItem, 'state' | 'rule' | 'proposedBy' | 'certificateId'>, roles: string[], user: string, schedule: Pick<Schedule, 'proposeRoles' | 'approveRoles'>): ItemActions {
  const has = (list: string[]) => roles.some((r) => list.includes(r));
  const proposer = has(schedule.proposeRoles);
  const approver = has(schedule.approveRoles);
  const open = item.state === 'ELIGIBLE' || item.state === 'PROPOSED';
  return {
    propose: proposer && item.state === 'ELIGIBLE',
    approve: approver && item.state === 'PROPOSED',
    extend: (proposer || approver) && open && item.rule.action === 'REVIEW',
    certificate: item.state === 'DESTROYED' && !!item.certificateId && (proposer || approver || roles.includes('AUDITOR')),
    ownProposal: item.state === 'PROPOSED' && !!item.proposedBy && item.proposedBy === user,
  };
}

/** May these roles read certificates of destruction (propose, approve roles or AUDITOR)? */
export function mayReadCertificates(roles: string[], schedule: Pick<Schedule, 'proposeRoles' | 'approveRoles'>): boolean {
  return roles.some((r) => r === 'AUDITOR' || schedule.proposeRoles.includes(r) || schedule.approveRoles.includes(r));
}

/** A reason the API will accept (10–1000 characters once trimmed), or the message id of what is wrong. */
export function reasonProblem(reason: string): string | null {
  const n = reason.trim().length;
  if (n === 0) return 'records.reason.missing';
  if (n < REASON_MIN) return 'records.reason.short';
  if (n > REASON_MAX) return 'records.reason.long';
  return null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The hold a legal-hold refusal names: a member of the problem (holdId, hold, holds[0]) when the server
 * sends one, else the first identifier in its detail.
 */
export function holdNamed(p: Problem): string | null {
  const x = p as Problem & { holdId?: unknown; hold?: unknown; holds?: unknown };
  if (typeof x.holdId === 'string' || typeof x.holdId === 'number') return String(x.holdId);
  if (typeof x.hold === 'string' || typeof x.hold === 'number') return String(x.hold);
  if (x.hold && typeof x.hold === 'object' && 'id' in (x.hold as object)) return String((x.hold as { id: unknown }).id);
  if (Array.isArray(x.holds) && x.holds.length) {
    const h = x.holds[0];
    return typeof h === 'object' && h && 'id' in h ? String((h as { id: unknown }).id) : String(h);
  }
  const m = UUID.exec(p.detail ?? '');
  if (m) return m[0];
  const n = /hold\s+#?(\d+)/i.exec(p.detail ?? '');
  return n ? n[1] : null;
}

/** A hold's id as people read it: the first 8 characters of a UUID, a number as it is. */
export function holdLabel(id: string): string {
  return UUID.test(id) ? id.slice(0, 8) : id;
}

/** File names for the certificate downloads. */
export function certificateFile(certificateId: string, kind: 'json' | 'pdf'): string {
  return `certificate-of-destruction-${certificateId}.${kind}`;
}

export function certificatePath(certificateId: string, kind: 'json' | 'pdf'): string {
  const base = `/records/certificates/${encodeURIComponent(certificateId)}`;
  return kind === 'pdf' ? `${base}/pdf` : base;
}

/** Query string of the disposition list. */
export function queueQuery(state: StateFilter, offset: number, limit: number): string {
  return new URLSearchParams({ state, offset: String(offset), limit: String(limit) }).toString();
}
