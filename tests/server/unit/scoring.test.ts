import { describe, expect, it } from 'vitest';
import { computeCityProgress, goalStatus } from '../../../server/src/domain/city-progress';
import {
  computeNetworkScores,
  currentValues,
  earliestYearUsed,
  type Point,
} from '../../../server/src/domain/network-scores';
import { windowImprovement } from '../../../server/src/domain/peers';
import {
  colourFromScore,
  colourFromThresholds,
  goalColour,
  mean,
  normalise,
  rankDescending,
  trendArrow,
} from '../../../server/src/domain/scoring';

describe('normalise', () => {
  it('maps worst → 0 and best → 100, clamped, for both directions', () => {
    expect(normalise(15, 65, 15)).toBe(0);
    expect(normalise(65, 65, 15)).toBe(100);
    expect(normalise(40, 65, 15)).toBe(50);
    expect(normalise(100, 65, 15)).toBe(100);
    expect(normalise(0, 65, 15)).toBe(0);
    // lower is better: best 5, worst 25
    expect(normalise(5, 5, 25)).toBe(100);
    expect(normalise(20, 5, 25)).toBe(25);
    expect(normalise(40, 5, 25)).toBe(0);
  });
});

describe('colours', () => {
  it('from raw thresholds, reaching a threshold counts', () => {
    const up = { green: 55, yellow: 45, orange: 30 };
    expect(colourFromThresholds(55, 'increase', up)).toBe('green');
    expect(colourFromThresholds(54.9, 'increase', up)).toBe('yellow');
    expect(colourFromThresholds(30, 'increase', up)).toBe('orange');
    expect(colourFromThresholds(29, 'increase', up)).toBe('red');
    const down = { green: 5, yellow: 10, orange: 15 };
    expect(colourFromThresholds(5, 'decrease', down)).toBe('green');
    expect(colourFromThresholds(12, 'decrease', down)).toBe('orange');
    expect(colourFromThresholds(16, 'decrease', down)).toBe('red');
  });

  it('from the score without thresholds: 75, 50, 25', () => {
    expect([75, 74.9, 50, 25, 24.9].map(colourFromScore)).toEqual([
      'green',
      'yellow',
      'yellow',
      'orange',
      'red',
    ]);
  });

  it('goal colour from the two worst indicators, never red or green from two different colours', () => {
    expect(goalColour([])).toBeNull();
    expect(goalColour(['yellow'])).toBe('yellow');
    expect(goalColour(['green', 'green', 'red'])).toBe('orange'); // red + green → floor(1.5) = orange
    expect(goalColour(['red', 'orange', 'green'])).toBe('orange'); // red + orange → orange, not red
    expect(goalColour(['yellow', 'green', 'green'])).toBe('yellow'); // yellow + green → yellow, not green
    expect(goalColour(['red', 'red', 'green'])).toBe('red');
    expect(goalColour(['green', 'green'])).toBe('green');
    expect(goalColour(['orange', 'yellow'])).toBe('orange');
  });
});

describe('trend arrows', () => {
  const series = (start: number, latest: number, from = 2020, to = 2024) => [
    { year: from, score: start },
    { year: to, score: latest },
  ];
  it('↑ when observed meets required, ➚ at half, → below, ↓ when falling', () => {
    // required from 40 in 2020: (75 − 40) / 10 = 3.5 a year
    expect(trendArrow(series(40, 54))).toBe('on_track'); // 3.5 a year
    expect(trendArrow(series(40, 47))).toBe('moderately_improving'); // 1.75 = 50 %
    expect(trendArrow(series(40, 46.9))).toBe('stagnating');
    expect(trendArrow(series(40, 39.9))).toBe('decreasing');
  });
  it('already green and not falling is on track; green but falling is decreasing', () => {
    expect(trendArrow(series(80, 80))).toBe('on_track');
    expect(trendArrow(series(90, 85))).toBe('decreasing');
  });
  it('needs two years', () => {
    expect(trendArrow([{ year: 2024, score: 50 }])).toBeNull();
  });
});

describe('ranking', () => {
  it('ranks by descending score with shared ranks for ties, skipping unscored items', () => {
    const items = [{ s: 50 }, { s: 70 }, { s: null }, { s: 70 }, { s: 10 }];
    const ranks = rankDescending(items, (i) => i.s);
    expect(items.map((i) => ranks.get(i) ?? null)).toEqual([3, 1, null, 1, 4]);
  });
  it('mean ignores missing values', () => {
    expect(mean([1, null, 3, undefined])).toBe(2);
    expect(mean([])).toBeNull();
  });
});

