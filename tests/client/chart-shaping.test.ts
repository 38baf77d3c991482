import { describe, expect, it } from 'vitest';
import type {
  ComparisonResponse,
  GapChartPoint,
  NetworkScoresResponse,
} from '../../server/src/schemas/progress.schema';
import { barData, trajectories } from '../../client/src/features/compare/utils/compare-shaping';
import {
  indicatorsByGoal,
  rankedCities,
} from '../../client/src/features/networks/utils/network-shaping';
import {
  gapSentenceParts,
  gapTableRows,
  miniGapGeometry,
  presentSeries,
} from '../../client/src/features/progress/utils/gap-chart';
import { parseYear, withYear } from '../../client/src/lib/url-state';
import { indicatorProgress } from './progress-fixtures';

const p = (
  year: number,
  observed: number | null,
  required: number | null,
  projected: number | null,
  target: number | null,
): GapChartPoint => ({ year, observed, required, projected, target });

describe('action-gap chart shaping', () => {
  it('keeps only the years that have a figure', () => {
    const points = [
      p(2015, 1, 1, null, null),
      p(2016, null, null, null, null),
      p(2017, null, 2, 3, 4),
    ];
    expect(gapTableRows(points).map((x) => x.year)).toEqual([2015, 2017]);
  });

  it('draws the small chart: observed, required, projected, target and the gap', () => {
    const points = [
      p(2020, 10, 10, null, null),
      p(2021, 12, 15, 12, null),
      p(2022, null, 20, 14, 20),
    ];
    expect(miniGapGeometry(points, 100, 50)).toEqual({
      width: 100,
      height: 50,
      observed: 'M4.0,46.0 L50.0,37.6',
      required: 'M4.0,46.0 L50.0,25.0 L96.0,4.0',
      projected: 'M50.0,37.6 L96.0,29.2',
      withActions: '',
      target: { x: 96, y: 4 },
      gap: { x: 96, y1: 29.2, y2: 4 },
    });
  });

  it('draws the path with planned actions in the small chart, on the same scale', () => {
    const points = [
      p(2020, 10, 10, null, null),
      { ...p(2021, 12, 15, 12, null), withActions: 12 },
      // 30 lies above every other value: the scale stretches to it (y from 10 to 30).
      { ...p(2022, null, 20, 14, 20), withActions: 30 },
    ];
    const g = miniGapGeometry(points, 100, 50)!;
    expect(g.withActions).toBe('M50.0,41.8 L96.0,4.0');
    expect(g.target).toEqual({ x: 96, y: 25 });
    expect(g.gap).toEqual({ x: 96, y1: 37.6, y2: 25 });
  });

  it('has no small chart for fewer than two years, and no gap marker without a projection', () => {
    expect(miniGapGeometry([p(2020, 1, null, null, null)], 100, 50)).toBeNull();
    const flat = miniGapGeometry(
      [p(2020, 5, null, null, null), p(2021, 5, null, null, null)],
      100,
      50,
    );
    expect(flat).toMatchObject({ observed: 'M4.0,25.0 L96.0,25.0', target: null, gap: null });
  });

  it('knows which series have values, so charts and tables leave out empty ones', () => {
    expect(presentSeries([p(2015, 1, null, null, null), p(2016, 2, null, null, null)])).toEqual({
      observed: true,
      required: false,
      projected: false,
      withActions: false,
      target: false,
    });
    expect(presentSeries([p(2015, 1, 1, null, null), p(2030, null, 5, 4, 5)])).toEqual({
      observed: true,
      required: true,
      projected: true,
      withActions: false,
      target: true,
    });
  });

  it('gives the figures of the plain gap sentence', () => {
    expect(gapSentenceParts(indicatorProgress())).toEqual({
      name: 'Municipal waste recycling rate',
      projected: 46.2,
      targetValue: 65,
      targetYear: 2030,
      paceRatio: 2.43,
      unit: '%',
      decimals: 1,
      ahead: false,
    });
    expect(gapSentenceParts(indicatorProgress({ ambition: null, actionGap: null }))).toBeNull();
    // Projected beyond the target (the gap is 0): "ahead of the target", never a gap.
    const base = indicatorProgress();
    const ahead = indicatorProgress({
      actionGap: { ...base.actionGap!, projectedValue: 70, gap: 0, gapShare: 0 },
    });
    expect(gapSentenceParts(ahead)?.ahead).toBe(true);
  });
});

