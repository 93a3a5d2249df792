// The one way the app talks to the vault: same-origin /api with the in-memory bearer token.
// Errors become ApiError carrying the RFC 9457 problem (type, status, detail) for problems.ts.
import { currentToken, onUnauthorized } from './auth/session';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

export async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await res.json();
      return { status: res.status, ...body };
    } catch {
      /* fall through */
    }
  }
  return { status: res.status };
}

function authHeaders(extra?: HeadersInit): Headers {
  const h = new Headers(extra);
  const token = currentToken();
  if (token) h.set('Authorization', `Bearer ${token}`);
  return h;
}

async function call<T>(method: string, path: string, body?: unknown, headers?: HeadersInit): Promise<T> {
  const h = authHeaders(headers);
  if (body !== undefined) h.set('Content-Type', 'application/json');
  h.set('Accept', 'application/json, application/problem+json');
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError({ status: 0, type: 'urn:zhusan:problem:network' });
  }
  if (!res.ok) {
    const p = await problemOf(res);
    if (p.status === 401) onUnauthorized();
    throw new ApiError(p);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => call<T>('PUT', path, body ?? {}),
  del: <T>(path: string) => call<T>('DELETE', path),
};

/** Content of a version as a Blob, fetched with the bearer token (never a URL carrying a token). */
export async function fetchContent(documentId: string, version: number, purpose: string): Promise<Blob> {
  const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/versions/${version}/content`, {
    headers: authHeaders({ 'X-Purpose-Of-Use': purpose }),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) {
    const p = await problemOf(res);
    if (p.status === 401) onUnauthorized();
    throw new ApiError(p);
  }
  return res.blob();
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A multipart upload through XMLHttpRequest, for its upload progress events. Fields go before the file
 * (the server streams the file part). Resolves with the JSON answer; rejects with ApiError.
 */
export function upload<T>(path: string, fields: Record<string, string>, file: File, onProgress: (p: UploadProgress) => void): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.open('POST', `/api${path}`);
    const token = currentToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      let body: any = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
      } else {
        if (xhr.status === 401) onUnauthorized();
        reject(new ApiError({ status: xhr.status, ...(body && typeof body === 'object' ? body : {}) }));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, type: 'urn:zhusan:problem:network' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, type: 'urn:zhusan:problem:aborted' }));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

// --- Shapes the API sends (identifying fields are absent when the role may not see them) ---
export interface Transition { from?: string; to: string; effectiveOn: string }
export interface Subject {
  id: string; centre: string; sex?: string; stage: string; birthYearBand?: string; arrivalDate?: string;
  legalStatus?: string; guardianId?: string; fullName?: string; dateOfBirth?: string; iin?: string;
  placeOfOrigin?: string; notes?: string; shredded?: boolean; transitions?: Transition[];
}
export interface Page<T> { items: T[]; offset: number; limit: number; total: number }
export interface Version {
  id: string; version: number; mediaType?: string; sizeBytes?: number; fileName?: string; uploadedBy?: string;
  uploadedAt?: string; extractionStatus?: string; extractionReason?: string; pagesDone?: number; pagesTotal?: number;
  metadata?: Record<string, string>;
}
export interface DocumentMeta {
  id: string; subjectId: string; type: string; title: string; latestVersion: number; createdAt?: string;
  createdBy?: string; versions?: Version[];
  /** A destroyed document (issue 18) keeps its row in the list: title null, no versions, when and which certificate. */
  destroyedAt?: string | null; certificateId?: string | null;
}
export interface Grant {
  id: string; documentId: string; versionId?: string; grantor: string; grantee: string; purpose: string;
  expiresAt: string; revokedAt?: string; live: boolean;
}
export interface SearchHit { documentId: string; version: number; versionId: string; subjectId: string; type: string; score: number; title: string }
export interface Me { user: string; roles: string[]; centres: string[] }
export interface BreakGlass { id: string; documentId: string; expiresAt: string }

// --- Access log and administration (AUDITOR / ADMIN; never content or names) ---
export interface AuditEntry {
  sequence: number; occurredAt: string; userId: string; role?: string; centre?: string; action: string;
  targetType?: string; targetId?: string; purpose?: string; justification?: string; outcome: string; rule?: string;
  reason?: string; breakGlass: boolean; clientAddress?: string; requestId?: string; previousHash?: string;
}
export interface AuditSummary {
  key: string; entries: number; first?: string; last?: string; byAction: Record<string, number>;
  byOutcome: Record<string, number>; byCounterpart: Record<string, number>; recent: AuditEntry[];
}
export interface Checkpoint { origin: string; treeSize: number; rootHash: string; timestamp: string; note?: string; signature: string }
export interface Verification { ok: boolean; entriesChecked: number; checkpointsChecked: number; signedSize: number; problem?: string }
/** The verifier's first finding: its kind, the entries and/or checkpoint it names, and the verifier's sentence. */
export interface Finding { kind: string; firstEntry?: number; lastEntry?: number; checkpointSize?: number; line?: number; message: string }
/** "Verify now" as a server job: RUNNING (phase CHECK, then VERIFY; done of total entries, rate per second), DONE or FAILED. */
export interface VerificationJob {
  id: string; state: 'RUNNING' | 'DONE' | 'FAILED'; phase: 'CHECK' | 'VERIFY'; done: number; total: number; rate: number;
  startedBy: string; startedAt: string; finishedAt?: string; ok?: boolean; entriesChecked?: number; checkpointsChecked?: number;
  signedSize?: number; problem?: Finding; error?: string;
}
export interface BreakGlassSession {
  id: string; userId: string; role: string; documentId: string; justification: string; openedAt: string; expiresAt: string;
  reviewedAt?: string; reviewedBy?: string; reviewNote?: string;
}
export interface KekView { version: number; state: string; wrapsSoFar: number; liveDataKeys: number; primary: boolean }
/** A KEK rotation run as the server reports it: rewrapped of total data keys at rate per second. */
export interface KeyRotationRun { id: number; targetVersion: number; state: string; rewrapped: number; total: number; rate: number; startedBy: string; startedAt: string; finishedAt?: string }
export interface KeysView { versions: KekView[]; rotations: KeyRotationRun[] }
export interface ReindexRun {
  id: string; scope: string; state: string; processed: number; indexed: number; notIndexed: number; failed: number; skipped: number;
  tokenPurpose?: string; startedBy: string; startedAt: string; finishedAt?: string; total: number;
}
/** GET /api/search/status: OCR and search-index health, counts of document versions by index state. */
export interface SearchStatus {
  ocrEnabled: boolean; ocrLanguages: string[]; tokenPurpose: string; keyVersion: number;
  index: { versions: number; indexed: number; stale: number; notIndexed: number; failed: number; missing: number; shredded: number; queued: number };
}
/** GET /api/admin/keys/blind-index: blind-index key versions, what depends on each, the latest rotation. */
export interface BlindIndexVersion {
  version: number; loaded: boolean; primary: boolean; subjects: number; indexedDocumentVersions: number; recordedQueries: number;
  shreddedSubjects: number; removable: boolean;
}
export interface BlindIndexRotationRun {
  id: string; targetVersion: number; state: string; phase: string; subjectsToDo: number; subjectsRekeyed: number; subjectsFailed: number;
  reindexRunId?: string; documentVersionsToDo: number; documentVersions: number; documentVersionsFailed: number; startedBy: string; startedAt: string; finishedAt?: string;
}
export interface BlindIndexStatus {
  primaryVersion: number; loadedVersions: number[]; versions: BlindIndexVersion[]; rotation?: BlindIndexRotationRun; reindex?: ReindexRun;
}
export interface KeyHolder { name: string; loaded: boolean; problem?: string }
export interface AdminStatus { schemaMigrated: boolean; schemaVersion: string; serverTime: string; tokenVerificationKey: boolean; keys: KeyHolder[] }

/** A download (export, checkpoint) fetched with the bearer token as a Blob, then saved through an object URL. */
export async function download(path: string, fileName: string): Promise<Blob> {
  const res = await fetch(`/api${path}`, { headers: authHeaders(), credentials: 'omit', cache: 'no-store' });
  if (!res.ok) {
    const p = await problemOf(res);
    if (p.status === 401) onUnauthorized();
    throw new ApiError(p);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}

/**
 * A POST whose answer is a file (a disclosure package): the JSON body sent with the bearer token, the
 * answer kept as a Blob with its headers (Disclosure-Id, Content-Disposition). Nothing is stored anywhere.
 */
export async function postForBlob(path: string, body: unknown): Promise<{ blob: Blob; headers: Headers }> {
  const h = authHeaders({ 'Content-Type': 'application/json', Accept: 'application/pdf, application/zip, application/problem+json' });
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { method: 'POST', headers: h, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError({ status: 0, type: 'urn:zhusan:problem:network' });
  }
  if (!res.ok) {
    const p = await problemOf(res);
    if (p.status === 401) onUnauthorized();
    throw new ApiError(p);
  }
  return { blob: await res.blob(), headers: res.headers };
}
