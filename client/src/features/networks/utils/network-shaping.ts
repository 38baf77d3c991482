import type { NetworkScoresResponse } from '@api/progress.schema';

type CityScore = NetworkScoresResponse['cities'][number];

/**
 * Cities in ranking order: ranked cities by rank, then unranked ones (too
 * much data missing) by index, then by name.
 */
export function rankedCities(cities: readonly CityScore[]): CityScore[] {
  return [...cities].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return (b.index ?? -Infinity) - (a.index ?? -Infinity) || a.name.localeCompare(b.name);
  });
}

/** A network's indicators grouped by SDG goal (goal order, then name). */
export function indicatorsByGoal<T extends { goal: number | null; name: string }>(
  indicators: readonly T[],
): Array<{ goal: number | null; indicators: T[] }> {
  const groups = new Map<number | null, T[]>();
  for (const indicator of indicators) {
    const list = groups.get(indicator.goal) ?? [];
    list.push(indicator);
    groups.set(indicator.goal, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? 99) - (b ?? 99))
    .map(([goal, list]) => ({
      goal,
      indicators: list.sort((x, y) => x.name.localeCompare(y.name)),
    }));
}
