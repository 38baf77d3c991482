import type { Observation } from '@api/observation.schema';

/**
 * Series of an indicator as the API gives them: an object of dimension →
 * value, `{}` for the headline series (the one progress, scores and ambitions
 * use). The key mirrors the server's canonical key (server/src/domain/series.ts):
 * the JSON of the entries sorted by dimension, '' for the headline.
 */
export type SeriesDimensions = Readonly<Record<string, string>>;
export type ValueFlag = Observation['flags'][number];

export const HEADLINE_KEY = '';

/** The canonical key of a series ('' for the headline). */
export function seriesKey(dimensions: SeriesDimensions): string {
  const entries = Object.entries(dimensions)
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? HEADLINE_KEY : JSON.stringify(Object.fromEntries(entries));
}

export function isHeadline(dimensions: SeriesDimensions): boolean {
  return seriesKey(dimensions) === HEADLINE_KEY;
}

/** The value of `?series=` for a series: undefined for the headline (the API's default). */
export function seriesParam(dimensions: SeriesDimensions): string | undefined {
  const key = seriesKey(dimensions);
  return key === HEADLINE_KEY ? undefined : key;
}

/** A series from its key or `?series=` text; anything that is not one is the headline. */
export function parseSeries(text: string | null | undefined): SeriesDimensions {
  if (text === null || text === undefined || text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const entries = Object.entries(parsed as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    );
    return Object.fromEntries(entries);
  } catch {
    return {};
  }
}

/** "sex: female · age: 15–24" ('' for the headline, which callers name in words). */
export function describeSeries(dimensions: SeriesDimensions): string {
  return Object.entries(dimensions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}: ${value}`)
    .join(' \u00b7 ');
}

export interface SeriesGroup<T> {
  key: string;
  dimensions: SeriesDimensions;
  /** Sorted by year. */
  observations: T[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Values grouped by series: the headline first (when present), the others in
 * a natural order of their description ("ward 2" before "ward 10").
 */
export function groupBySeries<T extends { series: SeriesDimensions; year: number }>(
  observations: readonly T[],
): Array<SeriesGroup<T>> {
  const groups = new Map<string, SeriesGroup<T>>();
  for (const observation of observations) {
    const key = seriesKey(observation.series);
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, dimensions: observation.series, observations: [] };
      groups.set(key, group);
    }
    group.observations.push(observation);
  }
  for (const group of groups.values()) group.observations.sort((a, b) => a.year - b.year);
  return [...groups.values()].sort((a, b) =>
    a.key === HEADLINE_KEY
      ? -1
      : b.key === HEADLINE_KEY
        ? 1
        : collator.compare(describeSeries(a.dimensions), describeSeries(b.dimensions)),
  );
}

/** The dimensions the series break down by, each with its values in natural order. */
export function dimensionsOf(
  series: ReadonlyArray<{ dimensions: SeriesDimensions }>,
): Array<{ name: string; values: string[] }> {
  const values = new Map<string, Set<string>>();
  for (const { dimensions } of series)
    for (const [name, value] of Object.entries(dimensions)) {
      const set = values.get(name) ?? new Set<string>();
      set.add(value);
      values.set(name, set);
    }
  return [...values]
    .map(([name, set]) => ({ name, values: [...set].sort(collator.compare) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The flags present in some values, in the API's order (for a legend). */
export function flagsPresent(values: ReadonlyArray<{ flags: readonly ValueFlag[] }>): ValueFlag[] {
  const seen = new Set<ValueFlag>();
  for (const v of values) for (const f of v.flags) seen.add(f);
  return FLAG_ORDER.filter((f) => seen.has(f));
}

export const FLAG_ORDER: readonly ValueFlag[] = [
  'estimated',
  'provisional',
  'break-in-series',
  'low-reliability',
  'confidential',
  'definition-differs',
];

/** A lookup of the headline values' flags by indicator and year (city summaries). */
export function headlineFlags(
  observations: ReadonlyArray<{
    indicator: string;
    year: number;
    series: SeriesDimensions;
    flags: readonly ValueFlag[];
  }>,
): (indicator: string, year: number) => readonly ValueFlag[] {
  const map = new Map<string, readonly ValueFlag[]>();
  for (const o of observations)
    if (o.flags.length > 0 && isHeadline(o.series)) map.set(`${o.indicator}|${o.year}`, o.flags);
  return (indicator, year) => map.get(`${indicator}|${year}`) ?? [];
}
