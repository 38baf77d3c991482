import {
  describeSeries,
  HEADLINE_KEY,
  seriesKey,
  type SeriesDimensions,
  type SeriesGroup,
  type ValueFlag,
} from '../../../lib/series';

/** What the breakdown charts need of a value. */
export interface SeriesValue {
  year: number;
  value: number;
  flags: readonly ValueFlag[];
  source: string | null;
  series: SeriesDimensions;
}

export interface BreakdownMember<T extends SeriesValue = SeriesValue> {
  /** A chart data key: s0, s1… (series keys are JSON, unfit as keys). */
  id: string;
  /** The series' key. */
  key: string;
  /** The value of the breakdown dimension ("female", "Southville"). */
  label: string;
  values: T[];
}

export interface Breakdown<T extends SeriesValue = SeriesValue> {
  dimension: string;
  /** The other dimensions, held at these values ({} when the series have no other). */
  context: SeriesDimensions;
  members: Array<BreakdownMember<T>>;
  /** One row per year for the lines: { year, s0: value, s1: value… }. */
  rows: Array<Record<string, number>>;
  years: number[];
  /** The latest year any member has a value in (null: no values). */
  latestYear: number | null;
  /** Members with a value in the latest year, best first (the bars). */
  latest: Array<{ member: BreakdownMember<T>; value: T }>;
  /** Members without a value in the latest year (listed after the bars in the table). */
  missingLatest: Array<BreakdownMember<T>>;
  /** The headline value in the latest year, when there is one and no other dimension is held. */
  headline: T | null;
}

const without = (dimensions: SeriesDimensions, name: string): SeriesDimensions =>
  Object.fromEntries(Object.entries(dimensions).filter(([key]) => key !== name));

/**
 * The other-dimension combinations a dimension is broken down under, most
 * series first (then fewest dimensions): for `sex` in series {sex, age} they
 * are the ages.
 */
export function breakdownContexts(
  groups: ReadonlyArray<SeriesGroup<SeriesValue>>,
  dimension: string,
): Array<{ context: SeriesDimensions; count: number }> {
  const contexts = new Map<string, { context: SeriesDimensions; count: number }>();
  for (const group of groups) {
    if (!(dimension in group.dimensions)) continue;
    const context = without(group.dimensions, dimension);
    const key = seriesKey(context);
    const entry = contexts.get(key) ?? { context, count: 0 };
    entry.count++;
    contexts.set(key, entry);
  }
  return [...contexts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      Object.keys(a.context).length - Object.keys(b.context).length ||
      describeSeries(a.context).localeCompare(describeSeries(b.context)),
  );
}

/**
 * The context to show for a dimension: the chosen series' other dimensions
 * when it has the dimension (so choosing "sex: female · age: 15–24" shows
 * women and men aged 15–24), else the context with the most series.
 */
export function contextFor(
  groups: ReadonlyArray<SeriesGroup<SeriesValue>>,
  dimension: string,
  chosen: SeriesDimensions,
): SeriesDimensions {
  if (dimension in chosen) return without(chosen, dimension);
  return breakdownContexts(groups, dimension)[0]?.context ?? {};
}

/**
 * A breakdown of an indicator by one dimension, the other dimensions held at
 * `context`: each value of the dimension as a line over the years, and the
 * latest year across the values as bars, best first for the indicator's
 * direction (ties by name).
 */
