import { BODY_OPTIONS, PARAMETER_OPTIONS } from '../../server/src/plugins/validation';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import {
  addAction,
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
  setAmbition,
} from '../factories/factories';
import { issueSession, type TestSession } from './auth';

/**
 * Hostile requests for every write route of the app, for the fuzz test
 * (tests/server/property) and `npm run bench:fuzz`. Every generated request
 * is invalid by construction, so the app must refuse each one with a 4xx in
 * the error shape and change nothing.
 *
 * Routes come from `app.routeAccess`, so a new write route is fuzzed without
 * anyone writing a generator for it: generic attacks derived from the route's
 * published schema (OpenAPI) apply to every route — a cross-site origin, a
 * missing or forged CSRF token, no session, a body broken in a dozen ways
 * (checked against the schema with Ajv, so only invalid bodies are sent),
 * path parameters outside their schema, a stale If-Match where the route
 * requires one. Hand-written generators add the cases a schema cannot
 * express (values outside an indicator's range, files with a broken row…).
 */

export interface HostileRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Sent as they are; `cookie: ''` means no session (see createTestApp). */
  headers: Record<string, string>;
  payload?: string;
}

/** A request before the administrator's headers are added; `undefined` removes a header. */
interface Draft {
  method: HostileRequest['method'];
  url: string;
  headers?: Record<string, string | undefined>;
  payload?: string;
}

export interface FuzzWorld {
  /** The administrator every hostile request is made as, unless it attacks the session itself. */
  admin: TestSession;
  /** Values for path parameters: every one names something that exists. */
  params: Record<string, string>;
}

export const OBSERVATION_URL = '/api/v1/cities/espoo/indicators/share/observations/2020';
export const AMBITION_URL = '/api/v1/cities/espoo/indicators/share/ambition';

/**
 * The world the requests aim at: network "fuzz-net" with city "espoo" and
 * indicator "share" (0–100) holding a value for 2020 and an ambition, a city
 * "outsider" in no network, a viewer account with one role grant, and an
 * administrator's session.
 */
export async function buildFuzzWorld(knex: Knex): Promise<FuzzWorld> {
  const network = await buildNetwork(knex, { slug: 'fuzz-net' });
  const city = await buildCity(knex, { slug: 'espoo' });
  await addMember(knex, network, city);
  await buildCity(knex, { slug: 'outsider' });
  const indicator = await buildIndicator(knex, network, {
    slug: 'share',
    direction: 'increase',
    allowed_min: 0,
    allowed_max: 100,
    best_bound: 100,
    worst_bound: 0,
  });
  await addObservations(knex, city, indicator, [[2020, 50]]);
  await setAmbition(knex, city, indicator, {
    baselineYear: 2015,
    baselineValue: 40,
    targetYear: 2030,
    targetValue: 80,
  });
  const action = await addAction(knex, city, { indicator, approved: true });
  const admin = await issueSession(knex, 'fuzz-admin@test.example');
  const target = await issueSession(knex, 'fuzz-target@test.example', {
    role: 'viewer',
    network: 'fuzz-net',
  });
  const grant = (await knex('role_grants').where({ user_id: target.userId }).first('id')) as {
    id: number;
  };
  return {
    admin,
    params: {
      network: 'fuzz-net',
      city: 'espoo',
      indicator: 'share',
      year: '2020',
      actionId: String(action),
      user: String(target.userId),
      grant: String(grant.id),
    },
  };
}

/** What a refusal must look like; returns the problem, or null when the answer is one. */
export function refusalProblem(status: number, body: string): string | null {
  if (status < 400 || status >= 500) return `status ${status}, expected a 4xx`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code !== 'string' || typeof parsed.error.message !== 'string') {
      return 'the body is not in the error shape';
    }
  } catch {
    return 'the body is not JSON';
  }
  return null;
}

/** One line describing a request and its answer, for failure messages. */
export function describeExchange(request: HostileRequest, status: number, body: string): string {
  return `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${String(request.payload).slice(0, 200)} → ${status} ${body.slice(0, 300)}`;
}

// ---------- JSON Schema, as the OpenAPI document publishes it ----------

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

