import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDatabase, type Database } from '../../server/src/db/database';
import { migrateLatest } from '../../server/src/db/migrate';
import { seedSdgFramework } from '../../seeds/sdg-framework';

/** Admin connection for creating scratch databases (BENCH_DATABASE_URL, else the local server). */
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
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

/** A fresh, migrated database with the UN framework: PostgreSQL (dropped afterwards) or in-memory PGlite. */
export async function scratchDatabase(
  engine: 'postgres' | 'pglite',
  name: string,
  poolMax = 20,
): Promise<ScratchDatabase> {
  if (engine === 'pglite') {
    const db = await createDatabase({ kind: 'pglite', dataDir: null, pglite: new PGlite() });
    await migrateLatest(db.knex);
    await seedSdgFramework(db.knex);
    return { db, url: null, drop: () => db.close() };
  }
  const database = `sdgcm_bench_${name}_${process.pid}`;
  await admin(`drop database if exists ${database} with (force)`);
  await admin(`create database ${database}`);
  const url = withDatabase(ADMIN_URL, database);
  const db = await createDatabase({ kind: 'postgres', url, poolMax });
  await migrateLatest(db.knex);
  await seedSdgFramework(db.knex);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      await admin(`drop database if exists ${database} with (force)`);
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
