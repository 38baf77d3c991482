import type { GapChartPoint } from '@api/progress.schema';
import { withActionsPath } from '../../../../../server/src/domain/action-plan';
import type { Action, ActionEffect, ActionStatus, Trajectory } from '../api/actions-api';

/** Whether an effect is added to the projection (docs/methodology.md#8-actions-and-the-remaining-gap). */
export function effectCounts(
  effect: { effectYear: number; realised: boolean },
  status: ActionStatus,
  targetYear: number,
): boolean {
  return status !== 'cancelled' && !effect.realised && effect.effectYear <= targetYear;
}

export interface GapPreview {
  /** Projected value at the target year with the counted effects added. */
  projectedValue: number;
  /** max(0, d · (target − projected with actions)). */
  remainingGap: number;
  /** Whether the edited action's own effect is counted. */
  counts: boolean;
}

/**
 * The live preview of the action form: the projection without actions plus
 * the other counted actions' effects plus this action's (when it counts);
 * the remaining gap as the server computes it.
 */
export function previewGap(p: {
  direction: 'increase' | 'decrease';
  targetValue: number;
  targetYear: number;
  /** ActionGap.projectedValue: today's trend continued, without any action. */
  projectedValue: number;
  /** The other actions' counted effects on the indicator. */
  otherEffects: readonly number[];
  effect: { effect: number; effectYear: number; realised: boolean } | null;
  status: ActionStatus;
}): GapPreview {
  const d = p.direction === 'increase' ? 1 : -1;
  const counts = p.effect !== null && effectCounts(p.effect, p.status, p.targetYear);
  const projectedValue =
    p.otherEffects.reduce((sum, e) => sum + e, p.projectedValue) + (counts ? p.effect!.effect : 0);
  return {
    projectedValue,
    remainingGap: Math.max(0, d * (p.targetValue - projectedValue)),
    counts,
  };
}

/** An effect as the chart's path phases it in: its size and the year it is due. */
export interface DueEffect {
  effect: number;
  effectYear: number;
}

/**
 * The counted effects on one indicator of every action but `exceptId`, with
 * the year each is due, read from the plan's actions and the ids the server
 * counted.
 */
export function otherCountedDueEffects(
  actions: readonly Action[],
  indicator: string,
  counted: readonly number[],
  exceptId: number | null,
): DueEffect[] {
  const ids = new Set(counted);
  return actions
    .filter((a) => a.id !== exceptId && ids.has(a.id))
    .flatMap((a) =>
      a.effects
        .filter((e) => e.indicator === indicator)
        .map((e) => ({ effect: e.effect, effectYear: e.effectYear })),
    );
}

/** The counted effects on one indicator of every action but `exceptId` (their sizes only). */
export function otherCountedEffects(
  actions: readonly Action[],
  indicator: string,
  counted: readonly number[],
  exceptId: number | null,
): number[] {
  return otherCountedDueEffects(actions, indicator, counted, exceptId).map((e) => e.effect);
}

/**
 * The action-gap chart's points with the "with planned actions" path redrawn
 * for the action form's preview: the other counted actions' effects and this
 * action's (as typed, when it counts), phased in from the latest year the way
 * the server draws the path (server/src/domain/action-plan.ts withActionsPath),
 * so that at the target year it reaches the previewed projected value. No
 * path when no effect counts, as on the indicator page.
 */
export function previewChartPoints(
  points: readonly GapChartPoint[],
  latestYear: number | null,
  counted: readonly DueEffect[],
): GapChartPoint[] {
  if (latestYear === null || counted.length === 0)
    return points.map((p) => ({ ...p, withActions: null }));
  const path = withActionsPath(points, latestYear, counted);
  return points.map((p, i) => ({ ...p, withActions: path[i] ?? null }));
}

/** An effect with its sign and unit: "−2.0 µg/m³", "+5.0 %". */
export function formatEffect(
  effect: Pick<ActionEffect, 'effect' | 'unit' | 'decimals'>,
  locale: string,
): string {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: effect.decimals,
    maximumFractionDigits: effect.decimals,
    signDisplay: 'exceptZero',
  })
    .format(effect.effect)
    .replace('-', '\u2212');
  if (effect.unit === '') return number;
  // A change of a percentage is in percentage points.
  return `${number}\u00a0${effect.unit === '%' ? 'pp' : effect.unit}`;
}

/** A budget in the reader's locale with its currency ("€1,200,000"). */
export function formatBudget(budget: { amount: number; currency: string }, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: budget.currency,
      maximumFractionDigits: 0,
    }).format(budget.amount);
  } catch {
    return `${budget.amount} ${budget.currency}`;
  }
}

/** Whether a change per year goes the way the indicator should go (null: unknown or flat). */
export function isBetter(
  change: number | null,
  direction: 'increase' | 'decrease',
): boolean | null {
  if (change === null || change === 0) return null;
  return direction === 'increase' ? change > 0 : change < 0;
}

export interface TrajectoryGeometry {
  width: number;
  height: number;
  before: string;
  after: string;
  /** The start year's x, where the action began. */
  startX: number | null;
  dots: Array<{ x: number; y: number; after: boolean }>;
}

/**
 * Geometry of a good practice's small trajectory chart (plain SVG): the values
 * up to the start year and from it on as two paths, the start year marked.
 */
export function trajectoryGeometry(
  series: Trajectory['series'],
  startYear: number,
  width: number,
  height: number,
): TrajectoryGeometry | null {
  if (series.length < 2) return null;
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const years = sorted.map((p) => p.year);
  const x0 = Math.min(years[0]!, startYear);
  const x1 = Math.max(years[years.length - 1]!, startYear);
  let y0 = Math.min(...sorted.map((p) => p.value));
  let y1 = Math.max(...sorted.map((p) => p.value));
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = 6;
  const sx = (year: number): number => pad + ((year - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
  const sy = (v: number): number => height - pad - ((v - y0) / (y1 - y0)) * (height - 2 * pad);
  const path = (points: typeof sorted): string =>
    points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.year).toFixed(1)},${sy(p.value).toFixed(1)}`)
      .join(' ');
  return {
    width,
    height,
    // Without a value in the start year, the dashed line runs on to the first value after it.
    before: path(
      sorted.filter(
        (p, i) =>
          p.year <= startYear || (i > 0 && sorted[i - 1]!.year < startYear && p.year > startYear),
      ),
    ),
    after: path(sorted.filter((p) => p.year >= startYear)),
    startX: sx(startYear),
    dots: sorted.map((p) => ({ x: sx(p.year), y: sy(p.value), after: p.year >= startYear })),
  };
}

/**
 * A number as typed in any of the interface's languages: "−2", "-2,5", "2.5",
 * "1 200". Grouping is not guessed: "1.200" is 1.2. Null for anything else.
 */
export function parseDecimal(input: string): number | null {
  const text = input
    .trim()
    .replace(/[\u00a0\u202f\u2009 ]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** SDG target codes typed as a list: "11.6, 3.9" → ["11.6", "3.9"]; null when one is not a target. */
export function parseTargets(input: string): string[] | null {
  const codes = input
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (codes.some((c) => !/^[0-9]{1,2}\.([0-9]{1,2}|[a-z])$/.test(c))) return null;
  return [...new Set(codes)];
}
