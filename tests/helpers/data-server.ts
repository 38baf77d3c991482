import fs from 'node:fs';
import type { Database } from '../../server/src/db/database';
import { issueSession } from './auth';
import { ADMIN_URL, preparePgliteDataDir, scratchDatabase } from './databases';
import { startServer, type ServerProcess } from './server-process';

/** A server process on a scratch database filled for a benchmark or a fault test. */
export interface DataServer {
  server: ServerProcess;
  /** Headers of an administrator's session (cookie and CSRF token), made in the database. */
  auth: Record<string, string>;
  /** The PostgreSQL database (open, for checks next to the server), or null on PGlite. */
  db: Database | null;
  /** The PostgreSQL URL the server uses, or null on PGlite. */
  databaseUrl: string | null;
  /** Stops the server and drops the data. */
  close(): Promise<void>;
}

export interface DataServerOptions {
  /** Pool size of the helper's own connection (the server's is DATABASE_POOL_MAX in `env`). */
  poolMax?: number;
  env?: Record<string, string>;
  /** PostgreSQL server to create the scratch database on (default: BENCH_DATABASE_URL or the local one). */
  adminUrl?: string;
}

/**
 * Creates a migrated scratch database (PostgreSQL, or an embedded one on
 * disk), lets `fill` load it, issues an administrator's session and starts
 * the real server on it in its own process.
 */
export async function serveData(
  engine: 'postgres' | 'pglite',
  name: string,
  fill: (db: Database) => Promise<void>,
  options: DataServerOptions = {},
): Promise<DataServer> {
  if (engine === 'postgres') {
    const scratch = await scratchDatabase(
      'postgres',
      name,
      options.poolMax ?? 5,
      options.adminUrl ?? ADMIN_URL,
    );
    try {
      await fill(scratch.db);
      const { headers } = await issueSession(scratch.db.knex, 'bench@bench.example');
      const server = await startServer({ databaseUrl: scratch.url!, env: options.env });
      return {
        server,
        auth: headers,
        db: scratch.db,
        databaseUrl: scratch.url,
        close: async () => {
          await server.stop();
          await scratch.drop();
        },
      };
    } catch (err) {
      await scratch.drop();
      throw err;
    }
  }
  let auth: Record<string, string> = {};
  const dataDir = await preparePgliteDataDir(name, async (db) => {
    await fill(db);
    auth = (await issueSession(db.knex, 'bench@bench.example')).headers;
  });
  const server = await startServer({ dataDir, env: options.env });
  return {
    server,
    auth,
    db: null,
    databaseUrl: null,
    close: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
