import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GoalDetailResponse,
  GoalListResponse,
  IndicatorDetailResponse,
  TargetDetailResponse,
} from '../../../server/src/schemas/sdg.schema';
import { buildIndicator, buildNetwork } from '../../factories/factories';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'visitor' });
});
afterAll(async () => {
  await ctx?.close();
});

async function get<T>(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
  const response = await ctx.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json() as T, headers: response.headers };
}

describe('GET /api/v1/sdg/goals', () => {
  it('lists the 17 goals with official colours, in order, with counts that add up to the framework', async () => {
    const { status, body, headers } = await get<GoalListResponse>('/api/v1/sdg/goals');
    expect(status).toBe(200);
    expect(headers['content-language']).toBe('en');
    expect(body.goals.map((g) => g.goal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(body.goals[0]).toMatchObject({ goal: 1, colour: '#E5243B', shortTitle: 'No poverty' });
    expect(body.goals[10]).toMatchObject({
      goal: 11,
      colour: '#FD9D24',
      shortTitle: 'Sustainable cities and communities',
    });
    expect(body.goals.reduce((n, g) => n + g.targetCount, 0)).toBe(169);
    expect(body.goals.reduce((n, g) => n + g.indicatorCount, 0)).toBe(248);
  });

  it('answers in French with ?lang=fr and in German from Accept-Language', async () => {
    const fr = await get<GoalListResponse>('/api/v1/sdg/goals?lang=fr');
    expect(fr.body.language).toBe('fr');
    expect(fr.body.goals[0]).toMatchObject({ shortTitle: 'Pas de pauvreté', titleLanguage: 'fr' });
    const de = await get<GoalListResponse>('/api/v1/sdg/goals', {
      'accept-language': 'de-AT,de;q=0.9,en;q=0.5',
    });
    expect(de.body.language).toBe('de');
    expect(de.headers['content-language']).toBe('de');
    expect(de.body.goals[5]?.titleLanguage).toBe('de');
    expect(de.body.goals[5]?.shortTitle).not.toBe('Clean water and sanitation');
  });

  it('serves every one of the five interface languages with translated titles', async () => {
    for (const lang of ['en', 'fr', 'de', 'es', 'it']) {
      const { body } = await get<GoalListResponse>(`/api/v1/sdg/goals?lang=${lang}`);
      expect(body.goals.every((g) => g.titleLanguage === lang)).toBe(true);
    }
  });

  it('rejects an unsupported language with a 400 naming the supported ones', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(
      '/api/v1/sdg/goals?lang=xx',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toContain('Language "xx" is not available');
    expect(body.error.message).toContain('fr');
  });

  it('rejects unknown query parameters', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>(
      '/api/v1/sdg/goals?langue=fr',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toContain('langue');
  });
});

describe('GET /api/v1/sdg/goals/:goal', () => {
  it('returns goal 11 with its ten targets in official order and their indicators', async () => {
    const { status, body } = await get<GoalDetailResponse>('/api/v1/sdg/goals/11');
    expect(status).toBe(200);
    expect(body.goal.goal).toBe(11);
    expect(body.targets.map((t) => t.code)).toEqual([
      '11.1',
      '11.2',
      '11.3',
      '11.4',
      '11.5',
      '11.6',
      '11.7',
      '11.a',
      '11.b',
      '11.c',
    ]);
    const t116 = body.targets.find((t) => t.code === '11.6');
    expect(t116?.indicators.map((i) => i.code)).toEqual(['11.6.1', '11.6.2']);
    const t11c = body.targets.find((t) => t.code === '11.c');
    expect(t11c?.indicators).toEqual([]);
    expect(t11c?.note).toMatch(/No suitable replacement indicator/);
  });

  it('makes all 248 indicators reachable through the 17 goals', async () => {
    const codes = new Set<string>();
    for (let goal = 1; goal <= 17; goal++) {
      const { body } = await get<GoalDetailResponse>(`/api/v1/sdg/goals/${goal}`);
      for (const target of body.targets) for (const i of target.indicators) codes.add(i.code);
    }
    expect(codes.size).toBe(248);
  });

  it('answers 404 with the error shape for an unknown goal and 400 for a non-number', async () => {
    const missing = await get<{ error: { code: string; message: string } }>('/api/v1/sdg/goals/18');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('no SDG 18') },
    });
    const bad = await get<{ error: { code: string; message: string } }>('/api/v1/sdg/goals/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('shows which network indicators are linked to each target', async () => {
    const network = await buildNetwork(ctx.db.knex, { name: 'Air network' });
    await buildIndicator(ctx.db.knex, network, {
      slug: 'pm25-test',
      name: 'PM2.5 annual mean',
      translations: { fr: { name: 'Moyenne annuelle des PM2,5' } },
      sdg: [{ target: '11.6', indicator: '11.6.2' }],
    });
    const { body } = await get<GoalDetailResponse>('/api/v1/sdg/goals/11?lang=fr');
    const t116 = body.targets.find((t) => t.code === '11.6');
    expect(t116?.linkedIndicators).toEqual([
      {
        slug: 'pm25-test',
        name: 'Moyenne annuelle des PM2,5',
        unit: 'µg/m³',
        network: network.slug,
        networkName: 'Air network',
        sdgTarget: '11.6',
        sdgIndicator: '11.6.2',
      },
    ]);
  });
});

describe('GET /api/v1/sdg/targets/:target and /indicators/:indicator', () => {
  it('returns a target with its goal and indicators', async () => {
    const { status, body } = await get<TargetDetailResponse>('/api/v1/sdg/targets/6.3?lang=es');
    expect(status).toBe(200);
    expect(body.goal.goal).toBe(6);
    expect(body.target.code).toBe('6.3');
    expect(body.target.titleLanguage).toBe('es');
    expect(body.target.indicators.map((i) => i.code)).toEqual(['6.3.1', '6.3.2']);
  });

  it('returns an indicator with its repeats and marks outdated translations', async () => {
    const repeated = await get<IndicatorDetailResponse>('/api/v1/sdg/indicators/1.5.1');
    expect(repeated.status).toBe(200);
    expect(repeated.body.indicator.repeatedWith).toEqual(['11.5.1', '13.1.1']);
    expect(repeated.body.indicator.unsdCode).toBe('C200303');
    expect(repeated.body.target.code).toBe('1.5');

    const outdated = await get<IndicatorDetailResponse>('/api/v1/sdg/indicators/10.7.2?lang=fr');
    expect(outdated.body.indicator.translationOutdated).toBe(true);
    const english = await get<IndicatorDetailResponse>('/api/v1/sdg/indicators/10.7.2?lang=en');
    expect(english.body.indicator.translationOutdated).toBe(false);
  });

  it('falls back to English for an indicator that has no translation yet', async () => {
    const { body } = await get<IndicatorDetailResponse>('/api/v1/sdg/indicators/11.5.3?lang=it');
    expect(body.indicator.titleLanguage).toBe('en');
    expect(body.indicator.title).toMatch(/critical infrastructure/);
  });

  it('answers 404 for unknown codes', async () => {
    expect((await get('/api/v1/sdg/targets/11.9')).status).toBe(404);
    expect((await get('/api/v1/sdg/indicators/99.1.1')).status).toBe(404);
  });
});
