import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../src/i18n';

// Every kind of finding the server's verifier can report (the Finding.Kind enum) and every phase of a
// verification job has a sentence in each language, so "verify now" always answers in words.
const finding = readFileSync(join(__dirname, '../../java/org/zhusan/vault/audit/verify/Finding.java'), 'utf8');
const verifierKinds = [...finding.slice(finding.indexOf('enum Kind')).matchAll(/^\s{4}([A-Z_]+)[,\s]*$/gm)].map((m) => m[1]);
// The server's own check before signing, reported by a verification job beside the verifier's kinds.
const kinds = [...verifierKinds, 'CHECK_BEFORE_SIGNING'];

describe('verification results in words', () => {
  it('reads the kinds from the server', () => {
    expect(kinds).toContain('ENTRY_ALTERED');
    expect(kinds).toContain('UNSIGNED_TAIL');
    expect(verifierKinds.length).toBe(12);
  });
  it.each(Object.keys(MESSAGES) as (keyof typeof MESSAGES)[])('%s has a sentence for every kind and phase', (lang) => {
    const keys = [...kinds.map((k) => `verify.kind.${k}`), 'verify.phase.CHECK', 'verify.phase.VERIFY'];
    expect(keys.filter((k) => !(k in MESSAGES[lang]))).toEqual([]);
  });
  it('the page knows every kind', () => {
    const page = readFileSync(join(__dirname, '../src/pages/audit/Verification.tsx'), 'utf8');
    expect(kinds.filter((k) => !page.includes(`'${k}'`))).toEqual([]);
  });
});
