import type { Knex } from 'knex';
import { newToken, tokenHash } from '../../server/src/auth/tokens';
import { BulkLoadRepository } from '../../server/src/repositories/bulk-load.repository';

export interface TestSession {
  userId: number;
  email: string;
  token: string;
  csrfToken: string;
  /** Cookie and CSRF headers for app.inject() / fetch. */
  headers: Record<string, string>;
}

export type TestRole =
  | { role: 'admin' }
  | { role: 'coordinator' | 'viewer'; network: string }
  | { role: 'editor'; city: string }
  | { role: 'none' };

/**
 * Creates (or reuses) an account with one role and a live session straight
 * in the database, without the argon2 sign-in round trip, for tests and
 * benchmarks that exercise something other than signing in.
 */
export async function issueSession(
  knex: Knex,
  email: string,
  grant: TestRole = { role: 'admin' },
): Promise<TestSession> {
  const bulk = new BulkLoadRepository(knex);
  const userId =
    (await bulk.userId(email)) ??
    (await bulk.insertUser({ email, displayName: email.split('@')[0]! }));
  if (grant.role !== 'none') {
    const networkId = 'network' in grant ? await bulk.networkId(grant.network) : null;
    const cityId = 'city' in grant ? await bulk.cityId(grant.city) : null;
    if (networkId === undefined || cityId === undefined)
      throw new Error(`issueSession: no such network or city in ${JSON.stringify(grant)}`);
    await bulk.grant(userId, grant.role, { networkId, cityId });
  }
  const token = newToken();
  const csrfToken = newToken();
  await bulk.insertSession({
    tokenHash: tokenHash(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return {
    userId,
    email,
    token,
    csrfToken,
    headers: { cookie: `sdgcm_session=${token}`, 'x-csrf-token': csrfToken },
  };
}
