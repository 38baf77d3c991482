import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccessWorld, SAMPLES, type AccessWorld, type Who } from '../../helpers/access-world';
import { fingerprint } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * The attack round of issue 13, generated from the route table: every route
 * requested with encoded and oddly written variants of its path must get
 * exactly what its canonical path gets; a private resource must answer
 * exactly like a missing one (status, body and headers).
 */

let ctx: TestContext;
let world: AccessWorld;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  world = await buildAccessWorld(ctx);
});

afterAll(async () => {
  await ctx?.close();
});

const hex = (ch: string, upper: boolean): string => {
  const code = ch.charCodeAt(0).toString(16);
  return `%${upper ? code.toUpperCase() : code}`;
};
const encodeLetters = (segment: string, upper: boolean): string =>
  [...segment].map((ch) => (/[a-z]/i.test(ch) ? hex(ch, upper) : ch)).join('');

/**
 * Other ways of writing the same path: a percent-encoded first letter and
 * fully encoded letters of each static segment, upper-cased segments, a
 * `;` parameter on each segment, doubled slashes, a trailing slash, and the
 * whole path's static letters encoded at once.
 */
function pathVariants(template: string, path: string): string[] {
  const statics = template.split('/').map((segment) => segment !== '' && !segment.startsWith(':'));
  const segments = path.split('/');
  const variants = new Set<string>();
  const withSegment = (index: number, value: string): string =>
    segments.map((s, i) => (i === index ? value : s)).join('/');
  segments.forEach((segment, index) => {
    if (!statics[index]) return;
    variants.add(withSegment(index, hex(segment[0]!, false) + segment.slice(1)));
    variants.add(withSegment(index, encodeLetters(segment, true)));
    variants.add(withSegment(index, segment.toUpperCase()));
    variants.add(withSegment(index, `${segment};jsessionid=1`));
  });
  variants.add(segments.map((s, i) => (statics[i] ? encodeLetters(s, false) : s)).join('/'));
  variants.add(path.replace(/\//g, '//'));
  variants.add(`/${path}`);
  variants.add(`${path}/`);
  variants.add(`${path};x=1`);
  return [...variants];
}

interface Answer {
  status: number;
  body: string;
}

async function request(method: string, url: string, who: Who, sampleKey: string): Promise<Answer> {
  const sample = SAMPLES[sampleKey];
  const headers: Record<string, string> = { ...world.headersOf(who), ...sample?.headers };
  let payload: string | undefined;
  if (sample?.csv !== undefined) {
    payload = sample.csv({ network: 'pub', city: 'ours', indicator: 'pub-ind' });
    headers['content-type'] = 'text/csv';
  } else if (sample?.body !== undefined) {
    payload = JSON.stringify(sample.body);
    headers['content-type'] = 'application/json';
  }
  const response = await ctx.app.inject({ method: method as 'GET', url, headers, payload });
  return { status: response.statusCode, body: response.body };
}

describe('oddly written paths meet the same guard (generated from the route table)', () => {
  it.each(['anonymous', 'editor-far'] as const)(
    'as %s, every variant of every route answers exactly like its canonical path',
    async (who) => {
      const before = await fingerprint(ctx.db.knex);
      const failures: string[] = [];
      let requests = 0;
      for (const route of ctx.app.routeAccess) {
        const key = `${route.method} ${route.url}`;
        // Sign-in and sign-out change sessions and throttles with every call (tested in auth.test.ts).
        if (SAMPLES[key]?.skip === true) continue;
        const path = world.urlFor(route.url, 'own');
        const canonical = await request(route.method, path, who, key);
        for (const variant of pathVariants(route.url, path)) {
          const answer = await request(route.method, variant, who, key);
          requests++;
          // Allowed writes create something each time (a token…): compare their status only.
          // An allowed write changes state (a token revoked, a period submitted), so a
          // repeat may meet a 404 or 409; what must never differ is the guard's decision.
          const same =
            route.method !== 'GET' && canonical.status < 300
              ? answer.status !== 401 && answer.status !== 403
              : answer.status === canonical.status && answer.body === canonical.body;
          if (!same)
            failures.push(
              `${route.method} ${variant}: ${answer.status} ${answer.body.slice(0, 120)} ≠ canonical ${canonical.status} ${canonical.body.slice(0, 120)}`,
            );
        }
      }
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThan(1000);
      if (who === 'anonymous') expect(await fingerprint(ctx.db.knex)).toEqual(before);
    },
    // Over a thousand requests: about 25 s on a quiet machine, more on a busy one.
    120_000,
  );

  it('the attacks of the report are refused as on the canonical path', async () => {
    const put = (path: string, headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'PUT',
        url: path,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ value: 77 }),
      });
    const before = await fingerprint(ctx.db.knex);
    for (const prefix of ['/%61pi', '/ap%69', '/a%70i', '/%61%70%69', '/API', '//api']) {
      const response = await put(`${prefix}/v1/cities/ours/indicators/pub-ind/observations/2013`, {
        cookie: '',
      });
      expect({ prefix, status: response.statusCode }).toEqual({ prefix, status: 401 });
    }
    // A coordinator of another network cannot approve through an encoded prefix either.
    const approve = await ctx.app.inject({
      method: 'POST',
      url: '/%61pi/v1/networks/pub2/cities/far/reviews/2021/approve',
      headers: { ...world.headersOf('coordinator-pub'), 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(approve.statusCode).toBe(403);
    // The password route answered 500 through the encoded prefix; now it asks to sign in.
    const password = await ctx.app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/password',
      headers: { cookie: '', 'content-type': 'application/json' },
      payload: JSON.stringify({ currentPassword: 'x', newPassword: 'y' }),
    });
    expect(password.statusCode).toBe(401);
    expect(password.json()).toMatchObject({ error: { code: 'unauthorized' } });
    // A private network read through an encoded prefix is a 404 like any missing one.
    const hidden = await ctx.app.inject({
      url: '/%61pi/v1/networks/priv',
      headers: { cookie: '' },
    });
    expect(hidden.statusCode).toBe(404);
    // Cross-site forgery through the encoded prefix meets the CSRF check.
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/%61pi/v1/imports',
      headers: {
        ...world.headersOf('editor-ours'),
        'x-csrf-token': 'forged',
        'sec-fetch-site': 'same-site',
        'content-type': 'text/csv',
      },
      payload: 'city,indicator,year,value\nours,pub-ind,2013,77\n',
    });
    expect(forged.statusCode).toBe(403);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('other encodings (double, overlong, full-width, backslash, dot segments) never reach a handler', async () => {
    const before = await fingerprint(ctx.db.knex);
    const tail = 'v1/cities/ours/indicators/pub-ind/observations/2013';
    for (const prefix of [
      '/%2561pi/',
      '/%25%36%31pi/',
      '/%C1%A1pi/',
      '/%EF%BD%81pi/',
      '/api%2F',
      '/api%5C',
      '/api\\',
      '/x/../api/',
      '/./api/',
      '/api/%2e/',
      '/api%00/',
    ]) {
      const response = await ctx.app.inject({
        method: 'PUT',
        url: `${prefix}${tail}`,
        headers: { cookie: '', 'content-type': 'application/json' },
        payload: JSON.stringify({ value: 77 }),
      });
      // Refused like the canonical path (401), or no route at all (400/404): never a write.
      expect({ prefix, ok: [400, 401, 404].includes(response.statusCode) }).toEqual({
        prefix,
        ok: true,
      });
      expect(response.headers['content-type']).toContain('application/json');
    }
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('unknown API paths, however written, are JSON 404s and never the dashboard', async () => {
    for (const path of ['/api/v1/nothing', '/%61pi/v1/nothing', '/API/anything', '/api']) {
      const response = await ctx.app.inject({ url: path, headers: { cookie: '' } });
      expect({ path, status: response.statusCode }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toContain('application/json');
    }
  });
});

describe('a private resource answers exactly like a missing one', () => {
  // Missing slugs of the same length as the private ones, so even Content-Length matches.
  const MISSING: Record<string, string> = {
    priv: 'pzzz',
    hidden: 'hzzzzz',
    'priv-ind': 'pzzz-ind',
  };
  const toMissing = (text: string): string =>
    text
      .replace(/priv-ind/g, MISSING['priv-ind']!)
      .replace(/\bpriv\b/g, MISSING.priv!)
      .replace(/hidden/g, MISSING.hidden!);
  const IGNORED_HEADERS = new Set(['date', 'x-request-id']);
  const comparable = (response: {
    statusCode: number;
    body: string;
    headers: Record<string, unknown>;
  }) => ({
    status: response.statusCode,
    body: response.body,
    headers: Object.fromEntries(
      Object.entries(response.headers).filter(([name]) => !IGNORED_HEADERS.has(name)),
    ),
  });

  it.each(['anonymous', 'no-role', 'editor-ours', 'coordinator-pub'] as const)(
    'as %s: every private read route (status, body, every header) and imports',
    async (who) => {
      const reads = ctx.app.routeAccess.filter(
        (r) => r.method === 'GET' && /:(network|city|indicator)/.test(r.url),
      );
      expect(reads.length).toBeGreaterThan(15);
      const differences: string[] = [];
      for (const route of reads) {
        const hiddenPath = world.urlFor(route.url, 'private');
        const missingPath = toMissing(hiddenPath);
        const hidden = await ctx.app.inject({ url: hiddenPath, headers: world.headersOf(who) });
        const missing = await ctx.app.inject({ url: missingPath, headers: world.headersOf(who) });
        const a = comparable(hidden);
        const b = comparable(missing);
        a.body = toMissing(a.body);
        if (a.status !== b.status || a.body !== b.body)
          differences.push(`${route.url}: ${a.status} ${a.body} ≠ ${b.status} ${b.body}`);
        for (const name of new Set([...Object.keys(a.headers), ...Object.keys(b.headers)]))
          if (a.headers[name] !== b.headers[name])
            differences.push(
              `${route.url}: header ${name} ${String(a.headers[name])} ≠ ${String(b.headers[name])}`,
            );
      }
      expect(differences).toEqual([]);

      if (who === 'editor-ours') {
        // Imports: a row naming a hidden city, and an Open SDG file for a hidden indicator.
        const post = (url: string, csv: string) =>
          ctx.app.inject({
            method: 'POST',
            url,
            headers: { ...world.headersOf(who), 'content-type': 'text/csv' },
            payload: csv,
          });
        const row = (city: string) => `city,indicator,year,value\n${city},pub-ind,2019,1\n`;
        const a = comparable(await post('/api/v1/imports', row('hidden')));
        const b = comparable(await post('/api/v1/imports', row(MISSING.hidden!)));
        a.body = toMissing(a.body);
        expect(a).toEqual(b);
        expect(b.status).toBe(422);
        const sdg = (indicator: string) =>
          post(`/api/v1/imports?indicator=${indicator}`, 'Year,GeoCode,Value\n2019,ours,1\n');
        const c = comparable(await sdg('priv-ind'));
        const d = comparable(await sdg(MISSING['priv-ind']!));
        c.body = toMissing(c.body);
        expect(c).toEqual(d);
        expect(d.status).toBe(400);
      }
    },
  );
});
