import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { createTestDatabase } from './test-db';

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  config: Config;
  close(): Promise<void>;
}

/** Configuration for tests: quiet, no demo seeding, no built client unless asked. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      CLIENT_DIR: path.join(os.tmpdir(), 'sdgcm-no-client'),
      ...env,
    },
    process.cwd(),
    false,
  );
}

/** The real app on a private copy of the test database; use `app.inject()`. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(env);
  // Errors only: an unexpected 500 prints its cause in the test output.
  const app = await buildApp({ config, db, logger: { level: 'error' } });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
