/**
 * Network scores (docs/methodology.md#5-scores-for-comparing-cities-sdsn) computed from plain data: each city's
 * normalised score per indicator, score and colour per goal, overall index,
 * rank, trend arrows and coverage, and the network's average per goal.
 */
import {
  colourFromScore,
  colourFromThresholds,
  goalColour,
  MAX_MISSING_SHARE_FOR_RANK,
  mean,
  normalise,
  rankDescending,
  trendArrow,
  type Colour,
  type TrendArrow,
} from './scoring';

export interface ScoredIndicator {
  id: number;
  goal: number | null;
  direction: 'increase' | 'decrease';
  bestBound: number | null;
  worstBound: number | null;
  thresholds: { green: number; yellow: number; orange: number } | null;
}

export interface Point {
  cityId: number;
  indicatorId: number;
  year: number;
  value: number;
}

/** Values are current for this many years up to and including the reference year. */
export const CURRENT_WINDOW_YEARS = 5;

export interface CityIndicatorScore {
  indicatorId: number;
  year: number;
  value: number;
  normalised: number;
  colour: Colour;
}

export interface CityGoalScore {
  goal: number;
  score: number | null;
  colour: Colour | null;
  trend: TrendArrow | null;
  indicatorCount: number;
}

export interface CityScore {
  cityId: number;
  index: number | null;
  rank: number | null;
  /** Share of the network's scored indicators without a current value. */
  missingShare: number;
  /** Share of the network's indicators (scored or not) with a current value. */
  coverage: number;
  goals: CityGoalScore[];
  indicators: CityIndicatorScore[];
  /** Index per year over the window, for sparklines. */
  history: Array<{ year: number; index: number }>;
}

export interface NetworkScores {
  year: number;
  cities: CityScore[];
  goalAverages: Array<{ goal: number; score: number | null }>;
  indexAverage: number | null;
}

/** Points grouped by city, then indicator; each series in increasing years. */
export type GroupedPoints = Map<number, Map<number, Point[]>>;

/** Groups points by city and indicator (one pass), each series sorted by year. */
export function groupPoints(points: readonly Point[]): GroupedPoints {
  const byCity: GroupedPoints = new Map();
  for (const p of points) {
    let row = byCity.get(p.cityId);
    if (row === undefined) {
      row = new Map();
      byCity.set(p.cityId, row);
    }
    const series = row.get(p.indicatorId);
    if (series === undefined) row.set(p.indicatorId, [p]);
    else series.push(p);
  }
  for (const row of byCity.values())
    for (const series of row.values())
      if (series.length > 1) series.sort((a, b) => a.year - b.year);
  return byCity;
}

/** The latest point of a year-sorted series in the five years up to `year`. */
function currentOf(series: readonly Point[], year: number): Point | undefined {
  for (let k = series.length - 1; k >= 0; k--) {
    const p = series[k]!;
    if (p.year > year) continue;
    return p.year > year - CURRENT_WINDOW_YEARS ? p : undefined;
  }
  return undefined;
}

/**
 * The value current at `year` for each (city, indicator): the latest one in
 * the five years up to `year`. Older values are stale and not used.
 */
export function currentValues(
  points: readonly Point[] | GroupedPoints,
  year: number,
): Map<number, Map<number, Point>> {
  const grouped = points instanceof Map ? points : groupPoints(points);
  const byCity = new Map<number, Map<number, Point>>();
  for (const [cityId, row] of grouped) {
    const current = new Map<number, Point>();
    for (const [indicatorId, series] of row) {
      const p = currentOf(series, year);
      if (p !== undefined) current.set(indicatorId, p);
    }
    if (current.size > 0) byCity.set(cityId, current);
  }
  return byCity;
}

/**
 * The first year whose values can count at `year`: a city's scores are
 * computed for each of the window's years, each from values of its own window.
 */
export function earliestYearUsed(year: number): number {
  return year - 2 * CURRENT_WINDOW_YEARS + 2;
}

/**
 * A network's values as a dense cube, city × indicator × year (NaN where
 * there is none), over the years scores read: a national network's 3 M
 * values are stored without an object each, and the value current at any
 * window year is a look at five cells.
 */
export class PointCube {
  private readonly cityIndex: Map<number, number>;
  private readonly indicatorIndex: Map<number, number>;
  private readonly values: Float64Array;
  private readonly span: number;

  constructor(
    cityIds: readonly number[],
    indicatorIds: readonly number[],
    readonly from: number,
    readonly to: number,
  ) {
    this.cityIndex = new Map(cityIds.map((id, c) => [id, c]));
    this.indicatorIndex = new Map(indicatorIds.map((id, k) => [id, k]));
    this.span = Math.max(0, to - from + 1);
    this.values = new Float64Array(cityIds.length * indicatorIds.length * this.span).fill(NaN);
  }

