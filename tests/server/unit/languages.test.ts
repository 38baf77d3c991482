import { describe, expect, it } from 'vitest';
import {
  matchLanguage,
  negotiateLanguage,
  pickTranslation,
} from '../../../server/src/domain/languages';

describe('matchLanguage', () => {
  it('matches exact tags case-insensitively, aliases and primary subtags', () => {
    expect(matchLanguage('fr')).toBe('fr');
    expect(matchLanguage('FR')).toBe('fr');
    expect(matchLanguage('fr-CH')).toBe('fr');
    expect(matchLanguage('zh-hans')).toBe('zh-Hans');
    expect(matchLanguage('zh-CN')).toBe('zh-Hans');
    expect(matchLanguage('nb_NO')).toBe('nb');
    expect(matchLanguage('no')).toBe('nb');
  });

  it('returns null for languages without reference data', () => {
    expect(matchLanguage('xx')).toBeNull();
    expect(matchLanguage('pt-BR')).toBeNull();
    expect(matchLanguage('')).toBeNull();
  });
});

describe('negotiateLanguage', () => {
  it('follows q-values, then order', () => {
    expect(negotiateLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(negotiateLanguage('en;q=0.5, it;q=0.9')).toBe('it');
    expect(negotiateLanguage('pt-BR, es;q=0.7, fr;q=0.7')).toBe('es');
  });

  it('falls back to English for nothing usable', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage('pt, *;q=0.1')).toBe('en');
    expect(negotiateLanguage('fr;q=0')).toBe('en');
  });
});

describe('pickTranslation', () => {
  it('returns the wanted language or English with the language it is in', () => {
    expect(pickTranslation({ en: 'Water', fr: 'Eau' }, 'fr')).toEqual({
      text: 'Eau',
      language: 'fr',
    });
    expect(pickTranslation({ en: 'Water', fr: '  ' }, 'fr')).toEqual({
      text: 'Water',
      language: 'en',
    });
    expect(pickTranslation({ en: 'Water' }, 'de')).toEqual({ text: 'Water', language: 'en' });
  });
});
