import path from 'node:path';
import type { Config } from '../config';
import { createDatabase, type Database } from './database';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function openConfiguredDatabase(
  config: Config,
  onPoolError?: (err: Error) => void,
): Promise<Database> {
  if (config.databaseUrl !== null) {
    return createDatabase({
      kind: 'postgres',
      url: config.databaseUrl,
      poolMax: config.databasePoolMax,
      onPoolError,
    });
  }
  return createDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
}

/** A description of where the data lives, safe to log (no password). */
export function describeDatabase(config: Config): string {
  if (config.databaseUrl === null)
    return `embedded PGlite in ${path.join(config.dataDir, 'pglite')}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}
