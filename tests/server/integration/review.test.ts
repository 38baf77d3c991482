import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CityReviews,
  ReviewPeriod,
  ReviewQueue,
} from '../../../server/src/schemas/review.schema';
import type {
  Ambition,
  AmbitionListResponse,
  HistoryResponse,
  ImportReport,
  Observation,
  ObservationListResponse,
} from '../../../server/src/schemas/observation.schema';
import type { CityProgressResponse } from '../../../server/src/schemas/progress.schema';
import { addObservations, buildLyonGentNetwork } from '../../factories/factories';
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import { issueSession, type TestSession } from '../../helpers/auth';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * The review workflow of issue 7 against a real database: editors submit a
 * year, coordinators return it with comments or approve it; approved years
 * are locked and public; visitors see approved values only, members drafts.
 *
 * World: public network "net" with cities "lyon" and "gent" and indicator
 * "recycling" (0–100). Values 2019–2020 approved at the start; 2021 a draft.
 */
let ctx: TestContext;
let editor: TestSession;
let coordinator: TestSession;
let viewer: TestSession;
let outsider: TestSession;
const anonymous = { cookie: '' };
const base = '/api/v1/networks/net/cities/lyon/reviews';
const value = (year: number) => `/api/v1/cities/lyon/indicators/recycling/observations/${year}`;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  const k = ctx.db.knex;
  const { lyon, gent, recycling } = await buildLyonGentNetwork(k, { slug: 'net', name: 'Net' });
  await addObservations(k, lyon, recycling, [
    [2019, 30],
    [2020, 32],
  ]);
  await addObservations(k, gent, recycling, [[2020, 50]]);
  editor = await issueSession(k, 'editor@lyon.example', { role: 'editor', city: 'lyon' });
  coordinator = await issueSession(k, 'coord@net.example', { role: 'coordinator', network: 'net' });
  viewer = await issueSession(k, 'viewer@net.example', { role: 'viewer', network: 'net' });
  outsider = await issueSession(k, 'nobody@example.org', { role: 'none' });
  const http = api(ctx.app);
  for (const year of [2019, 2020]) {
    const r = await http.post(`${base}/${year}/submit`, undefined, editor.headers);
    expect(r.status, r.text).toBe(200);
    expect(
      (await http.post(`${base}/${year}/approve`, undefined, coordinator.headers)).status,
    ).toBe(200);
  }
});

afterAll(async () => {
  await ctx?.close();
});

const valuesOf = (list: ObservationListResponse): Array<[number, number]> =>
  list.observations.map((o) => [o.year, o.value]);

