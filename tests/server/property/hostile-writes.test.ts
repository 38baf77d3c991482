import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ambition, Observation } from '../../../server/src/schemas/observation.schema';
import { addMember, buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import { fingerprint } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Property: every write route answers hostile input with a 4xx in the error
 * shape, never a 5xx, and a rejected request leaves the database unchanged.
 * Every generated request is invalid by construction (a wrong type, an
 * unknown field, a value out of range, broken JSON, a wrong content type, a
 * stale precondition…), so all of them must be rejected.
 * FUZZ_RUNS sets the number of requests per route (default 60; CI and the
 * benchmark run more).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let ctx: TestContext;

interface HostileRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

beforeAll(async () => {
  ctx = await createTestApp({ BODY_LIMIT: '65536', IMPORT_BODY_LIMIT: '65536' });
  const k = ctx.db.knex;
  const network = await buildNetwork(k, { slug: 'fuzz-net' });
  const city = await buildCity(k, { slug: 'espoo' });
  await addMember(k, network, city);
  await buildCity(k, { slug: 'outsider' });
  await buildIndicator(k, network, {
    slug: 'share',
    direction: 'increase',
    allowed_min: 0,
    allowed_max: 100,
    best_bound: 100,
    worst_bound: 0,
  });
  const put = await ctx.app.inject({
    method: 'PUT',
    url: '/api/v1/cities/espoo/indicators/share/observations/2020',
    payload: { value: 50 },
  });
  expect(put.statusCode).toBe(201);
  const ambition = await ctx.app.inject({
    method: 'PUT',
    url: '/api/v1/cities/espoo/indicators/share/ambition',
    payload: { baselineYear: 2015, baselineValue: 40, targetYear: 2030, targetValue: 80 },
  });
  expect(ambition.statusCode).toBe(201);
});
afterAll(async () => {
  await ctx?.close();
});

// ---------- generators of hostile values ----------

const sqlAndScript = fc.constantFrom(
  "'; drop table observations; --",
  '"><script>alert(1)</script>',
  '${7*7}',
  '\u0000',
  '../../etc/passwd',
  "Robert'); DELETE FROM cities;--",
  '\u202e\u0000\uffff',
);
const wrongForNumber = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('12', '1e3', 'NaN', 'Infinity', '-0', ''),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
  sqlAndScript,
);
const wrongForString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !KNOWN_KEYS.has(k));
const KNOWN_KEYS = new Set([
  'slug',
  'name',
  'description',
  'isPublic',
  'dataKind',
  'citation',
  'licence',
  'countryCode',
  'population',
  'latitude',
  'longitude',
  'role',
  'unit',
  'direction',
  'decimals',
  'trendType',
  'bestBound',
  'worstBound',
  'thresholds',
  'allowedMin',
  'allowedMax',
  'maxChange',
  'source',
  'translations',
  'sortOrder',
  'sdgLinks',
  'archived',
  'value',
  'status',
  'note',
  'baselineYear',
  'baselineValue',
  'targetYear',
  'targetValue',
  '__proto__',
  'constructor',
]);

/** A JSON body made invalid in one of several ways from a valid template. */
function hostileBody(
  template: Record<string, unknown>,
  numericFields: string[],
  stringFields: string[],
  nullable: readonly string[],
): fc.Arbitrary<string> {
  const mutations: Array<fc.Arbitrary<string>> = [
    // not an object at all
    fc
      .oneof(
        fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
        fc.constant([]),
      )
      .map((v) => JSON.stringify(v)),
    // an unknown field next to valid ones
    fc
      .tuple(unknownKey, fc.jsonValue())
      .map(([key, value]) => JSON.stringify({ ...template, [key]: value })),
    // broken JSON
    fc
      .constantFrom(
        '{',
        '{"value": NaN}',
        '{"value": 1e400}',
        '{"value": -0}',
        "{'value': 1}",
        '{"a":1,}',
        '\u0000',
        'null x',
      )
      .map((s) =>
        s === '{"value": 1e400}' || s === '{"value": -0}'
          ? JSON.stringify(template).replace(/\}$/, s.slice(1)).replace('{,', '{')
          : s,
      ),
  ];
  if (numericFields.length > 0) {
    mutations.push(
      fc
        .tuple(fc.constantFrom(...numericFields), wrongForNumber)
        .filter(([field, value]) => !(value === null && nullable.includes(field)))
        .map(([field, value]) => JSON.stringify({ ...template, [field]: value })),
    );
  }
  if (stringFields.length > 0) {
    mutations.push(
      fc
        .tuple(fc.constantFrom(...stringFields), wrongForString)
        .map(([field, value]) => JSON.stringify({ ...template, [field]: value })),
      fc
        .constantFrom(...stringFields)
        .map((field) => JSON.stringify({ ...template, [field]: 'x'.repeat(6000) })),
    );
  }
  return fc.oneof(...mutations);
}

