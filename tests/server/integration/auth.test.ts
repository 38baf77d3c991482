import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../server/src/auth/passwords';
import { tokenHash } from '../../../server/src/auth/tokens';
import { addMember, buildCity, buildNetwork, buildIndicator } from '../../factories/factories';
import { api, type ApiResponse } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';
import { endLoginBlock, expireSession, idleSession } from '../../helpers/time-travel';

/**
 * Sign-in, sessions, CSRF, throttling, passwords and account administration
 * (OWASP ASVS level 2, chapters 2 and 3), through the HTTP API.
 */

const PASSWORD = 'granite otter lantern';
const ANON = { cookie: '' };

let ctx: TestContext;
let http: ReturnType<typeof api>;

interface Session {
  user: { email: string } | null;
  csrfToken: string | null;
  roles: Array<{ role: string }>;
}

function sessionCookie(response: ApiResponse): { cookie: string; raw: string } {
  const header = response.headers['set-cookie'];
  const raw = String(Array.isArray(header) ? header[0] : header);
  const pair = raw.split(';')[0]!;
  return { cookie: pair, raw };
}

async function createUser(email: string, password = PASSWORD): Promise<number> {
  const response = await http.post<{ user: { id: number } }>('/api/v1/users', {
    email,
    password,
  });
  expect(response.status).toBe(201);
  return response.body.user.id;
}

async function signIn(
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = ANON,
): Promise<{ response: ApiResponse<Session>; headers: Record<string, string> }> {
  const response = await http.post<Session>('/api/v1/auth/sign-in', { email, password }, headers);
  if (response.status !== 200) return { response, headers: ANON };
  const { cookie } = sessionCookie(response);
  return { response, headers: { cookie, 'x-csrf-token': response.body.csrfToken! } };
}

/** The stored id of the session behind a cookie header. */
const sessionIdOf = (headers: Record<string, string>): string =>
  tokenHash(headers.cookie!.split('=')[1]!);

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
  const network = await buildNetwork(ctx.db.knex, { slug: 'auth-net' });
  const city = await buildCity(ctx.db.knex, { slug: 'auth-city' });
  await addMember(ctx.db.knex, network, city);
  await buildIndicator(ctx.db.knex, network, { slug: 'auth-ind' });
});

afterAll(async () => {
  await ctx?.close();
});

