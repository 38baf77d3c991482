import { Type, type Static } from 'typebox';
import { ActionPlanSummary, ActionStatus, GapWithActions } from './action.schema';
import { Slug } from './common.schema';
import { Direction, ThresholdsSchema } from './catalogue.schema';
import { DataKind } from './network.schema';

const NumberOrNull = Type.Union([Type.Number(), Type.Null()]);
const IntegerOrNull = Type.Union([Type.Integer(), Type.Null()]);

export const ProgressStatus = Type.Union(
  [
    Type.Literal('target_achieved'),
    Type.Literal('on_track'),
    Type.Literal('acceleration_needed'),
    Type.Literal('limited_progress'),
    Type.Literal('deterioration'),
    Type.Literal('insufficient_data'),
  ],
  { description: 'Progress status (docs/methodology.md#2-progress-status-and-score).' },
);
export type ProgressStatusValue = Static<typeof ProgressStatus>;
export const TrendTypeUsed = Type.Union([
  Type.Literal('compound'),
  Type.Literal('linear'),
  Type.Null(),
]);
export const Colour = Type.Union([
  Type.Literal('green'),
  Type.Literal('yellow'),
  Type.Literal('orange'),
  Type.Literal('red'),
  Type.Null(),
]);
export type ColourValue = 'green' | 'yellow' | 'orange' | 'red';
export const TrendArrow = Type.Union([
  Type.Literal('on_track'),
  Type.Literal('moderately_improving'),
  Type.Literal('stagnating'),
  Type.Literal('decreasing'),
  Type.Null(),
]);

const YearValue = Type.Object(
  { year: Type.Integer(), value: Type.Number() },
  { additionalProperties: false },
);

// ---------- the calculator ----------

export const AssessRequest = Type.Object(
  {
    direction: Direction,
    observations: Type.Array(YearValue, { minItems: 1, maxItems: 1000 }),
    baseline: Type.Optional(Type.Union([YearValue, Type.Null()])),
    target: Type.Optional(Type.Union([YearValue, Type.Null()])),
    trend: Type.Optional(
      Type.Union([Type.Literal('compound'), Type.Literal('linear'), Type.Literal('auto')]),
    ),
    naturalLimit: Type.Optional(
      Type.Union([Type.Number(), Type.Null()], {
        description: 'The best value that can exist; without a target, thresholds shrink near it.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AssessRequest = Static<typeof AssessRequest>;

export const Components = Type.Object({
  baselineYear: IntegerOrNull,
  baselineValue: NumberOrNull,
  baselineSource: Type.Union([
    Type.Literal('ambition'),
    Type.Literal('first_since_2015'),
    Type.Literal('first_observation'),
    Type.Null(),
  ]),
  latestYear: IntegerOrNull,
  latestValue: NumberOrNull,
  observedRate: Type.Union([Type.Number(), Type.Null()], {
    description: 'Fraction per year (compound) or units per year (linear).',
  }),
  requiredRate: NumberOrNull,
  ratio: Type.Union([Type.Number(), Type.Null()], { description: 'R with a target, P without.' }),
  thresholds: Type.Object({
    onTrack: Type.Number(),
    accelerationNeeded: Type.Number(),
    limitedProgress: Type.Number(),
  }),
  limitCoefficient: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Without a target, near the indicator’s natural limit: the coefficient c that scaled the thresholds (Open SDG’s limit adjustment).',
  }),
});

export const ActionGap = Type.Object({
  expectedNow: NumberOrNull,
  gapNow: NumberOrNull,
  projectedValue: NumberOrNull,
  gap: NumberOrNull,
  gapShare: NumberOrNull,
  requiredRateFromNow: NumberOrNull,
  paceRatio: NumberOrNull,
  projectedYear: IntegerOrNull,
  withActions: Type.Optional(
    Type.Union([GapWithActions, Type.Null()], {
      description:
        'The action layer (city and indicator progress only): the projection with the planned actions’ expected effects and the gap that remains. Null without a gap to speak of (no target or no projection).',
    }),
  ),
});

export const Assessment = Type.Object({
  status: ProgressStatus,
  score: Type.Union([Type.Number(), Type.Null()], { description: 'From −5 to 5.' }),
  trend: TrendTypeUsed,
  components: Components,
  actionGap: Type.Union([ActionGap, Type.Null()]),
  notes: Type.Array(Type.String()),
});
export type Assessment = Static<typeof Assessment>;

// ---------- city progress ----------

const StatusCounts = Type.Object({
  target_achieved: Type.Integer(),
  on_track: Type.Integer(),
  acceleration_needed: Type.Integer(),
  limited_progress: Type.Integer(),
  deterioration: Type.Integer(),
  insufficient_data: Type.Integer(),
  stale: Type.Integer({
    description: 'Indicators whose latest value is more than five years old.',
  }),
});

const NetworkRef = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  dataKind: DataKind,
  citation: Type.Union([Type.String(), Type.Null()]),
});

const AmbitionRef = Type.Object({
  baselineYear: Type.Integer(),
  baselineValue: Type.Number(),
  targetYear: Type.Integer(),
  targetValue: Type.Number(),
  approved: Type.Boolean({
    description:
      'False when members see the city’s working copy, changed since a coordinator last approved a year of the city: the public sees the approved ambition (or none).',
  }),
});

export const IndicatorProgress = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  direction: Direction,
  goal: IntegerOrNull,
  network: Type.String(),
  sdgLinks: Type.Array(
    Type.Object({ target: Type.String(), indicator: Type.Union([Type.String(), Type.Null()]) }),
  ),
  latest: Type.Union([YearValue, Type.Null()]),
  stale: Type.Boolean(),
  ambition: Type.Union([AmbitionRef, Type.Null()]),
  series: Type.Array(YearValue),
  ...Assessment.properties,
  improvement: Type.Union([Type.Number(), Type.Null()], {
    description:
      'Growth per year in the desired direction since the baseline (P), with or without a target.',
  }),
  normalised: Type.Union([Type.Number(), Type.Null()], {
    description: '0–100 between the worst and best bounds.',
  }),
  colour: Colour,
});
export type IndicatorProgress = Static<typeof IndicatorProgress>;

