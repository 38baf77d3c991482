import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionGapChart,
  assess,
  chooseBaseline,
  compoundRate,
  limitCoefficient,
  scoreFromGrowth,
  scoreFromGrowthNearLimit,
  scoreFromRatio,
  validateAssessmentInput,
  type Assessment,
  type AssessmentInput,
  type ProgressStatus,
} from '../../../server/src/domain/progress';

const pts = (...pairs: Array<[number, number]>) => pairs.map(([year, value]) => ({ year, value }));
const close = (actual: number | null | undefined, expected: number, relative = 1e-9): void => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    Math.max(Math.abs(expected) * relative, 1e-12),
  );
};

// Reference figures below were computed independently (Python) from METHODOLOGY.md.

describe('with a target', () => {
  it('compound, increase, behind schedule: R, score and the full action gap', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 100], [2017, 104], [2020, 110]),
      target: { year: 2030, value: 150 },
    });
    expect(a.status).toBe('acceleration_needed');
    expect(a.trend).toBe('compound');
    close(a.components.observedRate, 0.019244876491456564);
    close(a.components.requiredRate, 0.02739965906371644);
    close(a.components.ratio, 0.7023764947842465);
    close(a.score, 0.7313050645943937);
    expect(a.components).toMatchObject({
      baselineYear: 2015,
      baselineSource: 'first_since_2015',
      latestYear: 2020,
    });
    const g = a.actionGap!;
    close(g.expectedNow, 114.47142425533319);
    close(g.gapNow, 4.47142425533319);
    close(g.projectedValue, 133.0999999999999);
    close(g.gap, 16.90000000000009);
    close(g.gapShare, 0.3380000000000018);
    close(g.requiredRateFromNow, 0.03150148464027125);
    close(g.paceRatio, 1.6368764254868458);
    expect(g.projectedYear).toBe(2037);
  });

  it('linear towards net zero (decrease): linear trend chosen because the target is 0', () => {
    const a = assess({
      direction: 'decrease',
      observations: pts([2015, 8], [2019, 7.1], [2023, 6]),
      target: { year: 2035, value: 0 },
    });
    expect(a.trend).toBe('linear');
    expect(a.status).toBe('acceleration_needed');
    close(a.components.observedRate, -0.25);
    close(a.components.requiredRate, -0.4);
    close(a.components.ratio, 0.625);
    close(a.score, 0.17861249999999984);
    expect(a.actionGap).toMatchObject({ projectedYear: 2047 });
    close(a.actionGap!.expectedNow, 4.8);
    close(a.actionGap!.gapNow, 1.2);
    close(a.actionGap!.projectedValue, 3);
    close(a.actionGap!.gap, 3);
    close(a.actionGap!.gapShare, 0.375);
    close(a.actionGap!.requiredRateFromNow, -0.5);
    close(a.actionGap!.paceRatio, 2);
  });

  it('moving the wrong way: deterioration, no pace ratio, never reached', () => {
    const a = assess({
      direction: 'decrease',
      observations: pts([2015, 20], [2024, 24]),
      target: { year: 2030, value: 10 },
    });
    expect(a.status).toBe('deterioration');
    close(a.components.ratio, -0.45317233225581105);
    close(a.score, -4.388233156810288);
    close(a.actionGap!.projectedValue, 27.10183763177364);
    close(a.actionGap!.gap, 17.10183763177364);
    close(a.actionGap!.gapShare, 1.7101837631773642);
    close(a.actionGap!.requiredRateFromNow, -0.1357657776430855);
    expect(a.actionGap!.paceRatio).toBeNull();
    expect(a.actionGap!.projectedYear).toBeNull();
  });

  it('target already met: target_achieved, score 5, no gap, reached now', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 40], [2021, 66]),
      target: { year: 2030, value: 65 },
    });
    expect(a.status).toBe('target_achieved');
    expect(a.score).toBe(5);
    expect(a.actionGap).toMatchObject({ gap: 0, gapShare: 0, projectedYear: 2021 });
    expect(a.actionGap!.gapNow).toBeLessThan(0);
  });

  it('target year passed without reaching it: nothing projected, the gap is what remains', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 10], [2026, 18]),
      trend: 'linear',
      target: { year: 2025, value: 20 },
    });
    expect(a.status).toBe('acceleration_needed');
    close(a.components.ratio, 0.7272727272727273);
    close(a.score, 0.9091363636363639);
    expect(a.actionGap).toMatchObject({
      projectedValue: 18,
      gap: 2,
      gapShare: 0.2,
      requiredRateFromNow: null,
      paceRatio: null,
      projectedYear: null,
    });
    close(a.actionGap!.expectedNow, 21);
    close(a.actionGap!.gapNow, 3);
  });

  it.each<[number, ProgressStatus]>([
    [47.5, 'on_track'],
    [30, 'acceleration_needed'],
    [0, 'limited_progress'],
    [-0.001, 'deterioration'],
  ])('status exactly at the R thresholds (latest %s → %s)', (latest, status) => {
    // baseline 0 in 2020, target 100 in 2030: 10 a year required; 5 years observed
    const a = assess({
      direction: 'increase',
      observations: pts([2020, 0], [2025, latest]),
      target: { year: 2030, value: 100 },
    });
    expect(a.trend).toBe('linear');
    expect(a.status).toBe(status);
  });

  it('scores R at its anchor points with the published constants', () => {
    close(scoreFromRatio(0.95), 7.1429 * 0.95 - 4.2857);
    close(scoreFromRatio(0.6), 7.1429 * 0.6 - 4.2857);
    close(scoreFromRatio(0.5999999), 4.1667 * 0.5999999 - 2.5);
    expect(scoreFromRatio(0)).toBe(-2.5);
    expect(scoreFromRatio(10)).toBe(5);
    expect(scoreFromRatio(-10)).toBe(-5);
  });

  it('treats a target equal to the baseline: undefined ratio, any shortfall is deterioration', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 50], [2020, 48]),
      target: { year: 2030, value: 50 },
    });
    expect(a.status).toBe('deterioration');
    expect(a.score).toBe(-5);
    expect(a.components.ratio).toBeNull();
    expect(a.actionGap!.gapShare).toBeNull();
  });

  it('uses the ambition\u2019s baseline rather than the observations\u2019', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 100], [2018, 130], [2020, 140]),
      baseline: { year: 2018, value: 120 },
      target: { year: 2030, value: 200 },
      trend: 'linear',
    });
    expect(a.components).toMatchObject({
      baselineYear: 2018,
      baselineValue: 120,
      baselineSource: 'ambition',
    });
    close(a.components.observedRate, 10);
  });
});