const jsonHeaders = fc.constantFrom<Record<string, string>>({ 'content-type': 'application/json' });
const wrongType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'image/png',
);

/** A valid body sent with the wrong content type. */
function wrongContentType(
  template: Record<string, unknown>,
): fc.Arbitrary<{ payload: string; headers: Record<string, string> }> {
  return wrongType.map((type) => ({
    payload: JSON.stringify(template),
    headers: { 'content-type': type },
  }));
}

function jsonRoute(
  method: HostileRequest['method'],
  url: fc.Arbitrary<string>,
  template: Record<string, unknown>,
  numericFields: string[],
  stringFields: string[],
  extraHeaders: Record<string, string> = {},
): fc.Arbitrary<HostileRequest> {
  return fc.oneof(
    fc
      .tuple(url, hostileBody(template, numericFields, stringFields, NULLABLE), jsonHeaders)
      .map(([u, payload, headers]) => ({
        method,
        url: u,
        payload,
        headers: { ...headers, ...extraHeaders },
      })),
    fc.tuple(url, wrongContentType(template)).map(([u, body]) => ({
      method,
      url: u,
      ...body,
      headers: { ...body.headers, ...extraHeaders },
    })),
  );
}

const staleTag = fc.oneof(
  fc.constant('"0.999"'),
  fc.string({ maxLength: 20 }).map((s) => `"${s}"`),
  fc.constant('W/"1.1"'),
  fc.constant('garbage'),
);

/** Writes whose body is fine but whose precondition or target is not. */
function preconditionRoute(
  method: HostileRequest['method'],
  url: string,
  payload?: Record<string, unknown>,
): fc.Arbitrary<HostileRequest> {
  const make = (tag: string | null): HostileRequest => {
    const headers: Record<string, string> = {};
    if (tag !== null) headers['if-match'] = tag;
    if (payload === undefined) return { method, url, headers };
    headers['content-type'] = 'application/json';
    return { method, url, headers, payload: JSON.stringify(payload) };
  };
  return fc.oneof(
    staleTag.map((tag) => make(tag)),
    fc.constant(make(null)),
  );
}

// Fields where null is a valid value ("not set"), so null is no attack there.
const NULLABLE = [
  'population',
  'latitude',
  'longitude',
  'bestBound',
  'worstBound',
  'allowedMin',
  'allowedMax',
  'maxChange',
];

const badSlug = fc.oneof(
  fc.constantFrom('Espoo', 'no such', '%00', 'a'.repeat(65), '..', 'x;drop'),
  fc.constant('atlantis'),
);

// ---------- the routes ----------

const observationUrl = '/api/v1/cities/espoo/indicators/share/observations/2020';
const ambitionUrl = '/api/v1/cities/espoo/indicators/share/ambition';

