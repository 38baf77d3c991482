import type { Knex } from 'knex';
import { newToken, tokenHash } from '../../server/src/auth/tokens';

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
  const [existing] = (await knex('users').where({ email }).select('id')) as Array<{ id: number }>;
  const userId =
    existing?.id ??
    (
      (await knex('users')
        .insert({ email, display_name: email.split('@')[0] })
        .returning('id')) as Array<{ id: number }>
    )[0]!.id;
  if (grant.role !== 'none') {
    const networkId =
      'network' in grant
        ? ((await knex('networks').where({ slug: grant.network }).first('id')) as { id: number }).id
        : null;
    const cityId =
      'city' in grant
        ? ((await knex('cities').where({ slug: grant.city }).first('id')) as { id: number }).id
        : null;
    await knex.raw(
      `insert into role_grants (user_id, role, network_id, city_id) values (?, ?, ?, ?)
       on conflict do nothing`,
      [userId, grant.role, networkId, cityId],
    );
  }
  const token = newToken();
  const csrfToken = newToken();
  await knex('sessions').insert({
    id: tokenHash(token),
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: new Date(Date.now() + 3600_000),
  });
  return {
    userId,
    email,
    token,
    csrfToken,
    headers: { cookie: `sdgcm_session=${token}`, 'x-csrf-token': csrfToken },
  };
}