describe('passwords', () => {
  it('are stored as argon2id with at least 19 MiB, 2 passes and 1 lane', async () => {
    await createUser('hash@test.example');
    const row = (await ctx.db.knex('users').where({ email: 'hash@test.example' }).first()) as {
      password_hash: string;
    };
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('refuse short, common, e-mail-based and overlong passwords with a clear message', async () => {
    const cases: Array<[string, RegExp]> = [
      ['short', /at least 12 characters/],
      ['password1234', /most commonly used/],
      ['qwertyuiop123', /most commonly used/],
      ['Password2024!!!', /most commonly used/],
      ['aaaaaaaaaaaaaaaa', /most commonly used/],
      ['marie.curie-secret-key', /email address/],
      ['x'.repeat(129), /at most 128/],
    ];
    for (const [password, message] of cases) {
      const response = await http.post<{ error: { message: string } }>('/api/v1/users', {
        email: 'marie.curie@test.example',
        password,
      });
      expect({ password, status: response.status }).toEqual({ password, status: 400 });
      expect(response.body.error.message).toMatch(message);
    }
    expect(await passwordProblems('granite otter lantern', 'a@b.eu')).toEqual([]);
    expect(await passwordProblems('ünïcödé pässwörd ✓', 'a@b.eu')).toEqual([]);
  });
});

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie on Path=/ (not Secure over plain HTTP)', async () => {
    await createUser('cookie@test.example');
    const { response } = await signIn('cookie@test.example');
    expect(response.status).toBe(200);
    expect(response.body.user?.email).toBe('cookie@test.example');
    const { raw } = sessionCookie(response);
    expect(raw).toMatch(/^sdgcm_session=[A-Za-z0-9_-]{43}; /);
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Lax');
    expect(raw).toContain('Path=/');
    expect(raw).not.toContain('Secure');
    expect(raw).not.toContain('Domain');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('over HTTPS (behind a trusted proxy) the cookie is __Host- prefixed and Secure', async () => {
    const https = await createTestApp({ as: 'admin', env: { TRUST_PROXY: 'true' } });
    try {
      const client = api(https.app);
      await client.post('/api/v1/users', { email: 'tls@test.example', password: PASSWORD });
      const response = await client.post(
        '/api/v1/auth/sign-in',
        { email: 'tls@test.example', password: PASSWORD },
        { cookie: '', 'x-forwarded-proto': 'https' },
      );
      expect(response.status).toBe(200);
      const { raw, cookie } = sessionCookie(response);
      expect(raw).toMatch(/^__Host-sdgcm_session=/);
      expect(raw).toContain('Secure');
      expect(raw).toContain('Path=/');
      expect(raw).not.toContain('Domain');
      const session = await client.get<Session>('/api/v1/auth/session', {
        cookie,
        'x-forwarded-proto': 'https',
      });
      expect(session.body.user?.email).toBe('tls@test.example');
      expect(session.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      // The same cookie name over plain HTTP is not read, and plain HTTP gets no HSTS.
      const plain = await client.get<Session>('/api/v1/auth/session', { cookie });
      expect(plain.body.user).toBeNull();
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await https.close();
    }
  });

  it('a wrong password and an unknown email get the same answer, and both are audited', async () => {
    await createUser('same@test.example');
    const wrong = await http.post(
      '/api/v1/auth/sign-in',
      {
        email: 'same@test.example',
        password: 'not the password',
      },
      ANON,
    );
    const unknown = await http.post(
      '/api/v1/auth/sign-in',
      {
        email: 'nobody-here@test.example',
        password: 'not the password',
      },
      ANON,
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toBe(unknown.text);
    const events = (await ctx.db
      .knex('audit_events')
      .where({ action: 'auth.sign_in_failed' })
      .whereIn('entity_key', ['same@test.example', 'nobody-here@test.example'])) as unknown[];
    expect(events).toHaveLength(2);
  });

  it('session fixation: a cookie the client invents is ignored, and sign-in always issues a new id', async () => {
    await createUser('fixation@test.example');
    const planted = 'A'.repeat(43);
    const before = await http.get<Session>('/api/v1/auth/session', {
      cookie: `sdgcm_session=${planted}`,
    });
    expect(before.body.user).toBeNull();
    const first = await signIn('fixation@test.example', PASSWORD, {
      cookie: `sdgcm_session=${planted}`,
    });
    expect(first.headers.cookie).not.toContain(planted);
    // Signing in again with a live session replaces it: the old id stops working.
    const second = await signIn('fixation@test.example', PASSWORD, {
      cookie: first.headers.cookie!,
    });
    expect(second.headers.cookie).not.toBe(first.headers.cookie);
    const old = await http.get<Session>('/api/v1/auth/session', { cookie: first.headers.cookie! });
    expect(old.body.user).toBeNull();
    const current = await http.get<Session>('/api/v1/auth/session', {
      cookie: second.headers.cookie!,
    });
    expect(current.body.user?.email).toBe('fixation@test.example');
  });

  it('sign-out destroys the session on the server: replaying the cookie gets nothing', async () => {
    const id = await createUser('logout@test.example');
    await http.post(`/api/v1/users/${id}/roles`, { role: 'editor', city: 'auth-city' });
    const { headers } = await signIn('logout@test.example');
    const write = (h: Record<string, string>) =>
      http.put('/api/v1/cities/auth-city/indicators/auth-ind/observations/2020', { value: 10 }, h);
    expect((await write(headers)).status).toBe(201);
    const out = await http.post('/api/v1/auth/sign-out', undefined, headers);
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    const replay = await write(headers);
    expect(replay.status).toBe(401);
    expect((await http.get<Session>('/api/v1/auth/session', headers)).body.user).toBeNull();
    const audit = await ctx.db
      .knex('audit_events')
      .where({ action: 'auth.signed_out', entity_key: 'logout@test.example' });
    expect(audit).toHaveLength(1);
  });

  it('expires after the idle timeout and after the absolute lifetime', async () => {
    await createUser('expiry@test.example');
    const idle = await signIn('expiry@test.example');
    const absolute = await signIn('expiry@test.example');
    const hash = (headers: Record<string, string>) => sessionIdOf(headers);
    await idleSession(ctx.db.knex, hash(idle.headers), 31 * 60_000);
    await expireSession(ctx.db.knex, hash(absolute.headers));
    for (const { headers } of [idle, absolute]) {
      expect((await http.get<Session>('/api/v1/auth/session', headers)).body.user).toBeNull();
    }
  });

  it('an active session is kept alive; its idle clock is reset by use', async () => {
    await createUser('active@test.example');
    const { headers } = await signIn('active@test.example');
    const id = sessionIdOf(headers);
    await idleSession(ctx.db.knex, id, 20 * 60_000);
    expect((await http.get<Session>('/api/v1/auth/session', headers)).body.user).not.toBeNull();
    const row = (await ctx.db.knex('sessions').where({ id }).first()) as { last_seen_at: Date };
    expect(Date.now() - row.last_seen_at.getTime()).toBeLessThan(60_000);
  });
});

describe('CSRF', () => {
  let headers: Record<string, string>;
  const url = '/api/v1/cities/auth-city/indicators/auth-ind/observations/2021';

  beforeAll(async () => {
    const id = await createUser('csrf@test.example');
    await http.post(`/api/v1/users/${id}/roles`, { role: 'editor', city: 'auth-city' });
    headers = (await signIn('csrf@test.example')).headers;
  });

  it('refuses a change without the session’s token, or with a wrong one', async () => {
    const { cookie } = headers;
    const missing = await http.put(url, { value: 1 }, { cookie: cookie! });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('security token');
    const wrong = await http.put(
      url,
      { value: 1 },
      { cookie: cookie!, 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(wrong.status).toBe(403);
    const stored = await ctx.db.knex('observations').where({ year: 2021 });
    expect(stored).toHaveLength(0);
  });

  it('refuses cross-site requests by Origin or Sec-Fetch-Site, even with the token', async () => {
    const cases: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const extra of cases) {
      const response = await http.put(url, { value: 1 }, { ...headers, ...extra });
      expect({ extra, status: response.status }).toEqual({ extra, status: 403 });
    }
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const response = await http.post(
      '/api/v1/auth/sign-in',
      { email: 'csrf@test.example', password: PASSWORD },
      { cookie: '', origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the same origin with the token', async () => {
    const response = await http.put(
      url,
      { value: 1 },
      {
        ...headers,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(response.status).toBe(201);
  });

  it('a cross-site HTML form cannot import: text/plain bodies need the token too', async () => {
    const response = await http.post('/api/v1/imports', 'city,indicator,year,value\n', {
      cookie: headers.cookie!,
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(403);
  });
});

describe('throttling', () => {
  it('after 5 failures from one address that address is refused for a growing delay, whatever the password, without revealing existence', async () => {
    await createUser('brute@test.example');
    const attempt = (email: string, password: string, ip: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { cookie: '', 'content-type': 'application/json' },
        payload: JSON.stringify({ email, password }),
        remoteAddress: ip,
      });
    const key = 'account-ip:brute@test.example|10.0.0.9';
    for (let i = 1; i <= 5; i++) {
      const response = await attempt('brute@test.example', `guess number ${i}`, '10.0.0.9');
      expect(response.statusCode).toBe(i < 5 ? 401 : 429);
    }
    const locked = await attempt('brute@test.example', PASSWORD, '10.0.0.9');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(50);
    expect(locked.json<{ error: { message: string } }>().error.message).toMatch(/Try again in/);
    // An unknown email behaves exactly the same.
    for (let i = 1; i <= 5; i++) await attempt('ghost@test.example', `guess ${i}`, '10.0.2.9');
    const ghost = await attempt('ghost@test.example', 'guess 6', '10.0.2.9');
    expect(ghost.statusCode).toBe(429);
    // The delay doubles with each further failure.
    await endLoginBlock(ctx.db.knex, key);
    const again = await attempt('brute@test.example', 'still guessing', '10.0.0.9');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThanOrEqual(110);
    // Once the block has passed, the right password works and clears the count.
    await endLoginBlock(ctx.db.knex, key);
    expect((await attempt('brute@test.example', PASSWORD, '10.0.0.9')).statusCode).toBe(200);
    expect(await ctx.db.knex('login_throttle').where({ key })).toHaveLength(0);
  });

  it('nobody can lock someone else out: failures from other addresses never refuse the right password from a clean one', async () => {
    await createUser('victim@test.example');
    const attempt = (password: string, ip: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { cookie: '', 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'victim@test.example', password }),
        remoteAddress: ip,
      });
    // An attacker fails 5 times from each of 4 addresses (each address gets blocked)…
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'])
      for (let i = 1; i <= 6; i++) await attempt(`wrong ${i}`, ip);
    expect((await attempt('wrong again', '203.0.113.1')).statusCode).toBe(429);
    // …and the owner, from an address without failures, signs in at once.
    const owner = await attempt(PASSWORD, '198.51.100.7');
    expect(owner.statusCode).toBe(200);
    expect(owner.headers['set-cookie']).toBeDefined();
  });

  it('one address trying many accounts is locked after 30 failures', async () => {
    const ip = '192.0.2.77';
    let last = 0;
    for (let i = 0; i < 30; i++) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { cookie: '', 'content-type': 'application/json' },
        payload: JSON.stringify({ email: `spray${i}@test.example`, password: 'Summer2024!!' }),
        remoteAddress: ip,
      });
      last = response.statusCode;
    }
    expect(last).toBe(429);
  });
});

describe('account administration', () => {
  it('a password change ends every other session and keeps this one with a new id', async () => {
    await createUser('change@test.example');
    const laptop = await signIn('change@test.example');
    const phone = await signIn('change@test.example');
    const changed = await http.post<Session>(
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      laptop.headers,
    );
    expect(changed.status).toBe(200);
    const { cookie } = sessionCookie(changed);
    expect(cookie).not.toBe(laptop.headers.cookie);
    for (const old of [laptop.headers, phone.headers]) {
      expect((await http.get<Session>('/api/v1/auth/session', old)).body.user).toBeNull();
    }
    expect((await http.get<Session>('/api/v1/auth/session', { cookie })).body.user?.email).toBe(
      'change@test.example',
    );
    expect((await signIn('change@test.example')).response.status).toBe(401);
    expect((await signIn('change@test.example', 'a brand new passphrase')).response.status).toBe(
      200,
    );
    const audit = await ctx.db
      .knex('audit_events')
      .where({ action: 'auth.password_changed', entity_key: 'change@test.example' });
    expect(audit).toHaveLength(1);
  });

  it('a wrong current password or a weak new one is refused', async () => {
    await createUser('weak@test.example');
    const { headers } = await signIn('weak@test.example');
    const wrong = await http.post(
      '/api/v1/auth/password',
      { currentPassword: 'not mine at all', newPassword: 'a brand new passphrase' },
      headers,
    );
    expect(wrong.status).toBe(400);
    const weak = await http.post(
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: 'password123456' },
      headers,
    );
    expect(weak.status).toBe(400);
  });

  it('disabling an account ends its sessions at once and refuses sign-in; the last admin cannot be disabled', async () => {
    const id = await createUser('disabled@test.example');
    const { headers } = await signIn('disabled@test.example');
    const patch = await http.patch(`/api/v1/users/${id}`, { disabled: true });
    expect(patch.status).toBe(200);
    expect((await http.get<Session>('/api/v1/auth/session', headers)).body.user).toBeNull();
    const again = await signIn('disabled@test.example');
    expect(again.response.status).toBe(401);
    const self = await http.patch(`/api/v1/users/${ctx.admin.userId}`, { disabled: true });
    expect(self.status).toBe(409);
    const audit = await ctx.db
      .knex('audit_events')
      .where({ action: 'user.disabled', entity_key: 'disabled@test.example' });
    expect(audit).toHaveLength(1);
  });

  it('an invitation link sets the password once and signs the user in', async () => {
    const created = await http.post<{
      user: { id: number; hasPassword: boolean };
      invitation: { path: string };
    }>('/api/v1/users', { email: 'invited@test.example', displayName: 'Invited Person' });
    expect(created.status).toBe(201);
    expect(created.body.user.hasPassword).toBe(false);
    const token = created.body.invitation.path.split('#token=')[1]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const weak = await http.post(
      '/api/v1/auth/invitations/accept',
      { token, password: 'short' },
      ANON,
    );
    expect(weak.status).toBe(400);
    const accepted = await http.post<Session>(
      '/api/v1/auth/invitations/accept',
      { token, password: 'my own passphrase here' },
      ANON,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.user?.email).toBe('invited@test.example');
    const reused = await http.post(
      '/api/v1/auth/invitations/accept',
      { token, password: 'another passphrase here' },
      ANON,
    );
    expect(reused.status).toBe(404);
    expect((await signIn('invited@test.example', 'my own passphrase here')).response.status).toBe(
      200,
    );
  });

  it('role grants and removals are audited, and a grant takes effect on the next request', async () => {
    const id = await createUser('roles@test.example');
    const { headers } = await signIn('roles@test.example');
    const url = '/api/v1/cities/auth-city/indicators/auth-ind/observations/2022';
    expect((await http.put(url, { value: 3 }, headers)).status).toBe(403);
    const grant = await http.post<{ id: number }>(`/api/v1/users/${id}/roles`, {
      role: 'editor',
      city: 'auth-city',
    });
    expect(grant.status).toBe(201);
    expect((await http.put(url, { value: 3 }, headers)).status).toBe(201);
    expect((await http.delete(`/api/v1/users/${id}/roles/${grant.body.id}`)).status).toBe(204);
    expect((await http.put(url, { value: 4 }, { ...headers, 'if-match': '*' })).status).toBe(403);
    const actions = (
      (await ctx.db
        .knex('audit_events')
        .where({ entity_key: 'roles@test.example' })
        .orderBy('id')) as Array<{ action: string }>
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.created', 'auth.signed_in', 'role.granted', 'role.revoked']),
    );
  });

  it('demo accounts cannot sign in where demo accounts are not allowed', async () => {
    await createUser('admin@demo.example', 'published demo passphrase');
    const response = await signIn('admin@demo.example', 'published demo passphrase');
    expect(response.response.status).toBe(401);
  });
});

describe('security headers', () => {
  it('every API answer, error or not, carries the security headers', async () => {
    for (const path of ['/api/v1/networks', '/api/v1/nothing-here', '/api/health']) {
      const response = await http.get(path, ANON);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      // HSTS only means something over HTTPS (tested with a trusted proxy below).
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('answers for a signed-in user are never stored by shared caches', async () => {
    const response = await http.get('/api/v1/networks');
    expect(String(response.headers['cache-control'])).toMatch(/private|no-store/);
    expect(String(response.headers.vary)).toContain('Cookie');
  });
});
