import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../helpers/server-process';
import { withDatabase } from '../../helpers/pg-url';

/**
 * Two server processes on one PostgreSQL database, no sticky sessions: a
 * session made by one is honoured by the other, a sign-out through one ends
 * it on both, and a write through one is visible through the other on the
 * next read (computed results included). Runs in the PostgreSQL pass of
 * `npm test` (TEST_DATABASE_URL set), as CI does.
 */
const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(adminUrl !== undefined)('two server instances on one database', () => {
  const database = `sdgcm_two_${process.pid}`;
  let a: ServerProcess;
  let b: ServerProcess;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`drop database if exists ${database} with (force)`);
    await admin(`create database ${database}`);
    const url = withDatabase(adminUrl!, database);
    const env = { SEED_DEMO: 'true', DEMO_ACCOUNTS: 'true' };
    // One after the other: the first one migrates and seeds.
    a = await startServer({ databaseUrl: url, env });
    b = await startServer({ databaseUrl: url, env });
  }, 240_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await admin(`drop database if exists ${database} with (force)`);
  });

  it('sign in through one, act through the other, sign out through either', async () => {
    const signIn = await fetch(`${a.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kosice@demo.example', password: 'demo kosice passphrase' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

    const session = (await (await fetch(`${b.url}/api/v1/auth/session`, { headers })).json()) as {
      user: { email: string } | null;
    };
    expect(session.user?.email).toBe('kosice@demo.example');

    // As the city's editor, who sees the city's drafts (visitors see approved years only).
    const progressOf = async (server: ServerProcess) =>
      (await (
        await fetch(`${server.url}/api/v1/cities/kosice/progress`, { headers: { cookie } })
      ).json()) as {
        indicators: Array<{ slug: string; latest: { year: number; value: number } | null }>;
      };
    const before = await progressOf(a);
    const indicator = before.indicators[0]!;
    const year = (indicator.latest?.year ?? 2024) + 1;
    const url = (server: ServerProcess) =>
      `${server.url}/api/v1/cities/kosice/indicators/${indicator.slug}/observations/${year}`;
    const value = indicator.latest?.value ?? 1;

    const write = await fetch(url(b), {
      method: 'PUT',
      headers,
      body: JSON.stringify({ value }),
    });
    expect(write.status).toBe(201);
    const read = (await (await fetch(url(a), { headers: { cookie } })).json()) as {
      value: number;
      updatedBy: string;
    };
    expect(read.value).toBe(value);
    const after = await progressOf(a);
    expect(after.indicators.find((i) => i.slug === indicator.slug)?.latest?.year).toBe(year);

    // A visitor's warm read on A touches no database (issue 18); a change made through B
    // reaches it through PostgreSQL's NOTIFY, delivered after B's commit (milliseconds).
    const visitorCityName = async () =>
      (
        (await (await fetch(`${a.url}/api/v1/cities/kosice/progress`)).json()) as {
          city: { name: string };
        }
      ).city.name;
    const oldName = await visitorCityName();
    expect(await visitorCityName()).toBe(oldName);
    const cityNow = await fetch(`${b.url}/api/v1/cities/kosice`, { headers });
    const renamed = await fetch(`${b.url}/api/v1/cities/kosice`, {
      method: 'PATCH',
      headers: { ...headers, 'if-match': cityNow.headers.get('etag')! },
      body: JSON.stringify({ name: `${oldName} (renamed)` }),
    });
    expect(renamed.status, await renamed.text()).toBe(200);
    const started = Date.now();
    let seen = await visitorCityName();
    while (seen === oldName && Date.now() - started < 1000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen = await visitorCityName();
    }
    expect(seen).toBe(`${oldName} (renamed)`);

    // Another city's figures: refused on both instances.
    for (const server of [a, b]) {
      const other = await fetch(
        `${server.url}/api/v1/cities/valencia/indicators/${indicator.slug}/observations/${year}`,
        { method: 'PUT', headers, body: JSON.stringify({ value }) },
      );
      expect(other.status).toBe(403);
    }

    const signOut = await fetch(`${a.url}/api/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(signOut.status).toBe(204);
    const replay = await fetch(url(b), {
      method: 'DELETE',
      headers: { ...headers, 'if-match': '*' },
    });
    expect(replay.status).toBe(401);
  });
});
