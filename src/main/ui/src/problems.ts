// Server problems (RFC 9457, type urn:zhusan:problem:<slug>) in plain, translated words.
import type { Problem } from './api';
import { holdLabel, holdNamed } from './records';
import { noBasisOf } from './disclosure';

const PREFIX = 'urn:zhusan:problem:';

/** Slugs that have their own sentence in the message bundles (problem.<slug>). */
export const KNOWN_SLUGS = [
  'unauthenticated', 'forbidden', 'not-found', 'crypto-shredded', 'payload-too-large', 'unsupported-file-type',
  'empty-file', 'invalid-iin', 'invalid-name', 'invalid-centre', 'invalid-sex', 'invalid-band', 'invalid-legal-status',
  'field-too-long', 'invalid-lookup', 'invalid-transition', 'invalid-stage', 'invalid-guardian', 'title-required',
  'title-too-long', 'type-required', 'file-required', 'purpose-required', 'grantee-required', 'invalid-duration',
  'grant-already-revoked', 'invalid-query', 'query-required', 'keys-unavailable', 'audit-unavailable',
  'search-unavailable', 'server-error', 'network', 'invalid-document-type', 'separation-of-duties', 'destroyed',
  'already-released', 'not-eligible', 'not-proposed', 'not-review', 'not-open', 'invalid-until', 'legacy-document-key',
  'already-revoked', 'caseReference-required', 'invalid-validUntil', 'invalid-revokedOn', 'invalid-consentDocumentId',
  'invalid-indicator', 'invalid-date', 'invalid-document', 'invalid-corrects', 'already-corrected',
] as const;

export function slugOf(p: Problem): string | null {
  return p.type && p.type.startsWith(PREFIX) ? p.type.substring(PREFIX.length) : null;
}

/** Friendly names of detected media types, for the refusal of a file (415). */
export const MEDIA_KINDS: Record<string, string> = {
  'application/zip': 'zip',
  'application/x-7z-compressed': 'archive',
  'application/x-rar-compressed': 'archive',
  'application/x-tar': 'archive',
  'application/gzip': 'archive',
  'application/x-msdownload': 'program',
  'application/x-executable': 'program',
  'application/x-elf': 'program',
  'application/x-sh': 'script',
  'text/html': 'html',
  'application/xml': 'xml',
  'application/pdf': 'pdf',
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/tiff': 'image',
  'text/plain': 'text',
};

/** The detected media type named in a 415 detail ("The file's content is X, which …"), if any. */
export function detectedType(p: Problem): string | null {
  const m = /content is ([a-z0-9.+-]+\/[a-z0-9.+-]+)/i.exec(p.detail ?? '');
  return m ? m[1].toLowerCase() : null;
}

export interface Described {
  id: string;
  values?: Record<string, string | number>;
  /** Raw server detail, shown when no sentence of ours fits. */
  fallback?: string;
}

/** Which message describes a problem: our sentence for known types, else the server's detail. */
export function describe(p: Problem, docType?: string): Described {
  const slug = slugOf(p);
  if (slug === 'unsupported-file-type') {
    const detected = detectedType(p);
    const kind = detected ? MEDIA_KINDS[detected] ?? 'other' : 'other';
    return { id: `problem.unsupported-file-type.${kind}`, values: { type: docType ?? '', detected: detected ?? '' } };
  }
  if (slug === 'legal-hold') {
    // The refusal names the hold that stands (shredding a held person, destroying a held document).
    const hold = holdNamed(p);
    return hold ? { id: 'problem.legal-hold', values: { hold: holdLabel(hold) } } : { id: 'problem.legal-hold.unnamed' };
  }
  if (slug === 'no-basis') {
    // A disclosure refused for want of a legal basis: say what is missing (from the server's detail).
    const nb = noBasisOf(p);
    if (nb.kind === 'revoked') return { id: nb.on ? 'problem.no-basis.revoked' : 'problem.no-basis.revoked.undated', values: { consent: nb.consent ? nb.consent.slice(0, 8) : '', on: nb.on } };
    if (nb.kind === 'expired') return { id: nb.on ? 'problem.no-basis.expired' : 'problem.no-basis.expired.undated', values: { consent: nb.consent ? nb.consent.slice(0, 8) : '', on: nb.on ?? '' } };
    if (nb.kind === 'types') return { id: 'problem.no-basis.types', values: { types: nb.types.join(',') } };
    // The server's detail starts "No valid legal basis for this disclosure: "; our sentence says that already.
    const what = (p.detail ?? '').replace(/^No valid legal basis for this disclosure:\s*/i, '');
    if (nb.kind === 'statute') return { id: 'problem.no-basis.statute', fallback: what };
    if (nb.kind === 'recipient') return { id: 'problem.no-basis.recipient', fallback: what };
    return { id: 'problem.no-basis', fallback: what };
  }
  if (slug && (KNOWN_SLUGS as readonly string[]).includes(slug)) return { id: `problem.${slug}` };
  if (p.status === 413) return { id: 'problem.payload-too-large' };
  if (p.status === 401) return { id: 'problem.unauthenticated' };
  if (p.status === 403) return p.detail ? { id: 'problem.forbidden.detail', fallback: p.detail } : { id: 'problem.forbidden' };
  if (p.status === 404) return { id: 'problem.not-found' };
  if (p.status === 410) return { id: 'problem.crypto-shredded' };
  if (p.status === 0) return { id: 'problem.network' };
  if (p.detail) return { id: 'problem.detail', fallback: p.detail };
  return { id: 'problem.generic', values: { status: p.status } };
}
