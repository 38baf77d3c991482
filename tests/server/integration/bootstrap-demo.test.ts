import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database';
import { bootstrapDatabase } from '../../../server/src/db/bootstrap';
import { DEMO_CITIES, DEMO_NETWORK, generateDemoData } from '../../../seeds/demo-network';
import { DEMO_INDICATORS } from '../../../seeds/demo-indicators';
import { DEMO_REAL_INDICATORS } from '../../../seeds/demo-real-indicators';
import { seedSdgFramework } from '../../../seeds/sdg-framework';
import { createEmptyDatabase, createTestDatabase } from '../../helpers/test-db';

async function count(db: Database, table: string): Promise<number> {
  const rows = (await db.knex(table).count('* as c')) as Array<{ c: number }>;
  return Number(rows[0]?.c ?? 0);
}

describe('bootstrapping an empty database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createEmptyDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('migrates, loads the framework and seeds the demo network once', async () => {
    const first = await bootstrapDatabase(db, { seedDemo: true });
    expect(first.migrationsApplied.length).toBeGreaterThan(0);
    expect(first).toMatchObject({ frameworkSeeded: true, demoSeeded: true });
    expect(await count(db, 'sdg_goals')).toBe(17);
    expect(await count(db, 'sdg_targets')).toBe(169);
    expect(await count(db, 'sdg_indicators')).toBe(248);

    const observations = await count(db, 'observations');
    const second = await bootstrapDatabase(db, { seedDemo: true });
    expect(second).toEqual({
      migrationsApplied: [],
      frameworkSeeded: false,
      demoSeeded: false,
      demoAccountsCreated: 0,
    });
    expect(await count(db, 'users')).toBe(0);
    expect(await count(db, 'observations')).toBe(observations);
    expect(await count(db, 'networks')).toBe(1);
  });

  it('creates the documented demo accounts only when asked, on an installation with no account', async () => {
    const { DEMO_ACCOUNTS } = await import('../../../seeds/demo-accounts');
    const { verifyPassword } = await import('../../../server/src/auth/passwords');
    const result = await bootstrapDatabase(db, { seedDemo: true, demoAccounts: true });
    expect(result.demoAccountsCreated).toBe(DEMO_ACCOUNTS.length);
    const rows = (await db
      .knex('users as u')
      .join('role_grants as g', 'g.user_id', 'u.id')
      .select('u.email', 'u.password_hash', 'g.role', 'g.network_id', 'g.city_id')) as Array<{
      email: string;
      password_hash: string;
      role: string;
    }>;
    for (const account of DEMO_ACCOUNTS) {
      const row = rows.find((r) => r.email === account.email)!;
      expect(row.role).toBe(account.role);
      expect(await verifyPassword(row.password_hash, account.password)).toBe(true);
    }
    const again = await bootstrapDatabase(db, { seedDemo: true, demoAccounts: true });
    expect(again.demoAccountsCreated).toBe(0);
  });

  it('reloading the framework changes nothing', async () => {
    expect(await seedSdgFramework(db.knex)).toEqual({ goals: 17, targets: 169, indicators: 248 });
    expect(await count(db, 'sdg_indicators')).toBe(248);
  });
});

describe('SEED_DEMO=false', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('leaves the database without any network', async () => {
    const result = await bootstrapDatabase(db, { seedDemo: false });
    expect(result.demoSeeded).toBe(false);
    expect(await count(db, 'networks')).toBe(0);
  });
});