describe('without a target', () => {
  it('compound growth P and its score', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 50], [2019, 53], [2022, 56]),
    });
    expect(a.status).toBe('on_track');
    close(a.components.ratio, 0.016321577319894143);
    close(a.score, 3.1607886599470714);
    expect(a.actionGap).toBeNull();
  });

  it('linear for negative values, P relative to |baseline|', () => {
    const a = assess({ direction: 'increase', observations: pts([2016, -4], [2021, -2]) });
    expect(a.trend).toBe('linear');
    close(a.components.ratio, 0.1);
    expect(a.score).toBe(5);
  });

  it.each<[number, ProgressStatus]>([
    [103, 'on_track'],
    [101, 'acceleration_needed'],
    [100, 'limited_progress'],
    [99.9, 'deterioration'],
  ])('status exactly at the P thresholds (latest %s → %s)', (latest, status) => {
    const a = assess({
      direction: 'increase',
      observations: pts([2020, 100], [2022, latest]),
      trend: 'linear',
    });
    expect(a.status).toBe(status);
  });

  it('scores P continuously at 0, 0.005 and 0.015', () => {
    for (const p of [0, 0.005, 0.015])
      expect(Math.abs(scoreFromGrowth(p - 1e-12) - scoreFromGrowth(p))).toBeLessThan(1e-6);
    expect(scoreFromGrowth(0.005)).toBe(0);
    expect(scoreFromGrowth(0.015)).toBeCloseTo(2.5, 12);
    expect(scoreFromGrowth(1)).toBe(5);
    expect(scoreFromGrowth(-1)).toBe(-5);
  });

  it('is insufficient with a zero baseline on a linear trend', () => {
    expect(assess({ direction: 'increase', observations: pts([2015, 0], [2020, 3]) }).status).toBe(
      'insufficient_data',
    );
  });

  it('mirrors with the direction', () => {
    const series = pts([2015, 50], [2020, 45]);
    const up = assess({ direction: 'increase', observations: series });
    const down = assess({ direction: 'decrease', observations: series });
    expect(up.status).toBe('deterioration');
    expect(down.status).toBe('on_track');
    close(down.components.ratio, -up.components.ratio!);
  });
});

