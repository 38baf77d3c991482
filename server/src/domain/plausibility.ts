/**
 * Plausibility of a newly entered value (docs/methodology.md#7-plausibility-of-new-values): a year-on-year
 * change far outside the city's usual variation is accepted but flagged for
 * review. "Usual variation" is measured with a robust z-score (Iglewicz and
 * Hoaglin's modified z-score) against the series' other year-on-year changes.
 */

export interface YearValue {
  year: number;
  value: number;
}

export interface PlausibilityFlag {
  /** `max_change`: above the indicator's configured maximum; `jump`: robust z-score above 3.5. */
  kind: 'max_change' | 'jump';
  year: number;
  previousYear: number;
  previousValue: number;
  value: number;
  /** Change per year from the previous observed year. */
  changePerYear: number;
  /** Median of the other year-on-year changes (per year), when the z-test ran. */
  usualChange: number | null;
  /** The modified z-score; null when every other change was identical (infinitely unusual). */
  robustZ: number | null;
  /** The configured maximum change per year, for `max_change`. */
  maxChange: number | null;
}

/** |z| above this is flagged (Iglewicz & Hoaglin 1993). */
export const ROBUST_Z_THRESHOLD = 3.5;
/** The z-test needs at least this many other changes to know what "usual" is. */
export const MIN_REFERENCE_CHANGES = 3;

const MAD_SCALE = 0.6745; // Φ⁻¹(0.75): makes MAD comparable with a standard deviation
const MEAN_AD_SCALE = 1.253314; // √(π/2): the same for the mean absolute deviation

/** Median of a non-empty list. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  return medianOfSorted(sorted, sorted.length);
}

function medianOfSorted(sorted: ArrayLike<number>, n: number): number {
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Sorts the first `n` entries in place (insertion sort: the lists here are short). */
function sortPrefix(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Median of the first `n` entries of `scratch` (reordered). */
function medianInPlace(scratch: Float64Array, n: number): number {
  sortPrefix(scratch, n);
  return medianOfSorted(scratch, n);
}

/**
 * Modified z-score of `x` against `reference`: 0.6745·(x − median)/MAD, or
 * (x − median)/(1.2533·MeanAD) when the MAD is zero. Returns ±Infinity when
 * every reference value is identical and x differs from them, 0 when it does not.
 */
export function robustZScore(x: number, reference: ArrayLike<number>): number {
  const buffer = Float64Array.from(reference);
  return robustZ(x, buffer, buffer.length, new Float64Array(buffer.length)).z;
}

/** robustZScore on the first `n` entries of `reference` (reordered), using `scratch` for deviations. */
function robustZ(
  x: number,
  reference: Float64Array,
  n: number,
  scratch: Float64Array,
): { z: number; median: number } {
  const med = medianInPlace(reference, n);
  let sumDeviation = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(reference[i]! - med);
    scratch[i] = d;
    sumDeviation += d;
  }
  const mad = medianInPlace(scratch, n);
  if (mad > 0) return { z: (MAD_SCALE * (x - med)) / mad, median: med };
  const meanAd = sumDeviation / n;
  if (meanAd > 0) return { z: (x - med) / (MEAN_AD_SCALE * meanAd), median: med };
  const scale = Math.max(Math.abs(x), Math.abs(med), 1e-12);
  if (Math.abs(x - med) <= 1e-9 * scale) return { z: 0, median: med };
  return { z: x > med ? Infinity : -Infinity, median: med };
}

/**
 * Checks the value at `year` in `series` (which must contain it; any order).
 * Its change is the change per year from the previous observed year; the
 * reference is every other year-on-year change of the series that does not
 * involve this value (the ones into and out of it are left out).
 */
export function assessPlausibility(
  series: readonly YearValue[],
  year: number,
  maxChange: number | null,
): PlausibilityFlag | null {
  return assessSeries(series, [year], maxChange)[0] ?? null;
}

/**
 * The same check for several years of one series at once (imports): the
 * series is sorted and its changes computed once. Returns the flags raised,
 * in year order.
 */
export function assessSeries(
  series: readonly YearValue[],
  years: readonly number[],
  maxChange: number | null,
): PlausibilityFlag[] {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  // changes[i] is the change per year from sorted[i - 1] to sorted[i] (changes[0] unused).
  const changes = new Array<number>(sorted.length);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    changes[i] = (b.value - a.value) / (b.year - a.year);
  }
  const wanted = new Set(years);
  const flags: PlausibilityFlag[] = [];
  const reference = new Float64Array(Math.max(sorted.length, 1));
  const scratch = new Float64Array(Math.max(sorted.length, 1));
  for (let index = 1; index < sorted.length; index++) {
    const current = sorted[index]!;
    if (!wanted.has(current.year)) continue;
    const previous = sorted[index - 1]!;
    const changePerYear = changes[index]!;
    const base = {
      year: current.year,
      previousYear: previous.year,
      previousValue: previous.value,
      value: current.value,
      changePerYear,
    };
    if (maxChange !== null && Math.abs(changePerYear) > maxChange) {
      flags.push({ kind: 'max_change', ...base, usualChange: null, robustZ: null, maxChange });
      continue;
    }
    let n = 0;
    for (let i = 1; i < sorted.length; i++) {
      if (i !== index && i !== index + 1) reference[n++] = changes[i]!;
    }
    if (n < MIN_REFERENCE_CHANGES) continue;
    const { z, median: usual } = robustZ(changePerYear, reference, n, scratch);
    if (Math.abs(z) <= ROBUST_Z_THRESHOLD) continue;
    flags.push({
      kind: 'jump',
      ...base,
      usualChange: usual,
      robustZ: Number.isFinite(z) ? z : null,
      maxChange: null,
    });
  }
  return flags;
}
