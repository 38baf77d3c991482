/**
 * Scores for comparing cities (docs/methodology.md#5-scores-for-comparing-cities-sdsn, the SDSN SDG Index and
 * Dashboards method): normalisation between a worst and a best bound, goal
 * and index means, traffic-light colours and trend arrows. Pure functions.
 */

export type Colour = 'green' | 'yellow' | 'orange' | 'red';
export type TrendArrow = 'on_track' | 'moderately_improving' | 'stagnating' | 'decreasing';

const COLOUR_RANK: Readonly<Record<Colour, number>> = { red: 0, orange: 1, yellow: 2, green: 3 };
const RANK_COLOUR: readonly Colour[] = ['red', 'orange', 'yellow', 'green'];

/** Score from the project default when an indicator has no thresholds: ≥75 green, ≥50 yellow, ≥25 orange. */
export const SCORE_COLOUR_THRESHOLDS = { green: 75, yellow: 50, orange: 25 } as const;

/**
 * n = clamp((x − worst) / (best − worst) × 100, 0, 100). Works for "lower is
 * better" too, because then best < worst.
 */
export function normalise(x: number, best: number, worst: number): number {
  const n = ((x - worst) / (best - worst)) * 100;
  return Math.min(100, Math.max(0, n));
}

/**
 * Colour from thresholds in raw units: reaching the green threshold is green,
 * and so on down; "reaching" means ≥ where higher is better, ≤ where lower is.
 */
export function colourFromThresholds(
  x: number,
  direction: 'increase' | 'decrease',
  thresholds: { green: number; yellow: number; orange: number },
): Colour {
  const reaches = (limit: number): boolean => (direction === 'increase' ? x >= limit : x <= limit);
  if (reaches(thresholds.green)) return 'green';
  if (reaches(thresholds.yellow)) return 'yellow';
  if (reaches(thresholds.orange)) return 'orange';
  return 'red';
}

/** Colour from a 0–100 score with the project's default thresholds. */
export function colourFromScore(score: number): Colour {
  if (score >= SCORE_COLOUR_THRESHOLDS.green) return 'green';
  if (score >= SCORE_COLOUR_THRESHOLDS.yellow) return 'yellow';
  if (score >= SCORE_COLOUR_THRESHOLDS.orange) return 'orange';
  return 'red';
}

/**
 * A goal's colour from its two worst indicators: mean of their ranks (red 0 …
 * green 3) rounded down, except that two different colours never make red or
 * green (red + orange → orange, yellow + green → yellow). One indicator gives
 * its own colour; none gives null.
 */
export function goalColour(colours: readonly Colour[]): Colour | null {
  if (colours.length === 0) return null;
  const ranks = colours.map((c) => COLOUR_RANK[c]).sort((a, b) => a - b);
  const [worst, second] = ranks as [number, number | undefined];
  if (second === undefined) return RANK_COLOUR[worst]!;
  let rank = Math.floor((worst + second) / 2);
  if (worst !== second) {
    if (rank === 0) rank = 1;
    if (rank === 3) rank = 2;
  }
  return RANK_COLOUR[rank]!;
}

/** Mean of the values present; null when there are none. */
export function mean(values: ReadonlyArray<number | null | undefined>): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    sum += v;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/**
 * Trend arrow from a score series (docs/methodology.md#5-scores-for-comparing-cities-sdsn): required annual change =
 * (green threshold − score at start) / (2030 − start year); observed =
 * (latest − start) / years. ↑ on track when observed ≥ required (or already
 * green and not falling), ➚ when ≥ 50 % of required, → below that, ↓ when
 * falling. Null with fewer than two points.
 */
export function trendArrow(
  series: ReadonlyArray<{ year: number; score: number }>,
  green: number = SCORE_COLOUR_THRESHOLDS.green,
  horizon = 2030,
): TrendArrow | null {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const start = sorted[0];
  const latest = sorted[sorted.length - 1];
  if (start === undefined || latest === undefined || latest.year <= start.year) return null;
  const observed = (latest.score - start.score) / (latest.year - start.year);
  if (observed < 0) return 'decreasing';
  if (latest.score >= green) return 'on_track';
  const required = horizon > start.year ? (green - start.score) / (horizon - start.year) : Infinity;
  if (observed >= required) return 'on_track';
  if (observed >= 0.5 * required) return 'moderately_improving';
  return 'stagnating';
}

/**
 * Competition ranks ("1, 2, 2, 4") by descending score; entries without a
 * score get no rank.
 */
export function rankDescending<T>(
  items: readonly T[],
  score: (item: T) => number | null,
): Map<T, number> {
  const scored = items.filter((i) => score(i) !== null).sort((a, b) => score(b)! - score(a)!);
  const ranks = new Map<T, number>();
  scored.forEach((item, index) => {
    const previous = scored[index - 1];
    ranks.set(
      item,
      previous !== undefined && score(previous) === score(item) ? ranks.get(previous)! : index + 1,
    );
  });
  return ranks;
}

/** A city may be ranked only when it has values for at least 80 % of the network's indicators. */
export const MAX_MISSING_SHARE_FOR_RANK = 0.2;
