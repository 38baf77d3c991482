import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/src/app';
import type { Observation } from '../../../server/src/schemas/observation.schema';
import type {
  Assessment,
  CityProgressResponse,
  ComparisonResponse,
  IndicatorDetailResponse,
  NetworkRankingResponse,
  NetworkScoresResponse,
  PeersResponse,
} from '../../../server/src/schemas/progress.schema';
import {
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
  setAmbition,
} from '../../factories/factories';
import { api, type ErrorBody } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
  const k = ctx.db.knex;
  const network = await buildNetwork(k, { slug: 'net', name: 'Net' });
  const names = ['alpha', 'beta', 'gamma', 'delta'];
  const cities = [];
  for (const slug of names) {
    const city = await buildCity(k, { slug, name: slug[0]!.toUpperCase() + slug.slice(1) });
    await addMember(k, network, city);
    cities.push(city);
  }
  const [alpha, beta, gamma, delta] = cities as [
    (typeof cities)[0],
    (typeof cities)[0],
    (typeof cities)[0],
    (typeof cities)[0],
  ];
  const recycling = await buildIndicator(k, network, {
    slug: 'recycling',
    name: 'Recycling rate',
    unit: '%',
    direction: 'increase',
    best_bound: 65,
    worst_bound: 15,
    allowed_min: 0,
    allowed_max: 100,
    green_threshold: 55,
    yellow_threshold: 45,
    orange_threshold: 30,
    translations: { fr: { name: 'Taux de recyclage' } },
    sdg: [{ target: '11.6', indicator: '11.6.1' }],
  });
  const pm25 = await buildIndicator(k, network, {
    slug: 'pm25',
    name: 'PM2.5',
    direction: 'decrease',
    best_bound: 5,
    worst_bound: 25,
    sdg: [{ target: '11.6', indicator: '11.6.2' }],
  });
  const ghg = await buildIndicator(k, network, {
    slug: 'ghg',
    name: 'GHG per capita',
    unit: 't',
    direction: 'decrease',
    trend_type: 'linear',
    best_bound: 0,
    worst_bound: 20,
    allowed_min: 0,
    allowed_max: 100,
    sdg: [{ target: '13.2' }],
  });
  await addObservations(k, alpha, recycling, [
    [2015, 30],
    [2018, 33],
    [2020, 35],
    [2024, 40],
  ]);
  await setAmbition(k, alpha, recycling, {
    baselineYear: 2015,
    baselineValue: 30,
    targetYear: 2030,
    targetValue: 65,
  });
  await addObservations(k, alpha, pm25, [
    [2015, 20],
    [2024, 12],
  ]);
  await addObservations(k, alpha, ghg, [
    [2012, 9],
    [2016, 8.5],
  ]);
  await addObservations(k, beta, recycling, [
    [2015, 25],
    [2024, 52],
  ]);
  await addObservations(k, beta, pm25, [
    [2016, 15],
    [2024, 9],
  ]);
  await addObservations(k, beta, ghg, [
    [2016, 7],
    [2024, 5],
  ]);
  await addObservations(k, gamma, recycling, [
    [2015, 40],
    [2024, 38],
  ]);
  await addObservations(k, gamma, pm25, [[2024, 10]]);
  await addObservations(k, gamma, ghg, [[2023, 6]]);
  await addObservations(k, delta, recycling, [[2024, 20]]);
});
afterAll(async () => {
  await ctx?.close();
});

describe('POST /api/v1/progress/assess', () => {
  it('computes status, score, components and action gap', async () => {
    const response = await http.post<Assessment>('/api/v1/progress/assess', {
      direction: 'increase',
      observations: [
        { year: 2020, value: 110 },
        { year: 2015, value: 100 },
      ],
      target: { year: 2030, value: 150 },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'acceleration_needed', trend: 'compound' });
    expect(response.body.components.ratio).toBeCloseTo(0.7023764947842465, 12);
    expect(response.body.actionGap?.projectedYear).toBe(2037);
    expect(response.body.actionGap?.paceRatio).toBeCloseTo(1.6368764254868458, 12);
  });

  it.each([
    [
      'duplicate years',
      {
        direction: 'increase',
        observations: [
          { year: 2020, value: 1 },
          { year: 2020, value: 2 },
        ],
      },
      /2020 appears twice/,
    ],
    [
      'a target year not after the baseline',
      {
        direction: 'increase',
        observations: [{ year: 2020, value: 1 }],
        baseline: { year: 2020, value: 1 },
        target: { year: 2019, value: 2 },
      },
      /target year \(2019\) must come after the baseline year \(2020\)/,
    ],
    ['no observations', { direction: 'increase', observations: [] }, /at least 1 entries/],
    [
      'a string value',
      { direction: 'increase', observations: [{ year: 2020, value: '1' }] },
      /must be a number/,
    ],
    [
      'an unknown direction',
      { direction: 'up', observations: [{ year: 2020, value: 1 }] },
      /direction must be one of/,
    ],
    [
      'an unknown field',
      { direction: 'increase', observations: [{ year: 2020, value: 1 }], extra: 1 },
      /"extra" is not a field/,
    ],
  ])('refuses %s with a 400', async (_label, body, message) => {
    const response = await http.post<ErrorBody>('/api/v1/progress/assess', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.message).toMatch(message);
  });

  it('refuses non-finite values (1e400)', async () => {
    const response = await http.post<ErrorBody>(
      '/api/v1/progress/assess',
      '{"direction":"increase","observations":[{"year":2020,"value":1e400}]}',
      { 'content-type': 'application/json' },
    );
    expect(response.status).toBe(400);
  });
});

