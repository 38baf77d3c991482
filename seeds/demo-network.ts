import { assess } from '../server/src/domain/progress';
import { seedDemoActions } from './demo-actions';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { Principal } from '../server/src/auth/principal';
import type { Database } from '../server/src/db/database';
import { AuditRepository } from '../server/src/repositories/audit.repository';
import {
  BulkLoadRepository,
  type NewAmbitionRow,
  type NewObservationRow,
} from '../server/src/repositories/bulk-load.repository';
import { ReviewRepository } from '../server/src/repositories/review.repository';
import { ReadMemo } from '../server/src/db/read-memo';
import { UnitOfWork } from '../server/src/repositories/unit-of-work';
import { AccessService } from '../server/src/services/access.service';
import { ImportService } from '../server/src/services/import.service';
import { DEMO_INDICATORS, type DemoIndicator } from './demo-indicators';
import { DEMO_EUROSTAT_FILES, DEMO_REAL_INDICATORS } from './demo-real-indicators';

/**
 * The demo network: the real partner cities of URBACT's "Cities for
 * Sustainability Governance" with REAL figures where Eurostat's City
 * statistics have them (demo-real-indicators.ts, imported through the
 * application's own Eurostat import) and SYNTHETIC figures for every other
 * indicator, which is marked synthetic. Synthetic values are generated
 * deterministically from a seeded random generator, so every installation
 * shows the same numbers and tests can rely on their shape (never on exact
 * values); they are not the cities' own and must never be presented as such.
 */

export const DEMO_NETWORK = {
  slug: 'cities-sustainability-governance-demo',
  name: 'Cities for Sustainability Governance (demo)',
  description:
    'Demonstration network with the partner cities of the URBACT network "Cities for Sustainability Governance". ' +
    'Indicators marked "Eurostat" show real figures from Eurostat\u2019s City statistics for the cities it covers; ' +
    'all other indicators are synthetic, generated for demonstration: they are not the cities\u2019 own data.',
  dataKind: 'mixed',
  citation:
    'Eurostat, City statistics (Urban Audit): datasets urb_percep, urb_ctran and urb_cenv, reshaped for this demo ' +
    '(the partner cities\u2019 lines; city codes of the transport download set from city names). Other indicators: synthetic demo values.',
} as const;

const EUROSTAT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'eurostat');

export interface DemoCity {
  slug: string;
  name: string;
  countryCode: string;
  population: number;
  latitude: number;
  longitude: number;
  role: 'lead_partner' | 'partner';
  /** How well the city does overall, from -1 (behind) to 1 (ahead); shapes its synthetic values. */
  performance: number;
  /** Share of series with no data at all (smaller administrations report less). */
  missingShare: number;
  /** Eurostat Urban Audit code, for the cities Eurostat's City statistics cover. */
  urbanAudit?: string;
}

export const DEMO_CITIES: readonly DemoCity[] = [
  {
    slug: 'espoo',
    name: 'Espoo',
    countryCode: 'FI',
    population: 314_000,
    latitude: 60.2055,
    longitude: 24.6559,
    role: 'lead_partner',
    performance: 0.6,
    missingShare: 0.02,
    urbanAudit: 'FI005C',
  },
  {
    slug: 'braga',
    name: 'Braga',
    countryCode: 'PT',
    population: 193_000,
    latitude: 41.5454,
    longitude: -8.4265,
    role: 'partner',
    performance: 0.1,
    missingShare: 0.05,
    urbanAudit: 'PT003C',
  },
  {
    slug: 'gabrovo',
    name: 'Gabrovo',
    countryCode: 'BG',
    population: 51_000,
    latitude: 42.8742,
    longitude: 25.3187,
    role: 'partner',
    performance: -0.5,
    missingShare: 0.12,
  },
  {
    slug: 'kosice',
    name: 'Košice',
    countryCode: 'SK',
    population: 229_000,
    latitude: 48.7164,
    longitude: 21.2611,
    role: 'partner',
    performance: -0.2,
    missingShare: 0.06,
    urbanAudit: 'SK002C',
  },
  {
    slug: 'tallinn',
    name: 'Tallinn',
    countryCode: 'EE',
    population: 457_000,
    latitude: 59.437,
    longitude: 24.7536,
    role: 'partner',
    performance: 0.4,
    missingShare: 0.03,
    urbanAudit: 'EE001C',
  },
  {
    slug: 'valencia',
    name: 'València',
    countryCode: 'ES',
    population: 807_000,
    latitude: 39.4699,
    longitude: -0.3763,
    role: 'partner',
    performance: 0.2,
    missingShare: 0.04,
    urbanAudit: 'ES003C',
  },
  {
    slug: 'jablonec-nad-nisou',
    name: 'Jablonec nad Nisou',
    countryCode: 'CZ',
    population: 46_000,
    latitude: 50.7243,
    longitude: 15.1711,
    role: 'partner',
    performance: -0.1,
    missingShare: 0.14,
  },
  {
    slug: 'agios-dimitrios',
    name: 'Agios Dimitrios',
    countryCode: 'GR',
    population: 71_000,
    latitude: 37.9333,
    longitude: 23.7333,
    role: 'partner',
    performance: -0.4,
    missingShare: 0.15,
  },
  {
    slug: 'mannheim',
    name: 'Mannheim',
    countryCode: 'DE',
    population: 315_000,
    latitude: 49.4875,
    longitude: 8.466,
    role: 'partner',
    performance: 0.5,
    missingShare: 0.02,
    urbanAudit: 'DE081C',
  },
];

