import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/src/app';
import type { Config } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { issueSession, type TestRole, type TestSession } from './auth';
import { testConfig } from './test-config';
import { createTestDatabase } from './test-db';

export { testConfig };

/**
 * Who a test's requests are made as when they send no Cookie header of their
 * own: `admin` (every permission; for tests of what is stored) or `visitor`
 * (anonymous; for tests of what the public sees). Chosen explicitly by every
 * test file, so that "published only" paths are not tested as an admin by accident.
 */
export type Reader = 'admin' | 'visitor';

export interface TestAppOptions {
  as: Reader;
  /** Environment overrides for the app's config. */
  env?: Record<string, string>;
}

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  config: Config;
  /** The default reader chosen in createTestApp. */
  reader: Reader;
  /** The administrator (its headers make a request an admin's whatever the default reader). */
  admin: TestSession;
  /** Headers that make a request anonymous whatever the default reader. */
  asVisitor: Record<string, string>;
  /** A session of a new account with one role (e.g. an editor of one city), for requests as that person. */
  sessionAs(email: string, role: TestRole): Promise<TestSession>;
  close(): Promise<void>;
}

/** Email of the administrator of every test app. */
export const TEST_ADMIN = 'admin@test.example';

/**
 * The real app on a private copy of the test database; use `app.inject()`.
 * Requests without a Cookie header of their own are made as `options.as`:
 * the administrator (its session cookie and CSRF token are added) or an
 * anonymous visitor. Send `ctx.asVisitor` (`cookie: ''`) to be anonymous, or
 * another session's headers, to read as someone else.
 */
export async function createTestApp(options: TestAppOptions): Promise<TestContext> {
  const db = await createTestDatabase();
  const config = testConfig(options.env ?? {});
  // Errors only: an unexpected 500 prints its cause in the test output.
  const app = await buildApp({ config, db, logger: { level: 'error' } });
  await app.ready();
  const admin = await issueSession(db.knex, TEST_ADMIN);
  const inject = app.inject.bind(app) as (options: InjectOptions | string) => unknown;
  (app as { inject: unknown }).inject = (injected: InjectOptions | string) => {
    const request: InjectOptions = typeof injected === 'string' ? { url: injected } : injected;
    const headers = { ...(request.headers as Record<string, string> | undefined) };
    const hasCookie = Object.keys(headers).some((name) => name.toLowerCase() === 'cookie');
    if (!hasCookie && options.as === 'admin') Object.assign(headers, admin.headers);
    else if (headers.cookie === '') delete headers.cookie;
    return inject({ ...request, headers });
  };
  return {
    app,
    db,
    config,
    reader: options.as,
    admin,
    asVisitor: { cookie: '' },
    sessionAs: (email, role) => issueSession(db.knex, email, role),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