describe('GET /api/v1/cities/:city/progress', () => {
  it('assesses each indicator and aggregates per goal and for the city', async () => {
    const response = await http.get<CityProgressResponse>('/api/v1/cities/alpha/progress');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.year).toBe(2024);
    expect(body.networks.map((n) => n.slug)).toEqual(['net']);
    const recycling = body.indicators.find((i) => i.slug === 'recycling')!;
    expect(recycling).toMatchObject({
      status: 'acceleration_needed', // R = 0.614
      trend: 'compound',
      latest: { year: 2024, value: 40 },
      ambition: { targetYear: 2030, targetValue: 65 },
      stale: false,
      colour: 'orange',
      goal: 11,
    });
    expect(recycling.actionGap?.gapShare).toBeGreaterThan(0);
    expect(recycling.normalised).toBe(50);
    const ghg = body.indicators.find((i) => i.slug === 'ghg')!;
    // The baseline is the first value in or after 2015 (2016), which is also the latest.
    expect(ghg).toMatchObject({ stale: true, status: 'insufficient_data' });
    expect(body.goals).toHaveLength(17);
    const goal11 = body.goals.find((g) => g.goal === 11)!;
    expect(goal11).toMatchObject({ indicatorCount: 2, coverage: 1 });
    const goal13 = body.goals.find((g) => g.goal === 13)!;
    expect(goal13).toMatchObject({ coverage: 0, status: 'insufficient_data' });
    expect(goal13.statusCounts.stale).toBe(1);
    expect(body.summary).toMatchObject({ indicatorCount: 3, currentCount: 2 });
    expect(body.largestGaps).toEqual(['recycling']);
    expect(body.strongestImprovements).toEqual(['pm25', 'recycling']);
  });

  it('honours ?year= and ?lang=', async () => {
    const earlier = (
      await http.get<CityProgressResponse>('/api/v1/cities/alpha/progress?year=2020&lang=fr')
    ).body;
    expect(earlier.year).toBe(2020);
    expect(earlier.language).toBe('fr');
    const recycling = earlier.indicators.find((i) => i.slug === 'recycling')!;
    expect(recycling.name).toBe('Taux de recyclage');
    expect(recycling.latest).toEqual({ year: 2020, value: 35 });
    expect(recycling.series.map((p) => p.year)).toEqual([2015, 2018, 2020]);
  });

  it('answers 404 for an unknown city', async () => {
    expect((await http.get('/api/v1/cities/atlantis/progress')).status).toBe(404);
  });
});

describe('GET /api/v1/cities/:city/indicators/:indicator/progress', () => {
  it('gives one indicator in full with its chart and SDG titles', async () => {
    const response = await http.get<IndicatorDetailResponse>(
      '/api/v1/cities/alpha/indicators/recycling/progress?lang=fr',
    );
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.indicator).toMatchObject({
      slug: 'recycling',
      name: 'Taux de recyclage',
      unit: '%',
      goal: 11,
    });
    expect(body.indicator.sdgLinks[0]).toMatchObject({
      target: '11.6',
      indicator: '11.6.1',
      titleLanguage: 'fr',
    });
    expect(body.indicator.sdgLinks[0]?.targetTitle.length).toBeGreaterThan(20);
    expect(body.progress.status).toBe('acceleration_needed');
    expect(body.chart[0]?.year).toBe(2015);
    expect(body.chart[body.chart.length - 1]).toMatchObject({ year: 2030, target: 65 });
    expect(body.chart.find((p) => p.year === 2024)?.observed).toBe(40);
  });

  it('answers 404 for an indicator the city does not report', async () => {
    expect((await http.get('/api/v1/cities/alpha/indicators/nothing/progress')).status).toBe(404);
  });

  it('includes the charts of the largest gaps in the city overview', async () => {
    const body = (await http.get<CityProgressResponse>('/api/v1/cities/alpha/progress')).body;
    expect(body.gapCharts.map((c) => c.indicator)).toEqual(body.largestGaps);
    expect(body.gapCharts[0]?.points.length).toBeGreaterThan(10);
  });
});

