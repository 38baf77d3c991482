import type { SeriesValue } from './breakdown';

/**
 * One series across cities: each city's latest value (up to `year` when
 * given), best first for the indicator's direction (ties by city), and the
 * cities that have none.
 */
export function latestByCity<T extends SeriesValue & { city: string }>(
  values: readonly T[],
  direction: 'increase' | 'decrease',
  year: number | undefined,
  nameOf: (city: string) => string,
): { ranked: T[]; without: string[] } {
  const latest = new Map<string, T>();
  const cities = new Set<string>();
  for (const v of values) {
    cities.add(v.city);
    if (year !== undefined && v.year > year) continue;
    const current = latest.get(v.city);
    if (current === undefined || v.year > current.year) latest.set(v.city, v);
  }
  const ranked = [...latest.values()].sort(
    (a, b) =>
      (direction === 'increase' ? b.value - a.value : a.value - b.value) ||
      nameOf(a.city).localeCompare(nameOf(b.city)),
  );
  const without = [...cities]
    .filter((c) => !latest.has(c))
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return { ranked, without };
}
