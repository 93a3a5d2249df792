// The access log's filters as the API's query parameters (GET /api/audit/entries refuses unknown ones).
export interface Filters {
  user: string; role: string; centre: string; subject: string; document: string; action: string;
  outcome: string; breakGlass: string; from: string; to: string;
}
export const EMPTY: Filters = { user: '', role: 'ALL', centre: '', subject: '', document: '', action: '', outcome: 'ALL', breakGlass: 'ALL', from: '', to: '' };
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query the API understands; only its own parameter names (unknown ones are refused). */
export function query(f: Filters, offset: number, limit: number): URLSearchParams {
  const q = new URLSearchParams();
  (['user', 'centre', 'subject', 'document', 'action'] as const).forEach((k) => {
    if (f[k].trim()) q.set(k, f[k].trim());
  });
  if (f.role !== 'ALL') q.set('role', f.role);
  if (f.outcome !== 'ALL') q.set('outcome', f.outcome);
  if (f.breakGlass !== 'ALL') q.set('breakGlass', f.breakGlass);
  if (f.from) q.set('from', `${f.from}T00:00:00Z`);
  if (f.to) {
    const next = new Date(`${f.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    q.set('to', next.toISOString().replace('.000Z', 'Z'));
  }
  q.set('offset', String(offset));
  q.set('limit', String(limit));
  return q;
}

