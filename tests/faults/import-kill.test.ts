import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TMP } from '../helpers/databases';
import { serveData, type DataServer } from '../helpers/data-server';
import { createCatalogue, writeCsv, type DatasetShape } from '../helpers/dataset';
import { postFile, startServer, type ServerProcess } from '../helpers/server-process';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';
import { until } from './support/wait';

/**
 * kill -9 of the server process in the middle of a 1,000,000-row import,
 * twice: while the rows stream into the staging table, and while the staged
 * rows are merged into observations. Nothing of the import may remain (the
 * import is one transaction; PostgreSQL rolls it back when the connection
 * dies), and a fresh server then imports the same file completely.
 */
const shape: DatasetShape = { cities: 1000, indicators: 100, years: 10, firstYear: 2016 };
const ROWS = shape.cities * shape.indicators * shape.years;
const env = { IMPORT_BODY_LIMIT: String(2 ** 30), DATABASE_POOL_MAX: '4' };

let cluster: PostgresCluster;
let data: DataServer;
let knex: Knex;
let file: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  fs.mkdirSync(TMP, { recursive: true });
  file = path.join(TMP, `kill-import-${process.pid}.csv`);
  expect(await writeCsv(file, shape)).toBe(ROWS);
  data = await serveData('postgres', 'kill', (db) => createCatalogue(db.knex, shape).then(), {
    adminUrl: cluster.adminUrl,
    env,
  });
  servers.push(data.server);
  knex = data.db!.knex;
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await data?.close();
  cluster?.destroy();
  if (file !== undefined) fs.rmSync(file, { force: true });
});

async function scalar(sql: string): Promise<number> {
  const result = (await knex.raw(sql)) as { rows: Array<{ n: number | null }> };
  return Number(result.rows[0]?.n ?? 0);
}

/** What an import leaves behind when it commits: values, the import record, history. */
async function traces(): Promise<Record<string, number>> {
  return {
    observations: await scalar('select count(*)::int as n from observations'),
    imports: await scalar('select count(*)::int as n from imports'),
    auditEvents: await scalar(
      `select count(*)::int as n from audit_events where import_id is not null or action like 'import%'`,
    ),
  };
}

/** Sessions of other clients (the killed server's) still busy in this database. */
const busyBackends = (): Promise<number> =>
  scalar(`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()
            and state in ('active', 'idle in transaction', 'idle in transaction (aborted)')`);

async function freshServer(): Promise<ServerProcess> {
  const server = await startServer({ databaseUrl: data.databaseUrl!, env });
  servers.push(server);
  return server;
}

function upload(server: ServerProcess): Promise<{ status: number; body: string }> {
  return postFile(`${server.url}/api/v1/imports`, file, {
    ...data.auth,
    'content-type': 'text/csv',
  });
}

/** Starts an import, waits for `moment` to return a description, then kills the server. */
async function killDuring(moment: () => Promise<string | null>): Promise<string> {
  const server = data.server.alive() ? data.server : await freshServer();
  const request = upload(server).then(
    (r) => ({ outcome: 'answered' as const, ...r }),
    (err: unknown) => ({ outcome: 'failed' as const, err }),
  );
  const seen = await until(moment, { timeoutMs: 120_000, intervalMs: 50 });
  await server.kill();
  const result = await request;
  expect(result.outcome, 'the client sees the connection drop').toBe('failed');
  // PostgreSQL notices the dead client when the statement ends and rolls back.
  await until(async () => ((await busyBackends()) === 0 ? true : null), { timeoutMs: 120_000 });
  return seen;
}

describe('kill -9 in the middle of a 1,000,000-row import (throwaway PostgreSQL)', () => {
  it('while rows stream into staging: nothing of the import remains', async () => {
    const seen = await killDuring(async () => {
      const copied = await scalar(
        `select max(tuples_processed)::int as n from pg_stat_progress_copy where datname = current_database()`,
      );
      return copied >= 300_000 ? `${copied.toLocaleString('en-US')} rows staged` : null;
    });
    console.log(`killed with ${seen}`);
    expect(await traces()).toEqual({ observations: 0, imports: 0, auditEvents: 0 });
  });

  it('while staged rows are merged into observations: nothing of the import remains', async () => {
    const seen = await killDuring(async () => {
      // A statement on the staged rows other than their COPY, running for a second:
      // validation is over and the database is checking or writing them.
      const result = (await knex.raw(`
        select left(regexp_replace(query, '\\s+', ' ', 'g'), 80) as q from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
          and query ilike '%import_rows%' and query not ilike '%copy %'
          and now() - query_start > interval '1 second'`)) as { rows: Array<{ q: string }> };
      return result.rows[0]?.q ?? null;
    });
    console.log(`killed during: ${seen}…`);
    expect(await traces()).toEqual({ observations: 0, imports: 0, auditEvents: 0 });
  });

  it('a fresh server then imports the same file completely, with the right counts', async () => {
    const server = await freshServer();
    const result = await upload(server);
    expect(result.status, result.body.slice(0, 500)).toBe(200);
    const report = JSON.parse(result.body) as {
      committed: boolean;
      rowsRead: number;
      toInsert: number;
      toUpdate: number;
      unchanged: number;
      errorCount: number;
    };
    expect(report).toMatchObject({
      committed: true,
      rowsRead: ROWS,
      toInsert: ROWS,
      toUpdate: 0,
      unchanged: 0,
      errorCount: 0,
    });
    const after = await traces();
    expect(after.observations).toBe(ROWS);
    expect(after.imports).toBe(1);
  });
});