describe('review workflow', () => {
  it('keeps a draft from visitors and shows it, marked, to members', async () => {
    const http = api(ctx.app);
    const put = await http.put<Observation>(value(2021), { value: 35 }, editor.headers);
    expect(put.status).toBe(201);

    const publicList = await http.get<ObservationListResponse>(
      '/api/v1/cities/lyon/observations',
      anonymous,
    );
    expect(valuesOf(publicList.body)).toEqual([
      [2019, 30],
      [2020, 32],
    ]);
    expect((await http.get(value(2021), anonymous)).status).toBe(404);
    const publicProgress = await http.get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      anonymous,
    );
    expect(publicProgress.body.indicators[0]!.latest).toMatchObject({ year: 2020, value: 32 });
    expect(publicProgress.body.drafts).toEqual([]);

    const memberList = await http.get<ObservationListResponse>(
      '/api/v1/cities/lyon/observations',
      viewer.headers,
    );
    expect(valuesOf(memberList.body)).toContainEqual([2021, 35]);
    const memberProgress = await http.get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      viewer.headers,
    );
    expect(memberProgress.body.indicators[0]!.latest).toMatchObject({ year: 2021, value: 35 });
    expect(memberProgress.body.drafts).toEqual([
      { network: 'net', year: 2021, state: 'draft', values: 1 },
    ]);
    expect(memberProgress.headers['cache-control']).toBe('private, no-cache');

    const scores = await http.get<{
      cities: Array<{ slug: string; indicators: Array<{ year: number }> }>;
    }>('/api/v1/networks/net/scores', anonymous);
    expect(scores.body.cities.find((c) => c.slug === 'lyon')!.indicators[0]!.year).toBe(2020);
    const exported = await http.get('/api/v1/cities/lyon/observations/export', anonymous);
    expect(exported.text).not.toContain('2021');
    // Members export every value unless they ask for the approved ones (as their page shows
    // them); for the public, drafts=true changes nothing.
    for (const path of ['/api/v1/cities/lyon', '/api/v1/networks/net']) {
      const all = await http.get(`${path}/observations/export`, viewer.headers);
      expect(all.text, path).toMatch(/,2021,35(\.0)?,/);
      const approved = await http.get(`${path}/observations/export?drafts=false`, viewer.headers);
      expect(approved.status).toBe(200);
      expect(approved.text, path).not.toMatch(/,2021,/);
      expect(approved.text, path).toMatch(/,2020,32(\.0)?,/);
      const publicAsked = await http.get(`${path}/observations/export?drafts=true`, anonymous);
      expect(publicAsked.text, path).not.toMatch(/,2021,/);
    }
    expect(
      (await http.get('/api/v1/networks/net/observations/export?drafts=maybe', viewer.headers))
        .status,
    ).toBe(400);
  });

  it('network views show approved values to members too, unless they ask for drafts, which are marked', async () => {
    const http = api(ctx.app);
    type Scores = {
      includesDrafts: boolean;
      cities: Array<{ slug: string; hasDrafts: boolean; indicators: Array<{ year: number }> }>;
    };
    const lyonOf = (body: Scores) => body.cities.find((c) => c.slug === 'lyon')!;
    const member = await http.get<Scores>('/api/v1/networks/net/scores', viewer.headers);
    expect(member.body.includesDrafts).toBe(false);
    expect(lyonOf(member.body)).toMatchObject({ hasDrafts: false });
    expect(lyonOf(member.body).indicators[0]!.year).toBe(2020);
    const drafts = await http.get<Scores>(
      '/api/v1/networks/net/scores?drafts=true',
      viewer.headers,
    );
    expect(drafts.body.includesDrafts).toBe(true);
    expect(lyonOf(drafts.body)).toMatchObject({ hasDrafts: true });
    expect(lyonOf(drafts.body).indicators[0]!.year).toBe(2021);
    // Gent's only value (2020) was never approved either.
    expect(drafts.body.cities.find((c) => c.slug === 'gent')!.hasDrafts).toBe(true);
    expect(member.body.cities.find((c) => c.slug === 'gent')!.indicators).toEqual([]);
    // Visitors asking for drafts get the approved values, and are told so.
    const visitor = await http.get<Scores>('/api/v1/networks/net/scores?drafts=true', anonymous);
    expect(visitor.body.includesDrafts).toBe(false);
    expect(lyonOf(visitor.body).indicators[0]!.year).toBe(2020);
    const comparison = await http.get<{
      includesDrafts: boolean;
      cities: Array<{ slug: string; hasDrafts: boolean; latest: { year: number } | null }>;
    }>('/api/v1/networks/net/indicators/recycling/comparison?drafts=true', viewer.headers);
    expect(comparison.body.includesDrafts).toBe(true);
    expect(comparison.body.cities.find((c) => c.slug === 'lyon')).toMatchObject({
      hasDrafts: true,
      latest: { year: 2021 },
    });
    const plain = await http.get<{
      includesDrafts: boolean;
      cities: Array<{ slug: string; latest: { year: number } | null }>;
    }>('/api/v1/networks/net/indicators/recycling/comparison', viewer.headers);
    expect(plain.body.includesDrafts).toBe(false);
    expect(plain.body.cities.find((c) => c.slug === 'lyon')!.latest!.year).toBe(2020);
  });

  it('locks a submitted year: single writes and imports are refused, nothing changes', async () => {
    const http = api(ctx.app);
    const submitted = await http.post<ReviewPeriod>(
      `${base}/2021/submit`,
      undefined,
      editor.headers,
    );
    expect(submitted.body).toMatchObject({
      year: 2021,
      state: 'submitted',
      locked: true,
      values: 1,
    });

    const before = await fingerprint(ctx.db.knex);
    const current = await http.get<Observation>(value(2021), editor.headers);
    const refused = await http.put<ErrorBody>(
      value(2021),
      { value: 36 },
      {
        ...editor.headers,
        'if-match': current.body.etag,
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/submitted for review and locked/);
    const imported = await http.post<ImportReport>(
      '/api/v1/imports',
      'city,indicator,year,value\nlyon,recycling,2020,32\nlyon,recycling,2021,99\n',
      { ...editor.headers, 'content-type': 'text/csv' },
    );
    expect(imported.status).toBe(422);
    const report = (imported.body as unknown as ErrorBody).error.details as ImportReport;
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'year', message: expect.stringMatching(/locked/) }),
    ]);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);

    // Unchanged rows of locked years pass: a re-uploaded template with one new value works.
    const dry = await http.post<ImportReport>(
      '/api/v1/imports?dryRun=true',
      'city,indicator,year,value\nlyon,recycling,2020,32\nlyon,recycling,2021,35\n',
      { ...editor.headers, 'content-type': 'text/csv' },
    );
    expect(dry.body).toMatchObject({ errorCount: 0, unchanged: 2 });
  });

  it('lets a coordinator return a year with comments and the editor fix and resubmit', async () => {
    const http = api(ctx.app);
    const noComment = await http.post<ErrorBody>(`${base}/2021/return`, {}, coordinator.headers);
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toMatch(/comment is required/);
    const comment = await http.post(
      `${base}/2021/comments`,
      { indicator: 'recycling', body: 'Is 35 % right? The waste report says 33 %.' },
      coordinator.headers,
    );
    expect(comment.status).toBe(201);
    const returned = await http.post<ReviewPeriod>(
      `${base}/2021/return`,
      { comment: 'Please check recycling.' },
      coordinator.headers,
    );
    expect(returned.body).toMatchObject({ state: 'returned', locked: false, comments: 2 });

    const reviews = await http.get<CityReviews>(base, editor.headers);
    expect(reviews.body.you).toEqual({ canSubmit: true, canDecide: false });
    // The steps each reader may take now, as the interface offers them.
    expect(reviews.body.years.map((y) => [y.year, y.steps])).toEqual([
      [2021, ['submit']],
      [2020, []],
      [2019, []],
    ]);
    const asCoordinator = await http.get<CityReviews>(base, coordinator.headers);
    expect(asCoordinator.body.years.map((y) => y.steps)).toEqual([[], ['reopen'], ['reopen']]);
    expect(reviews.body.comments.map((c) => [c.indicator, c.body])).toEqual([
      [null, 'Please check recycling.'],
      ['recycling', 'Is 35 % right? The waste report says 33 %.'],
    ]);
    expect(reviews.body.years.map((y) => [y.year, y.state, y.published])).toEqual([
      [2021, 'returned', 0],
      [2020, 'approved', 1],
      [2019, 'approved', 1],
    ]);

    const current = await http.get<Observation>(value(2021), editor.headers);
    const fixed = await http.put<Observation>(
      value(2021),
      { value: 33, comment: 'Corrected from the waste report' },
      { ...editor.headers, 'if-match': current.body.etag },
    );
    expect(fixed.status).toBe(200);
    const history = await http.get<HistoryResponse>(`${value(2021)}/history`, editor.headers);
    expect(history.body.events.map((e) => [e.action, e.comment])).toEqual([
      ['observation.created', null],
      ['review.commented', 'Is 35 % right? The waste report says 33 %.'],
      ['observation.updated', 'Corrected from the waste report'],
    ]);
    const resubmitted = await http.post<ReviewPeriod>(
      `${base}/2021/submit`,
      undefined,
      editor.headers,
    );
    expect(resubmitted.body.state).toBe('submitted');

    const queue = await http.get<ReviewQueue>('/api/v1/networks/net/reviews', coordinator.headers);
    expect(queue.body.periods).toEqual([
      expect.objectContaining({ city: { slug: 'lyon', name: 'Lyon' }, year: 2021, values: 1 }),
    ]);
  });

  it('publishes on approval, locks the year, and keeps the approved values public while reopened', async () => {
    const http = api(ctx.app);
    const approved = await http.post<ReviewPeriod>(
      `${base}/2021/approve`,
      undefined,
      coordinator.headers,
    );
    expect(approved.body).toMatchObject({ state: 'approved', locked: true, published: 1 });
    const publicValue = await http.get<Observation>(value(2021), anonymous);
    expect(publicValue.body.value).toBe(33);
    const publicProgress = await http.get<CityProgressResponse>(
      '/api/v1/cities/lyon/progress',
      anonymous,
    );
    expect(publicProgress.body.indicators[0]!.latest).toMatchObject({ year: 2021, value: 33 });

    const refused = await http.put<ErrorBody>(
      value(2021),
      { value: 34 },
      {
        ...editor.headers,
        'if-match': publicValue.body.etag,
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/approved and locked.*reopen/);
    const again = await http.post<ErrorBody>(
      `${base}/2021/approve`,
      undefined,
      coordinator.headers,
    );
    expect(again.status).toBe(409);

    const reopened = await http.post<ReviewPeriod>(
      `${base}/2021/reopen`,
      { comment: 'Late correction from the statistics office' },
      coordinator.headers,
    );
    expect(reopened.body).toMatchObject({ state: 'draft', locked: false });
    const current = await http.get<Observation>(value(2021), editor.headers);
    expect(
      (
        await http.put(
          value(2021),
          { value: 34 },
          { ...editor.headers, 'if-match': current.body.etag },
        )
      ).status,
    ).toBe(200);
    expect((await http.get<Observation>(value(2021), anonymous)).body.value).toBe(33);
    expect((await http.get<Observation>(value(2021), viewer.headers)).body.value).toBe(34);

    const feed = await http.get<HistoryResponse>('/api/v1/cities/lyon/history', viewer.headers);
    expect(feed.body.events.slice(0, 3).map((e) => e.action)).toEqual([
      'observation.updated',
      'review.reopen',
      'review.approve',
    ]);
  });

  it('refuses steps out of order and submitting an empty year', async () => {
    const http = api(ctx.app);
    const withdraw = await http.post<ErrorBody>(`${base}/2021/withdraw`, undefined, editor.headers);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.message).toMatch(/a draft; they cannot be withdrawn/);
    const empty = await http.post<ErrorBody>(`${base}/2030/submit`, undefined, editor.headers);
    expect(empty.status).toBe(409);
    expect(empty.body.error.message).toMatch(/no values for 2030/);
  });

  it('shows reviews to members only and lets only the right roles act', async () => {
    const http = api(ctx.app);
    expect((await http.get(base, anonymous)).status).toBe(401);
    expect((await http.get('/api/v1/networks/net/reviews', anonymous)).status).toBe(401);
    expect((await http.get(base, outsider.headers)).status).toBe(403);
    expect((await http.get('/api/v1/networks/net/reviews', outsider.headers)).status).toBe(403);
    expect((await http.get(base, viewer.headers)).status).toBe(200);
    expect((await http.post(`${base}/2021/submit`, undefined, coordinator.headers)).status).toBe(
      403,
    );
    expect((await http.post(`${base}/2021/approve`, undefined, editor.headers)).status).toBe(403);
    expect((await http.post(`${base}/2021/comments`, { body: 'hi' }, viewer.headers)).status).toBe(
      403,
    );
    const gent = await http.post(
      '/api/v1/networks/net/cities/gent/reviews/2020/submit',
      undefined,
      editor.headers,
    );
    expect(gent.status).toBe(403);
  });

  it('serialises an approval with a concurrent edit: the approved copy is what was stored', async () => {
    const http = api(ctx.app);
    const current = await http.get<Observation>(value(2021), editor.headers);
    expect((await http.post(`${base}/2021/submit`, undefined, editor.headers)).status).toBe(200);
    expect((await http.post(`${base}/2021/withdraw`, undefined, editor.headers)).status).toBe(200);
    // Race a write against submit+approve: whichever commits first, the
    // published copy equals the stored value whenever the year is approved.
    const [write] = await Promise.all([
      http.put(value(2021), { value: 40 }, { ...editor.headers, 'if-match': current.body.etag }),
      http
        .post(`${base}/2021/submit`, undefined, editor.headers)
        .then(() => http.post(`${base}/2021/approve`, undefined, coordinator.headers)),
    ]);
    expect([200, 409]).toContain(write.status);
    const state = (await http.get<CityReviews>(base, viewer.headers)).body.years.find(
      (y) => y.year === 2021,
    )!.state;
    const stored = (await http.get<Observation>(value(2021), viewer.headers)).body.value;
    const published = (await http.get<Observation>(value(2021), anonymous)).body.value;
    if (state === 'approved') expect(published).toBe(stored);
    else expect(published).toBe(33);
  });

  it('keeps an ambition change from the public until the coordinator approves a year of the city', async () => {
    const http = api(ctx.app);
    const url = '/api/v1/cities/lyon/indicators/recycling/ambition';
    const progress = async (headers: Record<string, string>) =>
      (await http.get<CityProgressResponse>('/api/v1/cities/lyon/progress', headers)).body
        .indicators[0]!.ambition;
    const first = { baselineYear: 2019, baselineValue: 30, targetYear: 2030, targetValue: 60 };
    const created = await http.put<Ambition>(url, first, editor.headers);
    expect(created.status, created.text).toBe(201);
    expect(created.body.approved).toBe(false);
    // Set, not yet approved: members see it marked, the public sees none.
    expect((await http.get<Ambition>(url, editor.headers)).body).toMatchObject({
      targetValue: 60,
      approved: false,
    });
    expect((await http.get(url, anonymous)).status).toBe(404);
    expect(await progress(anonymous)).toBeNull();
    expect(await progress(viewer.headers)).toMatchObject({ targetValue: 60, approved: false });

    // Approving a year (here a new one, 2023) publishes it with the values.
    expect((await http.put(value(2023), { value: 41 }, editor.headers)).status).toBe(201);
    expect((await http.post(`${base}/2023/submit`, undefined, editor.headers)).status).toBe(200);
    expect((await http.post(`${base}/2023/approve`, undefined, coordinator.headers)).status).toBe(
      200,
    );
    expect((await http.get<Ambition>(url, anonymous)).body).toMatchObject({
      targetValue: 60,
      approved: true,
    });
    expect((await http.get<Ambition>(url, editor.headers)).body.approved).toBe(true);
    expect(await progress(anonymous)).toMatchObject({ targetValue: 60, approved: true });
    expect(await progress(viewer.headers)).toMatchObject({ targetValue: 60, approved: true });

    // Saving the approved ambition again unchanged (the form's Save pressed twice) keeps it
    // approved: nothing is written, no version, no history entry.
    const approved = (await http.get<Ambition>(url, editor.headers)).body;
    const historyBefore = await http.get<HistoryResponse>(`${url}/history`, editor.headers);
    const again = await http.put<Ambition>(url, first, {
      ...editor.headers,
      'if-match': approved.etag,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ approved: true, etag: approved.etag });
    expect((await http.get<HistoryResponse>(`${url}/history`, editor.headers)).body).toEqual(
      historyBefore.body,
    );

    // A later change waits for the next approval; the public keeps the approved target.
    const current = (await http.get<Ambition>(url, editor.headers)).body;
    const changed = await http.put<Ambition>(
      url,
      { ...first, targetValue: 45 },
      { ...editor.headers, 'if-match': current.etag },
    );
    expect(changed.status, changed.text).toBe(200);
    expect((await http.get<Ambition>(url, anonymous)).body.targetValue).toBe(60);
    expect(await progress(anonymous)).toMatchObject({ targetValue: 60 });
    expect((await http.get<Ambition>(url, editor.headers)).body).toMatchObject({
      targetValue: 45,
      approved: false,
    });
    // Members' progress views show the working copy, marked as not approved yet.
    expect(await progress(viewer.headers)).toMatchObject({ targetValue: 45, approved: false });
    expect(await progress(anonymous)).toMatchObject({ targetValue: 60, approved: true });
    const listed = await http.get<AmbitionListResponse>('/api/v1/cities/lyon/ambitions', anonymous);
    expect(listed.body.ambitions.map((a) => [a.targetValue, a.approved])).toEqual([[60, true]]);
  });
});