interface Operation {
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

// The server's own settings, imported: bodies are never coerced, parameters are.
const bodyAjv = new Ajv(BODY_OPTIONS);
const paramAjv = new Ajv(PARAMETER_OPTIONS);
addFormats.default(bodyAjv);
addFormats.default(paramAjv);

/** A plausible value for a schema (the body the attacks start from). */
function sample(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options !== undefined) return sample(options.find((o) => o.type !== 'null') ?? options[0]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key] ?? {});
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(schema.maximum, 1) : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'email') return 'fuzz-person@test.example';
  if (schema.format === 'date-time') return '2020-01-01T00:00:00Z';
  if (schema.format === 'date') return '2020-01-01';
  const min = schema.minLength ?? 0;
  const candidates = [
    'fuzz-new',
    'FI',
    '11.6',
    '11.6.2',
    'A fuzzing value',
    'x'.repeat(Math.max(min, 1)),
  ];
  const fits = (s: string): boolean =>
    s.length >= min &&
    s.length <= (schema.maxLength ?? Infinity) &&
    (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(s));
  return candidates.find(fits) ?? 'x'.repeat(Math.max(min, 1));
}

const hostileText = fc.constantFrom(
  "'; drop table observations; --",
  '"><script>alert(1)</script>',
  '${7*7}',
  '\u0000',
  '../../etc/passwd',
  '\u202e\u0000\uffff',
);

/** Any JSON value at all, hostile strings included. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0.000001),
  fc.string({ maxLength: 10 }),
  fc.constantFrom('12', '1e3', 'NaN', 'Infinity', '', 'true', 'null'),
  hostileText,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** Values just outside a property's limits (too long, too short, out of range, not an option). */
function outOfBounds(schema: JsonSchema): unknown[] {
  const options = schema.anyOf ?? schema.oneOf ?? [schema];
  const out: unknown[] = ['not-an-option-at-all'];
  for (const option of options) {
    if (option.maxLength !== undefined) out.push('x'.repeat(option.maxLength + 1));
    if (option.minLength !== undefined && option.minLength > 0) out.push('');
    if (option.minimum !== undefined) out.push(option.minimum - 1, option.minimum - 0.5);
    if (option.maximum !== undefined) out.push(option.maximum + 1, option.maximum + 0.5);
    if (option.type === 'integer') out.push(1.5);
  }
  return out;
}

/** Bodies broken in one way each, kept only when the schema rejects them. */
function hostileBodies(schema: JsonSchema): fc.Arbitrary<string> {
  const template = sample(schema) as Record<string, unknown>;
  const properties = Object.entries(schema.properties ?? {});
  const names = properties.map(([name]) => name);
  const mutations: Array<fc.Arbitrary<string>> = [
    // Not an object.
    fc
      .oneof(fc.jsonValue(), fc.constant([]))
      .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
    // Not JSON, or JSON that JavaScript reads differently.
    fc.constantFrom(
      '{',
      '{"value": NaN}',
      "{'value': 1}",
      '{"a":1,}',
      '\u0000',
      'null x',
      '{"__proto__": {"admin": true}}',
      '{"constructor": {"prototype": {"admin": true}}}',
    ),
  ];
  if (names.length > 0) {
    // A property of the wrong type, or just outside its limits.
    mutations.push(
      fc
        .tuple(fc.constantFrom(...properties), anyValue)
        .map(([[name], value]) => JSON.stringify({ ...template, [name]: value })),
      fc
        .constantFrom(...properties)
        .chain(([name, property]) =>
          fc
            .constantFrom(...outOfBounds(property))
            .map((value) => JSON.stringify({ ...template, [name]: value })),
        ),
    );
  }
  const required = schema.required ?? [];
  if (required.length > 0) {
    // A required property left out.
    mutations.push(
      fc.constantFrom(...required).map((name) => {
        const copy: Record<string, unknown> = { ...template };
        delete copy[name];
        return JSON.stringify(copy);
      }),
    );
  }
  if (schema.additionalProperties === false) {
    // A property the route does not know.
    mutations.push(
      fc
        .tuple(
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !names.includes(k)),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([key, value]) => JSON.stringify({ ...template, [key]: value })),
    );
  }
  const validate = bodyAjv.compile(schema);
  return fc.oneof(...mutations).filter((body) => !accepts(validate, body));
}

function accepts(validate: ValidateFunction, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return validate(value) === true;
}