describe('natural limit (without a target; Open SDG’s limit adjustment)', () => {
  it('reproduces METHODOLOGY’s example: coverage 98 % → 99 % in a year, limit 100', () => {
    const withLimit = assess({
      direction: 'increase',
      observations: pts([2020, 98], [2021, 99]),
      naturalLimit: 100,
    });
    const without = assess({ direction: 'increase', observations: pts([2020, 98], [2021, 99]) });
    close(withLimit.components.ratio, 99 / 98 - 1);
    close(withLimit.components.limitCoefficient, 1 - Math.pow(0.98, 4.44));
    expect(withLimit.components.limitCoefficient).toBeCloseTo(0.0858, 4);
    expect(withLimit.status).toBe('on_track');
    expect(withLimit.score).toBe(5);
    close(withLimit.components.thresholds.onTrack, 0.015 * (1 - Math.pow(0.98, 4.44)));
    expect(withLimit.notes.join(' ')).toMatch(/near the natural limit \(100\)/);
    expect(without.status).toBe('acceleration_needed');
    expect(without.components.limitCoefficient).toBeNull();
  });

  it('computes c on the three pieces (0 at the limit, 1 from twice the limit on)', () => {
    expect(limitCoefficient(100, 100)).toBe(0);
    close(limitCoefficient(50, 100), 1 - Math.pow(0.5, 4.44));
    close(limitCoefficient(150, 100), 1 - Math.pow(0.5, 4.44));
    expect(limitCoefficient(200, 100)).toBe(1);
    expect(limitCoefficient(-50, -100)).toBe(limitCoefficient(50, 100));
  });

  it('scores on the scaled thresholds, continuously, and 5 at the limit unless falling', () => {
    const c = 0.2;
    expect(scoreFromGrowthNearLimit(0.015 * c, c)).toBeCloseTo(2.5, 12);
    expect(scoreFromGrowthNearLimit(0.005 * c, c)).toBeCloseTo(0, 12);
    expect(scoreFromGrowthNearLimit(0, c)).toBe(-2.5);
    expect(scoreFromGrowthNearLimit(-0.01, c)).toBe(scoreFromGrowth(-0.01));
    for (const p of [0.005 * c, 0.015 * c])
      expect(
        Math.abs(scoreFromGrowthNearLimit(p - 1e-12, c) - scoreFromGrowthNearLimit(p, c)),
      ).toBeLessThan(1e-6);
    const atLimit = assess({
      direction: 'increase',
      observations: pts([2019, 100], [2021, 100]),
      naturalLimit: 100,
    });
    expect([atLimit.status, atLimit.score]).toEqual(['on_track', 5]);
    const falling = assess({
      direction: 'increase',
      observations: pts([2019, 100], [2021, 99]),
      naturalLimit: 100,
    });
    expect(falling.status).toBe('deterioration');
  });

  it('barely changes anything far from the limit, nothing at 2L and beyond, and nothing with a target', () => {
    const far = assess({
      direction: 'increase',
      observations: pts([2015, 40], [2020, 45]),
      naturalLimit: 100,
    });
    const plain = assess({ direction: 'increase', observations: pts([2015, 40], [2020, 45]) });
    expect(far.status).toBe(plain.status);
    close(far.score, plain.score!);
    expect(far.components.limitCoefficient).toBeCloseTo(1 - Math.pow(0.4, 4.44), 12);
    const farAway = assess({
      direction: 'decrease',
      observations: pts([2015, 40], [2020, 30]),
      naturalLimit: 0,
    });
    expect(farAway.components.limitCoefficient).toBeNull();
    const targeted = assess({
      direction: 'increase',
      observations: pts([2020, 98], [2021, 99]),
      target: { year: 2030, value: 100 },
      naturalLimit: 100,
    });
    expect(targeted.components.limitCoefficient).toBeNull();
    expect(targeted.components.thresholds.onTrack).toBe(0.95);
  });
});

