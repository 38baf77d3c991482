import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDatabase, type Database } from '../../server/src/db/database';
import { migrateLatest } from '../../server/src/db/migrate';
import { seedSdgFramework } from '../../seeds/sdg-framework';
import { withDatabase } from './pg-url';

/** Admin connection for creating scratch databases (BENCH_DATABASE_URL, else the local server). */
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export { withDatabase };

/** Runs one statement on the administration database of `adminUrl`. */
export async function admin(sql: string, adminUrl = ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  db: Database;
  url: string | null;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database with the UN framework: PostgreSQL (dropped
 * afterwards; on the server of `adminUrl`) or in-memory PGlite.
 */
export async function scratchDatabase(
  engine: 'postgres' | 'pglite',
  name: string,
  poolMax = 20,
  adminUrl = ADMIN_URL,
): Promise<ScratchDatabase> {
  if (engine === 'pglite') {
    const db = await createDatabase({ kind: 'pglite', dataDir: null, pglite: new PGlite() });
    await migrateLatest(db.knex);
    await seedSdgFramework(db.knex);
    return { db, url: null, drop: () => db.close() };
  }
  const database = `sdgcm_bench_${name}_${process.pid}`;
  await admin(`drop database if exists ${database} with (force)`, adminUrl);
  await admin(`create database ${database}`, adminUrl);
  const url = withDatabase(adminUrl, database);
  const db = await createDatabase({ kind: 'postgres', url, poolMax });
  await migrateLatest(db.knex);
  await seedSdgFramework(db.knex);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await admin(`drop database if exists ${database} with (force)`, adminUrl);
    },
  };
}

export const TMP = path.resolve(import.meta.dirname, '../../.tmp/bench');

/**
 * A migrated embedded database on disk for a server process to open:
 * `fill` runs against it first, then it is closed. Returns the DATA_DIR.
 */
export async function preparePgliteDataDir(
  name: string,
  fill: (db: Database) => Promise<void>,
): Promise<string> {
  const dataDir = path.join(TMP, `${name}-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const db = await createDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    await migrateLatest(db.knex);
    await seedSdgFramework(db.knex);
    await fill(db);
  } finally {
    await db.close();
  }
  return dataDir;
}