export function breakdown<T extends SeriesValue>(
  groups: ReadonlyArray<SeriesGroup<T>>,
  dimension: string,
  context: SeriesDimensions,
  direction: 'increase' | 'decrease',
): Breakdown<T> {
  const contextKey = seriesKey(context);
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const matching = groups
    .filter(
      (g) =>
        dimension in g.dimensions &&
        Object.keys(g.dimensions).length === Object.keys(context).length + 1 &&
        seriesKey(without(g.dimensions, dimension)) === contextKey,
    )
    .sort((a, b) => collator.compare(a.dimensions[dimension]!, b.dimensions[dimension]!));
  const members: Array<BreakdownMember<T>> = matching.map((g, i) => ({
    id: `s${i}`,
    key: g.key,
    label: g.dimensions[dimension]!,
    values: g.observations,
  }));
  const byYear = new Map<number, Record<string, number>>();
  for (const member of members)
    for (const v of member.values) {
      const row = byYear.get(v.year) ?? { year: v.year };
      row[member.id] = v.value;
      byYear.set(v.year, row);
    }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const latestYear = years.length === 0 ? null : years[years.length - 1]!;
  const latest: Array<{ member: BreakdownMember<T>; value: T }> = [];
  const missingLatest: Array<BreakdownMember<T>> = [];
  for (const member of members) {
    const value = member.values.find((v) => v.year === latestYear);
    if (value === undefined) missingLatest.push(member);
    else latest.push({ member, value });
  }
  latest.sort(
    (a, b) =>
      (direction === 'increase' ? b.value.value - a.value.value : a.value.value - b.value.value) ||
      collator.compare(a.member.label, b.member.label),
  );
  const headlineGroup =
    contextKey === HEADLINE_KEY ? groups.find((g) => g.key === HEADLINE_KEY) : undefined;
  return {
    dimension,
    context,
    members,
    rows: years.map((y) => byYear.get(y)!),
    years,
    latestYear,
    latest,
    missingLatest,
    headline: headlineGroup?.observations.find((v) => v.year === latestYear) ?? null,
  };
}

/** The bar chart's height for a number of bars (the placeholder uses it too). */
export function barsHeight(count: number): number {
  return Math.max(140, count * 28 + 56);
}

/** The dimension that holds district codes (the district map matches boundaries on it). */
export const AREA_CODE_DIMENSION = 'geocode';

/**
 * The dimension a `geocode` only labels: when every series with a code also
 * has this dimension and codes and its values pair one to one (`{district:
 * "Sever", geocode: "SK-KE-01"}`), the code is the district's identifier,
 * not a breakdown of its own. Null when there is no such pairing.
 */
export function codePairedDimension(
  groups: ReadonlyArray<{ dimensions: SeriesDimensions }>,
): string | null {
  const coded = groups.filter((g) => g.dimensions[AREA_CODE_DIMENSION] !== undefined);
  if (coded.length === 0) return null;
  const candidates = Object.keys(coded[0]!.dimensions).filter(
    (name) => name !== AREA_CODE_DIMENSION && coded.every((g) => name in g.dimensions),
  );
  return (
    candidates.find((name) => {
      const valueOfCode = new Map<string, string>();
      const codeOfValue = new Map<string, string>();
      return coded.every((g) => {
        const code = g.dimensions[AREA_CODE_DIMENSION]!;
        const value = g.dimensions[name]!;
        const pairedValue = valueOfCode.get(code) ?? value;
        const pairedCode = codeOfValue.get(value) ?? code;
        valueOfCode.set(code, value);
        codeOfValue.set(value, code);
        return pairedValue === value && pairedCode === code;
      });
    }) ?? null
  );
}

/**
 * Series for the breakdown section: a `geocode` paired with a name dimension
 * (see codePairedDimension) is dropped from each series' dimensions, so the
 * breakdown by district shows every district side by side instead of a
 * district code as a separate dimension that holds one district at a time.
 * Keys and values are kept; groups are returned as they are when no code is paired.
 */
export function withoutPairedCodes<T>(
  groups: ReadonlyArray<SeriesGroup<T>>,
): ReadonlyArray<SeriesGroup<T>> {
  if (codePairedDimension(groups) === null) return groups;
  return groups.map((g) =>
    g.dimensions[AREA_CODE_DIMENSION] === undefined
      ? g
      : { ...g, dimensions: without(g.dimensions, AREA_CODE_DIMENSION) },
  );
}
