import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database';
import { bootstrapDatabase } from '../../../server/src/db/bootstrap';
import { DEMO_CITIES, DEMO_NETWORK, generateDemoData } from '../../../seeds/demo-network';
import { DEMO_INDICATORS } from '../../../seeds/demo-indicators';
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
    const first = await bootstrapDatabase(db.knex, { seedDemo: true });
    expect(first.migrationsApplied.length).toBeGreaterThan(0);
    expect(first).toMatchObject({ frameworkSeeded: true, demoSeeded: true });
    expect(await count(db, 'sdg_goals')).toBe(17);
    expect(await count(db, 'sdg_targets')).toBe(169);
    expect(await count(db, 'sdg_indicators')).toBe(248);

    const observations = await count(db, 'observations');
    const second = await bootstrapDatabase(db.knex, { seedDemo: true });
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
    const result = await bootstrapDatabase(db.knex, { seedDemo: true, demoAccounts: true });
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
    const again = await bootstrapDatabase(db.knex, { seedDemo: true, demoAccounts: true });
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
    const result = await bootstrapDatabase(db.knex, { seedDemo: false });
    expect(result.demoSeeded).toBe(false);
    expect(await count(db, 'networks')).toBe(0);
  });
});

describe('the demo network', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bootstrapDatabase(db.knex, { seedDemo: true });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('has the nine real partner cities, Espoo as lead partner, and is marked synthetic', async () => {
    const network = await db.knex('networks').where({ slug: DEMO_NETWORK.slug }).first();
    expect(network).toMatchObject({
      data_kind: 'synthetic',
      name: 'Cities for Sustainability Governance (demo)',
    });
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

  it('has yearly values 2015–2025 with gaps, and ambitions for most series', async () => {
    const range = (await db
      .knex('observations')
      .min('year as first')
      .max('year as last')
      .first()) as {
      first: number;
      last: number;
    };
    expect(range).toEqual({ first: 2015, last: 2025 });
    const series = DEMO_CITIES.length * DEMO_INDICATORS.length;
    const observations = await count(db, 'observations');
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
});
