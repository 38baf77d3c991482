import type { ComparisonResponse } from '@api/progress.schema';

export type CompareMode = 'raw' | 'normalised';

export interface BarDatum {
  slug: string;
  name: string;
  value: number;
  year: number;
  /** The city's own target (raw mode only). */
  target: number | null;
  stale: boolean;
  /** The figures include values not approved yet (a member asked for drafts). */
  draft: boolean;
}

/**
 * Latest value (or normalised score) per city, best first: highest first when
 * higher is better or in normalised mode, lowest first otherwise. Cities
 * without a value are left out (the table lists them).
 */
export function barData(data: ComparisonResponse, mode: CompareMode): BarDatum[] {
  const rows = data.cities.flatMap((c) => {
    if (c.latest === null) return [];
    const value = mode === 'raw' ? c.latest.value : c.normalised;
    if (value === null) return [];
    return [
      {
        slug: c.slug,
        name: c.name,
        value,
        year: c.latest.year,
        target: mode === 'raw' && c.ambition !== null ? c.ambition.targetValue : null,
        stale: c.stale,
        draft: data.includesDrafts && c.hasDrafts,
      },
    ];
  });
  const higherIsBetter = mode === 'normalised' || data.indicator.direction === 'increase';
  return rows.sort(
    (a, b) =>
      (higherIsBetter ? b.value - a.value : a.value - b.value) || a.name.localeCompare(b.name),
  );
}

export interface TrajectorySeries {
  slug: string;
  name: string;
  highlighted: boolean;
  /** The series includes values not approved yet. */
  draft: boolean;
}

export interface Trajectories {
  /** One row per year: { year, [citySlug]: value }. */
  rows: Array<Record<string, number>>;
  series: TrajectorySeries[];
}

/**
 * Every city's series on one year axis. At most `maxHighlighted` lines are
 * highlighted (the chosen ones, else the best latest values); the rest are
 * drawn muted, so a chart of many cities stays readable.
 */
export function trajectories(
  data: ComparisonResponse,
  mode: CompareMode,
  chosen: readonly string[],
  maxHighlighted = 10,
): Trajectories {
  const byYear = new Map<number, Record<string, number>>();
  for (const city of data.cities) {
    for (const point of city.series) {
      const value = mode === 'raw' ? point.value : point.normalised;
      if (value === null) continue;
      const row = byYear.get(point.year) ?? { year: point.year };
      row[city.slug] = value;
      byYear.set(point.year, row);
    }
  }
  const ranked = barData(data, mode).map((b) => b.slug);
  const highlighted = new Set((chosen.length > 0 ? chosen : ranked).slice(0, maxHighlighted));
  return {
    rows: [...byYear.values()].sort((a, b) => a.year! - b.year!),
    series: data.cities
      .filter((c) => c.series.length > 0)
      .map((c) => ({
        slug: c.slug,
        name: c.name,
        highlighted: highlighted.has(c.slug),
        draft: data.includesDrafts && c.hasDrafts,
      }))
      .sort(
        (a, b) => Number(b.highlighted) - Number(a.highlighted) || a.name.localeCompare(b.name),
      ),
  };
}