describe('the demo network', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bootstrapDatabase(db, { seedDemo: true });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('has the nine real partner cities, Espoo as lead partner, and is marked mixed with Eurostat cited', async () => {
    const network = await db.knex('networks').where({ slug: DEMO_NETWORK.slug }).first();
    expect(network).toMatchObject({
      data_kind: 'mixed',
      name: 'Cities for Sustainability Governance (demo)',
    });
    expect(network.citation).toMatch(/Eurostat, City statistics.*reshaped/);
    const members = (await db
      .knex('network_members as m')
      .join('cities as c', 'c.id', 'm.city_id')
      .select('c.name', 'c.country_code', 'm.role')
      .orderBy('c.name')) as Array<{ name: string; country_code: string; role: string }>;
    expect(members.map((m) => m.name)).toEqual([
      'Agios Dimitrios',
      'Braga',
      'Espoo',
      'Gabrovo',
      'Jablonec nad Nisou',
      'Košice',
      'Mannheim',
      'Tallinn',
      'València',
    ]);
    expect(members.filter((m) => m.role === 'lead_partner').map((m) => m.name)).toEqual(['Espoo']);
  });

  it('has 40–60 indicators that cover all 17 goals, with bounds, thresholds and SDG links', async () => {
    const indicators = await count(db, 'indicators');
    expect(indicators).toBeGreaterThanOrEqual(40);
    expect(indicators).toBeLessThanOrEqual(60);
    const goals = (await db
      .knex('indicator_sdg_links as l')
      .join('sdg_targets as t', 't.code', 'l.sdg_target')
      .distinct('t.goal')
      .orderBy('t.goal')) as Array<{ goal: number }>;
    expect(goals.map((g) => g.goal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const incomplete = await db
      .knex('indicators')
      .whereNull('best_bound')
      .orWhereNull('green_threshold')
      .orWhereNull('allowed_min');
    expect(incomplete).toEqual([]);
  });

  it('has synthetic yearly values 2015–2025 with gaps, and ambitions for most series', async () => {
    const range = (await db
      .knex('observations')
      .where({ source: 'Synthetic demo data' })
      .min('year as first')
      .max('year as last')
      .first()) as {
      first: number;
      last: number;
    };
    expect(range).toEqual({ first: 2015, last: 2025 });
    const series = DEMO_CITIES.length * DEMO_INDICATORS.length;
    const observations = Number(
      (
        (await db
          .knex('observations')
          .where({ source: 'Synthetic demo data' })
          .count('* as c')
          .first()) as { c: number }
      ).c,
    );
    expect(observations).toBeGreaterThan(series * 7);
    expect(observations).toBeLessThan(series * 11);
    const ambitions = await count(db, 'ambitions');
    expect(ambitions / series).toBeGreaterThan(0.6);
  });

  it('is generated deterministically, with series that improve, stall and worsen', () => {
    const a = generateDemoData();
    const b = generateDemoData();
    expect(a).toEqual(b);
    const byDirection = new Map(
      DEMO_INDICATORS.map((i) => [i.slug, i.direction === 'increase' ? 1 : -1]),
    );
    let improving = 0;
    let worsening = 0;
    for (const s of a) {
      const first = s.values[0];
      const last = s.values[s.values.length - 1];
      if (first === undefined || last === undefined || first === last) continue;
      const change = (byDirection.get(s.indicator) ?? 1) * (last.value - first.value);
      if (change > 0) improving++;
      if (change < 0) worsening++;
    }
    expect(improving).toBeGreaterThan(a.length * 0.4);
    expect(worsening).toBeGreaterThan(a.length * 0.1);
    expect(a.some((s) => s.values.length > 0 && s.values.length < 11)).toBe(true);
    expect(a.some((s) => s.values.length === 0)).toBe(true);
  });

  it('shows Eurostat’s real values for the indicators Eurostat has, as in the source files, with flags', async () => {
    const value = async (city: string, indicator: string, year: number) =>
      (await db
        .knex('observations as o')
        .join('cities as c', 'c.id', 'o.city_id')
        .join('indicators as i', 'i.id', 'o.indicator_id')
        .where({ 'c.slug': city, 'i.slug': indicator, 'o.year': year, 'o.series': '' })
        .first('o.value', 'o.value_flags', 'o.source')) as
        { value: number; value_flags: string; source: string } | undefined;
    // urb_percep_csg.tsv: PS1012V,PC,EE001C 2019 = 29.4, PS1013V = 45.3.
    expect(await value('tallinn', 'satisfied-with-public-transport', 2019)).toEqual({
      value: 74.7,
      value_flags: '',
      source: 'Eurostat, City statistics (urb_percep); reshaped by SDG City Monitor',
    });
    // urb_ctran_csg.csv: Mannheim 2016 journeys to work by public transport 22.9, estimated.
    expect(await value('mannheim', 'public-transport-modal-share', 2016)).toMatchObject({
      value: 22.9,
      value_flags: 'e',
    });
    // urb_cenv_csg.tsv: EN3013V Braga 2009 = 88.0.
    expect((await value('braga', 'population-connected-to-sewage-treatment', 2009))?.value).toBe(
      88,
    );
    const realIndicators = (await db
      .knex('indicators')
      .where({ synthetic: false })
      .pluck('slug')) as string[];
    expect(realIndicators.sort()).toEqual(DEMO_REAL_INDICATORS.map((i) => i.slug).sort());
    for (const slug of realIndicators) {
      const rows = (await db
        .knex('observations as o')
        .join('indicators as i', 'i.id', 'o.indicator_id')
        .join('cities as c', 'c.id', 'o.city_id')
        .where('i.slug', slug)
        .select('c.slug as city', 'o.source')) as Array<{ city: string; source: string }>;
      expect(rows.length, slug).toBeGreaterThan(0);
      // Only Eurostat's values, and none for the cities Eurostat does not cover.
      expect(rows.every((r) => r.source.startsWith('Eurostat, City statistics'))).toBe(true);
      expect(
        rows.filter((r) => ['gabrovo', 'jablonec-nad-nisou', 'agios-dimitrios'].includes(r.city)),
      ).toEqual([]);
    }
    // Synthetic values only for synthetic indicators.
    const mixedUp = await db
      .knex('observations as o')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .where({ 'i.synthetic': false, 'o.source': 'Synthetic demo data' });
    expect(mixedUp).toEqual([]);
    // Approved for visitors, flags included.
    const published = await db
      .knex('published_observations')
      .where({ value_flags: 'e' })
      .count('* as c')
      .first();
    expect(Number((published as { c: number }).c)).toBeGreaterThan(0);
  });
});
