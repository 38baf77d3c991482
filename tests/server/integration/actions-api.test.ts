import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Action,
  ActionListResponse,
  GoodPracticeListResponse,
} from '../../../server/src/schemas/action.schema';
import type { HistoryResponse } from '../../../server/src/schemas/observation.schema';
import type {
  CityProgressResponse,
  IndicatorDetailResponse,
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
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import { issueSession, type TestSession } from '../../helpers/auth';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Local action plans (issue 16) over HTTP against a real database, with the
 * expected numbers worked out here by hand (docs/methodology.md#8):
 *
 * Lyon, PM2.5 (lower is better, linear trend): 20 in 2015 (baseline), 18 in
 * 2020; target 10 by 2030. Observed rate −0.4 a year, projected 2030 value
 * 18 − 0.4 · 10 = 14, gap max(0, −(10 − 14)) = 4, gap share 4 / 10 = 0.4.
 * Green space (higher is better, linear): 30 (2015) → 31 (2020), target 50 by
 * 2030: projected 33, gap 17, share 17 / 20 = 0.85, and no action: uncovered.
 */
let ctx: TestContext;
let editor: TestSession;
let coordinator: TestSession;
let viewer: TestSession;
let otherEditor: TestSession;
let otherCoordinator: TestSession;
const anonymous = { cookie: '' };

const PROJECTED = 14;
const GAP = 4;
const TARGET = 10;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  const k = ctx.db.knex;
  const net = await buildNetwork(k, { slug: 'net', name: 'Net', is_public: true });
  const other = await buildNetwork(k, { slug: 'other', name: 'Other', is_public: true });
  const lyon = await buildCity(k, { slug: 'lyon', name: 'Lyon' });
  const gent = await buildCity(k, { slug: 'gent', name: 'Gent' });
  const porto = await buildCity(k, { slug: 'porto', name: 'Porto' });
  await addMember(k, net, lyon);
  await addMember(k, net, gent);
  await addMember(k, other, porto);
  const pm25 = await buildIndicator(k, net, {
    slug: 'pm25',
    name: 'PM2.5',
    direction: 'decrease',
    trend_type: 'linear',
    sdg: [{ target: '11.6', indicator: '11.6.2' }],
  });
  const green = await buildIndicator(k, net, {
    slug: 'green',
    name: 'Green space',
    unit: '%',
    direction: 'increase',
    trend_type: 'linear',
    best_bound: 100,
    worst_bound: 0,
    allowed_max: 100,
    sdg: [{ target: '11.7', indicator: '11.7.1' }],
  });
  await buildIndicator(k, other, { slug: 'porto-ind' });
  await addObservations(k, lyon, pm25, [
    [2015, 20],
    [2020, 18],
  ]);
  await addObservations(k, lyon, green, [
    [2015, 30],
    [2020, 31],
  ]);
  await setAmbition(k, lyon, pm25, {
    baselineYear: 2015,
    baselineValue: 20,
    targetYear: 2030,
    targetValue: TARGET,
  });
  await setAmbition(k, lyon, green, {
    baselineYear: 2015,
    baselineValue: 30,
    targetYear: 2030,
    targetValue: 50,
  });
  editor = await issueSession(k, 'editor@lyon.example', { role: 'editor', city: 'lyon' });
  coordinator = await issueSession(k, 'coord@net.example', { role: 'coordinator', network: 'net' });
  viewer = await issueSession(k, 'viewer@net.example', { role: 'viewer', network: 'net' });
  otherEditor = await issueSession(k, 'editor@porto.example', { role: 'editor', city: 'porto' });
  otherCoordinator = await issueSession(k, 'coord@other.example', {
    role: 'coordinator',
    network: 'other',
  });
  // The values are approved, so that the public sees them.
  const http = api(ctx.app);
  for (const year of [2015, 2020]) {
    const base = `/api/v1/networks/net/cities/lyon/reviews/${year}`;
    expect((await http.post(`${base}/submit`, undefined, editor.headers)).status).toBe(200);
    expect((await http.post(`${base}/approve`, undefined, coordinator.headers)).status).toBe(200);
  }
});

afterAll(async () => {
  await ctx?.close();
});

const effect = (indicator: string, value: number, effectYear: number, extra: object = {}) => ({
  indicator,
  effect: value,
  effectYear,
  ...extra,
});

