/**
 * Progress of one city on one indicator (docs/methodology.md#1-the-numbers-a-status-is-made-of to #3-the-action-gap): trend type,
 * progress status and score (Open SDG / Statistics Canada method), and the
 * action gap (ESCAP's anticipated gap). Pure functions: numbers in, numbers out.
 *
 * Notation: observations (y_i, v_i); latest (t, v_t); direction d = ±1;
 * baseline (b, v_b) = the city's ambition baseline, else the first
 * observation in or after 2015, else the first observation; target (T, v_T)
 * optional; s = −1 when v_b < 0, else +1.
 */

export type Direction = 'increase' | 'decrease';
export type TrendType = 'compound' | 'linear';
export type ProgressStatus =
  | 'target_achieved'
  | 'on_track'
  | 'acceleration_needed'
  | 'limited_progress'
  | 'deterioration'
  | 'insufficient_data';

export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'target_achieved',
  'on_track',
  'acceleration_needed',
  'limited_progress',
  'deterioration',
  'insufficient_data',
];

export interface YearValue {
  year: number;
  value: number;
}

export interface AssessmentInput {
  direction: Direction;
  observations: readonly YearValue[];
  /** The city's ambition baseline; without it the baseline comes from the observations. */
  baseline?: YearValue | null;
  target?: YearValue | null;
  /** A trend type the indicator fixes; `auto` (or absent) chooses by the signs of the values. */
  trend?: TrendType | 'auto' | null;
  /**
   * The best value that can exist (100 for a coverage rate): without a target,
   * the thresholds shrink near it (Open SDG's limit adjustment, docs/methodology.md#near-a-natural-limit-without-a-target).
   */
  naturalLimit?: number | null;
}

export interface Components {
  baselineYear: number | null;
  baselineValue: number | null;
  /** Where the baseline came from. */
  baselineSource: 'ambition' | 'first_since_2015' | 'first_observation' | null;
  latestYear: number | null;
  latestValue: number | null;
  /** Observed rate from baseline to latest: a fraction per year (compound) or units per year (linear). */
  observedRate: number | null;
  /** Rate needed from baseline to target, in the same terms; null without a target. */
  requiredRate: number | null;
  /** R (with a target: observed ÷ required progress) or P (without: growth per year in the desired direction). */
  ratio: number | null;
  /** The thresholds `ratio` was compared with. */
  thresholds: { onTrack: number; accelerationNeeded: number; limitedProgress: number };
  /** The natural limit's coefficient c that scaled the thresholds; null when none applied. */
  limitCoefficient: number | null;
}

/** Figures are null only when they overflow a double (absurd inputs). */
export interface ActionGap {
  /** The required path at the latest year. */
  expectedNow: number | null;
  /** d · (expected − latest), in units: above 0 means behind schedule. */
  gapNow: number | null;
  /** The value at the target year if the observed trend continues from the latest value. */
  projectedValue: number | null;
  /** max(0, d · (target − projected)), in units. */
  gap: number | null;
  /** The gap as a share of the whole ambition |v_T − v_b|; null when target equals baseline. */
  gapShare: number | null;
  /** Rate needed from the latest value to reach the target on time; null once the target year is reached. */
  requiredRateFromNow: number | null;
  /** requiredRateFromNow ÷ observedRate; null when the observed trend goes the wrong way or is flat. */
  paceRatio: number | null;
  /** First year the projection reaches the target; null when it never does. */
  projectedYear: number | null;
}

export interface Assessment {
  status: ProgressStatus;
  /** From −5 to 5; null for insufficient data. */
  score: number | null;
  trend: TrendType | null;
  components: Components;
  actionGap: ActionGap | null;
  /** Plain-language notes on choices made (fallbacks, edge cases). */
  notes: string[];
}

/** Thresholds on R (with a target) and P (without), docs/methodology.md#2-progress-status-and-score. */
export const TARGET_THRESHOLDS = {
  onTrack: 0.95,
  accelerationNeeded: 0.6,
  limitedProgress: 0,
} as const;
export const GROWTH_THRESHOLDS = {
  onTrack: 0.015,
  accelerationNeeded: 0.005,
  limitedProgress: 0,
} as const;
const BASELINE_FROM_YEAR = 2015;

/** Compound annual rate r(v1, v0, y1, y0) = (v1 / v0)^(1 / (y1 − y0)) − 1. */
export function compoundRate(v1: number, v0: number, y1: number, y0: number): number {
  return Math.pow(v1 / v0, 1 / (y1 - y0)) - 1;
}

