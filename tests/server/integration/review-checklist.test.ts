import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewChecklist } from '../../../server/src/schemas/review.schema';
import { addMember, buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import { api, type ErrorBody } from '../../helpers/api';
import { issueSession, type TestSession } from '../../helpers/auth';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Review with safeguards (issue 17, items 5 and 8): the checklist of a year
 * (each value with the previous year's, the change, its flags, what changed
 * since the last approval, the indicators without a value) and an approval
 * that names the flagged values it would publish before it publishes them.
 *
 * Lyon: life expectancy 80.0 (2019), 80.5 (2020); in 2021 an officer types
 * 95.0 (a jump past the indicator's maximum change of 2 a year: flagged).
 * Recycling has 2019–2020 values but none for 2021.
 */
let ctx: TestContext;
let editor: TestSession;
let coordinator: TestSession;
let viewer: TestSession;
const base = '/api/v1/networks/net/cities/lyon/reviews';
const value = (indicator: string, year: number) =>
  `/api/v1/cities/lyon/indicators/${indicator}/observations/${year}`;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  const k = ctx.db.knex;
  const net = await buildNetwork(k, { slug: 'net', name: 'Net', is_public: true });
  const lyon = await buildCity(k, { slug: 'lyon', name: 'Lyon' });
  await addMember(k, net, lyon);
  await buildIndicator(k, net, {
    slug: 'life-expectancy',
    name: 'Life expectancy',
    unit: 'years',
    direction: 'increase',
    allowed_min: 0,
    allowed_max: 120,
    max_change: 2,
    best_bound: 90,
    worst_bound: 60,
    sort_order: 1,
  });
  await buildIndicator(k, net, {
    slug: 'recycling',
    name: 'Recycling',
    unit: '%',
    direction: 'increase',
    allowed_max: 100,
    best_bound: 100,
    worst_bound: 0,
    sort_order: 2,
  });
  editor = await issueSession(k, 'editor@lyon.example', { role: 'editor', city: 'lyon' });
  coordinator = await issueSession(k, 'coord@net.example', { role: 'coordinator', network: 'net' });
  viewer = await issueSession(k, 'outsider@example.org', { role: 'none' });
  const http = api(ctx.app);
  for (const [indicator, year, v] of [
    ['life-expectancy', 2019, 80],
    ['life-expectancy', 2020, 80.5],
    ['recycling', 2019, 30],
    ['recycling', 2020, 32],
    ['life-expectancy', 2021, 95],
  ] as const) {
    const r = await http.put(value(indicator, year), { value: v }, editor.headers);
    expect(r.status, r.text).toBe(201);
  }
});

afterAll(async () => {
  await ctx?.close();
});

describe('the checklist of a year', () => {
  it('shows each value with the previous year’s, the change and its flag, and the missing indicators', async () => {
    const r = await api(ctx.app).get<ReviewChecklist>(`${base}/2021/checklist`, editor.headers);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ year: 2021, state: 'draft', approvedBefore: false });
    expect(r.body.values).toEqual([
      expect.objectContaining({
        indicator: 'life-expectancy',
        name: 'Life expectancy',
        unit: 'years',
        series: {},
        value: 95,
        previous: { year: 2020, value: 80.5 },
        publishedValue: null,
        changedSinceApproval: false,
      }),
    ]);
    expect(r.body.values[0]!.change).toBeCloseTo(14.5, 12);
    expect(r.body.values[0]!.plausibility?.message).toMatch(/.+/);
    expect(r.body.missing).toEqual([{ indicator: 'recycling', name: 'Recycling', lastYear: 2020 }]);
    expect(r.body.counts).toEqual({ values: 1, flagged: 1, changed: 0, missing: 1 });
  });

  it('is shown to the city’s editors and the network’s members only', async () => {
    expect((await api(ctx.app).get(`${base}/2021/checklist`, viewer.headers)).status).toBe(403);
    expect((await api(ctx.app).get(`${base}/2021/checklist`, { cookie: '' })).status).toBe(401);
  });
});

describe('approving a year with flagged values', () => {
  it('names the flagged values and publishes nothing until confirmed', async () => {
    const http = api(ctx.app);
    expect((await http.post(`${base}/2021/submit`, undefined, editor.headers)).status).toBe(200);
    const refused = await http.post<ErrorBody>(
      `${base}/2021/approve`,
      undefined,
      coordinator.headers,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      '1 of Lyon’s values for 2021 is flagged as implausible (Life expectancy: 95). Check it, then approve with "confirmFlagged": true to publish it anyway, or return the year.',
    );
    expect(refused.body.error.details).toEqual({
      flagged: [{ indicator: 'life-expectancy', series: {}, value: 95 }],
    });
    expect((await http.get(value('life-expectancy', 2021), { cookie: '' })).status).toBe(404);
    const approved = await http.post(
      `${base}/2021/approve`,
      { confirmFlagged: true },
      coordinator.headers,
    );
    expect(approved.status, approved.text).toBe(200);
    expect((await http.get(value('life-expectancy', 2021), { cookie: '' })).status).toBe(200);
  });

  it('after a reopening, marks what changed since the approval, with the approved value', async () => {
    const http = api(ctx.app);
    expect(
      (await http.post(`${base}/2021/reopen`, { comment: 'Typo: 85.0' }, coordinator.headers))
        .status,
    ).toBe(200);
    const current = await http.get<{ etag: string }>(
      value('life-expectancy', 2021),
      editor.headers,
    );
    const fixed = await http.put(
      value('life-expectancy', 2021),
      { value: 81 },
      { ...editor.headers, 'if-match': current.body.etag },
    );
    expect(fixed.status, fixed.text).toBe(200);
    expect((await http.put(value('recycling', 2021), { value: 33 }, editor.headers)).status).toBe(
      201,
    );
    const r = await http.get<ReviewChecklist>(`${base}/2021/checklist`, coordinator.headers);
    expect(r.body.approvedBefore).toBe(true);
    const byIndicator = new Map(r.body.values.map((v) => [v.indicator, v]));
    expect(byIndicator.get('life-expectancy')).toMatchObject({
      value: 81,
      publishedValue: 95,
      changedSinceApproval: true,
      plausibility: null,
    });
    expect(byIndicator.get('recycling')).toMatchObject({
      value: 33,
      publishedValue: null,
      changedSinceApproval: true,
      previous: { year: 2020, value: 32 },
    });
    expect(r.body.counts).toEqual({ values: 2, flagged: 0, changed: 2, missing: 0 });
  });
});