// ---------- generic attacks on any write route ----------

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Path parameter values that break the parameter's schema. */
function badParams(schema: JsonSchema): string[] {
  const validate = paramAjv.compile({
    type: 'object',
    properties: { p: schema },
    required: ['p'],
  });
  const candidates = [
    'Not A Slug',
    'UPPER',
    'a'.repeat(65),
    '%00',
    '..',
    'x;drop',
    '-1',
    '0',
    '1.5',
    'abc',
    '1e3',
    '99999999999',
    '1949',
    '2101',
  ];
  return candidates.filter((value) => !validate({ p: decodeURIComponent(value) }));
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'image/png',
];

/** Attacks derived from a route's published schema and access rule. */
function genericAttacks(
  route: { method: string; url: string; access: string },
  operation: Operation | undefined,
  world: FuzzWorld,
): fc.Arbitrary<Draft> {
  const method = route.method as HostileRequest['method'];
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const url = route.url.replace(
    /:(\w+)/g,
    (_, name: string) => world.params[name] ?? 'fuzz-unknown',
  );
  const bodySchema = operation?.requestBody?.content?.['application/json']?.schema;
  const consumes = Object.keys(operation?.requestBody?.content ?? {});
  const body = bodySchema === undefined ? undefined : JSON.stringify(sample(bodySchema));
  const json = body === undefined ? {} : { 'content-type': 'application/json' };
  const draft = (
    headers: Record<string, string | undefined>,
    payload = body,
    path = url,
  ): Draft => ({
    method,
    url: path,
    headers: { ...json, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });

  const attacks: Array<fc.Arbitrary<Draft>> = [
    // From another site: refused before anything else.
    fc
      .constantFrom<Record<string, string>>(
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: 'not a url' },
      )
      .map((headers) => draft(headers)),
  ];
  if (route.access !== 'public') {
    attacks.push(
      // A session without its CSRF token, or with a forged one.
      fc
        .option(fc.string({ maxLength: 64 }), { nil: undefined })
        .filter((token) => token !== world.admin.csrfToken)
        .map((token) => draft({ 'x-csrf-token': token })),
      // No session, or a forged session cookie.
      fc
        .constantFrom(
          '',
          'sdgcm_session=forged',
          `sdgcm_session=${'a'.repeat(43)}`,
          'sdgcm_session=',
        )
        .map((cookie) => draft({ cookie, 'x-csrf-token': undefined })),
    );
  }
  if (bodySchema !== undefined) {
    attacks.push(
      hostileBodies(bodySchema).map((payload) => draft({}, payload)),
      fc
        .constantFrom(...WRONG_CONTENT_TYPES.filter((type) => !consumes.includes(type)))
        .map((type) => draft({ 'content-type': type })),
      fc.constant(draft({}, '')),
    );
  }
  for (const name of names) {
    const schema = operation?.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    const bad = schema === undefined ? [] : badParams(schema);
    if (bad.length === 0) continue;
    attacks.push(
      fc.constantFrom(...bad).map((value) =>
        draft(
          {},
          body,
          route.url.replace(/:(\w+)/g, (_, n: string) =>
            n === name ? encodeURIComponent(value) : (world.params[n] ?? 'fuzz-unknown'),
          ),
        ),
      ),
    );
  }
  if (operation?.responses?.['428'] !== undefined) {
    // The route requires If-Match: a stale or malformed one must be refused.
    attacks.push(
      fc
        .oneof(
          fc.constantFrom('"0"', '"0.999"', 'W/"1"', 'garbage', '""', '"1", "2"'),
          fc.string({ maxLength: 20 }).map((s) => `"${s}"`),
        )
        .filter((tag) => tag !== '"1"')
        .map((tag) => draft({ 'if-match': tag })),
    );
  }
  return fc.oneof(...attacks);
}

// ---------- hand-written attacks that need to know the route ----------