async function create(body: object): Promise<Action> {
  const r = await api(ctx.app).post<Action>('/api/v1/cities/lyon/actions', body, editor.headers);
  expect(r.status, r.text).toBe(201);
  expect(r.headers.location).toBe(`/api/v1/actions/${r.body.id}`);
  expect(r.headers.etag).toBe(r.body.etag);
  return r.body;
}

const layerOf = (progress: CityProgressResponse, slug: string) =>
  progress.indicators.find((i) => i.slug === slug)!.actionGap!.withActions!;

describe('actions and the remaining gap', () => {
  const ids = {} as Record<'lez' | 'trees' | 'cancelled' | 'late' | 'realised', number>;

  it('records actions with targets, effects, budget and a status history', async () => {
    const a = await create({
      title: 'Low-emission zone',
      description: 'Diesel cars older than Euro 5 kept out of the centre.',
      department: 'Mobility',
      budget: { amount: 1_200_000, currency: 'EUR' },
      startYear: 2021,
      endYear: 2027,
      status: 'in_progress',
      targets: ['11.6', '3.9'],
      effects: [effect('pm25', -1.5, 2027, { note: 'Paris LEZ evaluation, 2022' })],
    });
    expect(a).toMatchObject({
      city: 'lyon',
      status: 'in_progress',
      targets: ['11.6', '3.9'],
      budget: { amount: 1_200_000, currency: 'EUR' },
      review: { state: 'draft', draft: true, publishedAt: null },
      synthetic: false,
    });
    expect(a.effects).toEqual([
      expect.objectContaining({
        indicator: 'pm25',
        indicatorName: 'PM2.5',
        effect: -1.5,
        effectYear: 2027,
        note: 'Paris LEZ evaluation, 2022',
        realised: false,
      }),
    ]);
    expect(a.statusHistory.map((h) => h.status)).toEqual(['in_progress']);
    ids.lez = a.id;
    ids.trees = (
      await create({ title: 'Street trees', startYear: 2022, effects: [effect('pm25', -2, 2029)] })
    ).id;
    ids.cancelled = (
      await create({
        title: 'Congestion charge',
        startYear: 2022,
        status: 'cancelled',
        effects: [effect('pm25', -3, 2026)],
      })
    ).id;
    ids.late = (
      await create({ title: 'Tram line', startYear: 2025, effects: [effect('pm25', -1, 2032)] })
    ).id;
    ids.realised = (
      await create({
        title: 'Bus fleet renewal',
        startYear: 2016,
        status: 'done',
        effects: [effect('pm25', -0.5, 2019, { realised: true })],
      })
    ).id;
  });

  it('members see the projection with the planned actions and the remaining gap (to 1e-9)', async () => {
    const r = await api(ctx.app).get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      viewer.headers,
    );
    expect(r.status).toBe(200);
    const pm25 = r.body.indicators.find((i) => i.slug === 'pm25')!;
    expect(pm25.actionGap!.projectedValue).toBeCloseTo(PROJECTED, 9);
    expect(pm25.actionGap!.gap).toBeCloseTo(GAP, 9);
    // Counted: LEZ −1.5 (2027) and trees −2 (2029). Not: cancelled, due after
    // 2030, realised (already in the data).
    const withActions = PROJECTED - 1.5 - 2;
    const remaining = Math.max(0, -1 * (TARGET - withActions));
    const layer = layerOf(r.body, 'pm25');
    expect(layer.projectedValue).toBeCloseTo(withActions, 9);
    expect(layer.remainingGap).toBeCloseTo(remaining, 9);
    expect(layer.coverage).toBeCloseTo((GAP - remaining) / GAP, 9);
    expect(layer.actions).toEqual(
      [ids.lez, ids.trees, ids.late, ids.realised].sort((a, b) => a - b),
    );
    expect(layer.counted).toEqual([ids.lez, ids.trees].sort((a, b) => a - b));
    // The status says where the data goes: the actions change nothing of it.
    const green = r.body.indicators.find((i) => i.slug === 'green')!;
    expect(green.actionGap!.gap).toBeCloseTo(17, 9);
    expect(layerOf(r.body, 'green')).toMatchObject({ remainingGap: 17, coverage: 0, actions: [] });
    expect(r.body.uncoveredGaps).toEqual(['green']);
    // Shares: pm25 closes 0.4 − 0.5 / 10 = 0.35 of 0.4; green 0 of 0.85.
    expect(r.body.actionPlan.coverage).toBeCloseTo((0.4 - remaining / 10) / (0.4 + 0.85), 9);
    expect(r.body.actionPlan).toMatchObject({
      uncoveredGaps: ['green'],
      gapCount: 2,
      addressedCount: 1,
      actionCount: 4,
    });
  });

  it('the indicator endpoint draws the path with actions, reaching the same value at the target year', async () => {
    const r = await api(ctx.app).get<IndicatorDetailResponse>(
      '/api/v1/cities/lyon/indicators/pm25/progress',
      editor.headers,
    );
    expect(r.status, r.text).toBe(200);
    const at = (year: number) => r.body.chart.find((p) => p.year === year)!;
    expect(at(2030).withActions).toBeCloseTo(PROJECTED - 3.5, 9);
    expect(at(2020).withActions).toBeCloseTo(18, 9);
    // 2025: projection 16, LEZ 5/7 phased in, trees 5/9.
    expect(at(2025).withActions).toBeCloseTo(16 - 1.5 * (5 / 7) - 2 * (5 / 9), 9);
    expect(at(2019).withActions ?? null).toBeNull();
    expect(r.body.progress.actionGap!.withActions!.remainingGap).toBeCloseTo(0.5, 9);
  });

  it('drafts are members’ business: the public sees neither the actions nor their effect', async () => {
    const http = api(ctx.app);
    expect((await http.get(`/api/v1/actions/${ids.lez}`, anonymous)).status).toBe(404);
    const missing = await http.get<ErrorBody>('/api/v1/actions/999999', anonymous);
    const hidden = await http.get<ErrorBody>(`/api/v1/actions/${ids.lez}`, anonymous);
    expect(hidden.body.error.message).toBe(`There is no action "${ids.lez}".`);
    expect(missing.body.error.message).toBe('There is no action "999999".');
    expect(
      (await http.get<ActionListResponse>('/api/v1/cities/lyon/actions', anonymous)).body.actions,
    ).toEqual([]);
    const list = await http.get<ActionListResponse>('/api/v1/cities/lyon/actions', viewer.headers);
    expect(list.body.actions.map((a) => a.id)).toHaveLength(5);
    const progress = await http.get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      anonymous,
    );
    expect(layerOf(progress.body, 'pm25')).toMatchObject({ actions: [], coverage: 0 });
    expect(layerOf(progress.body, 'pm25').remainingGap).toBeCloseTo(GAP, 9);
  });

  it('goes through review: submitted actions are locked, returns need a reason, approval publishes', async () => {
    const http = api(ctx.app);
    const url = `/api/v1/actions/${ids.lez}`;
    const submitted = await http.post<Action>(`${url}/submit`, undefined, editor.headers);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.review.state).toBe('submitted');
    const locked = await http.patch<ErrorBody>(
      url,
      { title: 'LEZ' },
      { ...editor.headers, 'if-match': submitted.body.etag },
    );
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toMatch(/withdraw it/);
    // Editors do not approve their own actions; other networks' coordinators see but may not.
    expect((await http.post(`${url}/approve`, undefined, editor.headers)).status).toBe(403);
    expect((await http.post(`${url}/approve`, undefined, otherCoordinator.headers)).status).toBe(
      404,
    );
    const noReason = await http.post<ErrorBody>(`${url}/return`, {}, coordinator.headers);
    expect(noReason.status).toBe(400);
    const returned = await http.post<Action>(
      `${url}/return`,
      { comment: 'Cite the evaluation of the Paris zone.' },
      coordinator.headers,
    );
    expect(returned.body.review).toMatchObject({
      state: 'returned',
      comment: 'Cite the evaluation of the Paris zone.',
    });
    expect((await http.post(`${url}/submit`, undefined, editor.headers)).status).toBe(200);
    const stale = await http.post(`${url}/approve`, undefined, {
      ...coordinator.headers,
      'if-match': returned.body.etag,
    });
    expect(stale.status).toBe(412);
    const approved = await http.post<Action>(`${url}/approve`, undefined, coordinator.headers);
    expect(approved.status).toBe(200);
    expect(approved.body.review).toMatchObject({ state: 'approved', draft: false });
    const publicCopy = await http.get<Action>(url, anonymous);
    expect(publicCopy.status).toBe(200);
    expect(publicCopy.body).toMatchObject({ title: 'Low-emission zone', status: 'in_progress' });
    const progress = await http.get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      anonymous,
    );
    expect(layerOf(progress.body, 'pm25').projectedValue).toBeCloseTo(PROJECTED - 1.5, 9);
    expect(layerOf(progress.body, 'pm25').actions).toEqual([ids.lez]);
  });

  it('the coordinators’ queue lists submitted actions; peers show what they did', async () => {
    const http = api(ctx.app);
    const trees = (await http.get<Action>(`/api/v1/actions/${ids.trees}`, editor.headers)).body;
    expect(
      (await http.post(`/api/v1/actions/${ids.trees}/submit`, undefined, editor.headers)).status,
    ).toBe(200);
    const queue = await http.get<ActionListResponse>(
      '/api/v1/networks/net/actions',
      coordinator.headers,
    );
    expect(queue.status).toBe(200);
    expect(queue.body.actions.map((a) => a.id)).toEqual([ids.trees]);
    expect((await http.get('/api/v1/networks/net/actions', anonymous)).status).toBe(401);
    expect((await http.get('/api/v1/networks/net/actions', otherEditor.headers)).status).toBe(403);
    expect(
      (await http.post(`/api/v1/actions/${ids.trees}/withdraw`, undefined, editor.headers)).status,
    ).toBe(200);
    expect(trees.review.state).toBe('draft');
    // Gent's peers on PM2.5: Lyon improved, and the approved low-emission zone is what it did.
    const peers = await http.get<PeersResponse>(
      '/api/v1/cities/gent/peers?indicator=pm25',
      anonymous,
    );
    expect(peers.status, peers.text).toBe(200);
    expect(peers.body.peers.find((p) => p.slug === 'lyon')?.actions).toEqual([
      {
        id: ids.lez,
        title: 'Low-emission zone',
        startYear: 2021,
        status: 'in_progress',
        effect: -1.5,
        effectYear: 2027,
      },
    ]);
  });

  it('a change to an approved action is a draft: the public keeps the approved copy until the next approval', async () => {
    const http = api(ctx.app);
    const url = `/api/v1/actions/${ids.lez}`;
    const current = (await http.get<Action>(url, editor.headers)).body;
    const changed = await http.patch<Action>(
      url,
      { status: 'delayed', effects: [effect('pm25', -1, 2029)] },
      { ...editor.headers, 'if-match': current.etag },
    );
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.review).toMatchObject({ state: 'draft', draft: true });
    expect(changed.body.statusHistory.map((h) => h.status)).toEqual(['in_progress', 'delayed']);
    const publicCopy = (await http.get<Action>(url, anonymous)).body;
    expect(publicCopy.status).toBe('in_progress');
    expect(publicCopy.effects[0]!.effect).toBe(-1.5);
    const anon = await http.get<CityProgressResponse>('/api/v1/cities/lyon/progress', anonymous);
    expect(layerOf(anon.body, 'pm25').projectedValue).toBeCloseTo(PROJECTED - 1.5, 9);
    const member = await http.get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      viewer.headers,
    );
    expect(layerOf(member.body, 'pm25').projectedValue).toBeCloseTo(PROJECTED - 1 - 2, 9);
    // A stale If-Match loses; a missing one is asked for.
    const stale = await http.patch(
      url,
      { title: 'x' },
      { ...editor.headers, 'if-match': current.etag },
    );
    expect(stale.status).toBe(412);
    expect((await http.patch(url, { title: 'x' }, editor.headers)).status).toBe(428);
  });

  it('refuses bad input with every reason at once and stores nothing', async () => {
    const http = api(ctx.app);
    const before = await fingerprint(ctx.db.knex);
    const r = await http.post<ErrorBody>(
      '/api/v1/cities/lyon/actions',
      {
        title: 'Bad',
        startYear: 2025,
        endYear: 2020,
        targets: ['11.99'],
        effects: [effect('porto-ind', -1, 2026), effect('pm25', -1, 2024), effect('pm25', 1, 2026)],
      },
      editor.headers,
    );
    expect(r.status).toBe(400);
    const paths = (r.body.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual([
      '/endYear',
      '/targets/0',
      '/effects/0/indicator',
      '/effects/1/effectYear',
      '/effects/2/indicator',
    ]);
    expect(r.body.error.message).toMatch(/end year \(2020\) comes before the start year/);
    const schema = await http.post<ErrorBody>(
      '/api/v1/cities/lyon/actions',
      { title: 'x', startYear: 2025, budget: { amount: -1, currency: 'euro' } },
      editor.headers,
    );
    expect(schema.status).toBe(400);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('only the city’s editors change its plan; outsiders cannot tell a draft from nothing', async () => {
    const http = api(ctx.app);
    const before = await fingerprint(ctx.db.knex);
    const url = `/api/v1/actions/${ids.trees}`;
    const etag = (await http.get<Action>(url, editor.headers)).body.etag;
    expect(
      (await http.patch(url, { title: 'x' }, { ...viewer.headers, 'if-match': etag })).status,
    ).toBe(403);
    // Porto's editor is no member of Lyon's network: a draft is a missing action to them.
    expect(
      (await http.patch(url, { title: 'x' }, { ...otherEditor.headers, 'if-match': etag })).status,
    ).toBe(404);
    expect((await http.patch(url, { title: 'x' }, anonymous)).status).toBe(401);
    expect(
      (
        await http.post(
          '/api/v1/cities/lyon/actions',
          { title: 'x', startYear: 2025 },
          otherEditor.headers,
        )
      ).status,
    ).toBe(403);
    expect((await http.get(`${url}/history`, otherEditor.headers)).status).toBe(404);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('a published action is cancelled, not deleted; a draft can be deleted; history keeps every change', async () => {
    const http = api(ctx.app);
    const lez = (await http.get<Action>(`/api/v1/actions/${ids.lez}`, editor.headers)).body;
    const refused = await http.delete<ErrorBody>(`/api/v1/actions/${ids.lez}`, {
      ...editor.headers,
      'if-match': lez.etag,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/cancelled/);
    const late = (await http.get<Action>(`/api/v1/actions/${ids.late}`, editor.headers)).body;
    expect(
      (
        await http.delete(`/api/v1/actions/${ids.late}`, {
          ...editor.headers,
          'if-match': late.etag,
        })
      ).status,
    ).toBe(204);
    expect((await http.get(`/api/v1/actions/${ids.late}`, editor.headers)).status).toBe(404);
    const history = await http.get<HistoryResponse>(
      `/api/v1/actions/${ids.lez}/history`,
      viewer.headers,
    );
    expect(history.body.events.map((e) => e.action)).toEqual([
      'action.created',
      'action.submitted',
      'action.returned',
      'action.submitted',
      'action.approved',
      'action.updated',
    ]);
    expect(history.body.events[2]!.comment).toBe('Cite the evaluation of the Paris zone.');
  });

  it('coordinators hold approved actions up as good practices, with the trajectory before and after', async () => {
    const http = api(ctx.app);
    const base = '/api/v1/networks/net/good-practices';
    // A draft cannot be a good practice; another network's coordinator cannot mark it.
    expect(
      (await http.put(`${base}/${ids.trees}`, { note: 'x' }, coordinator.headers)).status,
    ).toBe(409);
    expect(
      (await http.put(`${base}/${ids.lez}`, { note: 'x' }, otherCoordinator.headers)).status,
    ).toBe(403);
    expect(
      (
        await http.put(
          `/api/v1/networks/other/good-practices/${ids.lez}`,
          {},
          otherCoordinator.headers,
        )
      ).status,
    ).toBe(409);
    const marked = await http.put(
      `${base}/${ids.lez}`,
      { note: 'Clear evaluation; transferable.' },
      coordinator.headers,
    );
    expect(marked.status, marked.text).toBe(204);
    const library = await http.get<GoodPracticeListResponse>(`${base}?target=11.6`, anonymous);
    expect(library.status).toBe(200);
    expect(library.body.goodPractices).toHaveLength(1);
    const [practice] = library.body.goodPractices;
    expect(practice!.action).toMatchObject({ id: ids.lez, city: 'lyon', goodPracticeIn: ['net'] });
    expect(practice!.note).toBe('Clear evaluation; transferable.');
    // Before 2021: 20 → 18 over 2015–2020 (−0.4 a year); after: one value only.
    expect(practice!.trajectories[0]).toMatchObject({
      indicator: 'pm25',
      changeBefore: -0.4,
      changeAfter: null,
    });
    expect(
      (await http.get<GoodPracticeListResponse>(`${base}?indicator=green`, anonymous)).body
        .goodPractices,
    ).toEqual([]);
    expect((await http.delete(`${base}/${ids.lez}`, coordinator.headers)).status).toBe(204);
    expect((await http.get<GoodPracticeListResponse>(base, anonymous)).body.goodPractices).toEqual(
      [],
    );
  });
});