  /** Stores one value; cities, indicators and years outside the cube are left out. */
  readonly set = (cityId: number, indicatorId: number, year: number, value: number): void => {
    const c = this.cityIndex.get(cityId);
    const k = this.indicatorIndex.get(indicatorId);
    if (c === undefined || k === undefined || year < this.from || year > this.to) return;
    this.values[(c * this.indicatorIndex.size + k) * this.span + (year - this.from)] = value;
  };

  /** Where the (city, indicator)'s years start in `values`, or -1 for one outside the cube. */
  private cell(cityId: number, indicatorId: number): number {
    const c = this.cityIndex.get(cityId);
    const k = this.indicatorIndex.get(indicatorId);
    return c === undefined || k === undefined ? -1 : (c * this.indicatorIndex.size + k) * this.span;
  }

  /** The year of the value current at `year` in a cell (the latest of the five up to it), or -1. */
  private currentYear(cell: number, year: number): number {
    if (cell < 0) return -1;
    const first = Math.max(year - CURRENT_WINDOW_YEARS + 1, this.from);
    for (let y = Math.min(year, this.to); y >= first; y--)
      if (!Number.isNaN(this.values[cell + y - this.from]!)) return y;
    return -1;
  }

  /** The value current at `year`, or NaN: no object made (scores look up millions). */
  currentValue(cityId: number, indicatorId: number, year: number): number {
    const cell = this.cell(cityId, indicatorId);
    const y = this.currentYear(cell, year);
    return y < 0 ? NaN : this.values[cell + y - this.from]!;
  }

  /** The value current at `year` with its year, or undefined. */
  current(cityId: number, indicatorId: number, year: number): Point | undefined {
    const cell = this.cell(cityId, indicatorId);
    const y = this.currentYear(cell, year);
    if (y < 0) return undefined;
    return { cityId, indicatorId, year: y, value: this.values[cell + y - this.from]! };
  }

  /** The city's current values at `year`, by indicator. */
  currentOfCity(cityId: number, indicatorIds: readonly number[], year: number): Map<number, Point> {
    const row = new Map<number, Point>();
    for (const id of indicatorIds) {
      const p = this.current(cityId, id, year);
      if (p !== undefined) row.set(id, p);
    }
    return row;
  }
}

/** Colour of one value: from the indicator's thresholds in raw units, else from its score. */
export function indicatorColour(
  indicator: ScoredIndicator,
  value: number,
  normalised: number | null,
): Colour | null {
  if (indicator.thresholds !== null)
    return colourFromThresholds(value, indicator.direction, indicator.thresholds);
  return normalised === null ? null : colourFromScore(normalised);
}

interface YearScores {
  goalScores: Map<number, Map<number, number>>;
  index: Map<number, number>;
}

function scoreYear(
  cityIds: readonly number[],
  scored: readonly ScoredIndicator[],
  cube: PointCube,
  year: number,
): YearScores {
  const goalScores = new Map<number, Map<number, number>>();
  const index = new Map<number, number>();
  for (const cityId of cityIds) {
    // Per goal, in the order goals are first met: the sum and count of the normalised scores
    // (the mean as scoring.mean takes it, without a list per goal).
    const sums = new Map<number, { sum: number; count: number }>();
    for (const indicator of scored) {
      const value = cube.currentValue(cityId, indicator.id, year);
      if (Number.isNaN(value) || indicator.goal === null) continue;
      const n = normalise(value, indicator.bestBound!, indicator.worstBound!);
      let acc = sums.get(indicator.goal);
      if (acc === undefined) sums.set(indicator.goal, (acc = { sum: 0, count: 0 }));
      acc.sum += n;
      acc.count++;
    }
    const goals = new Map<number, number>();
    for (const [goal, acc] of sums) goals.set(goal, acc.sum / acc.count);
    goalScores.set(cityId, goals);
    const cityIndex = mean([...goals.values()]);
    if (cityIndex !== null) index.set(cityId, cityIndex);
  }
  return { goalScores, index };
}

/** What every city is scored against: the network's indicators and each window year's scores. */
interface ScoringContext {
  indicators: readonly ScoredIndicator[];
  /** The indicators with both bounds and a goal. */
  scored: readonly ScoredIndicator[];
  goals: readonly number[];
  years: readonly number[];
  byYear: ReadonlyMap<number, ReturnType<typeof scoreYear>>;
  now: ReturnType<typeof scoreYear>;
}