/** Linear rate (v1 − v0) / (y1 − y0), units per year. */
export function linearRate(v1: number, v0: number, y1: number, y0: number): number {
  return (v1 - v0) / (y1 - y0);
}

/** Score from R, with a target: the published piecewise line, constants as published. */
export function scoreFromRatio(ratio: number): number {
  return ratio >= 0.6 ? Math.min(7.1429 * ratio - 4.2857, 5) : Math.max(4.1667 * ratio - 2.5, -5);
}

/** The exponent of Open SDG's limit adjustment. */
export const LIMIT_EXPONENT = 4.44;

/**
 * Open SDG's coefficient c for a baseline x near a natural limit l (both as
 * absolute values): 1 from 2l on, 1 − (x/l)^a up to l, 1 − ((2l − x)/l)^a
 * between; 0 at the limit itself.
 */
export function limitCoefficient(baselineValue: number, limit: number): number {
  const x = Math.abs(baselineValue);
  const l = Math.abs(limit);
  if (x >= 2 * l) return 1;
  if (x <= l) return 1 - Math.pow(x / l, LIMIT_EXPONENT);
  return 1 - Math.pow((2 * l - x) / l, LIMIT_EXPONENT);
}

/** Score from P without a target, near a natural limit (coefficient c < 1). */
export function scoreFromGrowthNearLimit(growth: number, c: number): number {
  if (growth < 0) return Math.max(125 * growth - 2.5, -5);
  if (c === 0) return 5;
  if (growth >= 0.015 * c) return Math.min((500 * growth) / c - 5, 5);
  if (growth >= 0.005 * c) return (250 * growth) / c - 1.25;
  return (500 * growth) / c - 2.5;
}

/** Score from P, without a target. */
export function scoreFromGrowth(growth: number): number {
  if (growth < 0) return Math.max(125 * growth - 2.5, -5);
  if (growth < 0.005) return 500 * growth - 2.5;
  if (growth < 0.015) return 250 * growth - 1.25;
  return Math.min(500 * growth - 5, 5);
}

function statusFrom(
  value: number,
  thresholds: { onTrack: number; accelerationNeeded: number; limitedProgress: number },
): ProgressStatus {
  if (value >= thresholds.onTrack) return 'on_track';
  if (value >= thresholds.accelerationNeeded) return 'acceleration_needed';
  if (value >= thresholds.limitedProgress) return 'limited_progress';
  return 'deterioration';
}

/**
 * The baseline: the ambition's when set, else the first observation in or
 * after 2015, else the first observation.
 */
export function chooseBaseline(
  sorted: readonly YearValue[],
  ambition: YearValue | null | undefined,
): { point: YearValue; source: Components['baselineSource'] } | null {
  if (ambition !== null && ambition !== undefined) return { point: ambition, source: 'ambition' };
  const since = sorted.find((p) => p.year >= BASELINE_FROM_YEAR);
  if (since !== undefined) return { point: since, source: 'first_since_2015' };
  const first = sorted[0];
  return first === undefined ? null : { point: first, source: 'first_observation' };
}

/**
 * Compound by default when the baseline and latest values (and the target,
 * when there is one) are all positive; linear otherwise. A fixed compound
 * trend also works when they are all negative (s = −1); with mixed signs or
 * zeros it cannot be computed and linear is used instead (noted).
 */
export function chooseTrend(
  requested: TrendType | 'auto' | null | undefined,
  values: readonly number[],
  notes: string[],
): TrendType {
  const allPositive = values.every((v) => v > 0);
  const allNegative = values.every((v) => v < 0);
  if (requested === 'linear') return 'linear';
  if (requested === 'compound') {
    if (allPositive || allNegative) return 'compound';
    notes.push(
      'A compound trend needs values of one sign without zeros; the linear trend was used instead.',
    );
    return 'linear';
  }
  return allPositive ? 'compound' : 'linear';
}

const emptyComponents = (thresholds: Components['thresholds']): Components => ({
  baselineYear: null,
  baselineValue: null,
  baselineSource: null,
  latestYear: null,
  latestValue: null,
  observedRate: null,
  requiredRate: null,
  ratio: null,
  thresholds,
  limitCoefficient: null,
});

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The "insufficient data" result: the reason is added to the notes. */
function insufficientData(components: Components, notes: string[], reason: string): Assessment {
  notes.push(reason);
  return {
    status: 'insufficient_data',
    score: null,
    trend: null,
    components,
    actionGap: null,
    notes,
  };
}

