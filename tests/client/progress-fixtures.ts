import { PROGRESS_STATUSES } from '../../server/src/domain/progress';
import type {
  CityProgressResponse,
  ComparisonResponse,
  IndicatorDetailResponse,
  IndicatorProgress,
  NetworkScoresResponse,
  PeersResponse,
  ProgressStatusValue,
} from '../../server/src/schemas/progress.schema';

const network = {
  slug: 'demo-net',
  name: 'Demo network',
  dataKind: 'synthetic' as const,
  citation: null,
};

/** One assessed indicator: recycling, behind its 2030 target (the methodology's example). */
export function indicatorProgress(overrides: Partial<IndicatorProgress> = {}): IndicatorProgress {
  return {
    slug: 'municipal-waste-recycling-rate',
    name: 'Municipal waste recycling rate',
    unit: '%',
    decimals: 1,
    direction: 'increase',
    goal: 12,
    network: network.slug,
    sdgLinks: [{ target: '11.6', indicator: '11.6.1' }],
    latest: { year: 2023, value: 38 },
    stale: false,
    ambition: {
      baselineYear: 2015,
      baselineValue: 30,
      targetYear: 2030,
      targetValue: 65,
      approved: true,
    },
    series: [
      { year: 2015, value: 30 },
      { year: 2019, value: 34 },
      { year: 2023, value: 38 },
    ],
    status: 'limited_progress',
    score: -0.9,
    trend: 'compound',
    components: {
      baselineYear: 2015,
      baselineValue: 30,
      baselineSource: 'ambition',
      latestYear: 2023,
      latestValue: 38,
      observedRate: 0.03,
      requiredRate: 0.0529,
      ratio: 0.567,
      thresholds: { onTrack: 0.95, accelerationNeeded: 0.6, limitedProgress: 0 },
      limitCoefficient: null,
    },
    actionGap: {
      expectedNow: 45.8,
      gapNow: 7.8,
      projectedValue: 46.2,
      gap: 18.8,
      gapShare: 0.537,
      requiredRateFromNow: 0.0792,
      paceRatio: 2.43,
      projectedYear: 2043,
    },
    notes: [],
    improvement: 0.03,
    normalised: 38,
    colour: 'orange',
    ...overrides,
  };
}

const STATUSES: readonly ProgressStatusValue[] = PROGRESS_STATUSES;

/** A city's progress with `count` indicators spread over the 17 goals and the six statuses. */
export function cityProgress(count = 48): CityProgressResponse {
  const indicators = Array.from({ length: count }, (_, i) =>
    indicatorProgress({
      slug: `indicator-${i + 1}`,
      name: `Indicator ${String(i + 1).padStart(2, '0')}`,
      goal: (i % 17) + 1,
      status: STATUSES[i % 6]!,
    }),
  );
  const counts = (list: IndicatorProgress[]) => ({
    target_achieved: list.filter((i) => i.status === 'target_achieved').length,
    on_track: list.filter((i) => i.status === 'on_track').length,
    acceleration_needed: list.filter((i) => i.status === 'acceleration_needed').length,
    limited_progress: list.filter((i) => i.status === 'limited_progress').length,
    deterioration: list.filter((i) => i.status === 'deterioration').length,
    insufficient_data: list.filter((i) => i.status === 'insufficient_data').length,
    stale: 0,
  });
  const goals = Array.from({ length: 17 }, (_, g) => {
    const list = indicators.filter((i) => i.goal === g + 1);
    return {
      goal: g + 1,
      indicatorCount: list.length,
      statusCounts: counts(list),
      meanScore: 0,
      status: list[0]?.status ?? ('insufficient_data' as const),
      colour: 'yellow' as const,
      coverage: 1,
    };
  });
  const gapSlugs = indicators.slice(0, 5).map((i) => i.slug);
  return {
    drafts: [],
    city: { slug: 'espoo', name: 'Espoo', countryCode: 'FI' },
    year: null,
    language: 'en',
    networks: [network],
    summary: {
      indicatorCount: count,
      currentCount: count,
      coverage: 1,
      meanScore: 0,
      statusCounts: counts(indicators),
    },
    goals,
    indicators,
    largestGaps: gapSlugs,
    uncoveredGaps: gapSlugs.slice(1),
    actionPlan: {
      uncoveredGaps: gapSlugs.slice(1),
      gapCount: gapSlugs.length,
      addressedCount: 1,
      coverage: 0.12,
      actionCount: 1,
    },
    gapCharts: gapSlugs.map((indicator) => ({ indicator, points: chartPoints() })),
    strongestImprovements: indicators.slice(5, 10).map((i) => i.slug),
  };
}

