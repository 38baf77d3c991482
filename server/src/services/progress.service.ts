import { type Principal, canRead, seesDrafts } from '../auth/principal';
import {
  computeCityProgress,
  type AmbitionPoint,
  type CityProgress,
  type ProgressIndicator,
} from '../domain/city-progress';
import { pickTranslation, type SdgLanguage } from '../domain/languages';
import {
  computeNetworkScores,
  CURRENT_WINDOW_YEARS,
  earliestYearUsed,
  PointCube,
  indicatorColour,
  type NetworkScores,
  type Point,
} from '../domain/network-scores';
import {
  counts as countsEffect,
  gapWithActions,
  planSummary,
  withActionsPath,
  type GapWithActions,
} from '../domain/action-plan';
import { windowImprovement } from '../domain/peers';
import {
  actionGapChart,
  assess,
  validateAssessmentInput,
  type Assessment as DomainAssessment,
  type AssessmentInput,
  type YearValue,
} from '../domain/progress';
import { RankingTable, type RankingPageQuery } from '../domain/ranking';
import { normalise } from '../domain/scoring';
import { notFound, validationFailed } from '../errors';
import type { EffectPoint } from '../repositories/action.repository';
import type { IndicatorRecord } from '../repositories/indicator.repository';
import type { AmbitionRow, NetworkVersion } from '../repositories/progress.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  AssessRequest,
  Assessment,
  CityProgressResponse,
  ComparisonResponse,
  GapChartPoint,
  IndicatorDetailResponse,
  IndicatorProgress,
  NetworkRankingResponse,
  NetworkScoresResponse,
  RankedCity,
  PeersResponse,
} from '../schemas/progress.schema';
import type { Action } from '../schemas/action.schema';
import type { AccessService } from './access.service';
import { CachedPayload } from './cached-payload';
import { requireCity } from './lookup';
import { ResultCache } from './result-cache';

function localName(indicator: IndicatorRecord, lang: SdgLanguage): string {
  return indicator.translations[lang]?.name ?? indicator.name;
}

function localUnit(indicator: IndicatorRecord, lang: SdgLanguage): string {
  return indicator.translations[lang]?.unit ?? indicator.unit;
}

function toAssessment(a: DomainAssessment): Assessment {
  return {
    status: a.status,
    score: a.score,
    trend: a.trend,
    components: a.components,
    actionGap: a.actionGap,
    notes: a.notes,
  };
}

function indicatorRef(indicator: IndicatorRecord, lang: SdgLanguage) {
  return {
    slug: indicator.slug,
    name: localName(indicator, lang),
    unit: localUnit(indicator, lang),
    decimals: indicator.decimals,
    goal: indicator.goal,
    direction: indicator.direction,
    bestBound: indicator.bestBound,
    worstBound: indicator.worstBound,
    thresholds: indicator.thresholds,
  };
}

/** The latest year with values in a network: its drafts' (members) or its approved copy's. */
function latestYearOf(
  repos: Repositories,
  networkId: number,
  published: boolean,
): Promise<number | null> {
  return repos.progress.latestYear(published ? [] : [networkId], published ? [networkId] : []);
}

function networkRef(n: NetworkVersion) {
  return { slug: n.slug, name: n.name, dataKind: n.dataKind, citation: n.citation };
}

function toProgressIndicator(i: IndicatorRecord): ProgressIndicator {
  return {
    id: i.id,
    goal: i.goal,
    direction: i.direction,
    bestBound: i.bestBound,
    worstBound: i.worstBound,
    thresholds: i.thresholds,
    trendType: i.trendType,
    naturalLimit: i.naturalLimit,
  };
}

function groupSeries(points: readonly Point[]): Map<number, Map<number, YearValue[]>> {
  const byCity = new Map<number, Map<number, YearValue[]>>();
  for (const p of points) {
    let byIndicator = byCity.get(p.cityId);
    if (byIndicator === undefined) {
      byIndicator = new Map();
      byCity.set(p.cityId, byIndicator);
    }
    const list = byIndicator.get(p.indicatorId) ?? [];
    list.push({ year: p.year, value: p.value });
    byIndicator.set(p.indicatorId, list);
  }
  for (const byIndicator of byCity.values())
    for (const list of byIndicator.values()) list.sort((a, b) => a.year - b.year);
  return byCity;
}

/** The assessment input of one series, as of the reference year: the one builder every assessment uses. */
function chartInput(
  indicator: IndicatorRecord,
  series: readonly YearValue[],
  ambition: AmbitionPoint | null,
  year: number | null,
): AssessmentInput {
  return {
    direction: indicator.direction,
    observations: series.filter((p) => year === null || p.year <= year),
    baseline:
      ambition === null ? null : { year: ambition.baselineYear, value: ambition.baselineValue },
    target: ambition === null ? null : { year: ambition.targetYear, value: ambition.targetValue },
    trend: indicator.trendType,
    naturalLimit: indicator.naturalLimit,
  };
}

/** An ambition as pages show it: the points, and whether it is the approved one. */
type ShownAmbition = AmbitionPoint & { approved: boolean };