/** What assess needs once the baseline and latest observation are known to allow a rate. */
interface RateContext {
  d: number;
  s: number;
  trend: TrendType;
  b: number;
  vb: number;
  t: number;
  vt: number;
  observedRate: number;
  thresholds: Components['thresholds'];
  components: Components;
  notes: string[];
}

/** Assesses progress; see the module comment. Input must be valid (see validateAssessmentInput). */
export function assess(input: AssessmentInput): Assessment {
  const notes: string[] = [];
  const d = input.direction === 'increase' ? 1 : -1;
  const target = input.target ?? null;
  const thresholds = target === null ? { ...GROWTH_THRESHOLDS } : { ...TARGET_THRESHOLDS };
  const sorted = [...input.observations].sort((a, b) => a.year - b.year);
  const latest = sorted[sorted.length - 1];
  const baselineChoice = chooseBaseline(sorted, input.baseline);
  const components = emptyComponents(thresholds);
  const insufficient = (reason: string): Assessment => insufficientData(components, notes, reason);

  if (latest !== undefined) {
    components.latestYear = latest.year;
    components.latestValue = latest.value;
  }
  if (baselineChoice !== null) {
    components.baselineYear = baselineChoice.point.year;
    components.baselineValue = baselineChoice.point.value;
    components.baselineSource = baselineChoice.source;
  }
  if (latest === undefined || baselineChoice === null)
    return insufficient('There are no observations.');
  if (sorted.length < 2) return insufficient('At least two observations are needed.');
  const { year: b, value: vb } = baselineChoice.point;
  const { year: t, value: vt } = latest;
  if (t <= b)
    return insufficient(`The latest observation (${t}) must come after the baseline year (${b}).`);

  const trend = chooseTrend(
    input.trend,
    target === null ? [vb, vt] : [vb, vt, target.value],
    notes,
  );
  const s = vb < 0 ? -1 : 1;
  const observedRate = trend === 'compound' ? compoundRate(vt, vb, t, b) : linearRate(vt, vb, t, b);
  components.observedRate = finiteOrNull(observedRate);

  const context: RateContext = {
    d,
    s,
    trend,
    b,
    vb,
    t,
    vt,
    observedRate,
    thresholds,
    components,
    notes,
  };
  return target === null
    ? assessGrowth(context, input.naturalLimit ?? null)
    : assessAgainstTarget(context, target);
}

/** Without a target: the status comes from the annual growth (scaled near a natural limit). */
function assessGrowth(context: RateContext, limit: number | null): Assessment {
  const { d, s, trend, vb, observedRate, thresholds, components, notes } = context;
  let growth: number;
  if (trend === 'compound') {
    growth = s * d * observedRate;
  } else {
    if (vb === 0)
      return insufficientData(
        components,
        notes,
        'Without a target, a linear trend needs a baseline value other than 0.',
      );
    growth = (d * observedRate) / Math.abs(vb);
  }
  components.ratio = finiteOrNull(growth);
  if (Number.isNaN(growth))
    return insufficientData(components, notes, 'The values are too extreme to compute a rate.');
  const c = limit === null ? 1 : limitCoefficient(vb, limit);
  if (limit !== null && c < 1) {
    components.limitCoefficient = c;
    components.thresholds = {
      onTrack: GROWTH_THRESHOLDS.onTrack * c,
      accelerationNeeded: GROWTH_THRESHOLDS.accelerationNeeded * c,
      limitedProgress: 0,
    };
    notes.push(
      `The baseline (${vb}) is near the natural limit (${limit}): the thresholds are scaled by ${c.toFixed(4)}, as Open SDG does.`,
    );
    return {
      status: statusFrom(growth, components.thresholds),
      score: scoreFromGrowthNearLimit(growth, c),
      trend,
      components,
      actionGap: null,
      notes,
    };
  }
  return {
    status: statusFrom(growth, thresholds),
    score: scoreFromGrowth(growth),
    trend,
    components,
    actionGap: null,
    notes,
  };
}