describe('trend type', () => {
  it('falls back to linear when a fixed compound trend meets mixed signs, and says so', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, -5], [2020, 5]),
      trend: 'compound',
    });
    expect(a.trend).toBe('linear');
    expect(a.notes.join(' ')).toMatch(/linear trend was used instead/);
  });

  it('keeps a fixed compound trend for all-negative values (s = −1)', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, -10], [2020, -5]),
      trend: 'compound',
    });
    expect(a.trend).toBe('compound');
    close(a.components.ratio, -compoundRate(-5, -10, 2020, 2015));
    expect(a.status).toBe('on_track');
  });

  it('honours a fixed linear trend for positive values', () => {
    expect(
      assess({ direction: 'increase', observations: pts([2015, 10], [2020, 12]), trend: 'linear' })
        .trend,
    ).toBe('linear');
  });
});

describe('insufficient data', () => {
  it('needs two observations', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2020, 10]),
      target: { year: 2030, value: 20 },
    });
    expect(a).toMatchObject({
      status: 'insufficient_data',
      score: null,
      trend: null,
      actionGap: null,
    });
    expect(a.components).toMatchObject({ latestYear: 2020, latestValue: 10 });
  });

  it('needs the latest year after the baseline year', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2016, 10], [2018, 11]),
      baseline: { year: 2020, value: 10 },
      target: { year: 2030, value: 20 },
    });
    expect(a.status).toBe('insufficient_data');
    expect(a.notes.join(' ')).toMatch(/must come after the baseline year/);
  });

  it('chooses the baseline: ambition, else first in or after 2015, else first', () => {
    const series = pts([2012, 1], [2014, 2], [2016, 3], [2019, 4]);
    expect(chooseBaseline(series, null)).toEqual({
      point: { year: 2016, value: 3 },
      source: 'first_since_2015',
    });
    expect(chooseBaseline(pts([2010, 1], [2012, 2]), null)).toEqual({
      point: { year: 2010, value: 1 },
      source: 'first_observation',
    });
    expect(chooseBaseline(series, { year: 2013, value: 9 })?.source).toBe('ambition');
  });

  it('handles missing years: rates are per year across the gap', () => {
    const a = assess({
      direction: 'increase',
      observations: pts([2015, 10], [2025, 20]),
      trend: 'linear',
    });
    close(a.components.observedRate, 1);
  });
});

describe('validateAssessmentInput', () => {
  it('reports duplicate years, non-finite values, a target not after the baseline, no observations', () => {
    expect(validateAssessmentInput({ direction: 'increase', observations: [] })).toEqual([
      { path: '/observations', message: 'Give at least one observation.' },
    ]);
    const problems = validateAssessmentInput({
      direction: 'increase',
      observations: [
        { year: 2015, value: 1 },
        { year: 2015, value: Number.NaN },
      ],
      target: { year: 2015, value: 3 },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'Values must be finite numbers.',
      'The year 2015 appears twice.',
      'The target year (2015) must come after the baseline year (2015).',
    ]);
  });
});

// ---------- properties ----------

const STATUS_ORDER: Record<ProgressStatus, number> = {
  deterioration: 0,
  limited_progress: 1,
  acceleration_needed: 2,
  on_track: 3,
  target_achieved: 4,
  insufficient_data: -1,
};

const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const anyValue = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

function allNumbers(a: Assessment): number[] {
  const numbers: number[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'number') numbers.push(v);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(a);
  return numbers;
}