// The factories' values are not approved: the network views read them as members asking for drafts.
describe('GET /api/v1/networks/:network/scores', () => {
  it('normalises, scores goals, ranks and leaves cities with too little data unranked', async () => {
    const response = await http.get<NetworkScoresResponse>(
      '/api/v1/networks/net/scores?drafts=true',
    );
    expect(response.status).toBe(200);
    const { cities, year, goals } = response.body;
    expect(year).toBe(2024);
    expect(goals).toEqual([11, 13]);
    const beta = cities.find((c) => c.slug === 'beta')!;
    expect(beta.goals.find((g) => g.goal === 11)?.score).toBeCloseTo((74 + 80) / 2, 10);
    expect(beta.goals.find((g) => g.goal === 13)?.score).toBeCloseTo(75, 10);
    expect(beta.index).toBeCloseTo((77 + 75) / 2, 10);
    expect(beta.rank).toBe(1);
    const alpha = cities.find((c) => c.slug === 'alpha')!;
    expect(alpha.missingShare).toBeCloseTo(1 / 3); // ghg is stale
    expect(alpha.rank).toBeNull();
    const delta = cities.find((c) => c.slug === 'delta')!;
    expect(delta.rank).toBeNull();
    expect(cities[0]!.slug).toBe('beta');
    expect(response.body.averages.goals.find((g) => g.goal === 11)?.score).not.toBeNull();
  });

  it('in another language: the same numbers, the indicators’ own names in that language', async () => {
    const en = await http.get<NetworkScoresResponse>('/api/v1/networks/net/scores?drafts=true');
    const fr = await http.get<NetworkScoresResponse>(
      '/api/v1/networks/net/scores?drafts=true&lang=fr',
    );
    expect(fr.status).toBe(200);
    expect(fr.body.language).toBe('fr');
    expect(fr.body.cities).toEqual(en.body.cities);
    expect(fr.body.averages).toEqual(en.body.averages);
    const name = (r: NetworkScoresResponse) =>
      r.indicators.find((i) => i.slug === 'recycling')?.name;
    expect(name(en.body)).not.toBe('Taux de recyclage');
    expect(name(fr.body)).toBe('Taux de recyclage');
    const page = await http.get<{
      language: string;
      cities: Array<{ slug: string; rank: number | null }>;
    }>('/api/v1/networks/net/ranking?drafts=true&lang=fr');
    expect(page.body.language).toBe('fr');
    expect(page.body.cities.map((c) => [c.slug, c.rank])).toEqual(
      en.body.cities.map((c) => [c.slug, c.rank]),
    );
  });
});

describe('comparison and peers', () => {
  it('compares one indicator across the partner cities', async () => {
    const response = await http.get<ComparisonResponse>(
      '/api/v1/networks/net/indicators/recycling/comparison?drafts=true',
    );
    expect(response.status).toBe(200);
    const beta = response.body.cities.find((c) => c.slug === 'beta')!;
    expect(beta).toMatchObject({
      latest: { year: 2024, value: 52 },
      normalised: 74,
      colour: 'yellow',
      ambition: null,
    });
    expect(beta.series).toHaveLength(2);
    expect(response.body.cities.find((c) => c.slug === 'delta')?.status).toBe('insufficient_data');
    expect((await http.get('/api/v1/networks/net/indicators/nothing/comparison')).status).toBe(404);
  });

  it('finds the partners that progressed most over the city\u2019s own years', async () => {
    const response = await http.get<PeersResponse>(
      '/api/v1/cities/alpha/peers?indicator=recycling',
    );
    expect(response.status).toBe(200);
    expect(response.body.window).toEqual({ from: 2015, to: 2024 });
    expect(response.body.peers.map((p) => p.slug)).toEqual(['beta', 'gamma']);
    expect(response.body.peers[0]).toMatchObject({ betterThanCity: true, from: 2015, to: 2024 });
    expect(response.body.peers[1]?.betterThanCity).toBe(false);
    expect(response.body.cityImprovement).toBeGreaterThan(0);
  });

  it('answers 404 for an indicator the city does not report and 400 without one', async () => {
    const other = await buildNetwork(ctx.db.knex, { slug: 'other' });
    await buildIndicator(ctx.db.knex, other, { slug: 'elsewhere' });
    expect((await http.get('/api/v1/cities/alpha/peers?indicator=elsewhere')).status).toBe(404);
    expect((await http.get('/api/v1/cities/alpha/peers')).status).toBe(400);
  });
});