/** A stale or malformed If-Match, or none, on a change that requires one. */
function staleChange(
  method: Draft['method'],
  url: string,
  payload?: Record<string, unknown>,
): fc.Arbitrary<Draft> {
  const make = (tag: string | undefined): Draft => ({
    method,
    url,
    headers: {
      'if-match': tag,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
  return fc.oneof(
    fc.constantFrom('"0.999"', 'W/"1.1"', 'garbage').map(make),
    fc
      .string({ maxLength: 20 })
      .filter((s) => s !== '1')
      .map((s) => make(`"${s}"`)),
    fc.constant(make(undefined)),
  );
}

const badSlug = fc.constantFrom(
  'atlantis',
  'Espoo',
  'no such',
  '%00',
  'a'.repeat(65),
  '..',
  'x;drop',
);

const json = (
  method: Draft['method'],
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Draft => ({
  method,
  url,
  headers: { 'content-type': 'application/json', ...headers },
  payload: JSON.stringify(body),
});

/** Attacks a schema cannot describe, by route (`METHOD /url` as in app.routeAccess). */
const SPECIFIC: Record<string, fc.Arbitrary<Draft>> = {
  'PATCH /api/v1/networks/:network': staleChange('PATCH', '/api/v1/networks/fuzz-net', {
    name: 'Renamed',
  }),
  'DELETE /api/v1/networks/:network': fc.oneof(
    staleChange('DELETE', '/api/v1/networks/fuzz-net'),
    badSlug.map((s) => ({
      method: 'DELETE' as const,
      url: `/api/v1/networks/${encodeURIComponent(s)}`,
      headers: { 'if-match': '*' },
    })),
  ),
  'PUT /api/v1/networks/:network/members/:city': badSlug.map((s) =>
    json('PUT', `/api/v1/networks/fuzz-net/members/${encodeURIComponent(s)}`, { role: 'partner' }),
  ),
  'DELETE /api/v1/networks/:network/members/:city': fc.oneof(
    // The city still has values in the network's indicators.
    fc.constant<Draft>({ method: 'DELETE', url: '/api/v1/networks/fuzz-net/members/espoo' }),
    badSlug.map((s) => ({
      method: 'DELETE' as const,
      url: `/api/v1/networks/fuzz-net/members/${encodeURIComponent(s)}`,
    })),
  ),
  'POST /api/v1/networks/:network/indicators': fc.constantFrom(
    // An indicator that already exists, bounds the wrong way round, an unknown SDG target.
    json('POST', '/api/v1/networks/fuzz-net/indicators', {
      slug: 'share',
      name: 'S',
      unit: '%',
      direction: 'increase',
    }),
    json('POST', '/api/v1/networks/fuzz-net/indicators', {
      slug: 'fuzz-ind',
      name: 'I',
      unit: '%',
      direction: 'increase',
      bestBound: 0,
      worstBound: 10,
    }),
    json('POST', '/api/v1/networks/fuzz-net/indicators', {
      slug: 'fuzz-ind',
      name: 'I',
      unit: '%',
      direction: 'increase',
      sdgLinks: [{ target: '99.99' }],
    }),
  ),
  // A city that already exists.
  'POST /api/v1/cities': fc.constant(
    json('POST', '/api/v1/cities', { slug: 'espoo', name: 'Again', countryCode: 'FI' }),
  ),
  'PATCH /api/v1/cities/:city': staleChange('PATCH', '/api/v1/cities/espoo', { population: 2 }),
  'DELETE /api/v1/cities/:city': staleChange('DELETE', '/api/v1/cities/espoo'),
  'PATCH /api/v1/indicators/:indicator': fc.oneof(
    staleChange('PATCH', '/api/v1/indicators/share', { name: 'S' }),
    fc.constant(
      json(
        'PATCH',
        '/api/v1/indicators/share',
        { bestBound: 0, worstBound: 100 },
        { 'if-match': '*' },
      ),
    ),
  ),
  'DELETE /api/v1/indicators/:indicator': staleChange('DELETE', '/api/v1/indicators/share'),
  'PUT /api/v1/cities/:city/indicators/:indicator/observations/:year': fc.oneof(
    staleChange('PUT', OBSERVATION_URL, { value: 52 }),
    // Outside the indicator's allowed range.
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((v) => v < 0 || v > 100)
      .map((value) => json('PUT', OBSERVATION_URL, { value }, { 'if-match': '*' })),
    // A city outside the network, an unknown city or indicator.
    fc
      .tuple(badSlug, fc.constantFrom('outsider', 'atlantis'))
      .map(([indicator, city]) =>
        json(
          'PUT',
          `/api/v1/cities/${city}/indicators/${encodeURIComponent(indicator)}/observations/2021`,
          { value: 1 },
        ),
      ),
    fc.constant(
      json('PUT', '/api/v1/cities/outsider/indicators/share/observations/2021', { value: 1 }),
    ),
  ),
  'DELETE /api/v1/cities/:city/indicators/:indicator/observations/:year': staleChange(
    'DELETE',
    OBSERVATION_URL,
  ),
  'PUT /api/v1/cities/:city/indicators/:indicator/ambition': fc.oneof(
    staleChange('PUT', AMBITION_URL, {
      baselineYear: 2015,
      baselineValue: 40,
      targetYear: 2030,
      targetValue: 85,
    }),
    // A target year not after the baseline year.
    fc
      .integer({ min: 1950, max: 2100 })
      .map((year) =>
        json(
          'PUT',
          AMBITION_URL,
          { baselineYear: year, baselineValue: 40, targetYear: year, targetValue: 85 },
          { 'if-match': '*' },
        ),
      ),
  ),
  'DELETE /api/v1/cities/:city/indicators/:indicator/ambition': staleChange('DELETE', AMBITION_URL),
  'POST /api/v1/imports': fc.oneof(
    // A file with at least one broken row among valid ones: all or nothing.
    fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1950, max: 2100 }), { maxLength: 5 }),
        fc.oneof(
          fc.constantFrom(
            'espoo,share,2021,abc',
            'atlantis,share,2021,1',
            'espoo,share,2021,500',
            'espoo,share,20x1,1',
            'espoo,share,2021,"1',
            'outsider,share,2021,1',
          ),
          // An unknown city (a row with an empty value would only be skipped).
          fc.string().map((s) => `${s.replace(/[\r\n,;\t"]/g, '')}~,share,2021,1`),
          hostileText.map((s) => `espoo,${s},2021,1`),
        ),
      )
      .map(([years, bad]) => ({
        method: 'POST' as const,
        url: '/api/v1/imports',
        headers: { 'content-type': 'text/csv' },
        payload: [
          'city,indicator,year,value',
          ...years.map((y) => `espoo,share,${y},${(y % 90) + 1}`),
          bad,
        ].join('\n'),
      })),
    // Not a CSV upload at all.
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
    // Random text before a row that is out of range.
    fc.string({ maxLength: 200 }).map((text) => ({
      method: 'POST' as const,
      url: '/api/v1/imports',
      headers: { 'content-type': 'text/csv' },
      payload: `city,indicator,year,value\n${text.replace(/^\s*$/, 'x')}\nespoo,share,2021,-1`,
    })),
    // Larger than the upload limit.
    fc.constant({
      method: 'POST' as const,
      url: '/api/v1/imports',
      headers: { 'content-type': 'text/csv' },
      payload: `city,indicator,year,value\n${'espoo,share,2021,1\n'.repeat(5000)}`,
    }),
  ),
};

