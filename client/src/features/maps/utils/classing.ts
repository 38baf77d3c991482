/**
 * Classing for choropleths and value markers: values split into a few
 * classes, by quantiles (about the same number of places in each class) or
 * equal intervals (classes of the same width). Pure, so it is unit-tested
 * with literal numbers; the legend states which method was used.
 */
export type ClassMethod = 'quantile' | 'equal';

export interface ValueClass {
  index: number;
  /** Where the class starts and ends (the first starts at the minimum, the last ends at the maximum). */
  lower: number;
  upper: number;
  /** The smallest and largest value in the class (null when the class is empty). */
  min: number | null;
  max: number | null;
  count: number;
}

export interface Classing {
  method: ClassMethod;
  /** Thresholds between classes: a value at or above thresholds[i] is in class i + 1 or higher. */
  thresholds: number[];
  classes: ValueClass[];
}

/** The thresholds between k classes of the values (fewer when values repeat). */
export function classThresholds(
  values: readonly number[],
  k: number,
  method: ClassMethod,
): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0 || k <= 1) return [];
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (min === max) return [];
  const raw: number[] = [];
  if (method === 'equal') {
    for (let i = 1; i < k; i++) raw.push(min + ((max - min) * i) / k);
  } else {
    const classes = Math.min(k, n);
    for (let i = 1; i < classes; i++) raw.push(sorted[Math.round((i * n) / classes)]!);
  }
  // Ties can make two thresholds equal (an empty quantile class) or equal to the minimum.
  return [...new Set(raw)].filter((t) => t > min);
}

/** The class index of a value: how many thresholds it reaches. */
export function classOf(value: number, thresholds: readonly number[]): number {
  let index = 0;
  while (index < thresholds.length && value >= thresholds[index]!) index++;
  return index;
}

/** Values classed into at most k classes, with each class's range and count. */
export function classify(values: readonly number[], k: number, method: ClassMethod): Classing {
  const finite = values.filter((v) => Number.isFinite(v));
  const thresholds = classThresholds(finite, k, method);
  if (finite.length === 0) return { method, thresholds, classes: [] };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const classes: ValueClass[] = Array.from({ length: thresholds.length + 1 }, (_, index) => ({
    index,
    lower: index === 0 ? min : thresholds[index - 1]!,
    upper: index === thresholds.length ? max : thresholds[index]!,
    min: null,
    max: null,
    count: 0,
  }));
  for (const value of finite) {
    const c = classes[classOf(value, thresholds)]!;
    c.count += 1;
    c.min = c.min === null ? value : Math.min(c.min, value);
    c.max = c.max === null ? value : Math.max(c.max, value);
  }
  return { method, thresholds, classes };
}

/**
 * A sequential blue scale (ColorBrewer Blues, 5 classes), light to dark; the
 * class number is drawn on the map too, so the colour is never alone.
 */
export const CLASS_FILLS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/** The fill of class `index` of `count` classes, spread over the scale. */
export function classFill(index: number, count: number): string {
  if (count <= 1) return CLASS_FILLS[2];
  const position = Math.round((index * (CLASS_FILLS.length - 1)) / (count - 1));
  return CLASS_FILLS[Math.min(CLASS_FILLS.length - 1, Math.max(0, position))]!;
}

/** Dark text on the light classes, white on the dark ones. */
export function classTextColour(fill: string): string {
  return fill === CLASS_FILLS[3] || fill === CLASS_FILLS[4] ? '#ffffff' : '#111111';
}