/** With a target: the status comes from the ratio of observed to required progress. */
function assessAgainstTarget(context: RateContext, target: YearValue): Assessment {
  const { d, s, trend, b, vb, t, vt, observedRate, thresholds, components, notes } = context;
  const { year: T, value: vT } = target;
  const requiredRate = trend === 'compound' ? compoundRate(vT, vb, T, b) : linearRate(vT, vb, T, b);
  components.requiredRate = finiteOrNull(requiredRate);
  let ratio: number | null;
  if (requiredRate === 0) {
    // Target equals baseline: any move away from it is infinitely off track.
    ratio = null;
    notes.push(
      'The target equals the baseline, so the ratio of observed to required progress is undefined.',
    );
  } else {
    ratio =
      trend === 'compound'
        ? (s * d * observedRate) / Math.abs(requiredRate)
        : (d * observedRate) / (Math.abs(vT - vb) / (T - b));
  }
  components.ratio = ratio === null ? null : finiteOrNull(ratio);
  if (ratio !== null && Number.isNaN(ratio)) {
    return insufficientData(
      components,
      notes,
      'The values are too extreme to compare the observed and required rates.',
    );
  }

  const achieved = d > 0 ? vt >= vT : vt <= vT;
  let status: ProgressStatus;
  let score: number;
  if (achieved) {
    status = 'target_achieved';
    score = 5;
  } else if (ratio === null) {
    status = 'deterioration';
    score = -5;
  } else {
    status = statusFrom(ratio, thresholds);
    score = scoreFromRatio(ratio);
  }

  return {
    status,
    score,
    trend,
    components,
    actionGap: finiteGap(actionGap({ d, trend, b, vb, t, vt, T, vT, observedRate }), notes),
    notes,
  };
}

/** Replaces overflowed figures with null (and says so): results never hold NaN or Infinity. */
function finiteGap(gap: ActionGap, notes: string[]): ActionGap {
  const clean = { ...gap };
  let overflowed = false;
  for (const key of Object.keys(clean) as Array<keyof ActionGap>) {
    const value = clean[key];
    if (value !== null && !Number.isFinite(value)) {
      clean[key] = null;
      overflowed = true;
    }
  }
  if (overflowed) notes.push('Some projections are too large to compute and are left out.');
  return clean;
}

/** The first whole year the observed trend from (t, vt) reaches vT, or null when it never does. */
function yearReached(
  compound: boolean,
  t: number,
  vt: number,
  vT: number,
  observedRate: number,
): number | null {
  const years = compound
    ? Math.log(vT / vt) / Math.log(1 + observedRate)
    : (vT - vt) / observedRate;
  // Round up to the first whole year the projection reaches the target (with
  // a hair of tolerance so 2030.0000000001 is 2030).
  return Number.isFinite(years) && years >= 0 ? t + Math.ceil(years - 1e-9) : null;
}

/** docs/methodology.md#3-the-action-gap for one series with a target. */
function actionGap(p: {
  d: number;
  trend: TrendType;
  b: number;
  vb: number;
  t: number;
  vt: number;
  T: number;
  vT: number;
  observedRate: number;
}): ActionGap {
  const { d, trend, b, vb, t, vt, T, vT, observedRate } = p;
  const compound = trend === 'compound';
  const pathRate = compound ? compoundRate(vT, vb, T, b) : linearRate(vT, vb, T, b);
  const pathAt = (y: number): number =>
    compound ? vb * Math.pow(1 + pathRate, y - b) : vb + pathRate * (y - b);
  const expectedNow = pathAt(t);
  const gapNow = d * (expectedNow - vt);
  const whole = Math.abs(vT - vb);
  const achieved = d > 0 ? vt >= vT : vt <= vT;

  if (t >= T) {
    const gap = Math.max(0, d * (vT - vt));
    return {
      expectedNow,
      gapNow,
      projectedValue: vt,
      gap,
      gapShare: whole === 0 ? null : gap / whole,
      requiredRateFromNow: null,
      paceRatio: null,
      projectedYear: achieved ? t : null,
    };
  }

  const projectedValue = compound
    ? vt * Math.pow(1 + observedRate, T - t)
    : vt + observedRate * (T - t);
  const gap = Math.max(0, d * (vT - projectedValue));
  const requiredRateFromNow = compound ? compoundRate(vT, vt, T, t) : linearRate(vT, vt, T, t);
  const movingRightWay = d * observedRate > 0;
  const paceRatio = movingRightWay ? finiteOrNull(requiredRateFromNow / observedRate) : null;

  const projectedYear = achieved
    ? t
    : movingRightWay
      ? yearReached(compound, t, vt, vT, observedRate)
      : null;

  return {
    expectedNow,
    gapNow,
    projectedValue,
    gap,
    gapShare: whole === 0 ? null : gap / whole,
    requiredRateFromNow,
    paceRatio,
    projectedYear,
  };
}