export interface HostileRoute {
  /** `METHOD /url`, as in app.routeAccess. */
  key: string;
  requests: fc.Arbitrary<HostileRequest>;
}

/**
 * Every write route of the app with its hostile requests: the generic attacks,
 * plus the hand-written ones where there are some. Throws when a hand-written
 * generator names a route that no longer exists.
 */
export function hostileRoutes(app: FastifyInstance, world: FuzzWorld): HostileRoute[] {
  const spec = (
    app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }
  ).swagger();
  const writes = app.routeAccess.filter((r) => WRITE_METHODS.has(r.method));
  const keys = new Set(writes.map((r) => `${r.method} ${r.url}`));
  const stale = Object.keys(SPECIFIC).filter((key) => !keys.has(key));
  if (stale.length > 0)
    throw new Error(`hostile generators for routes that do not exist: ${stale.join(', ')}`);
  const finish = (draft: Draft): HostileRequest => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...world.admin.headers, ...draft.headers })) {
      if (value !== undefined) headers[name] = value;
    }
    return {
      method: draft.method,
      url: draft.url,
      headers,
      ...(draft.payload === undefined ? {} : { payload: draft.payload }),
    };
  };
  return writes.map((route) => {
    const key = `${route.method} ${route.url}`;
    const operation =
      spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
    const generic = genericAttacks(route, operation, world);
    const specific = SPECIFIC[key];
    const drafts = specific === undefined ? generic : fc.oneof(generic, specific);
    return { key, requests: drafts.map(finish) };
  });
}
