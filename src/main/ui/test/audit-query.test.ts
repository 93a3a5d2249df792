import { describe, expect, it } from 'vitest';
import { EMPTY, query } from '../src/pages/audit/query';

// The parameter names GET /api/audit/entries accepts (AuditResource); any other is refused with 400.
const API_PARAMS = ['user', 'role', 'centre', 'subject', 'document', 'targetType', 'targetId', 'action', 'outcome', 'breakGlass', 'from', 'to', 'offset', 'limit'];

describe('access log query', () => {
  it('sends only paging without filters', () => {
    expect(query(EMPTY, 0, 25).toString()).toBe('offset=0&limit=25');
  });

  it('uses only the API parameter names, instants for days, the end day included', () => {
    const q = query({ user: ' alice ', role: 'LAWYER', centre: 'AST-01', subject: 'abc', document: '', action: 'DOCUMENT_READ', outcome: 'DENIED', breakGlass: 'true', from: '2026-11-25', to: '2026-11-30' }, 50, 25);
    for (const k of q.keys()) expect(API_PARAMS).toContain(k);
    expect(q.get('user')).toBe('alice');
    expect(q.get('from')).toBe('2026-11-25T00:00:00Z');
    expect(q.get('to')).toBe('2026-12-01T00:00:00Z');
    expect(q.get('breakGlass')).toBe('true');
    expect(q.has('document')).toBe(false);
    expect(q.get('offset')).toBe('50');
  });
});