/** One year of the action-gap chart: what was observed, where the ambition says it should be, where the trend leads. */
export interface GapChartPoint {
  year: number;
  observed: number | null;
  /** The required path from baseline to target (years from the baseline to the target year). */
  required: number | null;
  /** The observed trend continued from the latest value to the target year. */
  projected: number | null;
  /** The target, at its year only. */
  target: number | null;
}

/**
 * The points of the action-gap chart (docs/methodology.md#3-the-action-gap: observations, the
 * required path, the projection and the target point on one time axis), for
 * every year from the first observation or baseline to the later of the
 * target year and the latest year. Uses the same rates as the assessment.
 */
export function actionGapChart(input: AssessmentInput, assessment: Assessment): GapChartPoint[] {
  const observed = new Map(input.observations.map((p) => [p.year, p.value]));
  const years = [...observed.keys()];
  const {
    baselineYear: b,
    baselineValue: vb,
    latestYear: t,
    latestValue: vt,
    observedRate,
  } = assessment.components;
  const target = input.target ?? null;
  if (b !== null) years.push(b);
  if (target !== null) years.push(target.year);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const compound = assessment.trend === 'compound';
  const canDraw =
    assessment.status !== 'insufficient_data' && b !== null && vb !== null && target !== null;
  const pathRate = canDraw
    ? compound
      ? compoundRate(target.value, vb, target.year, b)
      : linearRate(target.value, vb, target.year, b)
    : null;

  const points: GapChartPoint[] = [];
  for (let year = first; year <= last; year++) {
    let required: number | null = null;
    if (
      pathRate !== null &&
      b !== null &&
      vb !== null &&
      target !== null &&
      year >= b &&
      year <= target.year
    ) {
      required = compound ? vb * Math.pow(1 + pathRate, year - b) : vb + pathRate * (year - b);
    }
    let projected: number | null = null;
    if (
      canDraw &&
      t !== null &&
      vt !== null &&
      observedRate !== null &&
      target !== null &&
      year >= t &&
      year <= target.year
    ) {
      projected = compound
        ? vt * Math.pow(1 + observedRate, year - t)
        : vt + observedRate * (year - t);
    }
    points.push({
      year,
      observed: observed.get(year) ?? null,
      required: required !== null && Number.isFinite(required) ? required : null,
      projected: projected !== null && Number.isFinite(projected) ? projected : null,
      target: target !== null && year === target.year ? target.value : null,
    });
  }
  return points;
}

export interface InputProblem {
  path: string;
  message: string;
}

/**
 * Problems that make an assessment meaningless: no observations, duplicate
 * years, non-finite numbers, a target year not after the baseline year.
 */
export function validateAssessmentInput(input: AssessmentInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (input.observations.length < 1)
    problems.push({ path: '/observations', message: 'Give at least one observation.' });
  const seen = new Set<number>();
  input.observations.forEach((o, i) => {
    if (!Number.isInteger(o.year))
      problems.push({
        path: `/observations/${i}/year`,
        message: `Year ${o.year} is not a whole number.`,
      });
    if (!Number.isFinite(o.value))
      problems.push({
        path: `/observations/${i}/value`,
        message: 'Values must be finite numbers.',
      });
    if (seen.has(o.year))
      problems.push({
        path: `/observations/${i}/year`,
        message: `The year ${o.year} appears twice.`,
      });
    seen.add(o.year);
  });
  for (const key of ['baseline', 'target'] as const) {
    const point = input[key];
    if (point === null || point === undefined) continue;
    if (!Number.isInteger(point.year))
      problems.push({ path: `/${key}/year`, message: `The ${key} year is not a whole number.` });
    if (!Number.isFinite(point.value))
      problems.push({
        path: `/${key}/value`,
        message: `The ${key} value must be a finite number.`,
      });
  }
  if (input.target !== null && input.target !== undefined) {
    const sorted = [...input.observations].sort((a, b) => a.year - b.year);
    const baseline = chooseBaseline(sorted, input.baseline);
    if (baseline !== null && input.target.year <= baseline.point.year) {
      problems.push({
        path: '/target/year',
        message: `The target year (${input.target.year}) must come after the baseline year (${baseline.point.year}).`,
      });
    }
  }
  return problems;
}
