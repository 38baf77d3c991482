import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Indicator,
  IndicatorListResponse,
} from '../../../server/src/schemas/catalogue.schema';
import type { CityDetail } from '../../../server/src/schemas/city.schema';
import type { NetworkDetail } from '../../../server/src/schemas/network.schema';
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;
let http: ReturnType<typeof api>;

const pm25 = {
  slug: 'pm25',
  name: 'Annual mean PM2.5 concentration',
  unit: 'µg/m³',
  direction: 'decrease',
  decimals: 1,
  bestBound: 5,
  worstBound: 25,
  thresholds: { green: 5, yellow: 10, orange: 15 },
  allowedMin: 0,
  allowedMax: 500,
  maxChange: 10,
  source: 'EEA',
  translations: { fr: { name: 'Concentration moyenne annuelle de PM2,5' } },
  sdgLinks: [{ target: '11.6', indicator: '11.6.2' }, { target: '3.9' }],
};

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
});
afterAll(async () => {
  await ctx?.close();
});

describe('networks', () => {
  it('creates a network (201, Location, ETag), refuses a duplicate slug (409)', async () => {
    const created = await http.post<NetworkDetail>('/api/v1/networks', {
      slug: 'urbact-goals',
      name: 'Global Goals for Cities',
      description: 'URBACT network',
      dataKind: 'reported',
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/v1/networks/urbact-goals');
    expect(created.headers.etag).toBe(created.body.etag);
    expect(created.body).toMatchObject({
      slug: 'urbact-goals',
      isPublic: true,
      cityCount: 0,
      members: [],
      version: 1,
    });
    const again = await http.post<ErrorBody>('/api/v1/networks', {
      slug: 'urbact-goals',
      name: 'Again',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already exists/);
  });

  it('validates the body strictly', async () => {
    const bad = await http.post<ErrorBody>('/api/v1/networks', {
      slug: 'Bad Slug',
      name: '',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/slug', '/name', '/extra']));
  });

  it('changes a network only with the current If-Match', async () => {
    const current = (await http.get<NetworkDetail>('/api/v1/networks/urbact-goals')).body;
    expect((await http.patch('/api/v1/networks/urbact-goals', { name: 'GGfC' })).status).toBe(428);
    const changed = await http.patch<NetworkDetail>(
      '/api/v1/networks/urbact-goals',
      { name: 'GGfC', isPublic: false },
      { 'if-match': current.etag },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'GGfC', isPublic: false, version: 2 });
    expect(
      (
        await http.patch(
          '/api/v1/networks/urbact-goals',
          { name: 'X' },
          { 'if-match': current.etag },
        )
      ).status,
    ).toBe(412);
    expect(
      (await http.patch('/api/v1/networks/urbact-goals', {}, { 'if-match': changed.body.etag }))
        .status,
    ).toBe(400);
  });
});

describe('cities and membership', () => {
  it('creates cities and adds them to a network with a role', async () => {
    const espoo = await http.post<CityDetail>('/api/v1/cities', {
      slug: 'espoo',
      name: 'Espoo',
      countryCode: 'FI',
      population: 314000,
      latitude: 60.2055,
      longitude: 24.6559,
    });
    expect(espoo.status).toBe(201);
    expect(espoo.body).toMatchObject({ slug: 'espoo', countryCode: 'FI', networks: [] });
    expect(
      (await http.post('/api/v1/cities', { slug: 'braga', name: 'Braga', countryCode: 'PT' }))
        .status,
    ).toBe(201);
    expect(
      (await http.post<ErrorBody>('/api/v1/cities', { slug: 'x', name: 'X', countryCode: 'fi' }))
        .status,
    ).toBe(400);
    expect(
      (await http.post('/api/v1/cities', { slug: 'y', name: 'Y', countryCode: 'FI', latitude: 91 }))
        .status,
    ).toBe(400);

    const added = await http.put('/api/v1/networks/urbact-goals/members/espoo', {
      role: 'lead_partner',
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      network: 'urbact-goals',
      city: 'espoo',
      role: 'lead_partner',
      status: 'member',
    });
    expect(
      (await http.put('/api/v1/networks/urbact-goals/members/braga', { role: 'partner' })).status,
    ).toBe(201);
    expect(
      (await http.put('/api/v1/networks/urbact-goals/members/braga', { role: 'partner' })).status,
    ).toBe(200);
    expect(
      (await http.put('/api/v1/networks/urbact-goals/members/braga', { role: 'boss' })).status,
    ).toBe(400);
    expect(
      (await http.put('/api/v1/networks/urbact-goals/members/atlantis', { role: 'partner' }))
        .status,
    ).toBe(404);
    const network = (await http.get<NetworkDetail>('/api/v1/networks/urbact-goals')).body;
    expect(network.members.map((m) => `${m.slug}:${m.role}`)).toEqual([
      'espoo:lead_partner',
      'braga:partner',
    ]);
  });

  it('changes a city with If-Match', async () => {
    const current = (await http.get<CityDetail>('/api/v1/cities/braga')).body;
    const changed = await http.patch<CityDetail>(
      '/api/v1/cities/braga',
      { population: 193000 },
      { 'if-match': current.etag },
    );
    expect(changed.body).toMatchObject({ population: 193000, version: 2 });
  });
});

describe('indicators', () => {
  it('adds an indicator with SDG links and translations', async () => {
    const created = await http.post<Indicator>('/api/v1/networks/urbact-goals/indicators', pm25);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/v1/indicators/pm25');
    expect(created.body).toMatchObject({
      slug: 'pm25',
      network: 'urbact-goals',
      direction: 'decrease',
      thresholds: { green: 5, yellow: 10, orange: 15 },
      goal: 11,
      sdgLinks: [
        { target: '11.6', indicator: '11.6.2' },
        { target: '3.9', indicator: null },
      ],
      archived: false,
      trendType: 'auto',
    });
    expect((await http.get<Indicator>('/api/v1/indicators/pm25')).body).toEqual(created.body);
  });

  it('refuses inconsistent definitions with a reason', async () => {
    const bounds = await http.post<ErrorBody>('/api/v1/networks/urbact-goals/indicators', {
      ...pm25,
      slug: 'b1',
      bestBound: 25,
      worstBound: 5,
    });
    expect(bounds.status).toBe(400);
    expect(bounds.body.error.message).toMatch(
      /lower is better, the best bound must be below the worst bound/,
    );
    const thresholds = await http.post<ErrorBody>('/api/v1/networks/urbact-goals/indicators', {
      ...pm25,
      slug: 'b2',
      thresholds: { green: 15, yellow: 10, orange: 5 },
    });
    expect(thresholds.body.error.message).toMatch(/green ≤ yellow ≤ orange/);
    const range = await http.post<ErrorBody>('/api/v1/networks/urbact-goals/indicators', {
      ...pm25,
      slug: 'b3',
      allowedMin: 10,
      allowedMax: 1,
    });
    expect(range.body.error.message).toMatch(/smallest allowed value is above the largest/);
    const target = await http.post<ErrorBody>('/api/v1/networks/urbact-goals/indicators', {
      ...pm25,
      slug: 'b4',
      sdgLinks: [{ target: '18.1' }],
    });
    expect(target.body.error.message).toBe('There is no SDG target "18.1".');
    const wrong = await http.post<ErrorBody>('/api/v1/networks/urbact-goals/indicators', {
      ...pm25,
      slug: 'b5',
      sdgLinks: [{ target: '11.6', indicator: '3.9.1' }],
    });
    expect(wrong.body.error.message).toBe('SDG indicator 3.9.1 belongs to target 3.9, not 11.6.');
    expect(
      (
        await http.post('/api/v1/networks/urbact-goals/indicators', {
          ...pm25,
          slug: 'b6',
          sdgLinks: [],
        })
      ).status,
    ).toBe(400);
    expect(
      (await http.post('/api/v1/networks/urbact-goals/indicators', { ...pm25, slug: 'pm25' }))
        .status,
    ).toBe(409);
  });

  it('lists indicators by network, SDG goal, target and SDG indicator', async () => {
    await http.post('/api/v1/networks/urbact-goals/indicators', {
      slug: 'recycling',
      name: 'Recycling rate',
      unit: '%',
      direction: 'increase',
      sdgLinks: [{ target: '12.5', indicator: '12.5.1' }],
    });
    const all = await http.get<IndicatorListResponse>('/api/v1/networks/urbact-goals/indicators');
    expect(all.body.indicators.map((i) => i.slug).sort()).toEqual(['pm25', 'recycling']);
    const goal12 = await http.get<IndicatorListResponse>(
      '/api/v1/networks/urbact-goals/indicators?goal=12',
    );
    expect(goal12.body.indicators.map((i) => i.slug)).toEqual(['recycling']);
    const goal3 = await http.get<IndicatorListResponse>('/api/v1/indicators?goal=3');
    expect(goal3.body.indicators.map((i) => i.slug)).toEqual(['pm25']);
    const target = await http.get<IndicatorListResponse>('/api/v1/indicators?target=11.6');
    expect(target.body.indicators.map((i) => i.slug)).toEqual(['pm25']);
    const sdgIndicator = await http.get<IndicatorListResponse>(
      '/api/v1/indicators?sdgIndicator=12.5.1',
    );
    expect(sdgIndicator.body.indicators.map((i) => i.slug)).toEqual(['recycling']);
  });

  it('changes an indicator and replaces its links with If-Match', async () => {
    const current = (await http.get<Indicator>('/api/v1/indicators/recycling')).body;
    const changed = await http.patch<Indicator>(
      '/api/v1/indicators/recycling',
      { bestBound: 65, worstBound: 15, sdgLinks: [{ target: '11.6', indicator: '11.6.1' }] },
      { 'if-match': current.etag },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      bestBound: 65,
      goal: 11,
      sdgLinks: [{ target: '11.6', indicator: '11.6.1' }],
    });
    const contradicting = await http.patch<ErrorBody>(
      '/api/v1/indicators/recycling',
      { direction: 'decrease' },
      { 'if-match': changed.body.etag },
    );
    expect(contradicting.status).toBe(400);
  });

  it('refuses to delete an indicator with values (409) until it is archived; archived ones take no values', async () => {
    await http.put('/api/v1/cities/espoo/indicators/pm25/observations/2020', { value: 9.5 });
    await http.put('/api/v1/cities/espoo/indicators/pm25/observations/2021', { value: 9.1 });
    let current = (await http.get<Indicator>('/api/v1/indicators/pm25')).body;
    const refused = await http.delete<ErrorBody>('/api/v1/indicators/pm25', {
      'if-match': current.etag,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/has 2 reported values\. Archive it instead/);
    expect((await http.get('/api/v1/cities/espoo/indicators/pm25/observations/2020')).status).toBe(
      200,
    );

    const archived = await http.patch<Indicator>(
      '/api/v1/indicators/pm25',
      { archived: true },
      { 'if-match': current.etag },
    );
    expect(archived.body.archived).toBe(true);
    const listed = await http.get<IndicatorListResponse>(
      '/api/v1/networks/urbact-goals/indicators',
    );
    expect(listed.body.indicators.map((i) => i.slug)).toEqual(['recycling']);
    const withArchived = await http.get<IndicatorListResponse>(
      '/api/v1/networks/urbact-goals/indicators?includeArchived=true',
    );
    expect(withArchived.body.indicators).toHaveLength(2);
    expect(
      (await http.put('/api/v1/cities/espoo/indicators/pm25/observations/2022', { value: 9 }))
        .status,
    ).toBe(409);

    current = archived.body;
    expect(
      (await http.delete('/api/v1/indicators/pm25', { 'if-match': current.etag })).status,
    ).toBe(204);
    expect((await http.get('/api/v1/indicators/pm25')).status).toBe(404);
    expect((await http.get('/api/v1/cities/espoo/observations?indicator=recycling')).status).toBe(
      200,
    );
  });
});

describe('deleting what holds data', () => {
  it('refuses to delete a city or network with values, or remove a member that reported, and changes nothing', async () => {
    await http.put('/api/v1/cities/espoo/indicators/recycling/observations/2020', { value: 40 });
    const before = await fingerprint(ctx.db.knex);
    const city = (await http.get<CityDetail>('/api/v1/cities/espoo')).body;
    const cityDelete = await http.delete<ErrorBody>('/api/v1/cities/espoo', {
      'if-match': city.etag,
    });
    expect(cityDelete.status).toBe(409);
    expect(cityDelete.body.error.message).toMatch(/Espoo has 1 reported value/);
    const network = (await http.get<NetworkDetail>('/api/v1/networks/urbact-goals')).body;
    expect(
      (await http.delete('/api/v1/networks/urbact-goals', { 'if-match': network.etag })).status,
    ).toBe(409);
    expect((await http.delete('/api/v1/networks/urbact-goals/members/espoo')).status).toBe(409);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('deletes what is empty', async () => {
    expect((await http.delete('/api/v1/networks/urbact-goals/members/braga')).status).toBe(204);
    expect((await http.delete('/api/v1/networks/urbact-goals/members/braga')).status).toBe(404);
    const braga = (await http.get<CityDetail>('/api/v1/cities/braga')).body;
    expect((await http.delete('/api/v1/cities/braga')).status).toBe(428);
    expect((await http.delete('/api/v1/cities/braga', { 'if-match': braga.etag })).status).toBe(
      204,
    );
    await http.post('/api/v1/networks', { slug: 'empty', name: 'Empty' });
    const empty = (await http.get<NetworkDetail>('/api/v1/networks/empty')).body;
    expect((await http.delete('/api/v1/networks/empty', { 'if-match': empty.etag })).status).toBe(
      204,
    );
  });
});

describe('the OpenAPI document', () => {
  it('lists every data-service route', async () => {
    const doc = (
      await http.get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
    ).body;
    const expected: Array<[string, string]> = [
      ['/api/v1/networks', 'post'],
      ['/api/v1/networks/{network}', 'patch'],
      ['/api/v1/networks/{network}', 'delete'],
      ['/api/v1/networks/{network}/members/{city}', 'put'],
      ['/api/v1/networks/{network}/members/{city}', 'delete'],
      ['/api/v1/networks/{network}/indicators', 'get'],
      ['/api/v1/networks/{network}/indicators', 'post'],
      ['/api/v1/networks/{network}/observations/export', 'get'],
      ['/api/v1/cities', 'post'],
      ['/api/v1/cities/{city}', 'patch'],
      ['/api/v1/cities/{city}', 'delete'],
      ['/api/v1/cities/{city}/observations', 'get'],
      ['/api/v1/cities/{city}/observations/latest', 'get'],
      ['/api/v1/cities/{city}/observations/export', 'get'],
      ['/api/v1/cities/{city}/history', 'get'],
      ['/api/v1/cities/{city}/ambitions', 'get'],
      ['/api/v1/cities/{city}/indicators/{indicator}/observations/{year}', 'put'],
      ['/api/v1/cities/{city}/indicators/{indicator}/observations/{year}', 'delete'],
      ['/api/v1/cities/{city}/indicators/{indicator}/observations/{year}/history', 'get'],
      ['/api/v1/cities/{city}/indicators/{indicator}/ambition', 'put'],
      ['/api/v1/indicators', 'get'],
      ['/api/v1/indicators/{indicator}', 'patch'],
      ['/api/v1/indicators/{indicator}/observations', 'get'],
      ['/api/v1/imports', 'post'],
    ];
    for (const [path, method] of expected)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
