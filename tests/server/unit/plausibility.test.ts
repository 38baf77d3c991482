import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessPlausibility,
  assessSeries,
  median,
  robustZScore,
  ROBUST_Z_THRESHOLD,
} from '../../../server/src/domain/plausibility';

const series = (values: Array<[number, number]>) =>
  values.map(([year, value]) => ({ year, value }));

describe('median and robust z-score', () => {
  it('computes medians of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('uses MAD, then the mean absolute deviation, then infinity for identical references', () => {
    // reference changes 1,2,3,4,5: median 3, MAD 1 → z(10) = 0.6745 × 7
    expect(robustZScore(10, [1, 2, 3, 4, 5])).toBeCloseTo(0.6745 * 7, 12);
    // MAD is 0 (three identical), mean AD is (0+0+0+4)/4 = 1 → z = (5 − 1)/(1.253314 × 1)
    expect(robustZScore(5, [1, 1, 1, 5])).toBeCloseTo(4 / 1.253314, 6);
    expect(robustZScore(2, [0, 0, 0])).toBe(Infinity);
    expect(robustZScore(-2, [0, 0, 0])).toBe(-Infinity);
    expect(robustZScore(0, [0, 0, 0])).toBe(0);
  });
});

describe('assessPlausibility', () => {
  const steady = series([
    [2015, 10],
    [2016, 10.4],
    [2017, 10.7],
    [2018, 11.2],
    [2019, 11.5],
    [2020, 11.9],
  ]);

  it('accepts a value that continues the usual changes', () => {
    expect(assessPlausibility([...steady, { year: 2021, value: 12.3 }], 2021, null)).toBeNull();
  });

  it('flags a jump far outside the usual changes, with its figures', () => {
    const flag = assessPlausibility([...steady, { year: 2021, value: 25 }], 2021, null);
    expect(flag).toMatchObject({
      kind: 'jump',
      year: 2021,
      previousYear: 2020,
      previousValue: 11.9,
      value: 25,
    });
    expect(flag?.changePerYear).toBeCloseTo(13.1, 10);
    expect(flag?.robustZ).toBeGreaterThan(ROBUST_Z_THRESHOLD);
    expect(flag?.usualChange).toBeCloseTo(0.4, 10);
  });

  it('flags a fall as well as a rise', () => {
    expect(
      assessPlausibility([...steady, { year: 2021, value: 2 }], 2021, null)?.robustZ,
    ).toBeLessThan(-ROBUST_Z_THRESHOLD);
  });

  it('measures changes per year across gaps', () => {
    // 4 years later, +1.6 is the usual +0.4 a year
    expect(assessPlausibility([...steady, { year: 2024, value: 13.5 }], 2024, null)).toBeNull();
  });

  it('leaves out the changes into and out of the checked value (a spike in the middle)', () => {
    const withSpike = series([
      [2015, 10],
      [2016, 10.2],
      [2017, 10.5],
      [2018, 30],
      [2019, 10.9],
      [2020, 11.1],
      [2021, 11.4],
    ]);
    expect(assessPlausibility(withSpike, 2018, null)?.kind).toBe('jump');
  });

  it('needs three reference changes before judging', () => {
    expect(
      assessPlausibility(
        series([
          [2019, 1],
          [2020, 1.1],
          [2021, 50],
        ]),
        2021,
        null,
      ),
    ).toBeNull();
    expect(
      assessPlausibility(
        series([
          [2017, 1],
          [2018, 1],
          [2019, 1],
          [2020, 1],
          [2021, 50],
        ]),
        2021,
        null,
      )?.robustZ,
    ).toBeNull();
  });

  it('flags any change above the configured maximum, even with little history', () => {
    const flag = assessPlausibility(
      series([
        [2020, 10],
        [2021, 16],
      ]),
      2021,
      5,
    );
    expect(flag).toMatchObject({ kind: 'max_change', maxChange: 5, changePerYear: 6 });
    expect(
      assessPlausibility(
        series([
          [2020, 10],
          [2021, 14],
        ]),
        2021,
        5,
      ),
    ).toBeNull();
  });

  it('never flags the first value of a series', () => {
    expect(
      assessPlausibility(
        series([
          [2020, 1000],
          [2021, 1],
          [2022, 1.1],
          [2023, 1.2],
        ]),
        2020,
        1,
      ),
    ).toBeNull();
  });

  it('gives the same answer one year at a time as for the whole series at once', () => {
    const arb = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
      minLength: 2,
      maxLength: 14,
    });
    fc.assert(
      fc.property(
        arb,
        fc.option(fc.double({ min: 0.001, max: 1e5, noNaN: true }), { nil: null }),
        (values, maxChange) => {
          const points = values.map((value, i) => ({
            year: 2010 + i * (i % 3 === 0 ? 2 : 1),
            value,
          }));
          const years = points.map((p) => p.year);
          const batch = assessSeries(points, years, maxChange);
          const single = [...years]
            .sort((a, b) => a - b)
            .flatMap((y) => {
              const f = assessPlausibility(points, y, maxChange);
              return f === null ? [] : [f];
            });
          expect(batch).toEqual(single);
          for (const flag of batch) {
            expect(Number.isFinite(flag.changePerYear)).toBe(true);
            if (flag.robustZ !== null) expect(Number.isFinite(flag.robustZ)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
