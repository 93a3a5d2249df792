import { describe, expect, it } from 'vitest';
import { match } from '../src/router';

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(match('/')).toEqual({ name: 'subjects' });
    expect(match('/subjects/new')).toEqual({ name: 'register' });
    expect(match('/subjects/0b6f1c2e-1111-2222-3333-444455556666')).toEqual({ name: 'subject', id: '0b6f1c2e-1111-2222-3333-444455556666' });
    expect(match('/documents/abc/')).toEqual({ name: 'document', id: 'abc' });
    expect(match('/search')).toEqual({ name: 'search' });
    expect(match('/nope/x')).toEqual({ name: 'not-found' });
  });
});
