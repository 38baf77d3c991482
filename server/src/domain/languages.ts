/**
 * Languages of the SDG reference data, as BCP 47 tags. The source files use
 * `nb_NO`; the API says `nb` so that it matches what browsers send.
 */
export const SDG_LANGUAGES = [
  'en',
  'fr',
  'es',
  'de',
  'it',
  'ar',
  'ca',
  'cnr',
  'cs',
  'fo',
  'hy',
  'kk',
  'km',
  'ky',
  'lo',
  'my',
  'nb',
  'ne',
  'ro',
  'ru',
  'sw',
  'tg',
  'tk',
  'tr',
  'uk',
  'zh-Hans',
] as const;

export type SdgLanguage = (typeof SDG_LANGUAGES)[number];

/** Languages the user interface itself is translated into. */
export const UI_LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: SdgLanguage = 'en';

const BY_LOWER = new Map<string, SdgLanguage>(SDG_LANGUAGES.map((l) => [l.toLowerCase(), l]));

// Tags a browser may send that name one of our languages under another form.
const ALIASES: ReadonlyMap<string, SdgLanguage> = new Map<string, SdgLanguage>([
  ['no', 'nb'],
  ['nb-no', 'nb'],
  ['nb_no', 'nb'],
  ['zh', 'zh-Hans'],
  ['zh-cn', 'zh-Hans'],
  ['zh-sg', 'zh-Hans'],
  ['zh-hans-cn', 'zh-Hans'],
  ['sr-me', 'cnr'],
]);

/**
 * Maps a language tag to a supported language: exact (case-insensitive) match,
 * a known alias, then the primary subtag ("fr-CH" → "fr"). Null when none fits.
 */
export function matchLanguage(tag: string): SdgLanguage | null {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (lower === '') return null;
  const exact = BY_LOWER.get(lower) ?? ALIASES.get(lower);
  if (exact !== undefined) return exact;
  const primary = lower.split('-')[0] ?? '';
  return BY_LOWER.get(primary) ?? ALIASES.get(primary) ?? null;
}

/**
 * Picks the best supported language from an Accept-Language header
 * (RFC 9110 §12.5.4: ordered by q-value, then by position). Falls back to English.
 */
export function negotiateLanguage(header: string | undefined): SdgLanguage {
  if (header === undefined || header.trim() === '') return DEFAULT_LANGUAGE;
  const candidates = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((c) => c.tag !== '' && c.tag !== '*' && c.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const candidate of candidates) {
    const match = matchLanguage(candidate.tag);
    if (match !== null) return match;
  }
  return DEFAULT_LANGUAGE;
}

/** A translated text with the language it is actually in (after fallback). */
export interface LocalisedText {
  text: string;
  language: SdgLanguage;
}

/** Picks `lang` from a title map, falling back to English when it is missing or blank. */
export function pickTranslation(
  titles: Readonly<Record<string, string | undefined>>,
  lang: SdgLanguage,
): LocalisedText {
  const wanted = titles[lang];
  if (wanted !== undefined && wanted.trim() !== '') return { text: wanted, language: lang };
  return { text: titles[DEFAULT_LANGUAGE] ?? '', language: DEFAULT_LANGUAGE };
}
