import type { Knex } from 'knex';
import type { CityRow, IndicatorRow, NetworkRow } from '../../server/src/db/rows';
import { ActionRepository } from '../../server/src/repositories/action.repository';
import { BulkLoadRepository } from '../../server/src/repositories/bulk-load.repository';
import { toAction } from '../../server/src/services/action.service';

let sequence = 0;
/** A unique suffix so factories never collide inside one test database. */
export const unique = (prefix: string): string =>
  `${prefix}-${++sequence}-${Math.floor(Math.random() * 1e6)}`;

export async function buildNetwork(
  knex: Knex,
  overrides: Partial<NetworkRow> = {},
): Promise<NetworkRow> {
  const slug = overrides.slug ?? unique('network');
  return new BulkLoadRepository(knex).insertNetwork({
    slug,
    name: `Network ${slug}`,
    data_kind: 'reported',
    ...overrides,
  });
}

export async function buildCity(knex: Knex, overrides: Partial<CityRow> = {}): Promise<CityRow> {
  const slug = overrides.slug ?? unique('city');
  return new BulkLoadRepository(knex).insertCity({
    slug,
    name: `City ${slug}`,
    country_code: 'FI',
    population: 100_000,
    ...overrides,
  });
}

export async function addMember(
  knex: Knex,
  network: NetworkRow,
  city: CityRow,
  role: 'lead_partner' | 'partner' = 'partner',
): Promise<void> {
  await new BulkLoadRepository(knex).addMembers(network.id, [{ cityId: city.id, role }]);
}

export type IndicatorOverrides = Partial<Omit<IndicatorRow, 'translations'>> & {
  translations?: IndicatorRow['translations'];
  sdg?: Array<{ target: string; indicator?: string }>;
};

export async function buildIndicator(
  knex: Knex,
  network: NetworkRow,
  overrides: IndicatorOverrides = {},
): Promise<IndicatorRow> {
  const {
    sdg = [{ target: '11.6', indicator: '11.6.2' }],
    translations = {},
    ...columns
  } = overrides;
  const slug = columns.slug ?? unique('indicator');
  return new BulkLoadRepository(knex).insertIndicator(
    {
      network_id: network.id,
      slug,
      name: `Indicator ${slug}`,
      unit: 'µg/m³',
      direction: 'decrease',
      decimals: 1,
      best_bound: 5,
      worst_bound: 25,
      allowed_min: 0,
      allowed_max: 500,
      ...columns,
      translations,
    },
    sdg,
  );
}

export async function addObservations(
  knex: Knex,
  city: CityRow,
  indicator: IndicatorRow,
  values: ReadonlyArray<readonly [year: number, value: number]>,
): Promise<void> {
  if (values.length === 0) return;
  await new BulkLoadRepository(knex).insertObservations(
    values.map(([year, value]) => ({ city_id: city.id, indicator_id: indicator.id, year, value })),
  );
}

export async function setAmbition(
  knex: Knex,
  city: CityRow,
  indicator: IndicatorRow,
  ambition: {
    baselineYear: number;
    baselineValue: number;
    targetYear: number;
    targetValue: number;
  },
): Promise<void> {
  await new BulkLoadRepository(knex).insertAmbitions([
    {
      city_id: city.id,
      indicator_id: indicator.id,
      baseline_year: ambition.baselineYear,
      baseline_value: ambition.baselineValue,
      target_year: ambition.targetYear,
      target_value: ambition.targetValue,
    },
  ]);
}

/**
 * An action in a city's plan with one expected effect, written through the
 * repository; `approved` also publishes it (the copy the public sees).
 */
export async function addAction(
  knex: Knex,
  city: CityRow,
  options: {
    title?: string;
    indicator?: IndicatorRow;
    effect?: number;
    effectYear?: number;
    approved?: boolean;
  } = {},
): Promise<number> {
  const repo = new ActionRepository(knex);
  const id = await repo.insert(
    city.id,
    {
      title: options.title ?? unique('Action'),
      description: '',
      department: null,
      budgetAmount: null,
      budgetCurrency: null,
      startYear: 2022,
      endYear: null,
      status: 'planned',
    },
    { actor: 'factory' },
  );
  if (options.indicator !== undefined)
    await repo.setEffects(id, [
      {
        indicatorId: options.indicator.id,
        effect: options.effect ?? 1,
        effectYear: options.effectYear ?? 2028,
        note: null,
        realised: false,
      },
    ]);
  await repo.addStatusChange(id, 'planned', 'factory');
  if (options.approved === true) {
    const record = (await repo.find(id))!;
    await repo.setReview(id, record.version, {
      state: 'approved',
      comment: null,
      published: toAction(record),
      actor: 'factory',
    });
  }
  return id;
}

/**
 * The review tests' world: a public network with the cities "lyon" and
 * "gent" as members and the indicator "recycling" (a share, 0–100, higher is
 * better). Values are each test's own.
 */
export async function buildLyonGentNetwork(
  knex: Knex,
  network: { slug: string; name: string },
): Promise<{ network: NetworkRow; lyon: CityRow; gent: CityRow; recycling: IndicatorRow }> {
  const built = await buildNetwork(knex, { ...network, is_public: true });
  const lyon = await buildCity(knex, { slug: 'lyon', name: 'Lyon' });
  const gent = await buildCity(knex, { slug: 'gent', name: 'Gent' });
  await addMember(knex, built, lyon);
  await addMember(knex, built, gent);
  const recycling = await buildIndicator(knex, built, {
    slug: 'recycling',
    allowed_min: 0,
    allowed_max: 100,
    best_bound: 100,
    worst_bound: 0,
    direction: 'increase',
  });
  return { network: built, lyon, gent, recycling };
}
