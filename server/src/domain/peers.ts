/** Peer learning (docs/methodology.md#6-learning-from-peers): who progressed most on the same indicator over comparable years. */
import { assess, type Direction, type TrendType, type YearValue } from './progress';

export interface WindowImprovement {
  improvement: number;
  from: number;
  to: number;
}

/**
 * Growth per year in the desired direction (P) between the first and last
 * observations inside [from, to]; null with fewer than two of them.
 */
export function windowImprovement(
  series: readonly YearValue[],
  window: { from: number; to: number },
  direction: Direction,
  trend: TrendType | 'auto',
): WindowImprovement | null {
  const inside = series
    .filter((p) => p.year >= window.from && p.year <= window.to)
    .sort((a, b) => a.year - b.year);
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (first === undefined || last === undefined || last.year <= first.year) return null;
  const result = assess({ direction, observations: inside, baseline: first, target: null, trend });
  if (result.status === 'insufficient_data' || result.components.ratio === null) return null;
  return { improvement: result.components.ratio, from: first.year, to: last.year };
}
