import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../../server/src/auth/policy';
import {
  buildAccessWorld,
  PLACES,
  SAMPLES,
  type AccessWorld,
  type Target,
  type Who,
} from '../../helpers/access-world';
import { api, fingerprint } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * The permission matrix, generated from the app's own route table: every
 * write route × every kind of user × a target that is theirs, another
 * city/network's, or in a private network they cannot see. The expected
 * answer is written out here from the rules in the issue, independently of
 * the access service, and every refused request must leave the database as it was.
 *
 * World: public network "pub" (cities "ours" and "theirs"), public network
 * "pub2" (city "far"), private network "priv" (city "hidden").
 */

type Expected = 'allowed' | 401 | 403 | 404;

const WHO: readonly Who[] = [
  'anonymous',
  'no-role',
  'viewer-priv',
  'editor-ours',
  'coordinator-pub',
  'admin',
];
const TARGETS: readonly Target[] = ['own', 'other', 'private'];

/** Whether `who` may even see the target's network (private ones need a membership). */
function sees(who: Who, target: Target): boolean {
  return target !== 'private' || who === 'admin' || who === 'viewer-priv';
}

/** The rules of issue 6, stated independently of the implementation. */
function expected(rule: Action, who: Who, target: Target): Expected {
  if (rule === 'public') return 'allowed';
  if (who === 'anonymous') return 401;
  if (who === 'admin') return 'allowed';
  switch (rule) {
    case 'signed-in':
    case 'session':
      return 'allowed';
    case 'admin':
      return 403;
    case 'city.create':
      return who === 'coordinator-pub' ? 'allowed' : 403;
    case 'import':
      // Only editors may import, and only their own city's rows.
      return who === 'editor-ours' && target === 'own' ? 'allowed' : 403;
    case 'network.manage':
    case 'indicator.manage':
      if (!sees(who, target)) return 404;
      return who === 'coordinator-pub' && target === 'own' ? 'allowed' : 403;
    // Coordinators no longer edit the cities of their network: only a city's editors do.
    case 'city.edit':
    case 'membership.respond':
    case 'data.write':
    case 'review.submit':
    case 'action.write':
      if (!sees(who, target)) return 404;
      return who === 'editor-ours' && target === 'own' ? 'allowed' : 403;
    case 'review.decide':
    case 'action.decide':
      if (!sees(who, target)) return 404;
      return who === 'coordinator-pub' && target === 'own' ? 'allowed' : 403;
    case 'review.comment':
      if (!sees(who, target)) return 404;
      return (who === 'editor-ours' || who === 'coordinator-pub') && target === 'own'
        ? 'allowed'
        : 403;
    default:
      throw new Error(`no expectation for write rule ${rule}`);
  }
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let ctx: TestContext;
let world: AccessWorld;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  world = await buildAccessWorld(ctx);
});

afterAll(async () => {
  await ctx?.close();
});

const headersOf = (who: Who): Record<string, string> => world.headersOf(who);

async function send(method: string, template: string, target: Target, who: Who) {
  const sample = SAMPLES[`${method} ${template}`];
  if (sample === undefined) throw new Error(`no sample request for ${method} ${template}`);
  const headers = { ...headersOf(who), ...sample.headers };
  const payload =
    sample.zip !== undefined
      ? Buffer.from(sample.zip())
      : sample.csv !== undefined
        ? sample.csv(PLACES[target])
        : sample.body === undefined
          ? undefined
          : JSON.stringify(sample.body);
  if (sample.zip !== undefined) headers['content-type'] = 'application/zip';
  else if (sample.csv !== undefined) headers['content-type'] = 'text/csv';
  else if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await ctx.app.inject({
    method: method as 'POST',
    url:
      world.urlFor(template, target) +
      (sample.query === undefined ? '' : `?${sample.query(PLACES[target])}`),
    headers,
    payload,
  });
  return { status: response.statusCode, body: response.body };
}

