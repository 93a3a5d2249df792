import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { describe as describeProblem, detectedType, KNOWN_SLUGS } from '../src/problems';
import { MESSAGES, formatDay } from '../src/i18n';

describe('problems in plain words', () => {
  it('a ZIP refused as a court document says so', () => {
    const p = { status: 415, type: 'urn:zhusan:problem:unsupported-file-type', detail: "The file's content is application/zip, which is not accepted for COURT documents." };
    expect(detectedType(p)).toBe('application/zip');
    const d = describeProblem(p, 'Court document');
    expect(d.id).toBe('problem.unsupported-file-type.zip');
    const intl = createIntl({ locale: 'ru', messages: MESSAGES.ru });
    expect(intl.formatMessage({ id: d.id }, d.values)).toBe('Это ZIP-архив: как «Court document» не принимается.');
  });

  it('413 without a body is "too large"', () => {
    expect(describeProblem({ status: 413 }).id).toBe('problem.payload-too-large');
  });

  it('an unknown problem type falls back to the raw detail', () => {
    const d = describeProblem({ status: 409, type: 'urn:zhusan:problem:something-new', detail: 'Raw words' });
    expect(d).toEqual({ id: 'problem.detail', fallback: 'Raw words' });
  });

  it('every known slug has a sentence in every language', () => {
    for (const l of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
      for (const s of KNOWN_SLUGS.filter((x) => x !== "unsupported-file-type")) expect(MESSAGES[l][`problem.${s}`], `${l} ${s}`).toBeTruthy();
    }
  });

  it('Russian plural forms: 1 документ, 2 документа, 5 документов', () => {
    const intl = createIntl({ locale: 'ru', messages: MESSAGES.ru });
    const f = (n: number) => intl.formatMessage({ id: 'documents.count' }, { count: n });
    expect([f(1), f(2), f(5), f(21)]).toEqual(['1 документ', '2 документа', '5 документов', '21 документ']);
  });

  it('dates are 02.12.2026 in kk and ru, 2026-12-02 in English', () => {
    expect(formatDay('kk', '2026-12-02')).toBe('02.12.2026');
    expect(formatDay('ru', '2026-12-02')).toBe('02.12.2026');
    expect(formatDay('en', '2026-12-02')).toBe('2026-12-02');
    expect(formatDay('ru', '2026-12-02T03:11:00Z')).toBe('02.12.2026');
  });
});