describe('fresh results after every write', () => {
  it('reflects a write in the very next read, also through another server instance', async () => {
    const other = await buildApp({ config: ctx.config, db: ctx.db, logger: false });
    try {
      const before = (
        await other.inject({ url: '/api/v1/cities/gamma/progress', headers: ctx.admin.headers })
      ).json<CityProgressResponse>();
      expect(before.indicators.find((i) => i.slug === 'pm25')?.status).toBe('insufficient_data');
      const scoresBefore = (
        await other.inject({
          url: '/api/v1/networks/net/scores?drafts=true',
          headers: ctx.admin.headers,
        })
      ).json<NetworkScoresResponse>();

      const put = await http.put<Observation>(
        '/api/v1/cities/gamma/indicators/pm25/observations/2018',
        { value: 14 },
      );
      expect(put.status).toBe(201);

      const after = (
        await other.inject({ url: '/api/v1/cities/gamma/progress', headers: ctx.admin.headers })
      ).json<CityProgressResponse>();
      expect(after.indicators.find((i) => i.slug === 'pm25')?.status).toBe('on_track');
      const scoresAfter = (
        await other.inject({
          url: '/api/v1/networks/net/scores?drafts=true',
          headers: ctx.admin.headers,
        })
      ).json<NetworkScoresResponse>();
      expect(scoresAfter).not.toEqual(scoresBefore);

      await http.put('/api/v1/cities/gamma/indicators/pm25/ambition', {
        baselineYear: 2018,
        baselineValue: 14,
        targetYear: 2030,
        targetValue: 5,
      });
      const withAmbition = (
        await other.inject({ url: '/api/v1/cities/gamma/progress', headers: ctx.admin.headers })
      ).json<CityProgressResponse>();
      expect(withAmbition.indicators.find((i) => i.slug === 'pm25')?.ambition).toMatchObject({
        targetValue: 5,
      });

      await http.post('/api/v1/imports', 'city,indicator,year,value\ngamma,recycling,2025,45\n', {
        'content-type': 'text/csv',
      });
      const imported = (
        await other.inject({
          url: '/api/v1/networks/net/indicators/recycling/comparison?drafts=true',
          headers: ctx.admin.headers,
        })
      ).json<ComparisonResponse>();
      expect(imported.year).toBe(2025);
      expect(imported.cities.find((c) => c.slug === 'gamma')?.latest).toEqual({
        year: 2025,
        value: 45,
      });
    } finally {
      await other.close();
    }
  });
});

