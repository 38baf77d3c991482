import { strToU8, zipSync } from 'fflate';
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
import type { TestContext } from './test-app';

/**
 * The world the access tests attack: public network "pub" (cities "ours"
 * and "theirs"), public network "pub2" (city "far"), private network "priv"
 * (city "hidden"), one indicator each with two values and an ambition, and
 * one signed-in user per kind of reader.
 */
export type Who =
  | 'anonymous'
  | 'no-role'
  | 'viewer-priv'
  | 'editor-ours'
  | 'editor-far'
  | 'coordinator-pub'
  | 'admin';

export const PLACES = {
  own: { network: 'pub', city: 'ours', indicator: 'pub-ind' },
  other: { network: 'pub2', city: 'far', indicator: 'pub2-ind' },
  private: { network: 'priv', city: 'hidden', indicator: 'priv-ind' },
} as const;
export type Target = keyof typeof PLACES;

export interface Sample {
  body?: unknown;
  /** Raw CSV body for imports. */
  csv?: (place: (typeof PLACES)[Target]) => string;
  /** A zip body (Open SDG repositories). */
  zip?: () => Uint8Array;
  /** A query string (without "?") for routes that name their target there. */
  query?: (place: (typeof PLACES)[Target]) => string;
  headers?: Record<string, string>;
  /** Not sent by the matrix (it would end the sessions the matrix uses); tested in auth.test.ts. */
  skip?: true;
}

/**
 * A request per write route that, when allowed, passes the access check and
 * then stops harmlessly (a stale If-Match, a missing precondition) or
 * creates something new. A new write route without a sample fails the test.
 */
