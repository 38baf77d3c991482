/**
 * One sign convention for every yearly rate on the dashboard
 * (docs/methodology.md#reading-the-numbers): a rate is shown in the data's own
 * direction — a fall is negative — and a word says whether that is better or
 * worse for the indicator.
 */
export type Direction = 'increase' | 'decrease';
export type Verdict = 'better' | 'worse' | 'unchanged';

/** Whether a change in the data's own direction goes the way the indicator should. */
export function rateVerdict(rate: number, direction: Direction): Verdict {
  if (rate === 0 || !Number.isFinite(rate)) return 'unchanged';
  return rate > 0 === (direction === 'increase') ? 'better' : 'worse';
}

/**
 * A growth "in the desired direction" (the methodology's P, the peers'
 * improvement: positive = better) turned into the data's own direction:
 * a falling PM2.5 (lower is better) improving by 7 % a year is −7 % a year.
 */
export function inDataDirection(desired: number, direction: Direction): number {
  return direction === 'increase' ? desired : -desired;
}
