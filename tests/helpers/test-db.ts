import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Database } from '../../server/src/db/database';
import { withDatabase } from './pg-url';

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A throwaway PostgreSQL database (optionally copied from a template), dropped on close. */
async function scratchPostgres(
  adminUrl: string,
  prefix: string,
  template: string | null,
): Promise<Database> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(
    adminUrl,
    `create database ${name}${template === null ? '' : ` template ${template}`}`,
  );
  const db = await createDatabase({
    kind: 'postgres',
    url: withDatabase(adminUrl, name),
    poolMax: 5,
  });
  return {
    ...db,
    close: async () => {
      await db.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A fresh, migrated database holding only the UN framework, private to the
 * caller. Close it when done (PostgreSQL copies are dropped on close).
 */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const dump = await fs.readFile(template.dumpPath);
    const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
    return createDatabase({ kind: 'pglite', dataDir: null, pglite });
  }
  return scratchPostgres(template.adminUrl, template.prefix, template.template);
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<Database> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') return createDatabase({ kind: 'pglite', dataDir: null });
  return scratchPostgres(template.adminUrl, template.prefix, null);
}