export const DEMO_FIRST_YEAR = 2015;
export const DEMO_LAST_YEAR = 2025;

/** FNV-1a: a stable 32-bit hash of a string, the seed of each series. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, deterministic PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Standard normal deviate (Box–Muller) from a uniform generator. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function clamp(value: number, min: number | null, max: number | null): number {
  let v = value;
  if (min !== null && v < min) v = min;
  if (max !== null && v > max) v = max;
  return v;
}

/** How a series moves, as a multiple of the indicator's typical desirable change. */
interface Profile {
  name: string;
  pace: (random: () => number) => number;
  /** Year after which the direction reverses (for "reversal"), else null. */
  reverseAfter: number | null;
}

const PROFILES: ReadonlyArray<readonly [number, Profile]> = [
  [0.22, { name: 'fast', pace: (r) => 1.6 + r() * 1.2, reverseAfter: null }],
  [0.26, { name: 'on-pace', pace: (r) => 0.8 + r() * 0.5, reverseAfter: null }],
  [0.2, { name: 'slow', pace: (r) => 0.15 + r() * 0.45, reverseAfter: null }],
  [0.1, { name: 'flat', pace: (r) => (r() - 0.5) * 0.1, reverseAfter: null }],
  [0.16, { name: 'worsening', pace: (r) => -(0.3 + r() * 0.8), reverseAfter: null }],
  [0.06, { name: 'reversal', pace: (r) => 1 + r() * 0.6, reverseAfter: 2020 }],
];

function pickProfile(random: () => number, performance: number): Profile {
  // Better-performing cities draw from the improving end more often.
  let x = random() - performance * 0.15;
  x = Math.min(Math.max(x, 0), 0.999_999);
  for (const [weight, profile] of PROFILES) {
    if (x < weight) return profile;
    x -= weight;
  }
  return PROFILES[PROFILES.length - 1]![1];
}

export interface DemoSeries {
  city: string;
  indicator: string;
  profile: string;
  values: Array<{ year: number; value: number }>;
  ambition: {
    baselineYear: number;
    baselineValue: number;
    targetYear: number;
    targetValue: number;
  } | null;
}