const toAmbitionPoint = (a: AmbitionRow): ShownAmbition => ({
  baselineYear: a.baselineYear,
  baselineValue: a.baselineValue,
  targetYear: a.targetYear,
  targetValue: a.targetValue,
  approved: a.approved,
});

function groupEffects(points: readonly EffectPoint[]): Map<number, EffectPoint[]> {
  const byIndicator = new Map<number, EffectPoint[]>();
  for (const e of points)
    byIndicator.set(e.indicatorId, [...(byIndicator.get(e.indicatorId) ?? []), e]);
  return byIndicator;
}

/** docs/methodology.md#8-actions-and-the-remaining-gap for one indicator; null without a gap to speak of. */
function actionLayer(
  assessment: DomainAssessment,
  ambition: AmbitionPoint | null,
  indicator: IndicatorRecord,
  effects: readonly EffectPoint[],
): GapWithActions | null {
  const gap = assessment.actionGap;
  if (ambition === null || gap === null || gap.projectedValue === null || gap.gap === null)
    return null;
  return gapWithActions({
    direction: indicator.direction,
    targetValue: ambition.targetValue,
    targetYear: ambition.targetYear,
    projectedValue: gap.projectedValue,
    gap: gap.gap,
    effects,
  });
}

/** The chart's "with planned actions" path (domain/action-plan.ts withActionsPath). */
function withActionsChart(
  points: GapChartPoint[],
  assessment: Pick<DomainAssessment, 'components'>,
  ambition: AmbitionPoint | null,
  effects: readonly EffectPoint[],
): Array<GapChartPoint & { withActions: number | null }> {
  const latest = assessment.components.latestYear;
  const counted =
    ambition === null ? [] : effects.filter((e) => countsEffect(e, ambition.targetYear));
  if (latest === null || counted.length === 0)
    return points.map((p) => ({ ...p, withActions: null }));
  const path = withActionsPath(points, latest, counted);
  return points.map((p, i) => ({ ...p, withActions: path[i] ?? null }));
}

/** The city's plan: uncovered gaps and the share of the total gap the actions should close. */
function planOf(
  indicators: ReadonlyArray<{ indicatorId: number; assessment: DomainAssessment }>,
  layers: ReadonlyMap<number, GapWithActions | null>,
  slugOf: (id: number) => string,
  effects: ReadonlyMap<number, readonly EffectPoint[]>,
): { uncoveredGaps: string[]; actionPlan: CityProgressResponse['actionPlan'] } {
  const summary = planSummary(
    indicators.map((p) => ({
      key: slugOf(p.indicatorId),
      gap: p.assessment.actionGap?.gap ?? null,
      gapShare: p.assessment.actionGap?.gapShare ?? null,
      withActions: layers.get(p.indicatorId) ?? null,
    })),
  );
  const active = new Set(
    [...effects.values()]
      .flat()
      .filter((e) => e.status !== 'cancelled')
      .map((e) => e.actionId),
  );
  return {
    uncoveredGaps: summary.uncoveredGaps,
    actionPlan: {
      uncoveredGaps: summary.uncoveredGaps,
      gapCount: summary.gapCount,
      addressedCount: summary.addressedCount,
      coverage: summary.coverage,
      actionCount: active.size,
    },
  };
}

/** What a city page's rows and charts are built from, beside the computed progress. */
interface CityPageContext {
  bySlug: ReadonlyMap<number, IndicatorRecord>;
  series: ReadonlyMap<number, YearValue[]>;
  ambitions: ReadonlyMap<number, ShownAmbition>;
  effects: ReadonlyMap<number, EffectPoint[]>;
  layers: ReadonlyMap<number, GapWithActions | null>;
  year: number | null;
  lang: SdgLanguage;
}

/** One indicator's row of the city page. */
function indicatorRow(
  p: CityProgress['indicators'][number],
  context: CityPageContext,
): IndicatorProgress {
  const { bySlug, series, ambitions, layers, year, lang } = context;
  const indicator = bySlug.get(p.indicatorId)!;
  const ambition = ambitions.get(p.indicatorId) ?? null;
  const assessment = toAssessment(p.assessment);
  return {
    slug: indicator.slug,
    name: localName(indicator, lang),
    unit: localUnit(indicator, lang),
    decimals: indicator.decimals,
    direction: indicator.direction,
    goal: indicator.goal,
    network: indicator.networkSlug,
    sdgLinks: indicator.sdgLinks,
    latest: p.latest,
    stale: p.stale,
    ambition,
    series: (series.get(p.indicatorId) ?? []).filter((v) => year === null || v.year <= year),
    ...assessment,
    actionGap:
      assessment.actionGap === null
        ? null
        : { ...assessment.actionGap, withActions: layers.get(p.indicatorId) ?? null },
    improvement: p.improvement,
    normalised: p.normalised,
    colour: p.colour,
  };
}

/** The action-gap charts of the city's largest gaps. */
function gapChartsOf(
  progress: CityProgress,
  context: CityPageContext,
): CityProgressResponse['gapCharts'] {
  const { bySlug, series, ambitions, effects, year } = context;
  return progress.largestGaps.map((id) => {
    const p = progress.indicators.find((r) => r.indicatorId === id)!;
    const indicator = bySlug.get(id)!;
    return {
      indicator: indicator.slug,
      points: withActionsChart(
        actionGapChart(
          chartInput(indicator, series.get(id) ?? [], ambitions.get(id) ?? null, year),
          p.assessment,
        ),
        p.assessment,
        ambitions.get(id) ?? null,
        effects.get(id) ?? [],
      ),
    };
  });
}

