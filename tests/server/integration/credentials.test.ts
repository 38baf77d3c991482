import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../../server/src/auth/totp';
import { buildAccessWorld, type AccessWorld } from '../../helpers/access-world';
import { api, fingerprint } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';
import { expireApiToken } from '../../helpers/time-travel';

/**
 * API tokens for scripts, the public read API for other websites (CORS) and
 * the second factor (TOTP) for administrators and coordinators.
 */

const PASSWORD = 'granite otter lantern';

let ctx: TestContext;
let world: AccessWorld;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin', env: { API_TOKEN_REQUESTS_PER_MINUTE: '40' } });
  world = await buildAccessWorld(ctx);
});

afterAll(async () => {
  await ctx?.close();
});

async function createToken(
  who: Parameters<AccessWorld['headersOf']>[0],
  body: Record<string, unknown>,
): Promise<{ token: string; id: number }> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    headers: { ...world.headersOf(who), 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  expect(response.statusCode).toBe(201);
  const created = response.json<{ token: string; apiToken: { id: number } }>();
  return { token: created.token, id: created.apiToken.id };
}

const bearer = (token: string) => ({ cookie: '', authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('a script imports a CSV with a token exactly as the README shows: no cookie, no CSRF token', async () => {
    const { token } = await createToken('editor-ours', { name: 'Nightly import', access: 'roles' });
    expect(token).toMatch(/^sdgcm_[A-Za-z0-9_-]{43}$/);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/imports?fileName=nightly.csv',
      headers: { ...bearer(token), 'content-type': 'text/csv' },
      payload: 'city,indicator,year,value\nours,pub-ind,2022,13.5\n',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ committed: true, toInsert: 1 });
    // The change is attributed to the token's user, by display name.
    const value = await ctx.app.inject({
      url: '/api/v1/cities/ours/indicators/pub-ind/observations/2022',
      headers: bearer(token),
    });
    expect(value.json()).toMatchObject({ value: 13.5, updatedBy: 'editor' });
    // The list shows the token's name, prefix and last use, never the token.
    const list = await ctx.app.inject({
      url: '/api/v1/auth/tokens',
      headers: world.headersOf('editor-ours'),
    });
    expect(list.body).not.toContain(token);
    expect(list.json()).toMatchObject({
      tokens: [
        { name: 'Nightly import', access: 'roles', prefix: token.slice(0, 10), revoked: false },
      ],
    });
    expect(
      list.json<{ tokens: Array<{ lastUsedAt: string | null }> }>().tokens[0]!.lastUsedAt,
    ).not.toBeNull();
  });

  it('a read-only token reads what its user may read and changes nothing', async () => {
    const { token } = await createToken('viewer-priv', { name: 'Dashboard', access: 'read' });
    expect(
      (await ctx.app.inject({ url: '/api/v1/networks/priv', headers: bearer(token) })).statusCode,
    ).toBe(200);
    const { token: editorRead } = await createToken('editor-ours', {
      name: 'Read',
      access: 'read',
    });
    const before = await fingerprint(ctx.db.knex);
    const write = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/cities/ours/indicators/pub-ind/observations/2023',
      headers: { ...bearer(editorRead), 'content-type': 'application/json' },
      payload: JSON.stringify({ value: 1 }),
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ error: { message: /read-only/ } });
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('tokens cannot manage tokens or passwords (that needs the person, signed in)', async () => {
    const { token } = await createToken('editor-ours', { name: 'Script', access: 'roles' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Another', access: 'roles' }),
    });
    expect(response.statusCode).toBe(403);
  });

  it('a revoked, expired, mistyped or disabled user’s token is a 401', async () => {
    const { token, id } = await createToken('editor-ours', { name: 'Short-lived', access: 'read' });
    expect(
      (await ctx.app.inject({ url: '/api/v1/networks', headers: bearer(token) })).statusCode,
    ).toBe(200);
    const revoke = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${id}`,
      headers: world.headersOf('editor-ours'),
    });
    expect(revoke.statusCode).toBe(204);
    const revoked = await ctx.app.inject({ url: '/api/v1/networks', headers: bearer(token) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ error: { code: 'unauthorized', message: /not valid/ } });

    const { token: expiring } = await createToken('editor-ours', {
      name: 'Expiring',
      access: 'read',
      expiresInDays: 1,
    });
    await expireApiToken(ctx.db.knex, 'Expiring');
    expect(
      (await ctx.app.inject({ url: '/api/v1/networks', headers: bearer(expiring) })).statusCode,
    ).toBe(401);
    expect(
      (await ctx.app.inject({ url: '/api/v1/networks', headers: bearer(`${token.slice(0, -1)}x`) }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await ctx.app.inject({
          url: '/api/v1/networks',
          headers: { cookie: '', authorization: 'Basic abc' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('requests per token are limited per minute (429 with Retry-After)', async () => {
    const { token } = await createToken('editor-ours', { name: 'Busy', access: 'read' });
    const statuses: number[] = [];
    for (let i = 0; i < 42; i++)
      statuses.push(
        (await ctx.app.inject({ url: '/api/v1/networks', headers: bearer(token) })).statusCode,
      );
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    const limited = await ctx.app.inject({ url: '/api/v1/networks', headers: bearer(token) });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('guessing tokens from one address is throttled', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) {
      const response = await ctx.app.inject({
        url: '/api/v1/networks',
        headers: bearer(`sdgcm_${'a'.repeat(42)}${i % 10}`),
        remoteAddress: '192.0.2.77',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 29).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('the public read API for other websites (CORS)', () => {
  const ORIGIN = 'https://news.example';

  it('public reads answer any origin, without credentials, and as a visitor', async () => {
    const response = await ctx.app.inject({
      url: '/api/v1/networks/pub/scores',
      headers: { ...world.headersOf('coordinator-pub'), origin: ORIGIN },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['cache-control']).not.toMatch(/private/);
    // A private network, even with a member's cookie, is not there for another website.
    const hidden = await ctx.app.inject({
      url: '/api/v1/networks/priv',
      headers: { ...world.headersOf('viewer-priv'), origin: ORIGIN },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('writes, session reads and members-only reads never answer cross-origin', async () => {
    const write = await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/cities/ours/indicators/pub-ind/observations/2024',
      headers: {
        ...world.headersOf('editor-ours'),
        origin: ORIGIN,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ value: 1 }),
    });
    expect(write.statusCode).toBe(403);
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
    for (const url of [
      '/api/v1/auth/session',
      '/api/v1/cities/ours/history',
      '/api/v1/auth/tokens',
    ]) {
      const response = await ctx.app.inject({
        url,
        headers: { ...world.headersOf('editor-ours'), origin: ORIGIN },
      });
      expect({ url, allow: response.headers['access-control-allow-origin'] }).toEqual({
        url,
        allow: undefined,
      });
    }
    const preflight = await ctx.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/imports',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('allowed origins are configurable', async () => {
    const limited = await createTestApp({
      as: 'admin',
      env: { CORS_ORIGINS: 'https://www.espoo.fi' },
    });
    try {
      const allowed = await limited.app.inject({
        url: '/api/v1/networks',
        headers: { cookie: '', origin: 'https://www.espoo.fi' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://www.espoo.fi');
      const other = await limited.app.inject({
        url: '/api/v1/networks',
        headers: { cookie: '', origin: ORIGIN },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});

describe('second factor (TOTP) for administrators and coordinators', () => {
  it('is enforced by configuration: a coordinator’s role counts only once the second factor is set up', async () => {
    const strict = await createTestApp({
      as: 'admin',
      env: { SECOND_FACTOR_ROLES: 'coordinator' },
    });
    const http = api(strict.app);
    try {
      // An account created by the (system) test admin, then granted a coordinator role.
      await buildAccessWorld(strict);
      const created = await http.post<{ user: { id: number } }>('/api/v1/users', {
        email: 'coord2@test.example',
        password: PASSWORD,
      });
      expect(created.status).toBe(201);
      expect(
        (
          await http.post(`/api/v1/users/${created.body.user.id}/roles`, {
            role: 'coordinator',
            network: 'pub',
          })
        ).status,
      ).toBe(201);
      const signIn = async (extra: Record<string, string> = {}) => {
        const response = await strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          headers: { cookie: '', 'content-type': 'application/json', ...extra },
          payload: JSON.stringify({ email: 'coord2@test.example', password: PASSWORD }),
        });
        return response;
      };
      const first = await signIn();
      expect(first.statusCode).toBe(200);
      const session = first.json<{
        csrfToken: string;
        heldBackRoles: string[];
        roles: unknown[];
      }>();
      expect(session.heldBackRoles).toEqual(['coordinator']);
      expect(session.roles).toEqual([]);
      const headers = {
        cookie: String(first.headers['set-cookie']).split(';')[0]!,
        'x-csrf-token': session.csrfToken,
      };
      const patch = await strict.app.inject({
        method: 'PATCH',
        url: '/api/v1/networks/pub',
        headers: { ...headers, 'content-type': 'application/json', 'if-match': '"0"' },
        payload: JSON.stringify({ name: 'Renamed' }),
      });
      expect(patch.statusCode).toBe(403);
      expect(patch.json()).toMatchObject({ error: { message: /two-factor authentication/ } });

      // Set-up: a secret (and its QR code), then a first code confirms it; recovery codes come once.
      const setup = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor/setup',
        headers,
      });
      expect(setup.statusCode).toBe(200);
      const { secret, uri, qrSvg } = setup.json<{ secret: string; uri: string; qrSvg: string }>();
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      expect(qrSvg).toMatch(/<svg/);
      const wrong = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor/confirm',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ code: '000000' }),
      });
      expect(wrong.statusCode).toBe(400);
      const code = await currentTotp(secret);
      const confirm = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/second-factor/confirm',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ code }),
      });
      expect(confirm.statusCode).toBe(200);
      const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
      expect(recoveryCodes).toHaveLength(10);
      // The role counts now (the next request rebuilds the principal).
      const status = await strict.app.inject({ url: '/api/v1/auth/session', headers });
      expect(status.json()).toMatchObject({ heldBackRoles: [], roles: [{ role: 'coordinator' }] });

      // Signing in now takes two steps.
      const step1 = await signIn();
      const challenge = step1.json<{ user: unknown; secondFactorChallenge: string }>();
      expect(challenge.user).toBeNull();
      expect(step1.headers['set-cookie']).toBeUndefined();
      const complete = (code: string) =>
        strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in/second-factor',
          headers: { cookie: '', 'content-type': 'application/json' },
          payload: JSON.stringify({ challenge: challenge.secondFactorChallenge, code }),
        });
      // The code used to confirm cannot be replayed.
      expect((await complete(code)).statusCode).toBe(400);
      // A recovery code works once.
      const recovered = await complete(recoveryCodes[0]!);
      expect(recovered.statusCode).toBe(200);
      expect(recovered.json()).toMatchObject({ user: { email: 'coord2@test.example' } });
      const again = await signIn();
      const second = again.json<{ secondFactorChallenge: string }>().secondFactorChallenge;
      const reuse = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/second-factor',
        headers: { cookie: '', 'content-type': 'application/json' },
        payload: JSON.stringify({ challenge: second, code: recoveryCodes[0] }),
      });
      expect(reuse.statusCode).toBe(400);
      // Five wrong codes end the challenge.
      for (let i = 0; i < 4; i++)
        await strict.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in/second-factor',
          headers: { cookie: '', 'content-type': 'application/json' },
          payload: JSON.stringify({ challenge: second, code: '111111' }),
        });
      const exhausted = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/second-factor',
        headers: { cookie: '', 'content-type': 'application/json' },
        payload: JSON.stringify({ challenge: second, code: recoveryCodes[1] }),
      });
      expect([401, 429]).toContain(exhausted.statusCode);
    } finally {
      await strict.close();
    }
  });

  it('turning it off needs the password and a code; an administrator can reset a lost one', async () => {
    const headers = world.headersOf('coordinator-pub');
    const setup = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/setup',
      headers,
    });
    const { secret } = setup.json<{ secret: string }>();
    const confirmed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/confirm',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ code: await currentTotp(secret) }),
    });
    expect(confirmed.statusCode).toBe(200);
    const statusOn = await ctx.app.inject({ url: '/api/v1/auth/second-factor', headers });
    expect(statusOn.json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const noPassword = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor/disable',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ password: 'wrong', code: '123456' }),
    });
    expect(noPassword.statusCode).toBe(400);
    const coordinator = world.sessions.get('coordinator-pub')!;
    const reset = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${coordinator.userId}/second-factor`,
    });
    expect(reset.statusCode).toBe(204);
    const statusOff = await ctx.app.inject({ url: '/api/v1/auth/second-factor', headers });
    expect(statusOff.json()).toMatchObject({ enabled: false });
    const history = await ctx.db
      .knex('audit_events')
      .where('action', 'like', 'auth.second_factor%')
      .select('action');
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['auth.second_factor_enabled', 'auth.second_factor_reset']),
    );
  });
});

describe('names, not emails, in public', () => {
  it('values, ambitions and history name people by display name', async () => {
    await ctx.app.inject({
      method: 'PUT',
      url: '/api/v1/cities/ours/indicators/pub-ind/observations/2025',
      headers: { ...world.headersOf('editor-ours'), 'content-type': 'application/json' },
      payload: JSON.stringify({ value: 3 }),
    });
    for (const url of [
      '/api/v1/cities/ours/indicators/pub-ind/observations/2025',
      '/api/v1/cities/ours/observations',
      '/api/v1/cities/ours/ambitions',
      '/api/v1/cities/ours/history',
      '/api/v1/cities/ours/indicators/pub-ind/observations/2025/history',
    ]) {
      const response = await ctx.app.inject({ url, headers: world.headersOf('editor-ours') });
      expect(response.statusCode).toBe(200);
      expect({ url, emails: response.body.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) }).toEqual({
        url,
        emails: null,
      });
    }
  });
});