export const SAMPLES: Record<string, Sample> = {
  'POST /api/v1/networks': { body: { slug: 'n-new', name: 'New' } },
  'PATCH /api/v1/networks/:network': { body: { name: 'Renamed' }, headers: { 'if-match': '"0"' } },
  'DELETE /api/v1/networks/:network': {},
  'PUT /api/v1/networks/:network/members/:city': { body: { role: 'partner' } },
  'DELETE /api/v1/networks/:network/members/:city': {},
  'POST /api/v1/networks/:network/indicators': {
    body: { slug: 'x-new', name: 'New', unit: '%', direction: 'increase' },
    headers: { 'if-match': '"0"' },
  },
  'POST /api/v1/networks/:network/indicators/eurostat': {
    body: { indicators: [{ code: 'urb_ctran:TT1010V' }] },
  },
  'POST /api/v1/cities': { body: { slug: 'c-new', name: 'New', countryCode: 'FI' } },
  'PATCH /api/v1/cities/:city': { body: { name: 'Renamed' }, headers: { 'if-match': '"0"' } },
  'DELETE /api/v1/cities/:city': {},
  'PATCH /api/v1/indicators/:indicator': {
    body: { name: 'Renamed' },
    headers: { 'if-match': '"0"' },
  },
  'DELETE /api/v1/indicators/:indicator': {},
  'PUT /api/v1/cities/:city/indicators/:indicator/observations/:year': {
    body: { value: 42 },
    headers: { 'if-match': '"0"' },
  },
  'DELETE /api/v1/cities/:city/indicators/:indicator/observations/:year': {},
  'PUT /api/v1/cities/:city/indicators/:indicator/ambition': {
    body: { baselineYear: 2015, baselineValue: 10, targetYear: 2030, targetValue: 50 },
    headers: { 'if-match': '"0"' },
  },
  'DELETE /api/v1/cities/:city/indicators/:indicator/ambition': {},
  'POST /api/v1/imports': {
    csv: (p) => `city,indicator,year,value\n${p.city},${p.indicator},2019,77\n`,
  },
  'POST /api/v1/imports/opensdg': {
    query: (p) => `network=${p.network}&city=${p.city}&dryRun=true`,
    zip: () => zipSync({ 'r/data/indicator_11-6-2.csv': strToU8('Year,Value\n2019,77\n') }),
  },
  'POST /api/v1/imports/eurostat': {
    query: (p) => `network=${p.network}&dryRun=true`,
    csv: () => 'indic_ur,unit,cities\\time\t2019 \nPS1012V,PC,EE001C\t10.0 \n',
  },
  // Review steps: the first allowed one changes the state, later ones meet a 409.
  'POST /api/v1/networks/:network/cities/:city/reviews/:year/submit': {},
  'POST /api/v1/networks/:network/cities/:city/reviews/:year/withdraw': {},
  'POST /api/v1/networks/:network/cities/:city/reviews/:year/return': {
    body: { comment: 'Please check' },
  },
  'POST /api/v1/networks/:network/cities/:city/reviews/:year/approve': {},
  'POST /api/v1/networks/:network/cities/:city/reviews/:year/reopen': {
    body: { comment: 'Reopened' },
  },
  'POST /api/v1/networks/:network/cities/:city/reviews/:year/comments': {
    body: { body: 'A comment' },
  },
  'POST /api/v1/cities/:city/actions': { body: { title: 'Matrix action', startYear: 2025 } },
  'PATCH /api/v1/actions/:actionId': { body: { title: 'Renamed' }, headers: { 'if-match': '"0"' } },
  'DELETE /api/v1/actions/:actionId': {},
  // The places' actions are approved: allowed steps meet a 409 (wrong state).
  'POST /api/v1/actions/:actionId/submit': {},
  'POST /api/v1/actions/:actionId/withdraw': {},
  'POST /api/v1/actions/:actionId/approve': {},
  'POST /api/v1/actions/:actionId/return': { body: { comment: 'Please check' } },
  'PUT /api/v1/networks/:network/good-practices/:actionId': { body: { note: 'Good' } },
  'DELETE /api/v1/networks/:network/good-practices/:actionId': {},
  // Allowed: the file's features carry codes, but the world's data has none, so it is stored.
  'PUT /api/v1/cities/:city/districts': {
    query: () => 'codeProperty=code',
    body: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'D1' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    },
  },
  'DELETE /api/v1/cities/:city/districts': {},
  'POST /api/v1/users': { body: { email: 'new-person@test.example' } },
  'PATCH /api/v1/users/:user': { body: { displayName: 'Renamed' } },
  'POST /api/v1/users/:user/invitation': {},
  'POST /api/v1/users/:user/roles': { body: { role: 'viewer', network: 'pub' } },
  'DELETE /api/v1/users/:user/roles/:grant': {},
  'POST /api/v1/auth/password': { body: { currentPassword: 'x', newPassword: 'y' } },
  'POST /api/v1/auth/second-factor/setup': {},
  'POST /api/v1/auth/second-factor/confirm': { body: { code: '000000' } },
  'POST /api/v1/auth/second-factor/recovery-codes': { body: { code: '000000' } },
  'POST /api/v1/auth/second-factor/disable': { body: { password: 'x', code: '000000' } },
  'POST /api/v1/auth/tokens': { body: { name: 'Matrix', access: 'read' } },
  'DELETE /api/v1/auth/tokens/:token': {},
  'DELETE /api/v1/users/:user/second-factor': {},
  'POST /api/v1/cities/:city/invitations/:invitation/accept': {},
  'POST /api/v1/cities/:city/invitations/:invitation/decline': {},
  // Public; its 401 answers a wrong challenge, not access (tested in second-factor.test.ts).
  'POST /api/v1/auth/sign-in/second-factor': { skip: true },
  // Public writes: nothing to protect (sign-in, sign-out, invitations, the calculator).
  'POST /api/v1/auth/sign-in': { skip: true },
  'POST /api/v1/auth/sign-out': { skip: true },
  'POST /api/v1/auth/invitations/accept': { body: { token: 'x', password: 'y' } },
  'POST /api/v1/notifications/read-all': {},
  'POST /api/v1/notifications/:id/read': {},
  'POST /api/v1/progress/assess': {
    body: { direction: 'increase', observations: [{ year: 2020, value: 1 }] },
  },
};

