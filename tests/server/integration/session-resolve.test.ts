import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../../../server/src/auth/tokens';
import type { Database } from '../../../server/src/db/database';
import { AuthRepository } from '../../../server/src/repositories/auth.repository';
import { addMember, buildCity, buildNetwork } from '../../factories/factories';
import { issueSession } from '../../helpers/auth';
import { createTestDatabase } from '../../helpers/test-db';

/**
 * Every signed-in request resolves its session, grants and the networks of
 * the cities it edits in one query (issue 18: writes). The one query must
 * answer exactly what the separate queries answer.
 */
describe('resolving a session in one round trip', () => {
  let db: Database;
  let auth: AuthRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    auth = new AuthRepository(db.knex);
  });
  afterAll(async () => {
    await db.close();
  });

  it('gives the same grants, in the same order, and the same edited networks as the separate queries', async () => {
    const [north, south] = [await buildNetwork(db.knex), await buildNetwork(db.knex)];
    const [espoo, tallinn, braga] = [
      await buildCity(db.knex),
      await buildCity(db.knex),
      await buildCity(db.knex),
    ];
    await addMember(db.knex, north, espoo);
    await addMember(db.knex, south, espoo);
    await addMember(db.knex, south, tallinn);
    const email = 'many-roles@test.example';
    await issueSession(db.knex, email, { role: 'editor', city: espoo.slug });
    await issueSession(db.knex, email, { role: 'editor', city: braga.slug });
    await issueSession(db.knex, email, { role: 'viewer', network: north.slug });
    const session = await issueSession(db.knex, email, {
      role: 'coordinator',
      network: south.slug,
    });

    const found = await auth.findLiveSessionWithGrants(tokenHash(session.token), 1800);
    expect(found).toBeDefined();
    const grants = await auth.grantsOf(session.userId);
    expect(grants).toHaveLength(4);
    expect(found!.grants).toEqual(grants);
    expect(found!.grants[0]!.grantedAt).toBeInstanceOf(Date);
    const editorCities = grants.filter((g) => g.role === 'editor').map((g) => g.cityId!);
    expect([...found!.editorNetworkIds].sort()).toEqual(
      [...(await auth.networksOfCities(editorCities))].sort(),
    );
    // Espoo is in both networks; Braga in none.
    expect([...found!.editorNetworkIds].sort()).toEqual([north.id, south.id].sort());
    expect(found!.user.email).toBe(email);
    expect(found!.session.userId).toBe(session.userId);
  });

  it('answers empty lists for a user without grants, and nothing for an unknown or idle session', async () => {
    const session = await issueSession(db.knex, 'no-roles@test.example', { role: 'none' });
    const found = await auth.findLiveSessionWithGrants(tokenHash(session.token), 1800);
    expect(found?.grants).toEqual([]);
    expect(found?.editorNetworkIds).toEqual([]);
    expect(await auth.findLiveSessionWithGrants(tokenHash('x'.repeat(43)), 1800)).toBeUndefined();
    // An idle limit of 0 s: the session was last seen before "now", so it is no longer live.
    expect(await auth.findLiveSessionWithGrants(tokenHash(session.token), 0)).toBeUndefined();
  });
});
