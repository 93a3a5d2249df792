import { describe, expect, it } from 'vitest';
import { match } from '../src/router';

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(match('/')).toEqual({ name: 'subjects' });
    expect(match('/subjects/new')).toEqual({ name: 'register' });
    expect(match('/subjects/0b6f1c2e-1111-2222-3333-444455556666')).toEqual({ name: 'subject', id: '0b6f1c2e-1111-2222-3333-444455556666' });
    expect(match('/documents/abc/')).toEqual({ name: 'document', id: 'abc' });
    expect(match('/search')).toEqual({ name: 'search' });
    expect(match('/subjects/0b6f1c2e-1111-2222-3333-444455556666/disclose')).toEqual({ name: 'disclose', id: '0b6f1c2e-1111-2222-3333-444455556666' });
    expect(match('/nope/x')).toEqual({ name: 'not-found' });
  });

  it('maps the auditor and administrator pages', () => {
    expect(match('/audit/log')).toEqual({ name: 'audit-log' });
    expect(match('/audit/users/lawyer%20one')).toEqual({ name: 'audit-user', id: 'lawyer one' });
    expect(match('/audit/subjects/0b6f1c2e-1111-2222-3333-444455556666')).toEqual({ name: 'audit-subject', id: '0b6f1c2e-1111-2222-3333-444455556666' });
    expect(match('/audit/documents/0b6f1c2e-1111-2222-3333-444455556666')).toEqual({ name: 'audit-document', id: '0b6f1c2e-1111-2222-3333-444455556666' });
    expect(match('/audit/break-glass')).toEqual({ name: 'audit-break-glass' });
    expect(match('/audit/verify')).toEqual({ name: 'audit-verify' });
    expect(match('/admin')).toEqual({ name: 'admin-status' });
    expect(match('/admin/keys')).toEqual({ name: 'admin-keys' });
    expect(match('/admin/search')).toEqual({ name: 'admin-search' });
    expect(match('/admin/blind-index')).toEqual({ name: 'admin-blind-index' });
    expect(match('/records/disposition')).toEqual({ name: 'disposition' });
    expect(match('/reports')).toEqual({ name: 'reports' });
    expect(match('/reports/')).toEqual({ name: 'reports' });
  });
});
