import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { PgLiteClient } from './pglite-client';
import { listenForChanges, ReadMemo, watchWrites } from './read-memo';

export type DatabaseKind = 'pglite' | 'postgres';

/** A knex instance plus what the rest of the server needs to know about it. */
export interface Database {
  readonly knex: Knex;
  readonly kind: DatabaseKind;
  /** The embedded engine, when there is one (COPY from a blob, data-directory dumps). */
  readonly pglite: PGlite | null;
  /** Access facts and data versions kept in memory until anything changes (read-memo.ts). */
  readonly memo: ReadMemo;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null; pglite?: PGlite }
  | { kind: 'postgres'; url: string; poolMax: number; onPoolError?: (err: Error) => void };

const INT8_OID = 20;
let int8ParserInstalled = false;

/**
 * node-postgres returns int8 (count(*), bigserial ids) as strings while PGlite
 * returns numbers. Ids and counts here stay far below 2^53, so parse them as
 * numbers once, globally, and refuse silently losing precision.
 */
function installInt8Parser(): void {
  if (int8ParserInstalled) return;
  pg.types.setTypeParser(INT8_OID, (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds 2^53`);
    return n;
  });
  int8ParserInstalled = true;
}

/** Builds the knex instance for PGlite (embedded) or node-postgres (pooled). */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return createPostgresDatabase(options);

  let pglite = options.pglite;
  let unlock = (): void => undefined;
  if (pglite === undefined) {
    if (options.dataDir !== null) {
      fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
      unlock = lockDataDir(`${options.dataDir}.lock`);
    }
    pglite = options.dataDir === null ? new PGlite() : new PGlite(options.dataDir);
  }
  try {
    await pglite.waitReady;
  } catch (err) {
    unlock();
    throw err;
  }
  const instance = pglite;
  const knex = knexFactory({
    client: PgLiteClient,
    connection: () => ({ pglite: instance }),
  } as unknown as Knex.Config);
  // One process owns the embedded database (the data directory is locked): every
  // change goes through this knex, so watching its statements is enough.
  const memo = new ReadMemo(true);
  watchWrites(knex, memo);
  return {
    knex,
    kind: 'pglite',
    pglite: instance,
    memo,
    close: async () => {
      try {
        await knex.destroy();
        if (!instance.closed) await instance.close();
      } finally {
        unlock();
      }
    },
  };
}

/** node-postgres behind knex's pool, with the change listener that keeps the read memo right. */
function createPostgresDatabase(options: Extract<DatabaseOptions, { kind: 'postgres' }>): Database {
  installInt8Parser();
  const knex = knexFactory({
    client: 'pg',
    connection: { connectionString: options.url, application_name: 'sdg-city-monitor' },
    pool: { min: 0, max: options.poolMax, idleTimeoutMillis: 30_000 },
    acquireConnectionTimeout: 10_000,
  });
  // knex marks a pg client that emits 'error' while idle as disposed (so a
  // PostgreSQL restart does not crash the process); these events are the
  // pool-level equivalent of pg.Pool's 'error' and are logged by the caller.
  const pool = knex.client.pool as {
    on(event: 'createFail' | 'destroyFail', cb: (id: unknown, err: Error) => void): void;
  };
  const onPoolError = options.onPoolError ?? (() => undefined);
  pool.on('createFail', (_id, err) => onPoolError(err));
  pool.on('destroyFail', (_id, err) => onPoolError(err));
  // Nothing is kept until the change listener is connected (other instances write too).
  const memo = new ReadMemo(false);
  watchWrites(knex, memo);
  const stopListening = listenForChanges(options.url, memo, (err) =>
    onPoolError(err instanceof Error ? err : new Error(String(err))),
  );
  return {
    knex,
    kind: 'postgres',
    pglite: null,
    memo,
    close: async () => {
      await stopListening();
      await knex.destroy();
    },
  };
}