export const GapChartPoint = Type.Object({
  year: Type.Integer(),
  observed: NumberOrNull,
  required: Type.Union([Type.Number(), Type.Null()], {
    description: 'The required path from baseline to target.',
  }),
  projected: Type.Union([Type.Number(), Type.Null()], {
    description: 'Today\u2019s trend continued to the target year.',
  }),
  target: Type.Union([Type.Number(), Type.Null()], {
    description: 'The target, at the target year only.',
  }),
  withActions: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description:
        'The projection with the planned actions’ effects phased in from the latest year to each effect year (city and indicator progress only).',
    }),
  ),
});
export type GapChartPoint = Static<typeof GapChartPoint>;

export const GoalProgress = Type.Object({
  goal: Type.Integer(),
  indicatorCount: Type.Integer(),
  statusCounts: StatusCounts,
  meanScore: NumberOrNull,
  status: ProgressStatus,
  colour: Colour,
  coverage: NumberOrNull,
});

export const CityProgressResponse = Type.Object({
  city: Type.Object({ slug: Type.String(), name: Type.String(), countryCode: Type.String() }),
  year: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Reference year: values after it are ignored.',
  }),
  language: Type.String(),
  networks: Type.Array(NetworkRef),
  summary: Type.Object({
    indicatorCount: Type.Integer(),
    currentCount: Type.Integer({ description: 'Indicators with a value in the last five years.' }),
    coverage: NumberOrNull,
    meanScore: NumberOrNull,
    statusCounts: StatusCounts,
  }),
  goals: Type.Array(GoalProgress),
  indicators: Type.Array(IndicatorProgress),
  largestGaps: Type.Array(Type.String(), {
    description: 'Indicator slugs, largest action gap (share) first.',
  }),
  uncoveredGaps: Type.Array(Type.String(), {
    description:
      'Indicator slugs with a gap above 0 that no non-cancelled action addresses, largest share first.',
  }),
  actionPlan: ActionPlanSummary,
  gapCharts: Type.Array(
    Type.Object({ indicator: Type.String(), points: Type.Array(GapChartPoint) }),
    {
      description: 'Action-gap chart points of the largest gaps, in the same order.',
    },
  ),
  strongestImprovements: Type.Array(Type.String(), {
    description: 'Indicator slugs, strongest improvement first.',
  }),
  drafts: Type.Array(
    Type.Object({
      network: Type.String(),
      year: Type.Integer(),
      state: Type.String(),
      values: Type.Integer(),
    }),
    {
      description:
        'Years whose values are included although not approved yet (members only; the public sees approved values only).',
    },
  ),
});
export type CityProgressResponse = Static<typeof CityProgressResponse>;

