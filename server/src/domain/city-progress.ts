/**
 * A city's progress on every indicator of its networks, aggregated per goal
 * and for the city (docs/methodology.md#4-a-citys-overview).
 */
import { CURRENT_WINDOW_YEARS, indicatorColour, type ScoredIndicator } from './network-scores';
import {
  assess,
  PROGRESS_STATUSES,
  type Assessment,
  type ProgressStatus,
  type TrendType,
  type YearValue,
} from './progress';
import { goalColour, mean, normalise, type Colour } from './scoring';

export interface ProgressIndicator extends ScoredIndicator {
  trendType: 'auto' | TrendType;
  /** The best value that can exist (progress without a target is judged near it). */
  naturalLimit: number | null;
}

export interface AmbitionPoint {
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
}

export interface IndicatorProgress {
  indicatorId: number;
  latest: YearValue | null;
  /** The latest value is older than the five years up to the reference year. */
  stale: boolean;
  assessment: Assessment;
  /** Growth per year in the desired direction since the baseline (P), target or not: for "strongest improvements". */
  improvement: number | null;
  normalised: number | null;
  colour: Colour | null;
}

export type StatusCounts = Record<ProgressStatus, number> & { stale: number };

export interface GoalProgress {
  goal: number;
  indicatorCount: number;
  /** Current indicators by status; indicators with only stale data count as `stale`. */
  statusCounts: StatusCounts;
  meanScore: number | null;
  /** Goal-level status: target_achieved only when every indicator is; else from the mean score. */
  status: ProgressStatus;
  colour: Colour | null;
  /** Share of the goal's indicators with a value in the last five years. */
  coverage: number | null;
}

export interface CityProgress {
  year: number;
  indicators: IndicatorProgress[];
  goals: GoalProgress[];
  statusCounts: StatusCounts;
  indicatorCount: number;
  currentCount: number;
  coverage: number | null;
  meanScore: number | null;
  /** Indicator ids, the five largest action gaps by share of the ambition. */
  largestGaps: number[];
  /** Indicator ids, the five strongest improvements. */
  strongestImprovements: number[];
}

export function emptyCounts(): StatusCounts {
  const counts = { stale: 0 } as StatusCounts;
  for (const s of PROGRESS_STATUSES) counts[s] = 0;
  return counts;
}

/**
 * Goal status from its indicators: target_achieved only when every one is;
 * otherwise the band the mean score falls in (the score is 2.5 at R = 0.95,
 * 0 at R = 0.6 and −2.5 at R = 0, so the bands mirror the indicator rules).
 */
export function goalStatus(
  statuses: readonly ProgressStatus[],
  meanScore: number | null,
): ProgressStatus {
  const assessed = statuses.filter((s) => s !== 'insufficient_data');
  if (assessed.length === 0 || meanScore === null) return 'insufficient_data';
  if (assessed.length === statuses.length && assessed.every((s) => s === 'target_achieved'))
    return 'target_achieved';
  if (meanScore >= 2.5) return 'on_track';
  if (meanScore >= 0) return 'acceleration_needed';
  if (meanScore >= -2.5) return 'limited_progress';
  return 'deterioration';
}

const TOP = 5;

/** Assesses every indicator as of `year` and aggregates. */
export function computeCityProgress(input: {
  year: number;
  indicators: readonly ProgressIndicator[];
  observations: ReadonlyMap<number, readonly YearValue[]>;
  ambitions: ReadonlyMap<number, AmbitionPoint>;
}): CityProgress {
  const { year } = input;
  const results: IndicatorProgress[] = input.indicators.map((indicator) =>
    indicatorProgress(
      indicator,
      input.observations.get(indicator.id) ?? [],
      input.ambitions.get(indicator.id),
      year,
    ),
  );
  const byId = new Map(results.map((r) => [r.indicatorId, r]));
  const goals: GoalProgress[] = Array.from({ length: 17 }, (_, k) => k + 1).map((goal) =>
    goalProgress(
      goal,
      input.indicators.filter((i) => i.goal === goal).map((i) => byId.get(i.id)!),
    ),
  );

  const current = results.filter(isCurrent);
  const largestGaps = current
    .filter(
      (r) =>
        r.assessment.actionGap?.gapShare !== null &&
        r.assessment.actionGap?.gapShare !== undefined &&
        r.assessment.actionGap.gapShare > 0,
    )
    .sort((a, b) => b.assessment.actionGap!.gapShare! - a.assessment.actionGap!.gapShare!)
    .slice(0, TOP)
    .map((r) => r.indicatorId);
  const strongestImprovements = current
    .filter((r) => r.improvement !== null && r.improvement > 0)
    .sort((a, b) => b.improvement! - a.improvement!)
    .slice(0, TOP)
    .map((r) => r.indicatorId);

  return {
    year,
    indicators: results,
    goals,
    statusCounts: countStatuses(results),
    indicatorCount: results.length,
    currentCount: current.length,
    coverage: results.length === 0 ? null : current.length / results.length,
    meanScore: mean(current.map((r) => r.assessment.score)),
    largestGaps,
    strongestImprovements,
  };
}

/** One indicator as of `year`: its assessment against the ambition, and its growth without it. */
function indicatorProgress(
  indicator: ProgressIndicator,
  observations: readonly YearValue[],
  ambition: AmbitionPoint | undefined,
  year: number,
): IndicatorProgress {
  const series = observations.filter((p) => p.year <= year);
  const latest = series.reduce<YearValue | null>(
    (best, p) => (best === null || p.year > best.year ? p : best),
    null,
  );
  const base = {
    direction: indicator.direction,
    observations: series,
    baseline:
      ambition === undefined
        ? null
        : { year: ambition.baselineYear, value: ambition.baselineValue },
    trend: indicator.trendType,
    naturalLimit: indicator.naturalLimit,
  };
  const assessment = assess({
    ...base,
    target:
      ambition === undefined ? null : { year: ambition.targetYear, value: ambition.targetValue },
  });
  const growth = ambition === undefined ? assessment : assess({ ...base, target: null });
  const normalised =
    latest === null || indicator.bestBound === null || indicator.worstBound === null
      ? null
      : normalise(latest.value, indicator.bestBound, indicator.worstBound);
  return {
    indicatorId: indicator.id,
    latest,
    stale: latest !== null && latest.year <= year - CURRENT_WINDOW_YEARS,
    assessment,
    improvement: growth.status === 'insufficient_data' ? null : growth.components.ratio,
    normalised,
    colour: latest === null ? null : indicatorColour(indicator, latest.value, normalised),
  };
}

const isCurrent = (r: IndicatorProgress): boolean => r.latest !== null && !r.stale;

/** Status counts, with stale indicators counted apart. */
function countStatuses(list: readonly IndicatorProgress[]): StatusCounts {
  const counts = emptyCounts();
  for (const r of list) {
    if (r.latest !== null && r.stale) counts.stale++;
    else counts[r.assessment.status]++;
  }
  return counts;
}

/** One goal from its indicators' results (only current ones are scored). */
function goalProgress(goal: number, members: readonly IndicatorProgress[]): GoalProgress {
  const current = members.filter(isCurrent);
  const scores = current.map((r) => r.assessment.score);
  const meanScore = mean(scores);
  return {
    goal,
    indicatorCount: members.length,
    statusCounts: countStatuses(members),
    meanScore,
    status: goalStatus(
      current.map((r) => r.assessment.status),
      meanScore,
    ),
    colour: goalColour(current.flatMap((r) => (r.colour === null ? [] : [r.colour]))),
    coverage: members.length === 0 ? null : current.length / members.length,
  };
}
