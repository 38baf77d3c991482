/**
 * From gap to action (docs/methodology.md#8-actions-and-the-remaining-gap):
 * what a city's planned actions are expected to do to the action gap. Pure
 * functions; the effects never change the status computed from observed data.
 */

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'delayed' | 'cancelled';
export const ACTION_STATUSES: readonly ActionStatus[] = [
  'planned',
  'in_progress',
  'done',
  'delayed',
  'cancelled',
];

/** One action's expected effect on one indicator, in the indicator's unit, signed. */
export interface PlannedEffect {
  readonly actionId: number;
  readonly status: ActionStatus;
  /** The change in the indicator's value the action should bring by `effectYear`. */
  readonly effect: number;
  readonly effectYear: number;
  /** Already visible in the data (the action is done): no longer added. */
  readonly realised: boolean;
}

export interface GapWithActions {
  /** Projected value at the target year plus the counted effects. */
  projectedValue: number;
  /** max(0, d · (target − projected with actions)). */
  remainingGap: number;
  /** (gap − remaining gap) ÷ gap when the gap is above 0; null otherwise. */
  coverage: number | null;
  /** The non-cancelled actions linked to the indicator (counted or not). */
  actions: number[];
  /** Those whose effect is added: not realised, due by the target year. */
  counted: number[];
}

/** Whether an effect is added to the projection: not cancelled, not realised, due by the target year. */
export function counts(effect: PlannedEffect, targetYear: number): boolean {
  return effect.status !== 'cancelled' && !effect.realised && effect.effectYear <= targetYear;
}

/**
 * The action layer of one indicator's action gap:
 * projected with actions = projected + Σ counted effects;
 * remaining gap = max(0, d · (target − projected with actions));
 * coverage = (gap − remaining gap) ÷ gap when gap > 0.
 */
export function gapWithActions(p: {
  direction: 'increase' | 'decrease';
  targetValue: number;
  targetYear: number;
  /** The value at the target year if the observed trend continues (ActionGap.projectedValue). */
  projectedValue: number;
  /** The gap without actions (ActionGap.gap). */
  gap: number;
  effects: readonly PlannedEffect[];
}): GapWithActions {
  const d = p.direction === 'increase' ? 1 : -1;
  const linked = p.effects.filter((e) => e.status !== 'cancelled');
  const counted = linked.filter((e) => counts(e, p.targetYear));
  const projectedValue = counted.reduce((sum, e) => sum + e.effect, p.projectedValue);
  const remainingGap = Math.max(0, d * (p.targetValue - projectedValue));
  return {
    projectedValue,
    remainingGap,
    coverage: p.gap > 0 ? (p.gap - remainingGap) / p.gap : null,
    actions: unique(linked.map((e) => e.actionId)),
    counted: unique(counted.map((e) => e.actionId)),
  };
}

const unique = (ids: readonly number[]): number[] => [...new Set(ids)].sort((a, b) => a - b);

/** One indicator of a city's plan: its gap (and share of its ambition) without and with actions. */
export interface PlanIndicator {
  readonly key: string;
  /** ActionGap.gap; null when the indicator has no gap to speak of (no target, no projection). */
  readonly gap: number | null;
  /** ActionGap.gapShare: the gap as a share of |target − baseline|. */
  readonly gapShare: number | null;
  readonly withActions: GapWithActions | null;
}

export interface PlanSummary {
  /** Indicators with a gap above 0 and no linked non-cancelled action, largest share first. */
  uncoveredGaps: string[];
  /** Indicators with a gap above 0. */
  gapCount: number;
  /** Indicators with a gap above 0 that at least one non-cancelled action addresses. */
  addressedCount: number;
  /**
   * The share of the total gap the actions are expected to close: gaps in
   * different units are added as shares of their ambitions,
   * Σ (gapShare − remaining share) ÷ Σ gapShare over indicators with a gap
   * and a share; null when there is none.
   */
  coverage: number | null;
}

/** The city page's view of its plan: uncovered gaps and the plan's coverage. */
export function planSummary(indicators: readonly PlanIndicator[]): PlanSummary {
  const withGap = indicators.filter((i) => i.gap !== null && i.gap > 0);
  const uncovered = withGap
    .filter((i) => (i.withActions?.actions.length ?? 0) === 0)
    .sort((a, b) => (b.gapShare ?? -1) - (a.gapShare ?? -1) || a.key.localeCompare(b.key));
  let total = 0;
  let closed = 0;
  for (const i of withGap) {
    if (i.gapShare === null || i.gapShare <= 0) continue;
    total += i.gapShare;
    const remainingShare =
      i.withActions === null ? i.gapShare : (i.gapShare * i.withActions.remainingGap) / i.gap!;
    closed += i.gapShare - remainingShare;
  }
  return {
    uncoveredGaps: uncovered.map((i) => i.key),
    gapCount: withGap.length,
    addressedCount: withGap.length - uncovered.length,
    coverage: total > 0 ? closed / total : null,
  };
}

/**
 * A good practice's before/after: the indicator's mean yearly change in the
 * data's own direction before the action's start year and from it on
 * (linear, per year). Null where fewer than two values fall on a side.
 */
export function beforeAfter(
  series: ReadonlyArray<{ year: number; value: number }>,
  startYear: number,
): { before: number | null; after: number | null } {
  const slope = (points: ReadonlyArray<{ year: number; value: number }>): number | null => {
    if (points.length < 2) return null;
    const first = points[0]!;
    const last = points[points.length - 1]!;
    return last.year === first.year ? null : (last.value - first.value) / (last.year - first.year);
  };
  const sorted = [...series].sort((a, b) => a.year - b.year);
  return {
    before: slope(sorted.filter((p) => p.year <= startYear)),
    after: slope(sorted.filter((p) => p.year >= startYear)),
  };
}

/**
 * The "with planned actions" path of the action-gap chart: the projection
 * plus each counted effect phased in linearly from the latest year to its
 * effect year (in full from then on), so that at the target year it reaches
 * the projected value with actions. Null where the projection is.
 */
export function withActionsPath(
  points: ReadonlyArray<{ year: number; projected: number | null }>,
  latestYear: number,
  counted: ReadonlyArray<Pick<PlannedEffect, 'effect' | 'effectYear'>>,
): Array<number | null> {
  return points.map(({ year, projected }) => {
    if (projected === null) return null;
    let value = projected;
    for (const e of counted) {
      const span = e.effectYear - latestYear;
      const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (year - latestYear) / span));
      value += e.effect * share;
    }
    return value;
  });
}