/** Generates one city's synthetic series for one indicator (deterministic). */
export function generateSeries(city: DemoCity, indicator: DemoIndicator): DemoSeries {
  const random = mulberry32(hash(`${city.slug}|${indicator.slug}`));
  const empty: DemoSeries = {
    city: city.slug,
    indicator: indicator.slug,
    profile: 'none',
    values: [],
    ambition: null,
  };
  if (random() < city.missingShare) return empty;

  const d = indicator.direction === 'increase' ? 1 : -1;
  const [low, high] = indicator.generate.start;
  // Place the city in the start range according to its performance, with individual scatter.
  const position = Math.min(
    Math.max(0.5 + d * city.performance * 0.3 + (random() - 0.5) * 0.6, 0),
    1,
  );
  const start = low + (high - low) * position;
  const profile = pickProfile(random, city.performance);
  const pace = profile.pace(random);
  const linear = indicator.trendType === 'linear';
  const change = indicator.generate.annualChange;

  const firstYear =
    random() < 0.1 ? DEMO_FIRST_YEAR + 2 + Math.floor(random() * 2) : DEMO_FIRST_YEAR;
  const lastYear = random() < 0.25 ? DEMO_LAST_YEAR - 1 : DEMO_LAST_YEAR;
  const values: Array<{ year: number; value: number }> = [];
  let level = start;
  for (let year = DEMO_FIRST_YEAR; year <= lastYear; year++) {
    if (year > DEMO_FIRST_YEAR) {
      const reversed = profile.reverseAfter !== null && year > profile.reverseAfter;
      const step = (reversed ? -pace * 1.4 : pace) * d * change;
      level = linear ? level + step : level * (1 + step);
    }
    if (year < firstYear) continue;
    // Gaps: a year now and then is not reported (never the first or the last one).
    if (year !== firstYear && year !== lastYear && random() < 0.07) continue;
    const noisy = linear
      ? level + normal(random) * indicator.generate.noise * Math.abs(start)
      : level * (1 + normal(random) * indicator.generate.noise);
    values.push({
      year,
      value: round(clamp(noisy, indicator.allowedMin, indicator.allowedMax), indicator.decimals),
    });
  }

  let ambition: DemoSeries['ambition'] = null;
  const first = values[0];
  if (indicator.ambition !== null && first !== undefined && random() < 0.88) {
    const targetYear = random() < 0.8 ? 2030 : random() < 0.5 ? 2035 : 2028;
    let targetValue =
      indicator.ambition.kind === 'absolute'
        ? indicator.ambition.value
        : first.value * (1 + d * indicator.ambition.value);
    targetValue = clamp(targetValue, indicator.allowedMin, indicator.allowedMax);
    // A target never aims past the best bound: that is the network's "fully achieved".
    targetValue =
      d > 0
        ? Math.min(targetValue, indicator.bestBound)
        : Math.max(targetValue, indicator.bestBound);
    ambition = {
      baselineYear: first.year,
      baselineValue: first.value,
      targetYear,
      targetValue: round(targetValue, indicator.decimals),
    };
  }
  return { city: city.slug, indicator: indicator.slug, profile: profile.name, values, ambition };
}

/** Every series of the demo network. */
export function generateDemoData(): DemoSeries[] {
  const series: DemoSeries[] = [];
  for (const city of DEMO_CITIES) {
    for (const indicator of DEMO_INDICATORS) series.push(generateSeries(city, indicator));
  }
  return series;
}

export interface DemoSeedCounts {
  cities: number;
  indicators: number;
  observations: number;
  ambitions: number;
}

/**
 * Review states of the demo: every year approved (so visitors see the
 * figures), except the last year of two cities, to show the workflow:
 * Košice's is still a draft (only members see it), Valencia's waits in the
 * coordinators' queue.
 */
export const DEMO_REVIEWS = {
  draft: { city: 'kosice', year: DEMO_LAST_YEAR },
  submitted: { city: 'valencia', year: DEMO_LAST_YEAR },
} as const;

async function seedReviews(trx: Knex.Transaction, networkId: number): Promise<void> {
  const reviews = new ReviewRepository(trx);
  await reviews.approveAll(networkId, 'system');
  for (const [state, { city, year }] of Object.entries(DEMO_REVIEWS)) {
    const cityId = await new BulkLoadRepository(trx).cityId(city);
    if (cityId === undefined) continue;
    await reviews.update(networkId, cityId, year, {
      state: state as 'draft' | 'submitted',
      approved_at: null,
      decided_at: null,
      decided_by: null,
      ...(state === 'submitted'
        ? { submitted_at: new Date(), submitted_by: 'valencia@demo.example' }
        : {}),
    });
    await reviews.unpublish(networkId, cityId, year);
  }
}

/** Every indicator of the demo network: the synthetic ones and the real (Eurostat) ones. */
export const DEMO_ALL_INDICATORS: ReadonlyArray<
  Omit<DemoIndicator, 'generate'> & { eurostat?: string }
> = [...DEMO_INDICATORS, ...DEMO_REAL_INDICATORS];

