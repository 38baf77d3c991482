import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_ORDER } from '../../client/src/components/ui/status-meta';
import { PROGRESS_STATUSES } from '../../server/src/domain/progress';
import de from '../../client/src/lib/i18n/locales/de';
import en from '../../client/src/lib/i18n/locales/en';
import es from '../../client/src/lib/i18n/locales/es';
import fr from '../../client/src/lib/i18n/locales/fr';
import it_ from '../../client/src/lib/i18n/locales/it';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

const english = flatten(en as unknown as Tree);
const others = { fr, de, es, it: it_ } as unknown as Record<string, Tree>;

describe('translations', () => {
  for (const [lang, messages] of Object.entries(others)) {
    it(`${lang} has every English text, non-empty, with the same placeholders`, () => {
      const local = flatten(messages);
      for (const [key, text] of english) {
        const translated = local.get(key);
        expect(translated, `${lang}: ${key} is missing`).toBeTypeOf('string');
        expect(translated!.trim(), `${lang}: ${key} is empty`).not.toBe('');
        expect(placeholders(translated!), `${lang}: ${key} placeholders`).toEqual(
          placeholders(text),
        );
      }
      for (const key of local.keys()) {
        // Extra keys may only be plural forms English does not need.
        if (!english.has(key))
          expect(key, `${lang}: unexpected key ${key}`).toMatch(/_(many|few|two|zero)$/);
      }
    });
  }

  it('has a message for every key the interface asks for', () => {
    const root = path.resolve(import.meta.dirname, '../../client/src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}locales${path.sep}`))
          files.push(full);
      }
    };
    walk(root);
    const used = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(
        /'((?:progress|history|compare|peers|scores|brief|chart|method)\.[a-zA-Z_.]+)'/g,
      ))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(150);
    const pluralBase = new Set([...english.keys()].map((k) => k.replace(/_(one|other)$/, '')));
    const missing = [...used].filter((key) => !english.has(key) && !pluralBase.has(key));
    expect(missing).toEqual([]);
    // Keys built at run time: every value they can take has a message.
    const families: Record<string, readonly string[]> = {
      status: [...PROGRESS_STATUSES, 'stale'],
      trend: ['on_track', 'moderately_improving', 'stagnating', 'decreasing'],
      colour: ['green', 'yellow', 'orange', 'red'],
      'progress.explain': PROGRESS_STATUSES,
      'progress.baselineSource': ['ambition', 'first_since_2015', 'first_observation'],
      'progress.trendTypes': ['compound', 'linear'],
      history: ['observation_created', 'observation_updated', 'observation_deleted', 'other'],
    };
    for (const [family, values] of Object.entries(families))
      for (const value of values)
        expect(english.has(`${family}.${value}`), `${family}.${value}`).toBe(true);
  });

  it('the client lists the statuses the method has, best first, and "stale"', () => {
    expect(STATUS_ORDER).toEqual([...PROGRESS_STATUSES, 'stale']);
  });
});