export interface AccessWorld {
  sessions: Map<Who, TestSession | null>;
  /** A user and role grant the user routes can aim at. */
  targetUser: number;
  targetGrant: number;
  headersOf(who: Who): Record<string, string>;
  /** A route's path with the target's slugs (and the target user, grant, year) filled in. */
  urlFor(template: string, target: Target): string;
}

export async function buildAccessWorld(ctx: TestContext): Promise<AccessWorld> {
  const knex: Knex = ctx.db.knex;
  const pub = await buildNetwork(knex, { slug: 'pub', is_public: true });
  const pub2 = await buildNetwork(knex, { slug: 'pub2', is_public: true });
  const priv = await buildNetwork(knex, { slug: 'priv', is_public: false });
  const ours = await buildCity(knex, { slug: 'ours', name: 'Ours' });
  const theirs = await buildCity(knex, { slug: 'theirs', name: 'Theirs' });
  const far = await buildCity(knex, { slug: 'far', name: 'Far' });
  const hidden = await buildCity(knex, { slug: 'hidden', name: 'Hidden' });
  await addMember(knex, pub, ours);
  await addMember(knex, pub, theirs);
  await addMember(knex, pub2, far);
  await addMember(knex, priv, hidden);
  let pubIndicator = null;
  for (const [network, city, slug] of [
    [pub, ours, 'pub-ind'],
    [pub2, far, 'pub2-ind'],
    [priv, hidden, 'priv-ind'],
  ] as const) {
    const indicator = await buildIndicator(knex, network, {
      slug,
      allowed_min: 0,
      allowed_max: 1000,
    });
    if (slug === 'pub-ind') pubIndicator = indicator;
    await addObservations(knex, city, indicator, [
      [2020, 10],
      [2021, 12],
    ]);
    await setAmbition(knex, city, indicator, {
      baselineYear: 2020,
      baselineValue: 10,
      targetYear: 2030,
      targetValue: 30,
    });
  }
  await addObservations(knex, theirs, pubIndicator!, [[2020, 5]]);
  // One approved action per place: the public sees it with its city.
  const actionIds: Record<Target, number> = {
    own: await addAction(knex, ours, { approved: true }),
    other: await addAction(knex, far, { approved: true }),
    private: await addAction(knex, hidden, { approved: true }),
  };
  const sessions = new Map<Who, TestSession | null>();
  sessions.set('anonymous', null);
  sessions.set('no-role', await issueSession(knex, 'nobody@test.example', { role: 'none' }));
  sessions.set(
    'viewer-priv',
    await issueSession(knex, 'viewer@test.example', { role: 'viewer', network: 'priv' }),
  );
  sessions.set(
    'editor-ours',
    await issueSession(knex, 'editor@test.example', { role: 'editor', city: 'ours' }),
  );
  sessions.set(
    'editor-far',
    await issueSession(knex, 'far-editor@test.example', { role: 'editor', city: 'far' }),
  );
  sessions.set(
    'coordinator-pub',
    await issueSession(knex, 'coordinator@test.example', { role: 'coordinator', network: 'pub' }),
  );
  sessions.set('admin', ctx.admin);
  const target = await issueSession(knex, 'target@test.example', {
    role: 'viewer',
    network: 'pub',
  });
  const grant = (await knex('role_grants').where({ user_id: target.userId }).first('id')) as {
    id: number;
  };
  return {
    sessions,
    targetUser: target.userId,
    targetGrant: grant.id,
    urlFor(template: string, place: Target): string {
      const slugs = PLACES[place];
      return template
        .replace(':network', slugs.network)
        .replace(':city', slugs.city)
        .replace(':indicator', slugs.indicator)
        .replace(':year', '2021')
        .replace(':actionId', String(actionIds[place]))
        .replace(':invitation', 'pub')
        .replace(':token', '1')
        .replace(':user', String(target.userId))
        .replace(':grant', String(grant.id))
        .replace(':id', '1');
    },
    headersOf(who: Who): Record<string, string> {
      const session = sessions.get(who);
      return session === null || session === undefined ? { cookie: '' } : session.headers;
    },
  };
}
