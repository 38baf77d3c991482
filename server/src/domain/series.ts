/**
 * Series of an indicator: the headline series (no breakdown, the one that
 * progress, scores and ambitions use) and its breakdowns — values told apart
 * by dimensions such as sex, age group, district, unit or series name. A
 * series is identified by its dimensions, stored as one canonical key.
 *
 * - `{}` is the headline series; its key is the empty string.
 * - Any other series is `{ dimension: value, … }`; its key is the JSON of the
 *   entries sorted by dimension, so the same breakdown always has one key.
 * - Dimension names are lower-case words (`sex`, `age`, `ward`, `units`,
 *   `geocode`); an area (district, ward) carries its code in `geocode`, so
 *   a map can draw it.
 */

export type SeriesDimensions = Readonly<Record<string, string>>;

/** The headline series' key. */
export const HEADLINE = '';

export const MAX_DIMENSIONS = 10;
export const MAX_DIMENSION_NAME = 60;
export const MAX_DIMENSION_VALUE = 200;

/** A dimension's name as stored: lower case, single spaces ("Unit measure" → "unit measure"). */
export function dimensionName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The canonical key of a series; dimensions with empty values are left out. */
export function seriesKey(dimensions: SeriesDimensions): string {
  const entries = Object.entries(dimensions)
    .map(([name, value]) => [dimensionName(name), value.trim()] as const)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? HEADLINE : JSON.stringify(Object.fromEntries(entries));
}

/** The dimensions of a stored key. */
export function seriesDimensions(key: string): SeriesDimensions {
  if (key === HEADLINE) return {};
  return JSON.parse(key) as Record<string, string>;
}

/** Problems with a series given by a client (an object of dimension → value); empty when fine. */
export function seriesProblems(dimensions: unknown): string[] {
  if (dimensions === null || typeof dimensions !== 'object' || Array.isArray(dimensions))
    return [
      'A series is an object of dimension → value, e.g. {"sex": "female"} ({} for the headline).',
    ];
  const entries = Object.entries(dimensions as Record<string, unknown>);
  const problems: string[] = [];
  if (entries.length > MAX_DIMENSIONS)
    problems.push(`A series has at most ${MAX_DIMENSIONS} dimensions.`);
  const names = new Set<string>();
  for (const [name, value] of entries) {
    const normal = dimensionName(name);
    if (normal === '' || normal.length > MAX_DIMENSION_NAME)
      problems.push(`A dimension name must have 1 to ${MAX_DIMENSION_NAME} characters.`);
    else if (names.has(normal)) problems.push(`The dimension "${normal}" appears twice.`);
    names.add(normal);
    if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_DIMENSION_VALUE)
      problems.push(
        `The value of "${normal}" must be text of 1 to ${MAX_DIMENSION_VALUE} characters.`,
      );
  }
  return problems;
}

/** Parses a series given as JSON text (a query parameter); throws a message when it is not one. */
export function parseSeriesParameter(text: string | undefined): string {
  if (text === undefined || text.trim() === '' || text.trim() === '{}') return HEADLINE;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The series must be JSON, e.g. {"sex":"female"} ({} for the headline series).');
  }
  const problems = seriesProblems(parsed);
  if (problems.length > 0) throw new Error(problems[0]);
  return seriesKey(parsed as Record<string, string>);
}

/** A short text for people: "sex: female · age: 15–24", or "" for the headline. */
export function describeSeries(key: string): string {
  return Object.entries(seriesDimensions(key))
    .map(([name, value]) => `${name}: ${value}`)
    .join(' · ');
}

/**
 * Statistical flags of a value (SDMX/Eurostat letters): kept per value and
 * shown next to it wherever it appears.
 */
export const VALUE_FLAGS = {
  e: 'estimated',
  p: 'provisional',
  b: 'break-in-series',
  u: 'low-reliability',
  c: 'confidential',
  d: 'definition-differs',
} as const;
export type ValueFlagCode = keyof typeof VALUE_FLAGS;
/** The order letters are stored in. */
export const FLAG_ORDER = 'epbucd';
export type ValueFlag = (typeof VALUE_FLAGS)[ValueFlagCode];
export const VALUE_FLAG_WORDS: readonly ValueFlag[] = Object.values(VALUE_FLAGS);

/** Flag letters (any order, with noise such as spaces or unknown letters) → stored letters. */
export function flagLetters(text: string): string {
  const letters = new Set<string>();
  for (const ch of text.toLowerCase()) if (ch in VALUE_FLAGS) letters.add(ch);
  return [...FLAG_ORDER].filter((ch) => letters.has(ch)).join('');
}

/** Stored letters → the words the API shows. */
export function flagWords(letters: string): ValueFlag[] {
  return [...letters].flatMap((ch) =>
    ch in VALUE_FLAGS ? [VALUE_FLAGS[ch as ValueFlagCode]] : [],
  );
}

/** Words (from the API) → stored letters; unknown words are a problem for the caller to report. */
export function lettersOfWords(words: readonly string[]): string {
  const codes = Object.entries(VALUE_FLAGS)
    .filter(([, word]) => words.includes(word))
    .map(([code]) => code);
  return [...FLAG_ORDER].filter((ch) => codes.includes(ch)).join('');
}