const ROUTES: Record<string, fc.Arbitrary<HostileRequest>> = {
  'POST /networks': jsonRoute(
    'POST',
    fc.constant('/api/v1/networks'),
    { slug: 'fuzz-new', name: 'N' },
    [],
    ['slug', 'name', 'description', 'dataKind'],
  ),
  'PATCH /networks/:network': fc.oneof(
    jsonRoute(
      'PATCH',
      fc.constant('/api/v1/networks/fuzz-net'),
      { name: 'Renamed' },
      [],
      ['name', 'dataKind'],
      { 'if-match': '*' },
    ),
    preconditionRoute('PATCH', '/api/v1/networks/fuzz-net', { name: 'Renamed' }),
  ),
  'DELETE /networks/:network': fc.oneof(
    preconditionRoute('DELETE', '/api/v1/networks/fuzz-net'),
    badSlug.map((s) => ({
      method: 'DELETE' as const,
      url: `/api/v1/networks/${encodeURIComponent(s)}`,
      headers: { 'if-match': '*' },
    })),
  ),
  'PUT /networks/:network/members/:city': fc.oneof(
    jsonRoute(
      'PUT',
      fc.constant('/api/v1/networks/fuzz-net/members/outsider'),
      { role: 'partner' },
      [],
      ['role'],
    ),
    badSlug.map((s) => ({
      method: 'PUT' as const,
      url: `/api/v1/networks/fuzz-net/members/${encodeURIComponent(s)}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"role":"partner"}',
    })),
  ),
  'DELETE /networks/:network/members/:city': fc.oneof(
    fc.constant({
      method: 'DELETE' as const,
      url: '/api/v1/networks/fuzz-net/members/espoo',
      headers: {},
    }),
    badSlug.map((s) => ({
      method: 'DELETE' as const,
      url: `/api/v1/networks/fuzz-net/members/${encodeURIComponent(s)}`,
      headers: {},
    })),
  ),
  'POST /networks/:network/indicators': jsonRoute(
    'POST',
    fc.constant('/api/v1/networks/fuzz-net/indicators'),
    {
      slug: 'fuzz-ind',
      name: 'I',
      unit: '%',
      direction: 'increase',
      sdgLinks: [{ target: '11.6' }],
      bestBound: 10,
      worstBound: 0,
    },
    ['bestBound', 'worstBound', 'decimals'],
    ['slug', 'name', 'unit', 'direction'],
  ),
  'PATCH /indicators/:indicator': fc.oneof(
    jsonRoute(
      'PATCH',
      fc.constant('/api/v1/indicators/share'),
      { name: 'S', allowedMax: 100 },
      ['allowedMax', 'maxChange'],
      ['name', 'unit'],
      { 'if-match': '*' },
    ),
    preconditionRoute('PATCH', '/api/v1/indicators/share', { name: 'S' }),
    fc.constant({
      method: 'PATCH' as const,
      url: '/api/v1/indicators/share',
      headers: { 'content-type': 'application/json', 'if-match': '*' },
      payload: JSON.stringify({ bestBound: 0, worstBound: 100 }),
    }),
  ),
  'DELETE /indicators/:indicator': preconditionRoute('DELETE', '/api/v1/indicators/share'),
  'POST /cities': jsonRoute(
    'POST',
    fc.constant('/api/v1/cities'),
    { slug: 'fuzz-city', name: 'C', countryCode: 'FI' },
    ['population', 'latitude', 'longitude'],
    ['slug', 'name', 'countryCode'],
  ),
  'PATCH /cities/:city': fc.oneof(
    jsonRoute(
      'PATCH',
      fc.constant('/api/v1/cities/espoo'),
      { population: 1 },
      ['population', 'latitude'],
      ['name', 'countryCode'],
      { 'if-match': '*' },
    ),
    preconditionRoute('PATCH', '/api/v1/cities/espoo', { population: 2 }),
  ),
  'DELETE /cities/:city': preconditionRoute('DELETE', '/api/v1/cities/espoo'),
  'PUT observation': fc.oneof(
    jsonRoute(
      'PUT',
      fc.constant(observationUrl),
      { value: 51 },
      ['value'],
      ['status', 'source', 'note'],
      { 'if-match': '*' },
    ),
    preconditionRoute('PUT', observationUrl, { value: 52 }),
    fc
      .double({ noNaN: true })
      .filter((v) => v < 0 || v > 100)
      .map((value) => ({
        method: 'PUT' as const,
        url: observationUrl,
        headers: { 'content-type': 'application/json', 'if-match': '*' },
        payload: JSON.stringify({ value }),
      })),
    fc
      .tuple(
        badSlug,
        fc.integer({ min: -5000, max: 5000 }).filter((y) => y < 1950 || y > 2100),
      )
      .map(([s, y]) => ({
        method: 'PUT' as const,
        url: `/api/v1/cities/${encodeURIComponent(s)}/indicators/share/observations/${y}`,
        headers: { 'content-type': 'application/json' },
        payload: '{"value":1}',
      })),
  ),
  'DELETE observation': preconditionRoute('DELETE', observationUrl),
  'PUT ambition': fc.oneof(
    jsonRoute(
      'PUT',
      fc.constant(ambitionUrl),
      { baselineYear: 2015, baselineValue: 40, targetYear: 2030, targetValue: 85 },
      ['baselineYear', 'baselineValue', 'targetYear', 'targetValue'],
      ['note'],
      { 'if-match': '*' },
    ),
    preconditionRoute('PUT', ambitionUrl, {
      baselineYear: 2015,
      baselineValue: 40,
      targetYear: 2030,
      targetValue: 85,
    }),
    fc.integer({ min: 1950, max: 2100 }).map((year) => ({
      method: 'PUT' as const,
      url: ambitionUrl,
      headers: { 'content-type': 'application/json', 'if-match': '*' },
      payload: JSON.stringify({
        baselineYear: year,
        baselineValue: 40,
        targetYear: year,
        targetValue: 85,
      }),
    })),
  ),
  'DELETE ambition': preconditionRoute('DELETE', ambitionUrl),
  'POST /imports': fc.oneof(
    // a file with at least one broken row among valid ones
    fc
      .tuple(
        fc.array(fc.integer({ min: 1950, max: 2100 }), { maxLength: 5 }),
        fc.oneof(
          fc.constant('espoo,share,2021,abc'),
          fc.constant('atlantis,share,2021,1'),
          fc.constant('espoo,share,2021,500'),
          fc.constant('espoo,share,20x1,1'),
          fc.constant('espoo,share,2021,"1'),
          fc.constant('outsider,share,2021,1'),
          fc.string().map((s) => `${s.replace(/[\r\n]/g, '')},,,`),
          sqlAndScript.map((s) => `espoo,${s},2021,1`),
        ),
      )
      .map(([years, bad]) => ({
        method: 'POST' as const,
        url: '/api/v1/imports',
        headers: { 'content-type': 'text/csv' },
        payload: [
          'city,indicator,year,value',
          ...[...new Set(years)].map((y) => `espoo,share,${y},${(y % 90) + 1}`),
          bad,
        ].join('\n'),
      })),
    // not a CSV upload at all
    fc
      .tuple(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('application/json', 'application/xml', 'image/png'),
      )
      .map(([payload, type]) => ({
        method: 'POST' as const,
        url: '/api/v1/imports',
        headers: { 'content-type': type },
        payload,
      })),
    // random text
    fc.string({ maxLength: 200 }).map((payload) => ({
      method: 'POST' as const,
      url: '/api/v1/imports',
      headers: { 'content-type': 'text/csv' },
      payload: `city,indicator,year,value\n${payload.replace(/^\s*$/, 'x')}\nespoo,share,2021,-1`,
    })),
    // too big
    fc.constant({
      method: 'POST' as const,
      url: '/api/v1/imports',
      headers: { 'content-type': 'text/csv' },
      payload: `city,indicator,year,value\n${'espoo,share,2021,1\n'.repeat(5000)}`,
    }),
  ),
};

describe('hostile requests to every write route', () => {
  for (const [route, arbitrary] of Object.entries(ROUTES)) {
    it(`${route}: always a 4xx in the error shape, never a 5xx, nothing changed`, async () => {
      const before = await fingerprint(ctx.db.knex);
      const observationBefore = (await ctx.app.inject(observationUrl)).json<Observation>();
      const ambitionBefore = (await ctx.app.inject(ambitionUrl)).json<Ambition>();
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request) => {
          const response = await ctx.app.inject({
            method: request.method,
            url: request.url,
            headers: request.headers,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          const summary = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${String(request.payload).slice(0, 200)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode, summary).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, summary).toBeLessThan(500);
          const body = response.json<{ error?: { code?: unknown; message?: unknown } }>();
          expect(typeof body.error?.code, summary).toBe('string');
          expect(typeof body.error?.message, summary).toBe('string');
        }),
        { numRuns: RUNS },
      );
      expect(await fingerprint(ctx.db.knex)).toEqual(before);
      expect((await ctx.app.inject(observationUrl)).json()).toEqual(observationBefore);
      expect((await ctx.app.inject(ambitionUrl)).json()).toEqual(ambitionBefore);
    });
  }
});
