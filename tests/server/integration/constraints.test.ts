import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database';
import type { CityRow, IndicatorRow, NetworkRow } from '../../../server/src/db/rows';
import { buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import { createTestDatabase } from '../../helpers/test-db';

let db: Database;
let network: NetworkRow;
let city: CityRow;
let indicator: IndicatorRow;

async function sqlstate(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return String((err as { code?: unknown }).code);
  }
  return 'no error';
}

beforeAll(async () => {
  db = await createTestDatabase();
  network = await buildNetwork(db.knex);
  city = await buildCity(db.knex);
  indicator = await buildIndicator(db.knex, network);
});
afterAll(async () => {
  await db?.close();
});

describe('database constraints (the last line of defence)', () => {
  const observation = (overrides: Record<string, unknown>): Record<string, unknown> => ({
    city_id: city.id,
    indicator_id: indicator.id,
    year: 2020,
    value: 1,
    ...overrides,
  });

  it('refuse non-finite observation values', async () => {
    for (const value of ['NaN', 'Infinity', '-Infinity']) {
      expect(
        await sqlstate(
          db.knex('observations').insert(observation({ value: db.knex.raw(`'${value}'::float8`) })),
        ),
      ).toBe('23514');
    }
  });

  it('refuse duplicate city/indicator/year and years out of range', async () => {
    await db.knex('observations').insert(observation({ year: 2019 }));
    expect(await sqlstate(db.knex('observations').insert(observation({ year: 2019 })))).toBe(
      '23505',
    );
    expect(await sqlstate(db.knex('observations').insert(observation({ year: 1800 })))).toBe(
      '23514',
    );
    expect(
      await sqlstate(db.knex('observations').insert(observation({ year: 2021, status: 'draft' }))),
    ).toBe('23514');
  });

  it('refuse an ambition whose target year is not after the baseline', async () => {
    const bad = db.knex('ambitions').insert({
      city_id: city.id,
      indicator_id: indicator.id,
      baseline_year: 2020,
      baseline_value: 10,
      target_year: 2020,
      target_value: 5,
    });
    expect(await sqlstate(bad)).toBe('23514');
  });

  it('refuse bounds that contradict the direction and unordered thresholds', async () => {
    expect(
      await sqlstate(
        buildIndicator(db.knex, network, { direction: 'increase', best_bound: 5, worst_bound: 25 }),
      ),
    ).toBe('23514');
    expect(
      await sqlstate(
        buildIndicator(db.knex, network, {
          direction: 'decrease',
          green_threshold: 15,
          yellow_threshold: 10,
          orange_threshold: 20,
        }),
      ),
    ).toBe('23514');
  });

  it('refuse malformed slugs and country codes', async () => {
    expect(await sqlstate(buildCity(db.knex, { slug: 'Bad Slug' }))).toBe('23514');
    expect(await sqlstate(buildCity(db.knex, { country_code: 'fi' }))).toBe('23514');
  });

  it('refuse an SDG indicator link that names another target\u2019s indicator', async () => {
    expect(
      await sqlstate(
        buildIndicator(db.knex, network, { sdg: [{ target: '11.6', indicator: '3.9.1' }] }),
      ),
    ).toBe('23503');
  });

  it('refuse observations of cities or indicators that do not exist (checked per statement)', async () => {
    expect(
      await sqlstate(db.knex('observations').insert(observation({ year: 2030, city_id: 999_999 }))),
    ).toBe('23503');
    expect(
      await sqlstate(
        db.knex('observations').insert(observation({ year: 2030, indicator_id: 999_999 })),
      ),
    ).toBe('23503');
    // one bad row spoils the whole statement
    const rows = [observation({ year: 2031 }), observation({ year: 2032, city_id: 999_999 })];
    expect(await sqlstate(db.knex('observations').insert(rows))).toBe('23503');
    expect(await db.knex('observations').where({ year: 2031 }).first()).toBeUndefined();
  });

  it('refuse moving an observation to another city or indicator', async () => {
    await db.knex('observations').insert(observation({ year: 2033 }));
    const other = await buildCity(db.knex);
    expect(
      await sqlstate(db.knex('observations').where({ year: 2033 }).update({ city_id: other.id })),
    ).toBe('23503');
  });

  it('refuse deleting a city that has observations', async () => {
    expect(await sqlstate(db.knex('cities').where({ id: city.id }).del())).toBe('23001');
  });

  it('refuse deleting an indicator that has observations', async () => {
    expect(['23503', '23001']).toContain(
      await sqlstate(db.knex('indicators').where({ id: indicator.id }).del()),
    );
  });

  it('count deleted and updated rows the same way on both databases', async () => {
    const other = await buildCity(db.knex);
    expect(await db.knex('cities').where({ id: other.id }).update({ name: 'Renamed' })).toBe(1);
    expect(await db.knex('cities').where({ id: other.id }).del()).toBe(1);
    expect(await db.knex('cities').where({ id: other.id }).del()).toBe(0);
    const rows = (await db.knex('cities').count('* as c')) as Array<{ c: unknown }>;
    expect(typeof rows[0]?.c).toBe('number');
  });
});
