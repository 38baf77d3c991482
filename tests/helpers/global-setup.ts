import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../server/src/db/database';
import { migrateLatest } from '../../server/src/db/migrate';
import { seedSdgFramework } from '../../seeds/sdg-framework';
import { withDatabase } from './pg-url';

export type DbTemplate =
  | { kind: 'pglite'; dumpPath: string }
  | { kind: 'postgres'; adminUrl: string; template: string; prefix: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

/** Hash of everything that shapes the template, so a cached PGlite dump is reused only while valid. */
function templateHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...fs.readdirSync(path.join(root, 'migrations')).map((f) => path.join('migrations', f)),
    'seeds/sdg-framework.ts',
    'package-lock.json',
  ].sort();
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Migrates and loads the UN framework once per run into a template; each test
 * file then gets its own copy (a PGlite data-directory dump, or a PostgreSQL
 * database created FROM the template), so files never see each other's data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') {
    const dumpPath = path.join(root, '.tmp', `pglite-template-${templateHash()}.tar`);
    if (!fs.existsSync(dumpPath)) {
      fs.mkdirSync(path.dirname(dumpPath), { recursive: true });
      const pglite = new PGlite();
      const db = await createDatabase({ kind: 'pglite', dataDir: null, pglite });
      await migrateLatest(db.knex);
      await seedSdgFramework(db.knex);
      const dump = await pglite.dumpDataDir('none');
      const tmp = `${dumpPath}.${process.pid}`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, dumpPath);
      await db.close();
    }
    project.provide('dbTemplate', { kind: 'pglite', dumpPath });
    return async () => undefined;
  }

  const prefix = `sdgcm_test_${process.pid}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const db = await createDatabase({
    kind: 'postgres',
    url: withDatabase(url, template),
    poolMax: 2,
  });
  await migrateLatest(db.knex);
  await seedSdgFramework(db.knex);
  await db.close();
  project.provide('dbTemplate', { kind: 'postgres', adminUrl: url, template, prefix });

  return async () => {
    // Drop the template and any database a crashed test file left behind.
    const leftovers = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${prefix}_%`],
    );
    for (const { datname } of leftovers.rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end();
  };
}