describe('computeNetworkScores', () => {
  const indicators = [
    {
      id: 1,
      goal: 11,
      direction: 'decrease' as const,
      bestBound: 5,
      worstBound: 25,
      thresholds: { green: 5, yellow: 10, orange: 15 },
    },
    {
      id: 2,
      goal: 11,
      direction: 'increase' as const,
      bestBound: 65,
      worstBound: 15,
      thresholds: null,
    },
    {
      id: 3,
      goal: 13,
      direction: 'decrease' as const,
      bestBound: 0,
      worstBound: 20,
      thresholds: null,
    },
    {
      id: 4,
      goal: 1,
      direction: 'increase' as const,
      bestBound: null,
      worstBound: null,
      thresholds: null,
    },
  ];
  const points = [
    { cityId: 10, indicatorId: 1, year: 2024, value: 15 }, // n = 50, orange
    { cityId: 10, indicatorId: 2, year: 2023, value: 40 }, // n = 50, yellow
    { cityId: 10, indicatorId: 3, year: 2024, value: 5 }, // n = 75, green
    { cityId: 10, indicatorId: 3, year: 2020, value: 10 }, // n = 50
    { cityId: 20, indicatorId: 1, year: 2024, value: 5 }, // n = 100
    { cityId: 20, indicatorId: 2, year: 2018, value: 65 }, // stale in 2024
    { cityId: 30, indicatorId: 3, year: 2024, value: 0 },
  ];

  it('uses only values from the five years up to the reference year', () => {
    const current = currentValues(points, 2024);
    expect(current.get(20)?.has(2)).toBe(false);
    expect(current.get(10)?.get(3)?.year).toBe(2024);
  });

  it('scores goals as means of indicators, the index as the mean of goals, and ranks fairly', () => {
    const scores = computeNetworkScores({ year: 2024, cityIds: [10, 20, 30], indicators, points });
    const a = scores.cities.find((c) => c.cityId === 10)!;
    expect(a.goals.find((g) => g.goal === 11)).toMatchObject({
      score: 50,
      colour: 'orange',
      indicatorCount: 2,
    });
    expect(a.goals.find((g) => g.goal === 13)).toMatchObject({ score: 75, colour: 'green' });
    expect(a.index).toBe(62.5);
    expect(a.missingShare).toBe(0);
    expect(a.coverage).toBe(0.75); // indicator 4 (not scored) has no value
    expect(a.goals.find((g) => g.goal === 13)?.trend).toBe('on_track'); // 50 → 75 in 4 years
    const b = scores.cities.find((c) => c.cityId === 20)!;
    expect(b.index).toBe(100);
    expect(b.missingShare).toBeCloseTo(2 / 3);
    expect(b.rank).toBeNull(); // misses more than 20 %
    expect(scores.cities.find((c) => c.cityId === 30)!.rank).toBeNull();
    expect(a.rank).toBe(1);
    expect(scores.goalAverages.find((g) => g.goal === 11)?.score).toBe(75);
  });

  it('reads nothing before earliestYearUsed: the scores of only those years equal the scores of all', () => {
    // 15 years of a drifting value per (city, indicator), in no particular order.
    const many: Point[] = [];
    for (const cityId of [10, 20, 30])
      for (const indicatorId of [1, 2, 3])
        for (let year = 2010; year <= 2024; year++)
          // City 10 reported nothing on indicator 1 in 2015–2018: its 2014 value is current in 2018.
          if (
            (cityId + indicatorId + year) % 4 !== 0 &&
            !(cityId === 10 && indicatorId === 1 && year > 2014 && year < 2019)
          )
            many.push({ cityId, indicatorId, year, value: (cityId * indicatorId + year * 7) % 60 });
    many.reverse();
    const all = computeNetworkScores({
      year: 2022,
      cityIds: [10, 20, 30],
      indicators,
      points: many,
    });
    const from = earliestYearUsed(2022);
    expect(from).toBe(2014);
    const used = many.filter((p) => p.year >= from && p.year <= 2022);
    expect(used.length).toBeLessThan(many.length);
    expect(
      computeNetworkScores({ year: 2022, cityIds: [10, 20, 30], indicators, points: used }),
    ).toEqual(all);
    // The window's trend reaches back: scores differ once the earliest used year is dropped.
    const fewer = used.filter((p) => p.year > from);
    expect(
      computeNetworkScores({ year: 2022, cityIds: [10, 20, 30], indicators, points: fewer }),
    ).not.toEqual(all);
  });
});