export function chartPoints() {
  return [
    { year: 2015, observed: 30, required: 30, projected: null, target: null },
    { year: 2019, observed: 34, required: 36.8, projected: null, target: null },
    { year: 2023, observed: 38, required: 45.8, projected: 38, target: null },
    { year: 2030, observed: null, required: 65, projected: 46.2, target: 65 },
  ];
}

export function indicatorDetail(): IndicatorDetailResponse {
  return {
    city: { slug: 'espoo', name: 'Espoo' },
    network,
    year: null,
    language: 'en',
    indicator: {
      slug: 'municipal-waste-recycling-rate',
      name: 'Municipal waste recycling rate',
      description: 'Share of municipal waste recycled or composted.',
      unit: '%',
      decimals: 1,
      direction: 'increase',
      goal: 12,
      trendType: 'auto',
      bestBound: 65,
      worstBound: 10,
      thresholds: null,
      source: 'Eurostat env_wasmun',
      sdgLinks: [
        {
          target: '11.6',
          targetTitle: 'Reduce the environmental impact of cities',
          indicator: '11.6.1',
          indicatorTitle: 'Municipal solid waste collected and managed',
          titleLanguage: 'en',
        },
      ],
    },
    progress: indicatorProgress(),
    chart: chartPoints(),
  };
}

export function peers(): PeersResponse {
  return {
    city: 'espoo',
    indicator: comparison().indicator,
    window: { from: 2015, to: 2023 },
    cityImprovement: 0.03,
    peers: [
      {
        slug: 'tallinn',
        name: 'Tallinn',
        improvement: 0.061,
        from: 2015,
        to: 2023,
        betterThanCity: true,
        actions: [],
        latest: { year: 2023, value: 52 },
        status: 'on_track',
        score: 3,
        ratio: 1.1,
      },
    ],
  };
}

export function comparison(): ComparisonResponse {
  const city = (slug: string, name: string, value: number, target: number | null) => ({
    slug,
    name,
    latest: { year: 2023, value },
    stale: false,
    normalised: ((value - 10) / 55) * 100,
    colour: null,
    status: 'on_track' as const,
    score: 2,
    trend: 'compound' as const,
    observedRate: 0.02,
    ratio: 1,
    ambition:
      target === null
        ? null
        : {
            baselineYear: 2015,
            baselineValue: 20,
            targetYear: 2030,
            targetValue: target,
            approved: true,
          },
    series: [
      { year: 2015, value: value - 8, normalised: ((value - 18) / 55) * 100 },
      { year: 2023, value, normalised: ((value - 10) / 55) * 100 },
    ],
    hasDrafts: false,
  });
  return {
    network,
    includesDrafts: false,
    year: null,
    indicator: {
      slug: 'municipal-waste-recycling-rate',
      name: 'Municipal waste recycling rate',
      unit: '%',
      decimals: 1,
      goal: 12,
      direction: 'increase',
      bestBound: 65,
      worstBound: 10,
      thresholds: null,
    },
    cities: [
      city('espoo', 'Espoo', 38, 65),
      city('tallinn', 'Tallinn', 52, 60),
      city('braga', 'Braga', 27, null),
    ],
  };
}

export function networkScores(): NetworkScoresResponse {
  const goals = [3, 11];
  const city = (slug: string, name: string, rank: number | null, index: number) => ({
    slug,
    name,
    countryCode: 'FI',
    hasDrafts: false,
    index,
    rank,
    missingShare: rank === null ? 0.3 : 0,
    coverage: rank === null ? 0.7 : 1,
    history: [
      { year: 2020, index: index - 4 },
      { year: 2024, index },
    ],
    goals: goals.map((goal) => ({
      goal,
      score: index + goal,
      colour: (goal === 3 ? 'green' : 'red') as 'green' | 'red',
      trend: 'moderately_improving' as const,
      indicatorCount: 2,
    })),
    indicators: [],
  });
  return {
    network: { ...network },
    includesDrafts: false,
    year: 2024,
    language: 'en',
    indicators: [comparison().indicator],
    goals,
    cities: [
      city('tallinn', 'Tallinn', 2, 61.5),
      city('espoo', 'Espoo', 1, 70.25),
      city('gabrovo', 'Gabrovo', null, 40),
    ],
    averages: { index: 57.25, goals: goals.map((goal) => ({ goal, score: 50 + goal })) },
  };
}