type ComparedCity = ComparisonResponse['cities'][number];

/**
 * The city's own window (its baseline year to its latest year, the
 * baseline of its ambition without the target), or null when it has none.
 */
function ownWindow(
  indicator: IndicatorRecord,
  own: ComparedCity | undefined,
): { from: number; to: number } | null {
  const ownAssessment =
    own === undefined
      ? null
      : // The baseline of the city's ambition without its target: the window it progressed over.
        assess({
          ...chartInput(indicator, own.series, own.ambition, null),
          target: null,
        });
  return ownAssessment === null ||
    ownAssessment.components.baselineYear === null ||
    ownAssessment.components.latestYear === null ||
    ownAssessment.components.latestYear <= ownAssessment.components.baselineYear
    ? null
    : { from: ownAssessment.components.baselineYear, to: ownAssessment.components.latestYear };
}

/** The other cities that improved over the window, most improved first (without their actions). */
function rankPeers(
  others: readonly ComparedCity[],
  peerWindow: { from: number; to: number } | null,
  indicator: IndicatorRecord,
  cityImprovement: number | null,
): Array<Omit<PeersResponse['peers'][number], 'actions'>> {
  return others
    .flatMap((c) => {
      if (peerWindow === null) return [];
      const improvement = windowImprovement(
        c.series,
        peerWindow,
        indicator.direction,
        indicator.trendType,
      );
      if (improvement === null) return [];
      return [
        {
          slug: c.slug,
          name: c.name,
          improvement: improvement.improvement,
          from: improvement.from,
          to: improvement.to,
          betterThanCity: cityImprovement === null || improvement.improvement > cityImprovement,
          latest: c.latest,
          status: c.status,
          score: c.score,
          ratio: c.ratio,
        },
      ];
    })
    .sort((a, b) => b.improvement - a.improvement);
}

/** A peer's published actions on the indicator, with their effect on it. */
function peerActions(
  done: ReadonlyArray<{ id: number; citySlug: string; published: unknown }>,
  slug: string,
  indicatorSlug: string,
): PeersResponse['peers'][number]['actions'] {
  return done
    .filter((a) => a.citySlug === slug)
    .map(({ id, published }) => {
      const a = published as Action;
      const e = a.effects.find((x) => x.indicator === indicatorSlug)!;
      return {
        id,
        title: a.title,
        startYear: a.startYear,
        status: a.status,
        effect: e.effect,
        effectYear: e.effectYear,
      };
    });
}

type Member = { id: number; slug: string; name: string; countryCode: string };

/** A member city in a network without any year of data. */
const unscoredCity = (m: Member): NetworkScoresResponse['cities'][number] => ({
  slug: m.slug,
  name: m.name,
  countryCode: m.countryCode,
  hasDrafts: false,
  index: null,
  rank: null,
  missingShare: 1,
  coverage: 0,
  history: [],
  goals: [],
  indicators: [],
});

