import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEurostatCodes, sumTerms } from '../../../server/src/domain/eurostat-codes';
import { EUROSTAT_SUGGESTIONS } from '../../../server/src/domain/eurostat-suggestions';

describe('parseEurostatCodes', () => {
  it('reads plain codes, sums and survey waves, the dataset carried to later waves', () => {
    expect(parseEurostatCodes('urb_ctran:TT1010V')).toEqual([
      { dataset: 'urb_ctran', terms: ['TT1010V'] },
    ]);
    expect(parseEurostatCodes('urb_percep:PS1012V+PS1013V')).toEqual([
      { dataset: 'urb_percep', terms: ['PS1012V', 'PS1013V'] },
    ]);
    expect(parseEurostatCodes(' urb_percep:ps3290v | PS3514V ')).toEqual([
      { dataset: 'urb_percep', terms: ['PS3290V'] },
      { dataset: 'urb_percep', terms: ['PS3514V'] },
    ]);
    expect(parseEurostatCodes('EN3012V')).toEqual([{ dataset: null, terms: ['EN3012V'] }]);
  });

  it('refuses what an import could not match', () => {
    for (const bad of ['', 'urb percep:X', 'a:B+B', 'a:B+', 'a:B c:D-E', 'x'.repeat(41)])
      expect(parseEurostatCodes(bad), bad).toBeNull();
  });
});

describe('sumTerms', () => {
  it('adds without binary noise', () => {
    expect(sumTerms([28.2, 25.2])).toBe(53.4);
    expect(sumTerms([0.1, 0.2])).toBe(0.3);
    expect(sumTerms([41, 42.1])).toBe(83.1);
    expect(sumTerms([1.005, 2])).toBe(3.005);
  });
});

describe('the curated Eurostat suggestions', () => {
  const read = (file: string): string =>
    fs.readFileSync(path.resolve(import.meta.dirname, '../../../seeds/data', file), 'utf8');
  const codes = new Set(
    read('eurostat/dic_indic_ur.tsv')
      .split('\n')
      .map((l) => l.split('\t')[0]),
  );
  const targets = new Set(
    read('sdg-framework/targets.csv')
      .split('\n')
      .map((l) => l.split(',')[0]),
  );
  const indicators = new Map(
    read('sdg-framework/indicators.csv')
      .split('\n')
      .map((l) => l.split(','))
      .map(([code, target]) => [code, target] as const),
  );

  it('name codes Eurostat has, SDG targets and indicators that exist, unique slugs', () => {
    for (const s of EUROSTAT_SUGGESTIONS) {
      const parsed = parseEurostatCodes(s.eurostat);
      expect(parsed, s.eurostat).not.toBeNull();
      for (const term of parsed!.flatMap((c) => c.terms)) expect(codes.has(term), term).toBe(true);
      expect(targets.has(s.target), s.target).toBe(true);
      if (s.sdgIndicator !== undefined) expect(indicators.get(s.sdgIndicator)).toBe(s.target);
    }
    expect(new Set(EUROSTAT_SUGGESTIONS.map((s) => s.slug)).size).toBe(EUROSTAT_SUGGESTIONS.length);
  });
});