describe('permission matrix (generated from the route table)', () => {
  it('every API route declares an access rule and every write route has a sample request', () => {
    expect(ctx.app.routeAccess.length).toBeGreaterThan(40);
    const writes = ctx.app.routeAccess.filter((r) => WRITE.has(r.method));
    const missing = writes
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => SAMPLES[key] === undefined);
    expect(missing).toEqual([]);
  });

  it('every write route × every role × own / other / private target answers as the rules say, and refusals change nothing', async () => {
    const writes = ctx.app.routeAccess.filter((r) => WRITE.has(r.method));
    const failures: string[] = [];
    let checked = 0;
    let refused = 0;
    for (const route of writes) {
      if (SAMPLES[`${route.method} ${route.url}`]?.skip === true) continue;
      const targets = /:(network|city|indicator|actionId)/.test(route.url)
        ? TARGETS
        : (['own'] as const);
      // Refusals first (with a database fingerprint around them), allowed requests last:
      // an allowed DELETE may remove what later requests would need.
      const cases = targets.flatMap((target) =>
        WHO.map((who) => ({ target, who, want: expected(route.access, who, target) })),
      );
      cases.sort((a, b) => Number(a.want === 'allowed') - Number(b.want === 'allowed'));
      for (const { target, who, want } of cases) {
        const before = want === 'allowed' ? null : await fingerprint(ctx.db.knex);
        const { status, body } = await send(route.method, route.url, target, who);
        checked++;
        const label = `${route.method} ${route.url} [${route.access}] as ${who} on ${target}`;
        if (want === 'allowed') {
          const hidden = status === 404 && /There is no (network|city|indicator|action)/.test(body);
          if (status === 401 || status === 403 || hidden)
            failures.push(`${label}: expected to pass, got ${status} ${body}`);
        } else {
          refused++;
          if (status !== want) failures.push(`${label}: expected ${want}, got ${status} ${body}`);
          const after = await fingerprint(ctx.db.knex);
          if (JSON.stringify(after) !== JSON.stringify(before))
            failures.push(`${label}: a refused request changed the database`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(300);
    expect(refused).toBeGreaterThan(150);
    // Over 300 requests, each refusal with a database fingerprint before and
    // after: about 25 s on a quiet machine, more on a busy one.
  }, 120_000);
});

describe('private networks are invisible without membership', () => {
  const privateReads = [
    '/api/v1/networks/priv',
    '/api/v1/networks/priv/indicators',
    '/api/v1/networks/priv/scores',
    '/api/v1/networks/priv/ranking',
    '/api/v1/networks/priv/observations/export',
    '/api/v1/networks/priv/indicators/priv-ind/comparison',
    '/api/v1/cities/hidden',
    '/api/v1/cities/hidden/observations',
    '/api/v1/cities/hidden/observations/latest',
    '/api/v1/cities/hidden/exports/opensdg',
    '/api/v1/cities/hidden/progress',
    '/api/v1/cities/hidden/ambitions',
    '/api/v1/indicators/priv-ind',
    '/api/v1/indicators/priv-ind/observations',
    '/api/v1/cities/hidden/indicators/priv-ind/observations/2021',
    '/api/v1/cities/hidden/indicators/priv-ind/ambition',
    '/api/v1/cities/hidden/indicators/priv-ind/progress',
    '/api/v1/cities/hidden/actions',
    '/api/v1/cities/hidden/districts',
    '/api/v1/networks/priv/good-practices',
  ];

  it('every GET route with a private network, city or indicator in its path is covered here', () => {
    const reads = ctx.app.routeAccess.filter(
      (r) =>
        r.method === 'GET' &&
        /:(network|city|indicator)/.test(r.url) &&
        !r.url.startsWith('/api/v1/sdg/'),
    );
    const covered = (url: string): boolean =>
      privateReads.some((path) =>
        new RegExp(
          `^${url
            .replace(':network', 'priv')
            .replace(':city', 'hidden')
            .replace(':indicator', 'priv-ind')
            .replace(':year', '\\d+')}$`,
        ).test(path),
      );
    const exempt = new Set([
      // Need a signed-in member anyway (tested below) or an indicator query parameter.
      '/api/v1/cities/:city/history',
      '/api/v1/cities/:city/indicators/:indicator/observations/:year/history',
      '/api/v1/cities/:city/indicators/:indicator/ambition/history',
      '/api/v1/cities/:city/peers',
      '/api/v1/cities/:city/observations/export',
      // Signed-in only (401 for visitors): coordinators' and editors' invitation lists.
      '/api/v1/networks/:network/invitations',
      '/api/v1/cities/:city/invitations',
      // Members only: 401 for visitors (tested in review.test.ts and actions-api.test.ts).
      '/api/v1/networks/:network/reviews',
      '/api/v1/networks/:network/actions',
      '/api/v1/networks/:network/cities/:city/reviews',
      '/api/v1/networks/:network/cities/:city/reviews/:year/checklist',
    ]);
    expect(reads.map((r) => r.url).filter((url) => !exempt.has(url) && !covered(url))).toEqual([]);
  });

  it.each(['anonymous', 'no-role', 'editor-ours', 'coordinator-pub'] as const)(
    'as %s: every private read is 404, exactly like a missing one',
    async (who) => {
      const http = api(ctx.app);
      for (const path of privateReads) {
        const response = await http.get(path, headersOf(who));
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    },
  );

  it('a viewer of the private network reads all of it', async () => {
    const http = api(ctx.app);
    for (const path of privateReads) {
      const response = await http.get(path, headersOf('viewer-priv'));
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
  });

  it('lists leave private networks, their cities and indicators out for outsiders', async () => {
    const http = api(ctx.app);
    const anonymous = headersOf('anonymous');
    const networks = await http.get<{ networks: Array<{ slug: string }> }>(
      '/api/v1/networks',
      anonymous,
    );
    const slugs = networks.body.networks.map((n) => n.slug);
    expect(slugs).toEqual(expect.arrayContaining(['pub', 'pub2']));
    expect(slugs).not.toContain('priv');
    const cities = await http.get<{ cities: Array<{ slug: string }> }>('/api/v1/cities', anonymous);
    expect(cities.body.cities.map((c) => c.slug)).not.toContain('hidden');
    const indicators = await http.get<{ indicators: Array<{ slug: string }> }>(
      '/api/v1/indicators?target=11.6',
      anonymous,
    );
    expect(indicators.body.indicators.map((i) => i.slug).sort()).toEqual(['pub-ind', 'pub2-ind']);
    const viewer = await http.get<{ networks: Array<{ slug: string }> }>(
      '/api/v1/networks',
      headersOf('viewer-priv'),
    );
    expect(viewer.body.networks.map((n) => n.slug)).toEqual(
      expect.arrayContaining(['priv', 'pub', 'pub2']),
    );
  });

  it('history is for members: anonymous 401, outsiders 403, the city’s editor 200', async () => {
    const http = api(ctx.app);
    const path = '/api/v1/cities/ours/history';
    expect((await http.get(path, headersOf('anonymous'))).status).toBe(401);
    expect((await http.get(path, headersOf('viewer-priv'))).status).toBe(403);
    expect((await http.get(path, headersOf('editor-ours'))).status).toBe(200);
    expect((await http.get(path, headersOf('coordinator-pub'))).status).toBe(200);
  });

  it('an import mixing the editor’s city with another city is refused whole with the rows named', async () => {
    const before = await fingerprint(ctx.db.knex);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...headersOf('editor-ours'), 'content-type': 'text/csv' },
      payload: 'city,indicator,year,value\nours,pub-ind,2018,1\ntheirs,pub-ind,2018,2\n',
    });
    expect(response.statusCode).toBe(403);
    const body = response.json<{ error: { message: string; details: unknown } }>();
    expect(body.error.message).toContain('theirs');
    expect(body.error.details).toEqual([{ city: 'theirs', count: 1, rows: [3] }]);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });
});
