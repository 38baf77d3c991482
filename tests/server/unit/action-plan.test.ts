import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  gapWithActions,
  planSummary,
  withActionsPath,
  type PlannedEffect,
} from '../../../server/src/domain/action-plan';

/** docs/methodology.md#8-actions-and-the-remaining-gap, case by case. */
const effect = (
  actionId: number,
  value: number,
  effectYear: number,
  extra: Partial<PlannedEffect> = {},
): PlannedEffect => ({
  actionId,
  status: 'planned',
  effect: value,
  effectYear,
  realised: false,
  ...extra,
});

describe('gapWithActions', () => {
  // PM2.5, lower is better: projected 14 at 2030 against a target of 10 (gap 4).
  const pm25 = {
    direction: 'decrease' as const,
    targetValue: 10,
    targetYear: 2030,
    projectedValue: 14,
    gap: 4,
  };

  it('adds the expected effects of actions due by the target year', () => {
    const r = gapWithActions({ ...pm25, effects: [effect(1, -1.5, 2027), effect(2, -2, 2029)] });
    expect(r.projectedValue).toBeCloseTo(10.5, 12);
    expect(r.remainingGap).toBeCloseTo(0.5, 12);
    expect(r.coverage).toBeCloseTo(0.875, 12);
    expect(r.actions).toEqual([1, 2]);
    expect(r.counted).toEqual([1, 2]);
  });

  it('leaves out cancelled actions, realised effects and effects due after the target year', () => {
    const r = gapWithActions({
      ...pm25,
      effects: [
        effect(1, -3, 2026, { status: 'cancelled' }),
        effect(2, -0.5, 2019, { status: 'done', realised: true }),
        effect(3, -1, 2031),
        effect(4, -1, 2030, { status: 'delayed' }),
      ],
    });
    expect(r.projectedValue).toBe(13);
    expect(r.remainingGap).toBe(3);
    expect(r.coverage).toBeCloseTo(0.25, 12);
    // Linked (not cancelled) even when not counted: the gap is addressed.
    expect(r.actions).toEqual([2, 3, 4]);
    expect(r.counted).toEqual([4]);
  });

  it('never counts a realised effect twice: the data already holds it', () => {
    const done = gapWithActions({
      ...pm25,
      effects: [effect(1, -2, 2024, { status: 'done', realised: true })],
    });
    expect(done.projectedValue).toBe(14);
    expect(done.remainingGap).toBe(4);
    expect(done.coverage).toBe(0);
  });

  it('follows the direction: for "increase is better" effects add upwards', () => {
    const r = gapWithActions({
      direction: 'increase',
      targetValue: 50,
      targetYear: 2030,
      projectedValue: 33,
      gap: 17,
      effects: [effect(1, 5, 2028), effect(2, 20, 2030)],
    });
    expect(r.projectedValue).toBe(58);
    expect(r.remainingGap).toBe(0);
    expect(r.coverage).toBe(1);
  });

  it('an effect in the wrong direction widens the gap (coverage below 0)', () => {
    const r = gapWithActions({ ...pm25, effects: [effect(1, 2, 2028)] });
    expect(r.remainingGap).toBe(6);
    expect(r.coverage).toBeCloseTo(-0.5, 12);
  });

  it('no gap: coverage is null, the remaining gap 0', () => {
    const r = gapWithActions({
      ...pm25,
      projectedValue: 9,
      gap: 0,
      effects: [effect(1, -1, 2028)],
    });
    expect(r).toMatchObject({ projectedValue: 8, remainingGap: 0, coverage: null });
  });

  it('lists an action once however it is linked', () => {
    const r = gapWithActions({ ...pm25, effects: [effect(7, -1, 2028), effect(7, -1, 2029)] });
    expect(r.actions).toEqual([7]);
  });
});

describe('planSummary', () => {
  const layer = (remainingGap: number, actions: number[]) => ({
    projectedValue: 0,
    remainingGap,
    coverage: null,
    actions,
    counted: actions,
  });

  it('uncovered gaps: a gap above 0 and no linked action, largest share first', () => {
    const s = planSummary([
      { key: 'a', gap: 4, gapShare: 0.4, withActions: layer(0.5, [1]) },
      { key: 'b', gap: 17, gapShare: 0.85, withActions: layer(17, []) },
      { key: 'c', gap: 2, gapShare: 0.9, withActions: layer(2, []) },
      { key: 'd', gap: 0, gapShare: 0, withActions: layer(0, []) },
      { key: 'e', gap: null, gapShare: null, withActions: null },
    ]);
    expect(s.uncoveredGaps).toEqual(['c', 'b']);
    expect(s.gapCount).toBe(3);
    expect(s.addressedCount).toBe(1);
    // Shares closed: a 0.4 − 0.05 = 0.35; b and c none.
    expect(s.coverage).toBeCloseTo(0.35 / (0.4 + 0.85 + 0.9), 12);
  });

  it('coverage is null without any gap', () => {
    expect(planSummary([{ key: 'a', gap: 0, gapShare: 0, withActions: null }]).coverage).toBeNull();
  });
});

describe('withActionsPath', () => {
  it('phases each effect in from the latest year to its effect year, in full after', () => {
    const points = [2019, 2020, 2025, 2027, 2030].map((year) => ({
      year,
      projected: year < 2020 ? null : 18 - 0.4 * (year - 2020),
    }));
    const path = withActionsPath(points, 2020, [
      { effect: -1.5, effectYear: 2027 },
      { effect: -2, effectYear: 2029 },
    ]);
    expect(path[0]).toBeNull();
    expect(path[1]).toBe(18);
    expect(path[2]).toBeCloseTo(16 - 1.5 * (5 / 7) - 2 * (5 / 9), 12);
    expect(path[3]).toBeCloseTo(15.2 - 1.5 - 2 * (7 / 9), 12);
    expect(path[4]).toBeCloseTo(14 - 3.5, 12);
  });

  it('an effect due by the latest year counts in full at once', () => {
    expect(
      withActionsPath([{ year: 2020, projected: 5 }], 2020, [{ effect: 1, effectYear: 2018 }]),
    ).toEqual([6]);
  });
});

describe('beforeAfter', () => {
  it('mean change per year before and from the start year', () => {
    const series = [
      { year: 2016, value: 20 },
      { year: 2018, value: 19 },
      { year: 2020, value: 18 },
      { year: 2024, value: 14 },
    ];
    expect(beforeAfter(series, 2020)).toEqual({ before: -0.5, after: -1 });
    expect(beforeAfter(series, 2025)).toEqual({ before: -6 / 8, after: null });
  });
});