export const YearLangQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({
        minimum: 1950,
        maximum: 2100,
        description: 'Reference year; default: the latest with data.',
      }),
    ),
    lang: Type.Optional(Type.String({ maxLength: 35 })),
  },
  { additionalProperties: false },
);

export const IndicatorDetailResponse = Type.Object({
  city: Type.Object({ slug: Type.String(), name: Type.String() }),
  network: NetworkRef,
  year: Type.Union([Type.Integer(), Type.Null()]),
  language: Type.String(),
  indicator: Type.Object({
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    unit: Type.String(),
    decimals: Type.Integer(),
    direction: Direction,
    goal: IntegerOrNull,
    trendType: Type.Union([Type.Literal('auto'), Type.Literal('compound'), Type.Literal('linear')]),
    bestBound: NumberOrNull,
    worstBound: NumberOrNull,
    thresholds: Type.Union([ThresholdsSchema, Type.Null()]),
    source: Type.Union([Type.String(), Type.Null()]),
    sdgLinks: Type.Array(
      Type.Object({
        target: Type.String(),
        targetTitle: Type.String(),
        indicator: Type.Union([Type.String(), Type.Null()]),
        indicatorTitle: Type.Union([Type.String(), Type.Null()]),
        titleLanguage: Type.String(),
      }),
    ),
  }),
  progress: IndicatorProgress,
  chart: Type.Array(GapChartPoint),
});
export type IndicatorDetailResponse = Static<typeof IndicatorDetailResponse>;

export const CityIndicatorParams = Type.Object({ city: Slug, indicator: Slug });

// ---------- network scores ----------

const ScoredIndicatorRef = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  goal: IntegerOrNull,
  direction: Direction,
  bestBound: NumberOrNull,
  worstBound: NumberOrNull,
  thresholds: Type.Union([ThresholdsSchema, Type.Null()]),
});

/** A city's score on one goal, as the scores and the ranking pages show it. */
const goalScoreFields = {
  goal: Type.Integer(),
  score: NumberOrNull,
  colour: Colour,
  trend: TrendArrow,
};

export const CityScore = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  countryCode: Type.String(),
  hasDrafts: Type.Boolean({
    description: 'With includesDrafts: this city’s figures include values not approved yet.',
  }),
  index: NumberOrNull,
  rank: Type.Union([Type.Integer(), Type.Null()], {
    description:
      'Null when the city misses more than 20 % of the network\u2019s scored indicators.',
  }),
  missingShare: Type.Number(),
  coverage: Type.Number(),
  history: Type.Array(Type.Object({ year: Type.Integer(), index: Type.Number() })),
  goals: Type.Array(Type.Object({ ...goalScoreFields, indicatorCount: Type.Integer() })),
  indicators: Type.Array(
    Type.Object({
      indicator: Type.String(),
      year: Type.Integer(),
      value: Type.Number(),
      normalised: Type.Number(),
      colour: Colour,
    }),
  ),
});

/** Network views: the reference year, the language, and whether members want drafts included. */
export const NetworkViewQuery = Type.Object(
  {
    ...YearLangQuery.properties,
    drafts: Type.Optional(
      Type.Boolean({
        description:
          'Members only: include values not approved yet (default: approved values only, as the public sees them). Ignored for others.',
      }),
    ),
  },
  { additionalProperties: false },
);

const IncludesDrafts = Type.Boolean({
  description: 'The figures include values not approved yet (members who asked for drafts).',
});
const HasDrafts = Type.Boolean({
  description: 'With includesDrafts: this city’s figures include values not approved yet.',
});

export const NetworkScoresResponse = Type.Object({
  network: NetworkRef,
  includesDrafts: IncludesDrafts,
  year: Type.Union([Type.Integer(), Type.Null()]),
  language: Type.String(),
  indicators: Type.Array(ScoredIndicatorRef),
  goals: Type.Array(Type.Integer()),
  cities: Type.Array(CityScore),
  averages: Type.Object({
    index: NumberOrNull,
    goals: Type.Array(Type.Object({ goal: Type.Integer(), score: NumberOrNull })),
  }),
});
export type NetworkScoresResponse = Static<typeof NetworkScoresResponse>;