/**
 * Writes the demo network in one transaction: cities (with their Urban
 * Audit codes), the catalogue, synthetic values for the synthetic
 * indicators, the real Eurostat files through the application's import, and
 * illustrative ambitions. Cities that already exist (by slug) are reused;
 * the network itself must not exist yet.
 */
export async function seedDemoNetwork(
  db: Pick<Database, 'knex' | 'kind'>,
): Promise<DemoSeedCounts> {
  const data = generateDemoData();
  return BulkLoadRepository.inTransaction(db.knex, async (bulk, trx) => {
    const network = await bulk.insertNetwork({
      slug: DEMO_NETWORK.slug,
      name: DEMO_NETWORK.name,
      description: DEMO_NETWORK.description,
      data_kind: DEMO_NETWORK.dataKind,
      citation: DEMO_NETWORK.citation,
      is_public: true,
    });

    const cityIds = new Map<string, number>();
    for (const city of DEMO_CITIES) {
      const id = await bulk.upsertCity({
        slug: city.slug,
        name: city.name,
        country_code: city.countryCode,
        population: city.population,
        latitude: city.latitude,
        longitude: city.longitude,
      });
      cityIds.set(city.slug, id);
      if (city.urbanAudit !== undefined) await bulk.addCityCode(id, 'urban-audit', city.urbanAudit);
    }
    await bulk.addMembers(
      network.id,
      DEMO_CITIES.map((c) => ({ cityId: cityIds.get(c.slug)!, role: c.role })),
    );

    const indicatorIds = new Map<string, number>();
    const ordered = [...DEMO_ALL_INDICATORS].sort((a, b) => a.goal - b.goal);
    for (const [index, ind] of ordered.entries()) {
      const real = ind.eurostat !== undefined;
      const row = await bulk.insertIndicator(
        {
          network_id: network.id,
          slug: ind.slug,
          name: ind.name,
          description: ind.description,
          unit: ind.unit,
          direction: ind.direction,
          decimals: ind.decimals,
          trend_type: ind.trendType,
          best_bound: ind.bestBound,
          worst_bound: ind.worstBound,
          green_threshold: ind.thresholds.green,
          yellow_threshold: ind.thresholds.yellow,
          orange_threshold: ind.thresholds.orange,
          allowed_min: ind.allowedMin,
          allowed_max: ind.allowedMax,
          source: ind.source,
          translations: ind.translations,
          codes: ind.eurostat === undefined ? {} : { eurostat: ind.eurostat },
          natural_limit: ind.allowedMax === 100 && ind.direction === 'increase' ? 100 : null,
          synthetic: !real,
          sort_order: ind.goal * 100 + index,
        },
        ind.sdg,
      );
      indicatorIds.set(ind.slug, row.id);
    }

    const observations: NewObservationRow[] = [];
    const ambitions: NewAmbitionRow[] = [];
    for (const s of data) {
      const cityId = cityIds.get(s.city)!;
      const indicatorId = indicatorIds.get(s.indicator)!;
      for (const v of s.values) {
        observations.push({
          city_id: cityId,
          indicator_id: indicatorId,
          year: v.year,
          value: v.value,
          status: v.year === DEMO_LAST_YEAR ? 'provisional' : 'final',
          source: 'Synthetic demo data',
        });
      }
      if (s.ambition !== null) {
        ambitions.push({
          city_id: cityId,
          indicator_id: indicatorId,
          baseline_year: s.ambition.baselineYear,
          baseline_value: s.ambition.baselineValue,
          target_year: s.ambition.targetYear,
          target_value: s.ambition.targetValue,
          note: 'Synthetic demo ambition',
        });
      }
    }
    await bulk.insertObservations(observations);
    const real = await importEurostatFiles(trx, db.kind);
    ambitions.push(...(await realAmbitions(bulk, network.id)));
    await bulk.insertAmbitions(ambitions);
    await seedReviews(trx, network.id);
    const plans = await seedDemoActions(
      trx,
      network.id,
      DEMO_CITIES.map((c) => ({ slug: c.slug, id: cityIds.get(c.slug)! })),
      indicatorIds,
      gapShares(data, cityIds, indicatorIds),
    );
    await new AuditRepository(trx).record({
      actor: { userId: null, label: 'system' },
      action: 'network.seeded',
      entityType: 'network',
      entityKey: DEMO_NETWORK.slug,
      networkId: network.id,
      after: {
        cities: DEMO_CITIES.length,
        indicators: DEMO_ALL_INDICATORS.length,
        syntheticObservations: observations.length,
        eurostatObservations: real,
        actions: plans.actions,
        goodPractices: plans.goodPractices,
      },
      comment:
        'Demo network: Eurostat figures where Eurostat has them, synthetic figures (and action plans) elsewhere',
    });
    return {
      cities: DEMO_CITIES.length,
      indicators: DEMO_ALL_INDICATORS.length,
      observations: observations.length + real,
      ambitions: ambitions.length,
    };
  });
}

