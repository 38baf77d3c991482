import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityDetail, CityListResponse } from '../../../server/src/schemas/city.schema';
import type {
  NetworkDetail,
  NetworkListResponse,
} from '../../../server/src/schemas/network.schema';
import {
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
} from '../../factories/factories';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  const k = ctx.db.knex;
  const network = await buildNetwork(k, {
    slug: 'green-cities',
    name: 'Green Cities',
    data_kind: 'synthetic',
    description: 'A test network',
  });
  const espoo = await buildCity(k, {
    slug: 'espoo',
    name: 'Espoo',
    country_code: 'FI',
    population: 314000,
  });
  const braga = await buildCity(k, {
    slug: 'braga',
    name: 'Braga',
    country_code: 'PT',
    population: 193000,
  });
  await addMember(k, network, braga, 'partner');
  await addMember(k, network, espoo, 'lead_partner');
  const pm25 = await buildIndicator(k, network, {
    slug: 'pm25',
    sdg: [{ target: '11.6', indicator: '11.6.2' }],
  });
  await buildIndicator(k, network, {
    slug: 'recycling',
    direction: 'increase',
    best_bound: 65,
    worst_bound: 15,
    sdg: [{ target: '12.5' }],
  });
  await addObservations(k, espoo, pm25, [
    [2016, 8.1],
    [2020, 7.2],
    [2024, 6.5],
  ]);
  await buildNetwork(k, { slug: 'empty-network', name: 'An empty network' });
});
afterAll(async () => {
  await ctx?.close();
});

describe('networks', () => {
  it('lists networks with counts and data years', async () => {
    const response = await ctx.app.inject('/api/v1/networks');
    expect(response.statusCode).toBe(200);
    const body = response.json<NetworkListResponse>();
    expect(body.networks.map((n) => n.slug)).toEqual(['empty-network', 'green-cities']);
    expect(body.networks[1]).toMatchObject({
      name: 'Green Cities',
      dataKind: 'synthetic',
      cityCount: 2,
      indicatorCount: 2,
      dataYears: { first: 2016, last: 2024 },
      isPublic: true,
    });
    expect(body.networks[0]).toMatchObject({ cityCount: 0, indicatorCount: 0, dataYears: null });
  });

  it('shows a network with its members, lead partner first, and the goals it covers', async () => {
    const response = await ctx.app.inject('/api/v1/networks/green-cities');
    expect(response.statusCode).toBe(200);
    const body = response.json<NetworkDetail>();
    expect(body.members).toEqual([
      { slug: 'espoo', name: 'Espoo', countryCode: 'FI', population: 314000, role: 'lead_partner' },
      { slug: 'braga', name: 'Braga', countryCode: 'PT', population: 193000, role: 'partner' },
    ]);
    expect(body.goals).toEqual([11, 12]);
  });

  it('answers 404 for an unknown network and 400 for a malformed slug', async () => {
    const missing = await ctx.app.inject('/api/v1/networks/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'not_found', message: 'There is no network "nope".' },
    });
    const bad = await ctx.app.inject('/api/v1/networks/Not%20A%20Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
  });
});

describe('cities', () => {
  it('lists cities by name', async () => {
    const body = (await ctx.app.inject('/api/v1/cities')).json<CityListResponse>();
    expect(body.cities.map((c) => c.slug)).toEqual(['braga', 'espoo']);
  });

  it('shows a city with its networks and how much data it has', async () => {
    const response = await ctx.app.inject('/api/v1/cities/espoo');
    expect(response.statusCode).toBe(200);
    const body = response.json<CityDetail>();
    expect(body).toMatchObject({
      slug: 'espoo',
      name: 'Espoo',
      countryCode: 'FI',
      population: 314000,
      observationCount: 3,
      dataYears: { first: 2016, last: 2024 },
      networks: [
        { slug: 'green-cities', name: 'Green Cities', role: 'lead_partner', dataKind: 'synthetic' },
      ],
    });
  });

  it('answers 404 for an unknown city', async () => {
    const response = await ctx.app.inject('/api/v1/cities/atlantis');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });

  // Found by the hostile-request fuzzing ({"codes": {"": 0}} answered 500): code schemes
  // outside the pattern were not checked at all.
  it('refuses code schemes outside their pattern with a 400 (they were not checked at all)', async () => {
    for (const codes of [{ '': 0 }, { '': 'x' }, { 'Urban Audit': 'ES003C' }]) {
      const created = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/cities',
        payload: { slug: 'bad-codes', name: 'Bad', countryCode: 'FI', codes },
      });
      expect(created.statusCode, JSON.stringify(codes)).toBe(400);
      expect(created.json().error.code).toBe('validation_failed');
    }
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/v1/cities/espoo',
      headers: { 'if-match': '"0"' },
      payload: { codes: { '': null } },
    });
    expect(patched.statusCode).toBe(400);
    expect((await ctx.app.inject('/api/v1/cities/bad-codes')).statusCode).toBe(404);
  });
});
