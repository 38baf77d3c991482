import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  addObservations,
  buildCity,
  buildLyonGentNetwork,
} from '../../factories/factories';
import type { NetworkRow } from '../../../server/src/db/rows';
import { api } from '../../helpers/api';
import { withDatabase } from '../../helpers/pg-url';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Issue 18: a warm public read (city progress, network scores and ranking,
 * comparison) touches no database, and freshness is kept: a change made
 * through the app, straight through this process's connection (seeds,
 * factories) or — on PostgreSQL — by another connection (another instance,
 * psql; heard through NOTIFY) is what the next read shows.
 *
 * Round trips are counted where every query passes: knex's query event on
 * PGlite, the driver on PostgreSQL (its cache-key reads run as prepared
 * statements below knex).
 */
let ctx: TestContext;
let pub: NetworkRow;
const postgres = process.env.TEST_DATABASE_URL !== undefined;
const WARM = [
  '/api/v1/cities/lyon/progress',
  '/api/v1/networks/pub/scores',
  '/api/v1/networks/pub/ranking?limit=10',
  '/api/v1/networks/pub/indicators/recycling/comparison',
];

beforeAll(async () => {
  ctx = await createTestApp({ as: 'visitor' });
  const k = ctx.db.knex;
  const world = await buildLyonGentNetwork(k, { slug: 'pub', name: 'Pub' });
  pub = world.network;
  const { lyon, gent, recycling } = world;
  await addObservations(k, lyon, recycling, [
    [2019, 30],
    [2020, 32],
  ]);
  await addObservations(k, gent, recycling, [[2020, 50]]);
});

afterAll(async () => {
  await ctx?.close();
});

/** The database round trips `work` makes. */
async function roundTrips(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  if (postgres) {
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await work();
    } finally {
      pg.Client.prototype.query = original;
    }
    return count;
  }
  const onQuery = (): void => {
    count++;
  };
  ctx.db.knex.on('query', onQuery);
  try {
    await work();
  } finally {
    ctx.db.knex.off('query', onQuery);
  }
  return count;
}

/** Round trips of a repeated read; on PostgreSQL, once the change listener is connected (it starts with the app). */
async function warmRoundTrips(url: string): Promise<number> {
  const http = api(ctx.app);
  const deadline = Date.now() + 5000;
  for (;;) {
    expect((await http.get(url)).status, url).toBe(200);
    const count = await roundTrips(() => http.get(url));
    if (count === 0 || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('warm public reads', () => {
  it('make no database round trip', async () => {
    for (const url of WARM) expect(await warmRoundTrips(url), url).toBe(0);
  });

  it('show a change made through the app on the next read', async () => {
    const http = api(ctx.app);
    for (const url of WARM) expect(await warmRoundTrips(url), url).toBe(0);
    const network = await http.get('/api/v1/networks/pub', ctx.admin.headers);
    const hidden = await http.patch(
      '/api/v1/networks/pub',
      { isPublic: false },
      { ...ctx.admin.headers, 'if-match': String(network.headers.etag) },
    );
    expect(hidden.status, hidden.text).toBe(200);
    // Private now: the same reads answer as if nothing were there.
    for (const url of WARM) expect((await http.get(url)).status, url).toBe(404);
    const again = await http.get('/api/v1/networks/pub', ctx.admin.headers);
    const shown = await http.patch(
      '/api/v1/networks/pub',
      { isPublic: true },
      { ...ctx.admin.headers, 'if-match': String(again.headers.etag) },
    );
    expect(shown.status, shown.text).toBe(200);
    for (const url of WARM) expect((await http.get(url)).status, url).toBe(200);
  });

  it('show a change written straight through this process’s connection (seeds, factories) on the next read', async () => {
    const http = api(ctx.app);
    const cities = async () =>
      (
        await http.get<{ cities: Array<{ slug: string }> }>('/api/v1/networks/pub/scores')
      ).body.cities.map((c) => c.slug);
    expect(await warmRoundTrips('/api/v1/networks/pub/scores')).toBe(0);
    expect(await cities()).not.toContain('nice');
    const k = ctx.db.knex;
    const nice = await buildCity(k, { slug: 'nice', name: 'Nice' });
    await addMember(k, pub, nice);
    expect(await cities()).toContain('nice');
  });

  it.runIf(postgres)(
    'show a change made by another connection (another instance, psql) once PostgreSQL delivers its notification',
    async () => {
      const http = api(ctx.app);
      expect(await warmRoundTrips('/api/v1/cities/lyon/progress')).toBe(0);
      const [{ name }] = (await ctx.db.knex.raw('select current_database() as name')).rows as [
        { name: string },
      ];
      const other = new pg.Client({
        connectionString: withDatabase(process.env.TEST_DATABASE_URL!, name),
      });
      await other.connect();
      try {
        await other.query(`update networks set is_public = false where slug = 'pub'`);
        const started = Date.now();
        let status = 200;
        while (status !== 404 && Date.now() - started < 2000) {
          status = (await http.get('/api/v1/cities/lyon/progress')).status;
          if (status !== 404) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        expect(status).toBe(404);
        await other.query(`update networks set is_public = true where slug = 'pub'`);
      } finally {
        await other.end();
      }
    },
  );
});
