import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/src/app';
import type { Config } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { issueSession, type TestSession } from './auth';
import { testConfig } from './test-config';
import { createTestDatabase } from './test-db';

export { testConfig };

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  config: Config;
  /** The administrator every request is made as unless it sends its own Cookie header. */
  admin: TestSession;
  close(): Promise<void>;
}

/** Email of the administrator createTestApp() signs every request in as. */
export const TEST_ADMIN = 'admin@test.example';

/**
 * The real app on a private copy of the test database; use `app.inject()`.
 * Requests are made as an administrator (a session cookie and its CSRF token
 * are added) unless they carry a Cookie header of their own: send
 * `cookie: ''` to be anonymous, or another session's headers.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(env);
  // Errors only: an unexpected 500 prints its cause in the test output.
  const app = await buildApp({ config, db, logger: { level: 'error' } });
  await app.ready();
  const admin = await issueSession(db.knex, TEST_ADMIN);
  const inject = app.inject.bind(app) as (options: InjectOptions | string) => unknown;
  (app as { inject: unknown }).inject = (options: InjectOptions | string) => {
    const request: InjectOptions = typeof options === 'string' ? { url: options } : options;
    const headers = { ...(request.headers as Record<string, string> | undefined) };
    const hasCookie = Object.keys(headers).some((name) => name.toLowerCase() === 'cookie');
    if (!hasCookie) Object.assign(headers, admin.headers);
    else if (headers.cookie === '') delete headers.cookie;
    return inject({ ...request, headers });
  };
  return {
    app,
    db,
    config,
    admin,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
