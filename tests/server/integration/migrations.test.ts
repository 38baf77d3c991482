import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database';
import { migrateLatest, migrateRollback } from '../../../server/src/db/migrate';
import { MIGRATIONS } from '../../../server/src/db/migration-source';
import { createEmptyDatabase } from '../../helpers/test-db';

let db: Database;

async function tables(): Promise<string[]> {
  const result = (await db.knex.raw(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as { rows: Array<{ table_name: string }> };
  return result.rows.map((r) => r.table_name).filter((t) => !t.startsWith('knex_'));
}

beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('migrations', () => {
  it('run up, down and up again cleanly', async () => {
    const applied = await migrateLatest(db.knex);
    expect(applied).toEqual(MIGRATIONS.map(([name]) => name));
    const created = await tables();
    expect(created).toEqual(
      expect.arrayContaining([
        'sdg_goals',
        'sdg_targets',
        'sdg_indicators',
        'networks',
        'cities',
        'network_members',
        'indicators',
        'indicator_sdg_links',
        'ambitions',
        'observations',
        'users',
        'role_grants',
        'audit_events',
      ]),
    );

    const reverted = await migrateRollback(db.knex, true);
    expect(reverted).toEqual(MIGRATIONS.map(([name]) => name).reverse());
    expect(await tables()).toEqual([]);

    expect(await migrateLatest(db.knex)).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(created);
    expect(await migrateLatest(db.knex)).toEqual([]);
  });

  it('every file in migrations/ is registered, in order, and nothing else is', () => {
    // The list is static (knex cannot import .ts migrations under vitest on Node 20); this
    // keeps it honest: a migration file someone forgot to register would otherwise never run.
    const folder = path.resolve(import.meta.dirname, '../../../migrations');
    const files = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(MIGRATIONS.map(([name]) => name)).toEqual(files);
  });

  it('migration names are timestamped and in order', () => {
    const names = MIGRATIONS.map(([name]) => name);
    expect(names.every((n) => /^\d{14}_[a-z0-9_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });
});