/** Each synthetic series' action gap as a share of its ambition ("cityId/indicatorId" → share), for choosing demo actions. */
function gapShares(
  data: readonly DemoSeries[],
  cityIds: ReadonlyMap<string, number>,
  indicatorIds: ReadonlyMap<string, number>,
): Map<string, number> {
  const bySlug = new Map(DEMO_ALL_INDICATORS.map((i) => [i.slug, i]));
  const shares = new Map<string, number>();
  for (const s of data) {
    const indicator = bySlug.get(s.indicator);
    if (s.ambition === null || indicator === undefined) continue;
    const assessment = assess({
      direction: indicator.direction,
      observations: s.values,
      baseline: { year: s.ambition.baselineYear, value: s.ambition.baselineValue },
      target: { year: s.ambition.targetYear, value: s.ambition.targetValue },
      trend: indicator.trendType,
    });
    shares.set(
      `${cityIds.get(s.city)}/${indicatorIds.get(s.indicator)}`,
      assessment.actionGap?.gapShare ?? 0,
    );
  }
  return shares;
}

/**
 * Imports the shipped Eurostat files into the demo network with the
 * application's own Eurostat import, inside the seed's transaction. Returns
 * the number of values stored.
 */
async function importEurostatFiles(trx: Knex.Transaction, kind: Database['kind']): Promise<number> {
  // Inside the seed's transaction: nothing read here may be remembered (an unkept memo).
  const uow = new UnitOfWork({
    knex: trx,
    kind,
    pglite: null,
    memo: new ReadMemo(false),
    close: async () => undefined,
  });
  const imports = new ImportService(uow, new AccessService(uow));
  let stored = 0;
  for (const { file, dataset } of DEMO_EUROSTAT_FILES) {
    const report = await imports.runWithin(
      uow.repos,
      Principal.system,
      () => fs.createReadStream(path.join(EUROSTAT_DIR, file)),
      { network: DEMO_NETWORK.slug, fileName: file, ...(dataset === undefined ? {} : { dataset }) },
    );
    stored += report.toInsert;
  }
  return stored;
}

/**
 * Illustrative ambitions for the real indicators, marked as such: from the
 * city's first value of 2015 or later (else its last before) to 2030.
 */
async function realAmbitions(
  bulk: BulkLoadRepository,
  networkId: number,
): Promise<NewAmbitionRow[]> {
  const rows = await bulk.realHeadlineValues(networkId);
  const byPair = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.cityId}:${r.indicatorId}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  const ambitions: NewAmbitionRow[] = [];
  for (const values of byPair.values()) {
    const indicator = DEMO_REAL_INDICATORS.find((i) => i.slug === values[0]!.slug);
    if (indicator === undefined || indicator.ambition === null || values.length < 2) continue;
    const base = values.find((v) => v.year >= DEMO_FIRST_YEAR) ?? values[values.length - 1]!;
    if (base.year >= 2030) continue;
    const up = indicator.direction === 'increase' ? 1 : -1;
    const { kind, value } = indicator.ambition;
    let target = kind === 'absolute' ? value : base.value * (1 + up * value);
    if (indicator.allowedMax !== null) target = Math.min(target, indicator.allowedMax);
    if (indicator.allowedMin !== null) target = Math.max(target, indicator.allowedMin);
    target = round(target, indicator.decimals);
    if (target === base.value) continue;
    ambitions.push({
      city_id: base.cityId,
      indicator_id: base.indicatorId,
      baseline_year: base.year,
      baseline_value: base.value,
      target_year: 2030,
      target_value: target,
      note: 'Illustrative demo ambition (the values are Eurostat’s, the ambition is not the city’s)',
    });
  }
  return ambitions;
}