/** The scored member cities by rank (then name), without their drafts mark. */
function scoredCities(
  scores: NetworkScores,
  members: readonly Member[],
  indicators: readonly IndicatorRecord[],
): Array<Omit<NetworkScoresResponse['cities'][number], 'hasDrafts'>> {
  const memberById = new Map(members.map((m) => [m.id, m]));
  const slugById = new Map(indicators.map((i) => [i.id, i.slug]));
  return scores.cities
    .map((c) => {
      const member = memberById.get(c.cityId)!;
      return {
        slug: member.slug,
        name: member.name,
        countryCode: member.countryCode,
        index: c.index,
        rank: c.rank,
        missingShare: c.missingShare,
        coverage: c.coverage,
        history: c.history,
        goals: c.goals,
        indicators: c.indicators.map((s) => ({
          indicator: slugById.get(s.indicatorId)!,
          year: s.year,
          value: s.value,
          normalised: s.normalised,
          colour: s.colour,
        })),
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));
}

type Titled = { titles: Readonly<Record<string, string | undefined>> };

/** The indicator of the detail page, with the titles of the SDG targets and indicators it measures. */
function indicatorDetail(
  indicator: IndicatorRecord,
  lang: SdgLanguage,
  targetRows: ReadonlyMap<string, Titled>,
  sdgIndicators: ReadonlyMap<string, Titled>,
): IndicatorDetailResponse['indicator'] {
  return {
    slug: indicator.slug,
    name: localName(indicator, lang),
    description: indicator.translations[lang]?.description ?? indicator.description,
    unit: localUnit(indicator, lang),
    decimals: indicator.decimals,
    direction: indicator.direction,
    goal: indicator.goal,
    trendType: indicator.trendType,
    bestBound: indicator.bestBound,
    worstBound: indicator.worstBound,
    thresholds: indicator.thresholds,
    source: indicator.source,
    sdgLinks: indicator.sdgLinks.map((link) => {
      const target = targetRows.get(link.target);
      const title =
        target === undefined
          ? { text: link.target, language: 'en' }
          : pickTranslation(target.titles, lang);
      const sdgIndicator = link.indicator === null ? undefined : sdgIndicators.get(link.indicator);
      return {
        target: link.target,
        targetTitle: title.text,
        indicator: link.indicator,
        indicatorTitle:
          sdgIndicator === undefined ? null : pickTranslation(sdgIndicator.titles, lang).text,
        titleLanguage: title.language,
      };
    }),
  };
}

/** One member city on one indicator as of `year` (latest year when null), without its drafts mark. */
function comparedCity(
  m: Member,
  indicator: IndicatorRecord,
  observations: readonly YearValue[],
  ambition: ShownAmbition | null,
  year: number | null,
): Omit<ComparisonResponse['cities'][number], 'hasDrafts'> {
  const all = observations.filter((p) => year === null || p.year <= year);
  const latest = all[all.length - 1] ?? null;
  const assessment = assess(chartInput(indicator, all, ambition, null));
  const normalised =
    latest === null || indicator.bestBound === null || indicator.worstBound === null
      ? null
      : normalise(latest.value, indicator.bestBound, indicator.worstBound);
  return {
    slug: m.slug,
    name: m.name,
    latest,
    stale: latest !== null && year !== null && latest.year <= year - CURRENT_WINDOW_YEARS,
    normalised,
    colour:
      latest === null
        ? null
        : indicatorColour(toProgressIndicator(indicator), latest.value, normalised),
    status: assessment.status,
    score: assessment.score,
    trend: assessment.trend,
    observedRate: assessment.components.observedRate,
    ratio: assessment.components.ratio,
    ambition,
    series: all.map((p) => ({
      year: p.year,
      value: p.value,
      normalised:
        indicator.bestBound === null || indicator.worstBound === null
          ? null
          : normalise(p.value, indicator.bestBound, indicator.worstBound),
    })),
  };
}

/** A network's ranking, ready to page: the view's head and the cities without their detail. */
interface Ranking {
  head: Omit<NetworkRankingResponse, 'total' | 'cityCount' | 'offset' | 'limit' | 'cities'>;
  table: RankingTable<RankedCity>;
  bytes: number;
}

/**
 * A network's scores without the words: what takes seconds to compute for a
 * national network, computed once per data version and year and shared by
 * every language (only the indicators' names and units differ).
 */
interface ScoresCore {
  year: number | null;
  /** The scored indicators (both bounds and a goal). */
  indicators: IndicatorRecord[];
  goals: NetworkScoresResponse['goals'];
  cities: NetworkScoresResponse['cities'];
  averages: NetworkScoresResponse['averages'];
  bytes: number;
}

/** The scores answer in one language, sharing the core's city rows. */
function scoresInLanguage(
  network: NetworkVersion,
  published: boolean,
  core: ScoresCore,
  lang: SdgLanguage,
): NetworkScoresResponse {
  return {
    network: networkRef(network),
    includesDrafts: !published,
    year: core.year,
    language: lang,
    indicators: core.indicators.map((i) => indicatorRef(i, lang)),
    goals: core.goals,
    cities: core.cities,
    averages: core.averages,
  };
}

function toRanking(
  network: NetworkVersion,
  published: boolean,
  core: ScoresCore,
  lang: SdgLanguage,
): Ranking {
  const cities: RankedCity[] = core.cities.map((c) => ({
    slug: c.slug,
    name: c.name,
    countryCode: c.countryCode,
    hasDrafts: c.hasDrafts,
    index: c.index,
    rank: c.rank,
    missingShare: c.missingShare,
    coverage: c.coverage,
    goals: c.goals.map((g) => ({ goal: g.goal, score: g.score, colour: g.colour, trend: g.trend })),
  }));
  return {
    head: {
      network: networkRef(network),
      includesDrafts: !published,
      year: core.year,
      language: lang,
      goals: core.goals,
      averages: core.averages,
    },
    table: new RankingTable(cities, lang),
    // About what the rows hold: a few hundred bytes per city and goal.
    bytes: 1024 + cities.length * (400 + 120 * core.goals.length),
  };
}

/**
 * Progress, scores, comparisons and peers, computed from the data on request
 * and cached per (network data version, year, language): a write bumps the
 * version in its transaction, so the next read on any server sees it.
 */
export class ProgressService {
  private readonly cityCache: ResultCache<CachedPayload<CityProgressResponse>>;
  private readonly networkCache: ResultCache<CachedPayload<NetworkScoresResponse>>;
  private readonly scoresCoreCache: ResultCache<ScoresCore>;
  private readonly comparisonCache: ResultCache<CachedPayload<ComparisonResponse>>;
  private readonly rankingCache: ResultCache<Ranking>;
  /** Pages of rankings as sent (serialised and compressed once): a national network's page is read most. */
  private readonly rankingPageCache: ResultCache<CachedPayload<NetworkRankingResponse>>;

  /**
   * @param cacheBytes memory for computed results: half for city pages, a quarter for comparisons,
   * an eighth each for network scores answers, their language-free core and rankings, a sixteenth
   * for ranking pages (each cache keeps at least its most recent entry, however large).
   */
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
    cacheBytes = 256 * 1024 * 1024,
  ) {
    this.cityCache = new ResultCache(cacheBytes / 2);
    this.networkCache = new ResultCache(cacheBytes / 8);
    this.scoresCoreCache = new ResultCache(cacheBytes / 8);
    this.comparisonCache = new ResultCache(cacheBytes / 4);
    this.rankingCache = new ResultCache(cacheBytes / 8);
    this.rankingPageCache = new ResultCache(cacheBytes / 16);
  }

  /** What the result caches hold: entries and bytes (for the health page and the benches). */
  cacheUse(): { entries: number; bytes: number } {
    const caches = [
      this.cityCache,
      this.networkCache,
      this.scoresCoreCache,
      this.comparisonCache,
      this.rankingCache,
      this.rankingPageCache,
    ];
    return {
      entries: caches.reduce((n, c) => n + c.size, 0),
      bytes: caches.reduce((n, c) => n + c.bytes, 0),
    };
  }

  /** The calculator: assess one series posted by the client. */
  assess(input: AssessRequest): Assessment {
    const domainInput = {
      direction: input.direction,
      observations: input.observations,
      baseline: input.baseline ?? null,
      target: input.target ?? null,
      trend: input.trend ?? 'auto',
      naturalLimit: input.naturalLimit ?? null,
    };
    const problems = validateAssessmentInput(domainInput);
    if (problems.length > 0) throw validationFailed(problems[0]!.message, problems);
    return toAssessment(assess(domainInput));
  }

  private async requireNetwork(repos: Repositories, slug: string): Promise<NetworkVersion> {
    const network = await repos.progress.networkVersion(slug);
    if (network === undefined) throw notFound(`There is no network "${slug}".`);
    return network;
  }

  /** Every indicator of a city's networks: status, score, action gap, aggregated per goal. */
  async cityProgress(
    principal: Principal,
    citySlug: string,
    query: { year?: number; lang: SdgLanguage },
  ): Promise<CachedPayload<CityProgressResponse>> {
    // A visitor's warm page: the answer itself is remembered until anything changes, so the
    // access facts, versions and key behind it are not gone through again (the route's guard
    // has applied the same policy to the same city before this runs).
    const { memo } = this.uow;
    const visitorKey = principal.signedIn
      ? null
      : `page:city:${citySlug}|${query.year ?? ''}|${query.lang}`;
    if (visitorKey !== null) {
      const page = memo.peek<CachedPayload<CityProgressResponse>>(visitorKey);
      if (page !== undefined) return page;
    }
    const mark = memo.mark;
    const page = await this.cityProgressPage(principal, citySlug, query);
    if (visitorKey !== null) memo.keepSince(mark, visitorKey, page);
    return page;
  }

  private async cityProgressPage(
    principal: Principal,
    citySlug: string,
    query: { year?: number; lang: SdgLanguage },
  ): Promise<CachedPayload<CityProgressResponse>> {
    await this.access.check(this.uow.repos, principal, 'city.read', { city: citySlug });
    const scope = await this.access.scopeOf(principal);
    const found = await this.uow.repos.progress.cityWithNetworks(citySlug);
    if (found === undefined) throw notFound(`There is no city "${citySlug}".`);
    const { city } = found;
    // Only the networks the reader may see; the cache key names them.
    const networks = found.networks.filter(
      (n) => canRead(scope, n.id) || principal.canEditCity(city.id),
    );
    // Members see drafts, others the approved values: a separate cache entry each.
    const drafts = new Set(networks.filter((n) => seesDrafts(scope, n.id)).map((n) => n.id));
    // The latest year of the networks (what the page is computed for unless one is asked for)
    // is in the key: another city reporting a later year changes this city's page.
    let latest: number | null = null;
    for (const n of networks) {
      const y = drafts.has(n.id) ? n.latestDraftYear : n.latestPublishedYear;
      if (y !== null && (latest === null || y > latest)) latest = y;
    }
    const year = query.year ?? latest;
    const key = `${city.id}.${city.version}|${networks.map((n) => (drafts.has(n.id) ? `${n.id}.${n.dataVersion}d` : `${n.id}.${n.publishedVersion}p`)).join(',')}|${year ?? 'none'}|${query.lang}`;
    return this.cityCache.getOrCompute(
      key,
      async () =>
        new CachedPayload(
          await this.computeCityProgress(city, networks, drafts, year, query.lang),
          `city|${key}`,
        ),
    );
  }

  private async computeCityProgress(
    city: { id: number; slug: string; name: string; countryCode: string },
    networks: NetworkVersion[],
    drafts: ReadonlySet<number>,
    year: number | null,
    lang: SdgLanguage,
  ): Promise<CityProgressResponse> {
    const { indicators, series, draftYears, ambitions } = await this.cityProgressInputs(
      city.id,
      networks,
      drafts,
    );
    const progress = computeCityProgress({
      year: year ?? new Date().getUTCFullYear(),
      indicators: indicators.map(toProgressIndicator),
      observations: series,
      ambitions,
    });
    const bySlug = new Map(indicators.map((i) => [i.id, i]));
    // Members see the plan's working copy, everyone else its approved copy.
    const effects = groupEffects(
      await this.uow.repos.actions.effectPoints(city.id, drafts.size === 0),
    );
    const layers = new Map(
      progress.indicators.map((p) => [
        p.indicatorId,
        actionLayer(
          p.assessment,
          ambitions.get(p.indicatorId) ?? null,
          bySlug.get(p.indicatorId)!,
          effects.get(p.indicatorId) ?? [],
        ),
      ]),
    );
    const context: CityPageContext = { bySlug, series, ambitions, effects, layers, year, lang };
    const slugOf = (id: number): string => bySlug.get(id)!.slug;
    return {
      city: { slug: city.slug, name: city.name, countryCode: city.countryCode },
      year,
      language: lang,
      networks: networks.map(networkRef),
      summary: {
        indicatorCount: progress.indicatorCount,
        currentCount: progress.currentCount,
        coverage: progress.coverage,
        meanScore: progress.meanScore,
        statusCounts: progress.statusCounts,
      },
      goals: progress.goals,
      indicators: progress.indicators.map((p) => indicatorRow(p, context)),
      largestGaps: progress.largestGaps.map(slugOf),
      ...planOf(progress.indicators, layers, slugOf, effects),
      gapCharts: gapChartsOf(progress, context),
      strongestImprovements: progress.strongestImprovements.map(slugOf),
      drafts: draftYears,
    };
  }

  /**
   * What the city page is computed from: the networks' indicators, the
   * city's series (drafts in the networks whose drafts the reader sees),
   * its draft years and the ambitions the reader may see.
   */
  private async cityProgressInputs(
    cityId: number,
    networks: NetworkVersion[],
    drafts: ReadonlySet<number>,
  ): Promise<{
    indicators: IndicatorRecord[];
    series: Map<number, YearValue[]>;
    draftYears: CityProgressResponse['drafts'];
    ambitions: Map<number, ShownAmbition>;
  }> {
    const { repos } = this.uow;
    const networkIds = networks.map((n) => n.id);
    const draftIds = networkIds.filter((id) => drafts.has(id));
    const publishedIds = networkIds.filter((id) => !drafts.has(id));
    const indicators = (
      await Promise.all(networkIds.map((id) => repos.indicators.listForNetwork(id)))
    ).flat();
    const points = await repos.progress.cityPoints(cityId, draftIds, publishedIds);
    const slugOfNetwork = new Map(networks.map((n) => [n.id, n.slug]));
    const draftYears = (await repos.progress.draftYears(cityId, draftIds)).map((d) => ({
      network: slugOfNetwork.get(d.networkId)!,
      year: d.year,
      state: d.state,
      values: d.values,
    }));
    const series = groupSeries(points).get(cityId) ?? new Map<number, YearValue[]>();
    // Members see the working ambitions of their networks, everyone else the approved ones.
    const ambitions = new Map(
      [
        ...(draftIds.length === 0
          ? []
          : await repos.progress.ambitions({ cityId, networkIds: draftIds })),
        ...(publishedIds.length === 0
          ? []
          : await repos.progress.ambitions({ cityId, networkIds: publishedIds }, true)),
      ].map((a) => [a.indicatorId, toAmbitionPoint(a)]),
    );
    return { indicators, series, draftYears, ambitions };
  }

  /**
   * One page of the network's ranking (search, country, sort), from the same
   * cached scores as the whole view: what a national network's page shows
   * without sending 3,000 cities' detail.
   */
  async networkRanking(
    principal: Principal,
    networkSlug: string,
    query: { year?: number; lang: SdgLanguage; drafts?: boolean | undefined } & RankingPageQuery,
  ): Promise<CachedPayload<NetworkRankingResponse>> {
    const {
      network,
      published,
      key: scoresKey,
    } = await this.scoresOf(principal, networkSlug, query);
    const { q, country, sort, goal, offset, limit } = query;
    const rankingKey = `${scoresKey}|${query.lang}`;
    const key = `${rankingKey}|${JSON.stringify([q, country, sort, goal, offset, limit])}`;
    return this.rankingPageCache.getOrCompute(key, async () => {
      const ranking = await this.rankingCache.getOrCompute(rankingKey, async () =>
        toRanking(
          network,
          published,
          await this.scoresCore(network, published, query, scoresKey),
          query.lang,
        ),
      );
      const page = ranking.table.page(query);
      return new CachedPayload(
        {
          ...ranking.head,
          total: page.total,
          cityCount: ranking.table.rows.length,
          offset: page.offset,
          limit: page.limit,
          cities: page.rows,
        },
        `ranking|${key}`,
      );
    });
  }

  /** Normalised scores, goal scores and colours, index, ranks and trend arrows for every member city. */
  async networkScores(
    principal: Principal,
    networkSlug: string,
    query: { year?: number; lang: SdgLanguage; drafts?: boolean | undefined },
  ): Promise<CachedPayload<NetworkScoresResponse>> {
    const {
      network,
      published,
      key: scoresKey,
    } = await this.scoresOf(principal, networkSlug, query);
    const key = `${scoresKey}|${query.lang}`;
    return this.networkCache.getOrCompute(
      key,
      async () =>
        new CachedPayload(
          scoresInLanguage(
            network,
            published,
            await this.scoresCore(network, published, query, scoresKey),
            query.lang,
          ),
          `scores|${key}`,
        ),
    );
  }

  /**
   * The access check, the network and which copy the reader sees, and the key
   * of its scores: the network's data version (approved or working), the year.
   */
  private async scoresOf(
    principal: Principal,
    networkSlug: string,
    query: { year?: number; drafts?: boolean | undefined },
  ): Promise<{ network: NetworkVersion; published: boolean; key: string }> {
    await this.access.check(this.uow.repos, principal, 'network.read', { network: networkSlug });
    const network = await this.requireNetwork(this.uow.repos, networkSlug);
    // Approved values unless a member asks for drafts: nobody ranks on data just returned unawares.
    const published =
      query.drafts !== true || !seesDrafts(await this.access.scopeOf(principal), network.id);
    const key = `${network.id}.${published ? `${network.publishedVersion}p` : `${network.dataVersion}d`}|${query.year ?? 'latest'}`;
    return { network, published, key };
  }

  private scoresCore(
    network: NetworkVersion,
    published: boolean,
    query: { year?: number },
    key: string,
  ): Promise<ScoresCore> {
    return this.scoresCoreCache.getOrCompute(key, () =>
      this.computeScoresCore(network, published, query),
    );
  }

  private async computeScoresCore(
    network: NetworkVersion,
    published: boolean,
    query: { year?: number },
  ): Promise<ScoresCore> {
    const { repos } = this.uow;
    const year = query.year ?? (await latestYearOf(repos, network.id, published));
    const indicators = await repos.indicators.listForNetwork(network.id);
    const members = await repos.networks.listMembersWithIds(network.id);
    const scoredIndicators = indicators.filter(
      (i) => i.bestBound !== null && i.worstBound !== null && i.goal !== null,
    );
    if (year === null) {
      return {
        year: null,
        indicators: scoredIndicators,
        goals: [],
        cities: members.map(unscoredCity),
        averages: { index: null, goals: [] },
        bytes: 1024 + members.length * 256,
      };
    }
    // Only the years the scores and their trend window read (a national network holds 15),
    // straight into a dense cube: no object per value.
    const from = earliestYearUsed(year);
    const cityIds = members.map((m) => m.id);
    const cube = new PointCube(
      cityIds,
      indicators.map((i) => i.id),
      from,
      year,
    );
    await repos.progress.networkPoints(network.id, published, { from, to: year }, cube.set);
    const scores = computeNetworkScores({
      year,
      cityIds,
      indicators: indicators.map(toProgressIndicator),
      points: cube,
    });
    const cities = scoredCities(scores, members, indicators);
    const withDrafts = published ? new Set<string>() : await repos.progress.draftCities(network.id);
    return {
      year,
      indicators: scoredIndicators,
      goals: scores.goalAverages.map((g) => g.goal),
      cities: cities.map((c) => ({ ...c, hasDrafts: withDrafts.has(c.slug) })),
      averages: { index: scores.indexAverage, goals: scores.goalAverages },
      // The rows as objects: about 100 bytes per indicator score, 200 per goal, 1 KiB per city.
      bytes: cities.reduce(
        (sum, c) => sum + 1024 + c.indicators.length * 100 + c.goals.length * 200,
        1024,
      ),
    };
  }

  /** One indicator across the network's cities: latest value, score, status, rate, ambition, series. */
  async comparison(
    principal: Principal,
    networkSlug: string,
    indicatorSlug: string,
    query: { year?: number; lang: SdgLanguage; drafts?: boolean | undefined },
  ): Promise<CachedPayload<ComparisonResponse>> {
    await this.access.check(this.uow.repos, principal, 'network.read', {
      network: networkSlug,
      indicator: indicatorSlug,
    });
    const network = await this.requireNetwork(this.uow.repos, networkSlug);
    const published =
      query.drafts !== true || !seesDrafts(await this.access.scopeOf(principal), network.id);
    const key = `${network.id}.${published ? `${network.publishedVersion}p` : `${network.dataVersion}d`}|${indicatorSlug}|${query.year ?? 'latest'}|${query.lang}`;
    return this.comparisonCache.getOrCompute(
      key,
      async () =>
        new CachedPayload(
          await this.computeComparison(network, indicatorSlug, published, query),
          `comparison|${key}`,
        ),
    );
  }

  private async computeComparison(
    network: NetworkVersion,
    indicatorSlug: string,
    published: boolean,
    query: { year?: number; lang: SdgLanguage },
  ): Promise<ComparisonResponse> {
    const { repos } = this.uow;
    {
      const indicator = await repos.indicators.findBySlug(indicatorSlug);
      if (indicator === undefined || indicator.networkId !== network.id) {
        throw notFound(`The network "${network.slug}" has no indicator "${indicatorSlug}".`);
      }
      const year = query.year ?? (await latestYearOf(repos, network.id, published));
      const members = await repos.networks.listMembersWithIds(network.id);
      const series = groupSeries(await repos.progress.indicatorPoints(indicator.id, published));
      const ambitions = new Map(
        (await repos.progress.ambitions({ indicatorId: indicator.id }, published)).map((a) => [
          a.cityId,
          toAmbitionPoint(a),
        ]),
      );
      const cities = members.map((m) =>
        comparedCity(
          m,
          indicator,
          series.get(m.id)?.get(indicator.id) ?? [],
          ambitions.get(m.id) ?? null,
          year,
        ),
      );
      const withDrafts = published
        ? new Set<string>()
        : await repos.progress.draftCities(network.id);
      return {
        network: networkRef(network),
        includesDrafts: !published,
        year,
        indicator: indicatorRef(indicator, query.lang),
        cities: cities.map((c) => ({ ...c, hasDrafts: withDrafts.has(c.slug) })),
      };
    }
  }

  /** One indicator of a city in full: its progress, the action-gap chart, the SDG targets it measures. */
  async indicatorProgress(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    query: { year?: number; lang: SdgLanguage },
  ): Promise<IndicatorDetailResponse> {
    await this.access.check(this.uow.repos, principal, 'data.read', {
      city: citySlug,
      indicator: indicatorSlug,
    });
    const progress = (await this.cityProgress(principal, citySlug, query)).body;
    const row = progress.indicators.find((i) => i.slug === indicatorSlug);
    if (row === undefined) {
      throw notFound(`${progress.city.name} does not report an indicator "${indicatorSlug}".`);
    }
    const { repos } = this.uow;
    const indicator = (await repos.indicators.findBySlug(indicatorSlug))!;
    const network = progress.networks.find((n) => n.slug === indicator.networkSlug)!;
    const targets = [...new Set(indicator.sdgLinks.map((l) => l.target))];
    const targetRows = new Map(
      (await Promise.all(targets.map((t) => repos.sdg.findTarget(t)))).flatMap((t) =>
        t === undefined ? [] : [[t.code, t]],
      ),
    );
    const sdgIndicators = new Map(
      (await repos.sdg.listIndicatorsOfTargets(targets)).map((i) => [i.code, i]),
    );
    const rowAssessment = {
      status: row.status,
      score: row.score,
      trend: row.trend,
      components: row.components,
      actionGap: row.actionGap,
      notes: row.notes,
    };
    const counted = new Set(row.actionGap?.withActions?.counted ?? []);
    const chart = withActionsChart(
      actionGapChart(chartInput(indicator, row.series, row.ambition, progress.year), rowAssessment),
      rowAssessment,
      row.ambition,
      // The effects behind the row's layer: read again only when some count.
      counted.size === 0 ? [] : await this.effectsOf(principal, citySlug, indicator.id),
    );
    return {
      city: { slug: progress.city.slug, name: progress.city.name },
      network,
      year: progress.year,
      language: query.lang,
      indicator: indicatorDetail(indicator, query.lang, targetRows, sdgIndicators),
      progress: row,
      chart,
    };
  }

  /** One indicator's planned effects as the principal sees the plan (members: the working copy). */
  private async effectsOf(
    principal: Principal,
    citySlug: string,
    indicatorId: number,
  ): Promise<EffectPoint[]> {
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const scope = await this.access.scopeOf(principal);
    const working = (await repos.progress.cityNetworks(city.id)).some((n) =>
      seesDrafts(scope, n.id),
    );
    return (await repos.actions.effectPoints(city.id, !working)).filter(
      (e) => e.indicatorId === indicatorId,
    );
  }

  /**
   * Partner cities that progressed most on an indicator over the city's own
   * window (its baseline year to its latest year): the ones to learn from.
   */
  async peers(
    principal: Principal,
    citySlug: string,
    query: { indicator: string; limit?: number; lang: SdgLanguage },
  ): Promise<PeersResponse> {
    await this.access.check(this.uow.repos, principal, 'data.read', {
      city: citySlug,
      indicator: query.indicator,
    });
    const scope = await this.access.scopeOf(principal);
    const comparison = await this.uow.repos.indicators.findBySlug(query.indicator);
    if (comparison === undefined || !canRead(scope, comparison.networkId))
      throw notFound(`There is no indicator "${query.indicator}".`);
    const networkSlug = comparison.networkSlug;
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const member = await repos.networks.findMember(comparison.networkId, city.id);
    if (member === undefined) {
      throw notFound(
        `${city.name} does not report "${comparison.slug}" (it is not a member of "${networkSlug}").`,
      );
    }
    const data = (
      await this.comparison(principal, networkSlug, comparison.slug, {
        lang: query.lang,
        // Members see their peers as on the city page: drafts included.
        drafts: true,
      })
    ).body;
    const own = data.cities.find((c) => c.slug === city.slug);
    const window = ownWindow(comparison, own);
    const cityImprovement =
      window === null
        ? null
        : (windowImprovement(own?.series ?? [], window, comparison.direction, comparison.trendType)
            ?.improvement ?? null);
    const peerWindow =
      window ?? (data.year === null ? null : { from: data.year - 10, to: data.year });
    const peers = rankPeers(
      data.cities.filter((c) => c.slug !== city.slug),
      peerWindow,
      comparison,
      cityImprovement,
    ).slice(0, query.limit ?? 5);
    const done = await repos.actions.publishedForIndicator(
      comparison.slug,
      peers.map((p) => p.slug),
    );
    return {
      city: city.slug,
      indicator: data.indicator,
      window,
      cityImprovement,
      peers: peers.map((p) => ({ ...p, actions: peerActions(done, p.slug, comparison.slug) })),
    };
  }
}