describe('computeCityProgress', () => {
  it('assesses every indicator, marks stale ones and aggregates per goal', () => {
    const result = computeCityProgress({
      year: 2025,
      indicators: [
        {
          id: 1,
          goal: 11,
          direction: 'decrease',
          bestBound: 5,
          worstBound: 25,
          thresholds: null,
          trendType: 'auto',
          naturalLimit: null,
        },
        {
          id: 2,
          goal: 11,
          direction: 'increase',
          bestBound: 65,
          worstBound: 15,
          thresholds: null,
          trendType: 'auto',
          naturalLimit: null,
        },
        {
          id: 3,
          goal: 13,
          direction: 'decrease',
          bestBound: 0,
          worstBound: 20,
          thresholds: null,
          trendType: 'linear',
          naturalLimit: null,
        },
        {
          id: 4,
          goal: 13,
          direction: 'decrease',
          bestBound: 0,
          worstBound: 20,
          thresholds: null,
          trendType: 'auto',
          naturalLimit: null,
        },
      ],
      observations: new Map([
        [
          1,
          [
            { year: 2015, value: 20 },
            { year: 2025, value: 10 },
          ],
        ],
        [
          2,
          [
            { year: 2015, value: 30 },
            { year: 2024, value: 29 },
          ],
        ],
        [
          3,
          [
            { year: 2012, value: 8 },
            { year: 2019, value: 7 },
          ],
        ],
        [4, []],
      ]),
      ambitions: new Map([
        [1, { baselineYear: 2015, baselineValue: 20, targetYear: 2030, targetValue: 10 }],
      ]),
    });
    const byId = new Map(result.indicators.map((i) => [i.indicatorId, i]));
    expect(byId.get(1)?.assessment.status).toBe('target_achieved');
    expect(byId.get(2)?.assessment.status).toBe('deterioration');
    expect(byId.get(3)).toMatchObject({ stale: true });
    expect(byId.get(4)?.assessment.status).toBe('insufficient_data');
    const goal11 = result.goals.find((g) => g.goal === 11)!;
    expect(goal11).toMatchObject({ indicatorCount: 2, coverage: 1 });
    expect(goal11.statusCounts).toMatchObject({ target_achieved: 1, deterioration: 1 });
    const goal13 = result.goals.find((g) => g.goal === 13)!;
    expect(goal13).toMatchObject({ coverage: 0, status: 'insufficient_data' });
    expect(goal13.statusCounts).toMatchObject({ stale: 1, insufficient_data: 1 });
    expect(result).toMatchObject({ indicatorCount: 4, currentCount: 2, coverage: 0.5 });
    expect(result.strongestImprovements).toEqual([1]);
  });

  it('goal status: achieved only when all are, otherwise the band of the mean score', () => {
    expect(goalStatus(['target_achieved', 'target_achieved'], 5)).toBe('target_achieved');
    expect(goalStatus(['target_achieved', 'on_track'], 4)).toBe('on_track');
    expect(goalStatus(['target_achieved', 'deterioration'], 0)).toBe('acceleration_needed');
    expect(goalStatus(['limited_progress'], -1)).toBe('limited_progress');
    expect(goalStatus(['deterioration'], -4)).toBe('deterioration');
    expect(goalStatus(['insufficient_data'], null)).toBe('insufficient_data');
    expect(goalStatus([], null)).toBe('insufficient_data');
  });
});

describe('windowImprovement', () => {
  it('measures growth between the first and last values inside the window', () => {
    const series = [
      { year: 2014, value: 1 },
      { year: 2016, value: 10 },
      { year: 2020, value: 12 },
      { year: 2026, value: 99 },
    ];
    const result = windowImprovement(series, { from: 2015, to: 2024 }, 'increase', 'linear');
    expect(result).toEqual({ improvement: 0.05, from: 2016, to: 2020 });
    expect(windowImprovement(series, { from: 2019, to: 2024 }, 'increase', 'auto')).toBeNull();
  });
});