/** The city's scored indicators (normalised and coloured) and their colours by goal. */
function indicatorScoresOf(
  values: ReadonlyMap<number, Point>,
  scored: readonly ScoredIndicator[],
): { indicatorScores: CityIndicatorScore[]; coloursByGoal: Map<number, Colour[]> } {
  const indicatorScores: CityIndicatorScore[] = [];
  const coloursByGoal = new Map<number, Colour[]>();
  for (const indicator of scored) {
    const point = values.get(indicator.id);
    if (point === undefined) continue;
    const normalised = normalise(point.value, indicator.bestBound!, indicator.worstBound!);
    const colour = indicatorColour(indicator, point.value, normalised)!;
    indicatorScores.push({
      indicatorId: indicator.id,
      year: point.year,
      value: point.value,
      normalised,
      colour,
    });
    const list = coloursByGoal.get(indicator.goal!) ?? [];
    list.push(colour);
    coloursByGoal.set(indicator.goal!, list);
  }
  return { indicatorScores, coloursByGoal };
}

/** One city's scores from its current values (unranked). */
function cityScore(
  cityId: number,
  values: ReadonlyMap<number, Point>,
  context: ScoringContext,
): CityScore {
  const { indicators, scored, goals, years, byYear, now } = context;
  const { indicatorScores, coloursByGoal } = indicatorScoresOf(values, scored);
  const goalScores: CityGoalScore[] = goals.map((goal) => {
    const series = years.flatMap((y) => {
      const score = byYear.get(y)!.goalScores.get(cityId)?.get(goal);
      return score === undefined ? [] : [{ year: y, score }];
    });
    return {
      goal,
      score: now.goalScores.get(cityId)?.get(goal) ?? null,
      colour: goalColour(coloursByGoal.get(goal) ?? []),
      trend: trendArrow(series),
      indicatorCount: coloursByGoal.get(goal)?.length ?? 0,
    };
  });
  const missing = scored.filter((i) => !values.has(i.id)).length;
  return {
    cityId,
    index: now.index.get(cityId) ?? null,
    rank: null,
    missingShare: scored.length === 0 ? 1 : missing / scored.length,
    coverage:
      indicators.length === 0
        ? 0
        : indicators.filter((i) => values.has(i.id)).length / indicators.length,
    goals: goalScores,
    indicators: indicatorScores,
    history: years.flatMap((y) => {
      const index = byYear.get(y)!.index.get(cityId);
      return index === undefined ? [] : [{ year: y, index }];
    }),
  };
}

/** The cube of the years `year`'s scores read, filled from a list of points. */
function cubeOf(
  points: readonly Point[],
  cityIds: readonly number[],
  indicatorIds: readonly number[],
  year: number,
): PointCube {
  const cube = new PointCube(cityIds, indicatorIds, earliestYearUsed(year), year);
  for (const p of points) cube.set(p.cityId, p.indicatorId, p.year, p.value);
  return cube;
}

/**
 * Scores every member city at `year`. Indicators without both bounds are not
 * scored (they count for coverage only); goals are the indicators' primary goals.
 */
export function computeNetworkScores(input: {
  year: number;
  cityIds: readonly number[];
  indicators: readonly ScoredIndicator[];
  /** The values, or a cube of them over at least [earliestYearUsed(year), year]. */
  points: readonly Point[] | PointCube;
}): NetworkScores {
  const { year, cityIds, indicators, points } = input;
  const scored = indicators.filter(
    (i) => i.bestBound !== null && i.worstBound !== null && i.goal !== null,
  );
  const goals = [...new Set(scored.map((i) => i.goal!))].sort((a, b) => a - b);
  const years = Array.from(
    { length: CURRENT_WINDOW_YEARS },
    (_, k) => year - CURRENT_WINDOW_YEARS + 1 + k,
  );
  const indicatorIds = indicators.map((i) => i.id);
  const cube = points instanceof PointCube ? points : cubeOf(points, cityIds, indicatorIds, year);
  const byYear = new Map(years.map((y) => [y, scoreYear(cityIds, scored, cube, y)]));
  const now = byYear.get(year)!;
  const context: ScoringContext = { indicators, scored, goals, years, byYear, now };
  const cities: CityScore[] = cityIds.map((cityId) =>
    cityScore(cityId, cube.currentOfCity(cityId, indicatorIds, year), context),
  );

  const rankable = cities.filter(
    (c) => c.index !== null && c.missingShare <= MAX_MISSING_SHARE_FOR_RANK,
  );
  const ranks = rankDescending(rankable, (c) => c.index);
  for (const city of cities) city.rank = ranks.get(city) ?? null;

  return {
    year,
    cities,
    goalAverages: goals.map((goal) => ({
      goal,
      score: mean(cities.map((c) => c.goals.find((g) => g.goal === goal)?.score ?? null)),
    })),
    indexAverage: mean(cities.map((c) => c.index)),
  };
}