describe('properties', () => {
  it('a better latest value never gives a worse status or score (same trend type)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease'),
        fc.constantFrom<'compound' | 'linear'>('compound', 'linear'),
        positive,
        positive,
        positive,
        (direction, trend, baseline, worse, delta) => {
          const better = direction === 'increase' ? worse + delta : Math.max(worse - delta, 0.005);
          if (better === worse) return;
          const make = (
            latest: number,
            target: { year: number; value: number } | null,
          ): AssessmentInput => ({
            direction,
            trend,
            observations: pts([2015, baseline], [2020, latest]),
            target,
          });
          for (const target of [null, { year: 2030, value: baseline * 1.5 }]) {
            const a = assess(make(worse, target));
            const b = assess(make(better, target));
            expect(STATUS_ORDER[b.status]).toBeGreaterThanOrEqual(STATUS_ORDER[a.status]);
            expect(b.score!).toBeGreaterThanOrEqual(a.score! - 1e-12);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the score is continuous across the status thresholds', () => {
    for (const r of [0, 0.6, 0.95])
      expect(Math.abs(scoreFromRatio(r - 1e-9) - scoreFromRatio(r + 1e-9))).toBeLessThan(1e-4);
    for (const p of [0, 0.005, 0.015])
      expect(Math.abs(scoreFromGrowth(p - 1e-9) - scoreFromGrowth(p + 1e-9))).toBeLessThan(1e-4);
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        expect(Math.abs(scoreFromRatio(x) - scoreFromRatio(x + 1e-7))).toBeLessThan(1e-3);
        expect(Math.abs(scoreFromGrowth(x / 10) - scoreFromGrowth(x / 10 + 1e-8))).toBeLessThan(
          1e-3,
        );
      }),
    );
  });

  it('compound and linear agree in the limit of small changes', () => {
    fc.assert(
      fc.property(
        positive,
        fc.double({ min: -1e-5, max: 1e-5, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (v0, rel, years) => {
          const observations = pts([2015, v0], [2015 + years, v0 * (1 + rel)]);
          const c = assess({ direction: 'increase', observations, trend: 'compound' });
          const l = assess({ direction: 'increase', observations, trend: 'linear' });
          expect(Math.abs(c.components.ratio! - l.components.ratio!)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never returns NaN or Infinity', () => {
    const point = fc.record({ year: fc.integer({ min: 1990, max: 2060 }), value: anyValue });
    fc.assert(
      fc.property(
        fc.uniqueArray(point, { selector: (p) => p.year, minLength: 1, maxLength: 8 }),
        fc.option(point, { nil: null }),
        fc.option(point, { nil: null }),
        fc.constantFrom<'compound' | 'linear' | 'auto'>('compound', 'linear', 'auto'),
        fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease'),
        (observations, baseline, target, trend, direction) => {
          const input = { direction, observations, baseline, target, trend };
          if (validateAssessmentInput(input).length > 0) return;
          const a = assess(input);
          for (const n of allNumbers(a)) expect(Number.isFinite(n)).toBe(true);
          if (a.score !== null) expect(Math.abs(a.score)).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('actionGapChart', () => {
  it('puts observations, the required path, the projection and the target on one axis', () => {
    const input: AssessmentInput = {
      direction: 'increase',
      observations: pts([2015, 100], [2017, 104], [2020, 110]),
      target: { year: 2030, value: 150 },
    };
    const points = actionGapChart(input, assess(input));
    expect(points.map((p) => p.year)).toEqual(Array.from({ length: 16 }, (_, i) => 2015 + i));
    expect(points[0]).toMatchObject({ year: 2015, observed: 100, projected: null, target: null });
    close(points[0]!.required, 100);
    close(points[15]!.required, 150);
    expect(points[15]!.target).toBe(150);
    expect(points[4]).toMatchObject({ year: 2019, observed: null, projected: null });
    expect(points[5]).toMatchObject({ year: 2020, observed: 110 });
    close(points[5]!.projected, 110);
    close(points[15]!.projected, 133.0999999999999);
    // the chart's required path at the latest year is the assessment's "expected now"
    close(points[5]!.required, 114.47142425533319);
  });

  it('draws observations only when there is no target or too little data', () => {
    const noTarget: AssessmentInput = {
      direction: 'increase',
      observations: pts([2015, 1], [2020, 2]),
    };
    expect(
      actionGapChart(noTarget, assess(noTarget)).every(
        (p) => p.required === null && p.projected === null,
      ),
    ).toBe(true);
    const single: AssessmentInput = {
      direction: 'increase',
      observations: pts([2020, 1]),
      target: { year: 2030, value: 2 },
    };
    const points = actionGapChart(single, assess(single));
    expect(points.find((p) => p.year === 2030)?.target).toBe(2);
    expect(points.every((p) => p.required === null)).toBe(true);
  });
});
