import { describe, expect, it } from 'vitest';
import { parse, isLiteralElement, isPluralElement, isSelectElement, isTagElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../src/i18n';

const langs = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];
const all = new Set(langs.flatMap((l) => Object.keys(MESSAGES[l])));

describe('message bundles', () => {
  it.each(langs)('%s has every key of every language', (l) => {
    const missing = [...all].filter((k) => !(k in MESSAGES[l]));
    expect(missing).toEqual([]);
  });

  it.each(langs)('%s messages are valid ICU MessageFormat and not empty', (l) => {
    for (const [k, v] of Object.entries(MESSAGES[l])) {
      expect(v.trim(), k).not.toBe('');
      expect(() => parse(v), k).not.toThrow();
    }
  });

  it('Kazakh is written in Cyrillic, not Latin', () => {
    // The words people read: the literal text of a message, inside plural and select branches too (not the
    // ICU syntax: argument names, "plural", "select", "other").
    const words = (v: string): string => {
      const out: string[] = [];
      const walk = (els: MessageFormatElement[]) => els.forEach((e) => {
        if (isLiteralElement(e)) out.push(e.value);
        else if (isPluralElement(e) || isSelectElement(e)) Object.values(e.options).forEach((o) => walk(o.value));
        else if (isTagElement(e)) walk(e.children);
      });
      walk(parse(v));
      return out.join(' ');
    };
    const latinOnly = Object.entries(MESSAGES.kk).filter(([k, v]) => /[A-Za-z]{4,}/.test(words(v).replace(/AND|OR|NOT|ZIP|PDF|XML|IIN|AST-01|ALA-02|alice|KB|JSON Lines|JSON|Java/g, '')) && !['app.name', 'role.PSYCHOLOGIST'].includes(k));
    expect(latinOnly).toEqual([]);
  });

  it('every key used in the code exists', () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const f of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f.name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/id(?:=|: )["']([a-z][a-zA-Z]*\.[a-zA-Z.-]+)["']/g)) used.add(m[1]);
          for (const m of src.matchAll(/\bm\(["']([a-z][a-zA-Z]*\.[a-zA-Z.-]+)["']/g)) used.add(m[1]);
        }
      }
    };
    walk(join(__dirname, '../src'));
    const missing = [...used].filter((k) => !(k in MESSAGES.en));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });
});