describe('the ranking in pages', () => {
  it('pages the same ranking as the whole scores view, searched, sorted and filtered on the server', async () => {
    const scores = (await http.get<NetworkScoresResponse>('/api/v1/networks/net/scores')).body;
    const byRank = (await http.get<NetworkRankingResponse>('/api/v1/networks/net/ranking')).body;
    expect(byRank.total).toBe(scores.cities.length);
    expect(byRank.cityCount).toBe(scores.cities.length);
    expect(byRank).toMatchObject({ year: scores.year, offset: 0, limit: 50 });
    expect(byRank.averages).toEqual(scores.averages);
    const ranked = scores.cities
      .filter((c) => c.rank !== null)
      .sort((a, b) => a.rank! - b.rank!)
      .map((c) => c.slug);
    expect(byRank.cities.slice(0, ranked.length).map((c) => c.slug)).toEqual(ranked);
    // Each row is the city's scores without the per-indicator detail.
    const alpha = scores.cities.find((c) => c.slug === 'alpha')!;
    expect(byRank.cities.find((c) => c.slug === 'alpha')).toEqual({
      slug: 'alpha',
      name: 'Alpha',
      countryCode: alpha.countryCode,
      hasDrafts: alpha.hasDrafts,
      index: alpha.index,
      rank: alpha.rank,
      missingShare: alpha.missingShare,
      coverage: alpha.coverage,
      goals: alpha.goals.map(({ goal, score, colour, trend }) => ({ goal, score, colour, trend })),
    });

    const page = (
      await http.get<NetworkRankingResponse>(
        '/api/v1/networks/net/ranking?sort=name&offset=1&limit=2',
      )
    ).body;
    expect(page.cities.map((c) => c.name)).toEqual(['Beta', 'Delta']);
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    const found = (await http.get<NetworkRankingResponse>('/api/v1/networks/net/ranking?q=GAM'))
      .body;
    expect(found.cities.map((c) => c.slug)).toEqual(['gamma']);
    expect(found.total).toBe(1);
  });

  it('says what is wrong with a page asked for, and answers 404 for a network it does not know', async () => {
    for (const query of [
      'limit=0',
      'limit=501',
      'offset=-1',
      'sort=size',
      'goal=18',
      'colour=red',
    ]) {
      const response = await http.get<ErrorBody>(`/api/v1/networks/net/ranking?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message.length).toBeGreaterThan(10);
    }
    expect((await http.get('/api/v1/networks/nowhere/ranking')).status).toBe(404);
  });

  it('sends each page once made (an entity tag, 304 for a current copy), and a new page after a write', async () => {
    const url = '/api/v1/networks/net/ranking?sort=name&limit=2';
    const first = await http.get<NetworkRankingResponse>(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"/);
    expect(first.headers.vary).toMatch(/Accept-Encoding/);
    const again = await ctx.app.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    // Another page of the same ranking is another answer.
    const other = await http.get(`${url}&offset=2`);
    expect(other.headers.etag).not.toBe(etag);
    const brotli = await ctx.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    // A write to one of the network's values changes the version of the figures with drafts.
    const drafts = await http.get(`${url}&drafts=true`);
    const written = await http.put('/api/v1/cities/alpha/indicators/pm25/observations/2011', {
      value: 11.5,
    });
    expect(written.status, written.text).toBeLessThan(300);
    const after = await http.get(`${url}&drafts=true`);
    expect(after.headers.etag).not.toBe(drafts.headers.etag);
  });
});

describe('the year a city page is computed for', () => {
  it('follows the network: another city reporting a later year moves it, and taking that value back moves it back', async () => {
    const read = async () =>
      (await http.get<CityProgressResponse>('/api/v1/cities/alpha/progress', ctx.admin.headers))
        .body.year;
    const before = await read();
    expect(before).not.toBeNull();
    const later = before! + 1;
    const put = await http.put<Observation>(
      `/api/v1/cities/beta/indicators/recycling/observations/${later}`,
      { value: 40 },
    );
    expect(put.status).toBe(201);
    // Alpha's own data did not change, but the network's latest year did.
    expect(await read()).toBe(later);
    const removed = await http.delete(
      `/api/v1/cities/beta/indicators/recycling/observations/${later}`,
      { 'if-match': put.headers.etag as string },
    );
    expect(removed.status).toBe(204);
    expect(await read()).toBe(before);
  });
});

describe('natural limits', () => {
  it('judge progress near the limit as Open SDG does, in the city’s page, overview and comparison', async () => {
    const k = ctx.db.knex;
    const network = await buildNetwork(k, { slug: 'limits', name: 'Limits' });
    const city = await buildCity(k, { slug: 'near-limit', name: 'Near Limit' });
    await addMember(k, network, city);
    const coverage = await buildIndicator(k, network, {
      slug: 'coverage',
      name: 'Sewage treatment coverage',
      unit: '%',
      direction: 'increase',
      natural_limit: 100,
      best_bound: 100,
      worst_bound: 80,
      sdg: [{ target: '6.2' }],
    });
    await addObservations(k, city, coverage, [
      [2020, 98],
      [2021, 99],
    ]);
    const detail = await http.get<IndicatorDetailResponse>(
      '/api/v1/cities/near-limit/indicators/coverage/progress',
    );
    expect(detail.status).toBe(200);
    expect(detail.body.progress.status).toBe('on_track');
    expect(detail.body.progress.score).toBe(5);
    expect(detail.body.progress.components.limitCoefficient).toBeCloseTo(0.0858, 4);
    const overview = await http.get<CityProgressResponse>('/api/v1/cities/near-limit/progress');
    expect(JSON.stringify(overview.body)).toContain('"on_track"');
    // The calculator takes the limit too; without it the same series needs acceleration.
    const plain = await http.post<Assessment>('/api/v1/progress/assess', {
      direction: 'increase',
      observations: [
        { year: 2020, value: 98 },
        { year: 2021, value: 99 },
      ],
    });
    expect(plain.body.status).toBe('acceleration_needed');
    const limited = await http.post<Assessment>('/api/v1/progress/assess', {
      direction: 'increase',
      observations: [
        { year: 2020, value: 98 },
        { year: 2021, value: 99 },
      ],
      naturalLimit: 100,
    });
    expect(limited.body.status).toBe('on_track');
  });
});
