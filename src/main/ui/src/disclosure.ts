// Consent and disclosure (issue 19): the shapes of the consent, disclosure and accounting API and the pure
// logic the pages share — which consents are in force on a day, what a consent covers, which consents
// may serve as the basis of a disclosure, and the request bodies with the fields the form lacks.
// The server decides every disclosure (409 no-basis names what is missing); these only choose what to offer.
import type { Problem } from './api';

export const GIVERS = ['SUBJECT', 'GUARDIAN'] as const;
export type GivenBy = (typeof GIVERS)[number];
export const RECIPIENT_KINDS = ['COURT', 'GUARDIAN', 'SCHOOL', 'EMBASSY', 'OTHER'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const BASIS_KINDS = ['CONSENT', 'COURT_ORDER', 'STATUTE'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];


/** Roles that may upload CONSENT documents by default, hence record consents (the server decides). */
export const CONSENT_ROLES = ['LAWYER', 'DOCTOR', 'SOCIAL_WORKER'];
/** Roles that see a person's identity in their centre (default policy) and may therefore see consents and the accounting. */
export const DISCLOSURE_ROLES = ['LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR', 'SOCIAL_WORKER'];

// Nullable members may be absent (the server's JSON leaves nulls out): test them with `!x` or `?? …`.
export interface Consent {
  id: string; subjectId: string; givenBy: GivenBy; guardianName?: string | null; documentTypes: string[];
  recipientKind: RecipientKind; recipientName?: string | null; purpose: string; validUntil: string;
  consentDocumentId: string; recordedBy: string; recordedAt: string; inForce: boolean;
  revokedOn?: string | null; revokedBy?: string | null; revocationReason?: string | null;
}

export interface DisclosureItem { documentId: string; versionNo: number; documentType: string; sha256: string }
export interface Disclosure {
  id: string; madeAt: string; madeBy: string; recipientKind: RecipientKind; recipientName?: string | null; purpose: string;
  basisKind: BasisKind; basis: string; packageKind: 'COURT_BUNDLE' | 'ZIP'; packageSha256: string; items: DisclosureItem[];
  caseReference?: string | null;
}

export type ConsentState = 'IN_FORCE' | 'REVOKED' | 'EXPIRED';

/** Today as yyyy-MM-dd in the reader's time zone. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * A consent's state on a day: revoked from its revocation day on, expired after its last valid day,
 * else in force. (The server's `inForce` is the word for today; this answers for any day.)
 */
export function consentState(c: Pick<Consent, 'validUntil' | 'revokedOn'>, day: string): ConsentState {
  if (c.revokedOn && c.revokedOn <= day) return 'REVOKED';
  if (c.validUntil < day) return 'EXPIRED';
  return 'IN_FORCE';
}

/** The document types among `types` a consent does not cover (empty: it covers them all). */
export function uncovered(c: Pick<Consent, 'documentTypes'>, types: string[]): string[] {
  return [...new Set(types)].filter((t) => !c.documentTypes.includes(t));
}

/** Does a consent name this recipient? A consent without a name covers any recipient of its kind. */
export function coversRecipient(c: Pick<Consent, 'recipientKind' | 'recipientName'>, kind: string, name: string): boolean {
  if (c.recipientKind !== kind) return false;
  if (!c.recipientName) return true;
  return c.recipientName.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();
}

export interface ConsentFit { consent: Consent; state: ConsentState; missingTypes: string[]; recipient: boolean; fits: boolean }

/**
 * The consents that might serve as the basis of a disclosure of documents of `types` to a recipient, those
 * that fit first: in force on `day`, covering every type and the recipient. Consents not in force are left out.
 */
export function consentsFor(consents: Consent[], types: string[], kind: string, name: string, day: string): ConsentFit[] {
  return consents
    .map((c) => {
      const state = consentState(c, day);
      const missingTypes = uncovered(c, types);
      const recipient = coversRecipient(c, kind, name);
      return { consent: c, state, missingTypes, recipient, fits: state === 'IN_FORCE' && missingTypes.length === 0 && recipient };
    })
    .filter((f) => f.state === 'IN_FORCE')
    .sort((a, b) => Number(b.fits) - Number(a.fits));
}

export interface ConsentForm {
  givenBy: GivenBy; guardianName: string; documentTypes: string[]; recipientKind: RecipientKind | null; recipientName: string;
  purpose: string; validUntil: string; consentDocumentId: string | null;
}

/** A field the form lacks: the field's element id and the message id saying what to do. */
export interface Missing { field: string; message: string }

export type Built<T> = { ok: true; body: T } | { ok: false; missing: Missing[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The API's shortest purpose (3–500 characters). */
export const PURPOSE_MIN = 3;

/** POST /api/subjects/{id}/consents body, or what is missing (guardian name only for a guardian; name omitted when empty). */
export function consentRequest(f: ConsentForm, day: string): Built<Record<string, unknown>> {
  const missing: Missing[] = [];
  if (!f.consentDocumentId) missing.push({ field: 'consent-document', message: 'consent.form.document.error' });
  if (f.givenBy === 'GUARDIAN' && !f.guardianName.trim()) missing.push({ field: 'consent-guardian', message: 'consent.form.guardian.error' });
  if (f.documentTypes.length === 0) missing.push({ field: 'consent-types', message: 'consent.form.types.error' });
  if (!f.recipientKind) missing.push({ field: 'consent-recipient-kind', message: 'consent.form.recipientKind.error' });
  if (f.purpose.trim().length < PURPOSE_MIN) missing.push({ field: 'consent-purpose', message: 'consent.form.purpose.error' });
  if (!DAY.test(f.validUntil)) missing.push({ field: 'consent-until', message: 'consent.form.until.error' });
  else if (f.validUntil < day) missing.push({ field: 'consent-until', message: 'consent.form.until.past' });
  if (missing.length) return { ok: false, missing };
  const body: Record<string, unknown> = {
    givenBy: f.givenBy, documentTypes: [...f.documentTypes], recipientKind: f.recipientKind, purpose: f.purpose.trim(),
    validUntil: f.validUntil, consentDocumentId: f.consentDocumentId,
  };
  if (f.givenBy === 'GUARDIAN') body.guardianName = f.guardianName.trim();
  if (f.recipientName.trim()) body.recipientName = f.recipientName.trim();
  return { ok: true, body };
}

export interface DisclosureForm {
  documentIds: string[]; recipientKind: RecipientKind | null; recipientName: string; purpose: string; caseReference: string;
  basisKind: BasisKind | null; consentId: string | null; courtOrderReference: string; statute: string;
}

/** POST /api/subjects/{id}/disclosures body, or what is missing (case reference for a court; the basis's own field). */
export function disclosureRequest(f: DisclosureForm): Built<Record<string, unknown>> {
  const missing: Missing[] = [];
  if (f.documentIds.length === 0) missing.push({ field: 'disclose-documents', message: 'disclose.documents.error' });
  if (!f.recipientKind) missing.push({ field: 'disclose-recipient-kind', message: 'disclose.recipientKind.error' });
  if (!f.recipientName.trim()) missing.push({ field: 'disclose-recipient-name', message: 'disclose.recipientName.error' });
  if (f.purpose.trim().length < PURPOSE_MIN) missing.push({ field: 'disclose-purpose', message: 'disclose.purpose.error' });
  if (f.recipientKind === 'COURT' && !f.caseReference.trim()) missing.push({ field: 'disclose-case', message: 'disclose.case.error' });
  if (!f.basisKind) missing.push({ field: 'disclose-basis', message: 'disclose.basis.error' });
  else if (f.basisKind === 'CONSENT' && !f.consentId) missing.push({ field: 'disclose-consent', message: 'disclose.consent.error' });
  else if (f.basisKind === 'COURT_ORDER' && !f.courtOrderReference.trim()) missing.push({ field: 'disclose-order', message: 'disclose.order.error' });
  else if (f.basisKind === 'STATUTE' && !f.statute.trim()) missing.push({ field: 'disclose-statute', message: 'disclose.statute.error' });
  if (missing.length) return { ok: false, missing };
  const basis: Record<string, string> = { kind: f.basisKind as string };
  if (f.basisKind === 'CONSENT') basis.consentId = f.consentId as string;
  if (f.basisKind === 'COURT_ORDER') basis.courtOrderReference = f.courtOrderReference.trim();
  if (f.basisKind === 'STATUTE') basis.statute = f.statute.trim();
  const body: Record<string, unknown> = {
    documentIds: [...f.documentIds], recipientKind: f.recipientKind, recipientName: f.recipientName.trim(), purpose: f.purpose.trim(), basis,
  };
  if (f.caseReference.trim()) body.caseReference = f.caseReference.trim();
  return { ok: true, body };
}

/** The package a disclosure to this kind of recipient produces: a court bundle (PDF) for a court, else a ZIP. */
export function packageKindFor(kind: RecipientKind | null): 'COURT_BUNDLE' | 'ZIP' {
  return kind === 'COURT' ? 'COURT_BUNDLE' : 'ZIP';
}

/** The file name of a package: from Content-Disposition when sent, else disclosure-<id>.pdf|zip. */
export function packageFileName(contentDisposition: string | null, id: string, kind: 'COURT_BUNDLE' | 'ZIP'): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition ?? '');
  const name = m ? decodeURIComponent(m[1]).replace(/[\\/]/g, '_') : '';
  return name || `disclosure-${id}.${kind === 'COURT_BUNDLE' ? 'pdf' : 'zip'}`;
}

/** A digest as people compare it: groups of eight hex digits, the first 16 shown. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 16).replace(/(.{8})(?=.)/g, '$1 ');
}

export type NoBasis =
  | { kind: 'revoked'; consent?: string; on: string }
  | { kind: 'expired'; consent?: string; on?: string }
  | { kind: 'types'; types: string[] }
  | { kind: 'recipient' }
  | { kind: 'statute'; statute?: string }
  | { kind: 'other' };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * What a 409 no-basis refusal says is missing, read from the server's detail ("consent … was revoked on
 * 2026-…", "… does not cover documents of type [MEDICAL]", "… expired on …", "… not a statutory ground …").
 */
export function noBasisOf(p: Problem): NoBasis {
  const d = p.detail ?? '';
  const consent = UUID.exec(d)?.[0];
  const revoked = /revoked(?:\s+on)?\s+(\d{4}-\d{2}-\d{2})/i.exec(d);
  if (revoked) return { kind: 'revoked', consent, on: revoked[1] };
  if (/revoked/i.test(d)) return { kind: 'revoked', consent, on: '' };
  const types = /type[s]?\s*\[([^\]]*)\]/i.exec(d);
  if (types) return { kind: 'types', types: types[1].split(',').map((t) => t.trim()).filter(Boolean) };
  const expired = /expired(?:\s+on)?\s+(\d{4}-\d{2}-\d{2})|valid until\s+(\d{4}-\d{2}-\d{2})/i.exec(d);
  if (expired || /expired/i.test(d)) return { kind: 'expired', consent, on: expired?.[1] ?? expired?.[2] };
  if (/statut/i.test(d)) return { kind: 'statute', statute: /["“']([A-Z0-9_]+)["”']/.exec(d)?.[1] };
  if (/recipient/i.test(d)) return { kind: 'recipient' };
  return { kind: 'other' };
}