function comparison(direction: 'increase' | 'decrease'): ComparisonResponse {
  const city = (
    slug: string,
    latest: number | null,
    normalised: number | null,
    target: number | null,
    series: Array<[number, number, number | null]>,
  ): ComparisonResponse['cities'][number] => ({
    slug,
    name: slug[0]!.toUpperCase() + slug.slice(1),
    latest: latest === null ? null : { year: 2024, value: latest },
    stale: false,
    normalised,
    colour: null,
    status: 'on_track',
    score: 1,
    trend: 'linear',
    observedRate: 0.5,
    ratio: 1,
    ambition:
      target === null
        ? null
        : {
            baselineYear: 2015,
            baselineValue: 10,
            targetYear: 2030,
            targetValue: target,
            approved: true,
          },
    series: series.map(([year, value, norm]) => ({ year, value, normalised: norm })),
    hasDrafts: false,
  });
  return {
    network: { slug: 'net', name: 'Net', dataKind: 'synthetic', citation: null },
    includesDrafts: false,
    year: null,
    indicator: {
      slug: 'ind',
      name: 'Indicator',
      unit: '%',
      decimals: 1,
      goal: 11,
      direction,
      bestBound: 100,
      worstBound: 0,
      thresholds: null,
    },
    cities: [
      city('aveiro', 30, 30, 50, [
        [2023, 28, 28],
        [2024, 30, 30],
      ]),
      city('braga', 45, 45, null, [[2024, 45, 45]]),
      city('cork', 12, 12, 40, [
        [2022, 10, 10],
        [2024, 12, 12],
      ]),
      city('dax', null, null, 20, []),
    ],
  };
}

describe('compare shaping', () => {
  it('sorts bars best first: highest first when higher is better', () => {
    expect(barData(comparison('increase'), 'raw')).toEqual([
      {
        slug: 'braga',
        name: 'Braga',
        value: 45,
        year: 2024,
        target: null,
        stale: false,
        draft: false,
      },
      {
        slug: 'aveiro',
        name: 'Aveiro',
        value: 30,
        year: 2024,
        target: 50,
        stale: false,
        draft: false,
      },
      { slug: 'cork', name: 'Cork', value: 12, year: 2024, target: 40, stale: false, draft: false },
    ]);
  });

  it('sorts lowest first when lower is better, but normalised scores always highest first', () => {
    expect(barData(comparison('decrease'), 'raw').map((b) => b.slug)).toEqual([
      'cork',
      'aveiro',
      'braga',
    ]);
    const normalised = barData(comparison('decrease'), 'normalised');
    expect(normalised.map((b) => b.slug)).toEqual(['braga', 'aveiro', 'cork']);
    expect(normalised.every((b) => b.target === null)).toBe(true);
  });

  it('puts every city on one year axis and highlights the best (or the chosen) cities', () => {
    const t = trajectories(comparison('increase'), 'raw', [], 2);
    expect(t.rows).toEqual([
      { year: 2022, cork: 10 },
      { year: 2023, aveiro: 28 },
      { year: 2024, aveiro: 30, braga: 45, cork: 12 },
    ]);
    expect(t.series).toEqual([
      { slug: 'aveiro', name: 'Aveiro', highlighted: true, draft: false },
      { slug: 'braga', name: 'Braga', highlighted: true, draft: false },
      { slug: 'cork', name: 'Cork', highlighted: false, draft: false },
    ]);
    const chosen = trajectories(comparison('increase'), 'raw', ['cork'], 2);
    expect(chosen.series.filter((s) => s.highlighted).map((s) => s.slug)).toEqual(['cork']);
  });
});

describe('network shaping', () => {
  const score = (
    slug: string,
    rank: number | null,
    index: number | null,
  ): NetworkScoresResponse['cities'][number] => ({
    slug,
    name: slug,
    countryCode: 'XX',
    hasDrafts: false,
    index,
    rank,
    missingShare: 0,
    coverage: 1,
    history: [],
    goals: [],
    indicators: [],
  });

  it('orders ranked cities by rank, then unranked ones by index', () => {
    const ordered = rankedCities([
      score('c', null, 70),
      score('a', 2, 60),
      score('b', 1, 65),
      score('d', null, null),
      score('e', null, 80),
    ]);
    expect(ordered.map((c) => c.slug)).toEqual(['b', 'a', 'e', 'c', 'd']);
  });

  it('groups indicators by goal, unlinked last', () => {
    expect(
      indicatorsByGoal([
        { goal: 11, name: 'PM2.5' },
        { goal: null, name: 'Other' },
        { goal: 3, name: 'Life expectancy' },
        { goal: 11, name: 'Green space' },
      ]),
    ).toEqual([
      { goal: 3, indicators: [{ goal: 3, name: 'Life expectancy' }] },
      {
        goal: 11,
        indicators: [
          { goal: 11, name: 'Green space' },
          { goal: 11, name: 'PM2.5' },
        ],
      },
      { goal: null, indicators: [{ goal: null, name: 'Other' }] },
    ]);
  });
});

describe('URL state', () => {
  it('reads four-digit years only', () => {
    expect(parseYear('2024')).toBe(2024);
    expect(parseYear('24')).toBeUndefined();
    expect(parseYear('2024x')).toBeUndefined();
    expect(parseYear(null)).toBeUndefined();
  });

  it('adds the year to links when one is chosen', () => {
    expect(withYear('/cities/espoo', 2022)).toBe('/cities/espoo?year=2022');
    expect(withYear('/cities/espoo?x=1', 2022)).toBe('/cities/espoo?x=1&year=2022');
    expect(withYear('/cities/espoo', undefined)).toBe('/cities/espoo');
  });
});