export const NetworkRankingQuery = Type.Object(
  {
    ...NetworkViewQuery.properties,
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'Cities whose name or slug has a word starting with this (any case or accent).',
      }),
    ),
    country: Type.Optional(
      Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO country code.' }),
    ),
    sort: Type.Optional(
      Type.Union([Type.Literal('rank'), Type.Literal('name'), Type.Literal('index')], {
        description:
          'rank (default; unranked cities last, by index then name), name, or index (highest first).',
      }),
    ),
    goal: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 17,
        description: 'Sort by this goal\u2019s score instead.',
      }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Default 50.' })),
  },
  { additionalProperties: false },
);

/** One city in a page of the ranking: the scores without the per-indicator detail. */
export const RankedCity = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  countryCode: Type.String(),
  hasDrafts: HasDrafts,
  index: NumberOrNull,
  rank: Type.Union([Type.Integer(), Type.Null()]),
  missingShare: Type.Number(),
  coverage: Type.Number(),
  goals: Type.Array(Type.Object(goalScoreFields)),
});
export type RankedCity = Static<typeof RankedCity>;

export const NetworkRankingResponse = Type.Object({
  network: NetworkRef,
  includesDrafts: IncludesDrafts,
  year: Type.Union([Type.Integer(), Type.Null()]),
  language: Type.String(),
  goals: Type.Array(Type.Integer()),
  averages: NetworkScoresResponse.properties.averages,
  total: Type.Integer({ description: 'How many cities the search and filters select.' }),
  cityCount: Type.Integer({ description: 'How many cities the network has.' }),
  offset: Type.Integer(),
  limit: Type.Integer(),
  cities: Type.Array(RankedCity),
});
export type NetworkRankingResponse = Static<typeof NetworkRankingResponse>;

// ---------- comparison and peers ----------

export const ComparisonResponse = Type.Object({
  network: NetworkRef,
  includesDrafts: IncludesDrafts,
  year: Type.Union([Type.Integer(), Type.Null()]),
  indicator: ScoredIndicatorRef,
  cities: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      latest: Type.Union([YearValue, Type.Null()]),
      stale: Type.Boolean(),
      normalised: NumberOrNull,
      colour: Colour,
      status: ProgressStatus,
      score: NumberOrNull,
      trend: TrendTypeUsed,
      observedRate: NumberOrNull,
      ratio: NumberOrNull,
      ambition: Type.Union([AmbitionRef, Type.Null()]),
      series: Type.Array(
        Type.Object({ year: Type.Integer(), value: Type.Number(), normalised: NumberOrNull }),
      ),
      hasDrafts: HasDrafts,
    }),
  ),
});
export type ComparisonResponse = Static<typeof ComparisonResponse>;

export const PeersQuery = Type.Object(
  {
    indicator: Slug,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 5 })),
    lang: Type.Optional(Type.String({ maxLength: 35 })),
  },
  { additionalProperties: false },
);

export const PeersResponse = Type.Object({
  city: Type.String(),
  indicator: ScoredIndicatorRef,
  window: Type.Union([Type.Object({ from: Type.Integer(), to: Type.Integer() }), Type.Null()], {
    description: 'The years compared: the city\u2019s own baseline to latest.',
  }),
  cityImprovement: NumberOrNull,
  peers: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      improvement: Type.Number({
        description: 'Growth per year in the desired direction over the window.',
      }),
      from: Type.Integer(),
      to: Type.Integer(),
      betterThanCity: Type.Boolean(),
      actions: Type.Array(
        Type.Object({
          id: Type.Integer(),
          title: Type.String(),
          startYear: Type.Integer(),
          status: ActionStatus,
          effect: Type.Number(),
          effectYear: Type.Integer(),
        }),
        {
          description:
            'What the peer did: its approved actions linked to the indicator, with their expected effect on it.',
        },
      ),
      latest: Type.Union([YearValue, Type.Null()]),
      status: ProgressStatus,
      score: NumberOrNull,
      ratio: NumberOrNull,
    }),
  ),
});
export type PeersResponse = Static<typeof PeersResponse>;

export const NetworkIndicatorParams = Type.Object({ network: Slug, indicator: Slug });
