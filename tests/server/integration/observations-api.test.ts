import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Ambition,
  HistoryResponse,
  Observation,
  ObservationListResponse,
} from '../../../server/src/schemas/observation.schema';
import {
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
} from '../../factories/factories';
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;
let http: ReturnType<typeof api>;
const url = (city: string, indicator: string, year: number): string =>
  `/api/v1/cities/${city}/indicators/${indicator}/observations/${year}`;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
  const k = ctx.db.knex;
  const network = await buildNetwork(k, { slug: 'net' });
  const espoo = await buildCity(k, { slug: 'espoo', name: 'Espoo' });
  const braga = await buildCity(k, { slug: 'braga', name: 'Braga' });
  await buildCity(k, { slug: 'tallinn', name: 'Tallinn' });
  await addMember(k, network, espoo);
  await addMember(k, network, braga);
  await buildIndicator(k, network, {
    slug: 'recycling',
    name: 'Recycling rate',
    unit: '%',
    direction: 'increase',
    best_bound: 65,
    worst_bound: 15,
    allowed_min: 0,
    allowed_max: 100,
    sdg: [{ target: '11.6', indicator: '11.6.1' }],
  });
  const pm25 = await buildIndicator(k, network, {
    slug: 'pm25',
    name: 'PM2.5',
    sdg: [{ target: '3.9' }],
  });
  await buildIndicator(k, network, { slug: 'old', name: 'Old', archived_at: new Date() });
  await addObservations(k, braga, pm25, [
    [2018, 12],
    [2019, 11.5],
    [2020, 11.1],
    [2021, 10.8],
  ]);
});
afterAll(async () => {
  await ctx?.close();
});

describe('PUT one value', () => {
  it('creates a value (201, Location, ETag) and reads it back exactly', async () => {
    const created = await http.put<Observation>(url('espoo', 'recycling', 2020), {
      value: 41.37,
      status: 'provisional',
      source: 'Waste statistics 2020',
      note: 'Includes bio-waste',
    });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(
      '/api/v1/cities/espoo/indicators/recycling/observations/2020',
    );
    expect(created.headers.etag).toBe(created.body.etag);
    expect(created.body).toMatchObject({
      city: 'espoo',
      indicator: 'recycling',
      year: 2020,
      value: 41.37,
      status: 'provisional',
      source: 'Waste statistics 2020',
      note: 'Includes bio-waste',
      flag: null,
      version: 1,
      updatedBy: 'admin',
    });
    const read = await http.get<Observation>(url('espoo', 'recycling', 2020));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.etag).toBe(created.body.etag);
  });

  it('keeps full double precision', async () => {
    let etag: string | undefined;
    for (const value of [0.1 + 0.2, 1 / 3, 99.99999999999999, 5e-324, 12.345678901234567]) {
      const saved = await http.put<Observation>(
        url('espoo', 'recycling', 2001),
        { value },
        etag === undefined ? {} : { 'if-match': etag },
      );
      expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
      expect(Object.is(saved.body.value, value)).toBe(true);
      expect((await http.get<Observation>(url('espoo', 'recycling', 2001))).body.value).toBe(value);
      etag = saved.body.etag;
    }
  });

  it('requires If-Match to change an existing value (428 with the current value)', async () => {
    const response = await http.put<ErrorBody>(url('espoo', 'recycling', 2020), { value: 50 });
    expect(response.status).toBe(428);
    expect(response.body.error.code).toBe('precondition_required');
    expect(response.body.error.message).toContain('If-Match');
    expect((response.body.error.details as { current: Observation }).current.value).toBe(41.37);
  });

  it('refuses a stale If-Match with 412 and the current value, and accepts the current one', async () => {
    const current = (await http.get<Observation>(url('espoo', 'recycling', 2020))).body;
    const ok = await http.put<Observation>(
      url('espoo', 'recycling', 2020),
      { value: 43 },
      { 'if-match': current.etag },
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      value: 43,
      version: 2,
      status: 'provisional',
      note: 'Includes bio-waste',
    });
    const stale = await http.put<ErrorBody>(
      url('espoo', 'recycling', 2020),
      { value: 44 },
      { 'if-match': current.etag },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    expect((stale.body.error.details as { current: Observation }).current).toMatchObject({
      value: 43,
      version: 2,
    });
    expect((await http.get<Observation>(url('espoo', 'recycling', 2020))).body.value).toBe(43);
  });

  it('refuses If-None-Match: * when the value exists, and weak tags', async () => {
    const current = (await http.get<Observation>(url('espoo', 'recycling', 2020))).body;
    expect(
      (await http.put(url('espoo', 'recycling', 2020), { value: 1 }, { 'if-none-match': '*' }))
        .status,
    ).toBe(412);
    expect(
      (
        await http.put(
          url('espoo', 'recycling', 2020),
          { value: 1 },
          { 'if-match': `W/${current.etag}` },
        )
      ).status,
    ).toBe(412);
  });

  it('does not record a write that changes nothing', async () => {
    const before = (await http.get<HistoryResponse>(`${url('espoo', 'recycling', 2020)}/history`))
      .body.events.length;
    const current = (await http.get<Observation>(url('espoo', 'recycling', 2020))).body;
    const same = await http.put<Observation>(
      url('espoo', 'recycling', 2020),
      { value: current.value },
      { 'if-match': current.etag },
    );
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(current.version);
    expect(
      (await http.get<HistoryResponse>(`${url('espoo', 'recycling', 2020)}/history`)).body.events,
    ).toHaveLength(before);
  });

  it('clears a note with null and keeps fields that are left out', async () => {
    const current = (await http.get<Observation>(url('espoo', 'recycling', 2020))).body;
    const cleared = await http.put<Observation>(
      url('espoo', 'recycling', 2020),
      { value: 43, note: null },
      { 'if-match': current.etag },
    );
    expect(cleared.body).toMatchObject({
      note: null,
      source: 'Waste statistics 2020',
      status: 'provisional',
    });
  });

  it('refuses values outside the allowed range, naming it, and stores nothing', async () => {
    const before = await fingerprint(ctx.db.knex);
    const response = await http.put<ErrorBody>(url('espoo', 'recycling', 2021), { value: 120 });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'validation_failed',
      message: '120 is outside the allowed range for "Recycling rate": from 0 to 100 %.',
    });
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it.each([
    ['null', { value: null }, /value must be a number/],
    ['a numeric string', { value: '12' }, /value must be a number/],
    ['a boolean', { value: true }, /value must be a number/],
    ['a missing value', { status: 'final' }, /value is required/],
    ['an unknown field', { value: 1, colour: 'red' }, /"colour" is not a field we know/],
    ['an unknown status', { value: 1, status: 'draft' }, /status must be one of/],
    ['a huge note', { value: 1, note: 'x'.repeat(2001) }, /note must be at most 2000 characters/],
    ['an array', [1], /must be an object/],
  ])('refuses %s with a clear 400 and stores nothing', async (_label, body, message) => {
    const before = await fingerprint(ctx.db.knex);
    const response = await http.put<ErrorBody>(url('espoo', 'recycling', 2022), body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.message).toMatch(message);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('refuses -0, 1e400 (Infinity), NaN and invalid JSON', async () => {
    const minusZero = await http.put<ErrorBody>(url('espoo', 'recycling', 2022), '{"value": -0}', {
      'content-type': 'application/json',
    });
    expect(minusZero.status).toBe(400);
    expect(minusZero.body.error.message).toMatch(/-0 is ambiguous/);
    const huge = await http.put<ErrorBody>(url('espoo', 'recycling', 2022), '{"value": 1e400}', {
      'content-type': 'application/json',
    });
    expect(huge.status).toBe(400);
    for (const raw of ['{"value": NaN}', '{"value": 1', 'value=1']) {
      const response = await http.put<ErrorBody>(url('espoo', 'recycling', 2022), raw, {
        'content-type': 'application/json',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/not valid JSON/);
    }
  });

  it('refuses other content types (415) and oversized bodies (413)', async () => {
    const text = await http.put<ErrorBody>(url('espoo', 'recycling', 2022), '12', {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const form = await http.put<ErrorBody>(url('espoo', 'recycling', 2022), 'value=12', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    const big = await http.put<ErrorBody>(
      url('espoo', 'recycling', 2022),
      JSON.stringify({ value: 1, note: 'x'.repeat(2_000_000) }),
      {
        'content-type': 'application/json',
      },
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('answers 404 for unknown cities and indicators, 400 for bad years, 409 for non-members and archived indicators', async () => {
    expect((await http.put(url('atlantis', 'recycling', 2020), { value: 1 })).status).toBe(404);
    expect((await http.put(url('espoo', 'nothing', 2020), { value: 1 })).status).toBe(404);
    expect((await http.put(url('espoo', 'recycling', 1800), { value: 1 })).status).toBe(400);
    expect((await http.put(url('espoo', 'recycling', 20201), { value: 1 })).status).toBe(400);
    const outsider = await http.put<ErrorBody>(url('tallinn', 'recycling', 2020), { value: 1 });
    expect(outsider.status).toBe(409);
    expect(outsider.body.error.message).toMatch(/Tallinn is not a member of the network "net"/);
    const archived = await http.put<ErrorBody>(url('espoo', 'old', 2020), { value: 1 });
    expect(archived.status).toBe(409);
    expect(archived.body.error.message).toMatch(/archived/);
  });

  it('accepts an implausible jump but flags it, and stores and returns the flag', async () => {
    const response = await http.put<Observation>(url('braga', 'pm25', 2022), { value: 30 });
    expect(response.status).toBe(201);
    expect(response.body.flag).toMatchObject({
      kind: 'jump',
      previousYear: 2021,
      previousValue: 10.8,
      value: 30,
    });
    expect(response.body.flag?.message).toMatch(
      /Unusual change for "PM2.5": \+19\.2+ µg\/m³ per year since 2021/,
    );
    const stored = (await http.get<Observation>(url('braga', 'pm25', 2022))).body;
    expect(stored.flag?.kind).toBe('jump');
    const fixed = await http.put<Observation>(
      url('braga', 'pm25', 2022),
      { value: 10.5 },
      { 'if-match': stored.etag },
    );
    expect(fixed.body.flag).toBeNull();
  });
});

describe('DELETE one value', () => {
  it('needs If-Match, refuses a stale one, deletes with the current one and records it', async () => {
    await http.put(url('espoo', 'recycling', 2015), { value: 30 });
    const current = (await http.get<Observation>(url('espoo', 'recycling', 2015))).body;
    expect((await http.delete(url('espoo', 'recycling', 2015))).status).toBe(428);
    expect(
      (await http.delete(url('espoo', 'recycling', 2015), { 'if-match': '"1.999"' })).status,
    ).toBe(412);
    const deleted = await http.delete(url('espoo', 'recycling', 2015), {
      'if-match': current.etag,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await http.get(url('espoo', 'recycling', 2015))).status).toBe(404);
    expect(
      (await http.delete(url('espoo', 'recycling', 2015), { 'if-match': current.etag })).status,
    ).toBe(404);
    const history = (await http.get<HistoryResponse>(`${url('espoo', 'recycling', 2015)}/history`))
      .body.events;
    expect(history.map((e) => e.action)).toEqual(['observation.created', 'observation.deleted']);
    expect(history[1]).toMatchObject({
      before: { value: 30, version: 1 },
      after: null,
      actor: 'admin',
    });
  });

  it('never lets an old ETag match a value created again after a delete', async () => {
    await http.put(url('espoo', 'recycling', 2016), { value: 31 });
    const first = (await http.get<Observation>(url('espoo', 'recycling', 2016))).body;
    await http.delete(url('espoo', 'recycling', 2016), { 'if-match': first.etag });
    await http.put(url('espoo', 'recycling', 2016), { value: 32 });
    const again = await http.put(
      url('espoo', 'recycling', 2016),
      { value: 33 },
      { 'if-match': first.etag },
    );
    expect(again.status).toBe(412);
  });
});

describe('history', () => {
  it('records actor, time, before and after for every change of a value', async () => {
    const events = (await http.get<HistoryResponse>(`${url('espoo', 'recycling', 2020)}/history`))
      .body.events;
    expect(events.map((e) => e.action)).toEqual([
      'observation.created',
      'observation.updated',
      'observation.updated',
    ]);
    expect(events[0]).toMatchObject({
      actor: 'admin',
      entity: 'espoo/recycling/2020',
      before: null,
    });
    expect(events[1]).toMatchObject({
      before: { value: 41.37, version: 1 },
      after: { value: 43, version: 2 },
    });
    expect(new Date(events[0]!.at).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
  });

  it('lists a city\u2019s recent changes newest first, page by page', async () => {
    const first = await http.get<HistoryResponse>('/api/v1/cities/espoo/history?limit=3');
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(3);
    const ids = first.body.events.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(first.body.nextBefore).toBe(ids[2]);
    const next = await http.get<HistoryResponse>(
      `/api/v1/cities/espoo/history?limit=3&before=${first.body.nextBefore}`,
    );
    expect(next.body.events[0]!.id).toBeLessThan(ids[2]!);
  });
});

describe('reading observations', () => {
  it('lists a city\u2019s values with filters by indicator, goal and years', async () => {
    const all = await http.get<ObservationListResponse>('/api/v1/cities/braga/observations');
    expect(all.body.observations.map((o) => o.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
    const range = await http.get<ObservationListResponse>(
      '/api/v1/cities/braga/observations?from=2019&to=2020',
    );
    expect(range.body.observations.map((o) => o.year)).toEqual([2019, 2020]);
    const goal3 = await http.get<ObservationListResponse>(
      '/api/v1/cities/braga/observations?goal=3',
    );
    expect(goal3.body.observations).toHaveLength(5);
    const goal11 = await http.get<ObservationListResponse>(
      '/api/v1/cities/braga/observations?goal=11',
    );
    expect(goal11.body.observations).toHaveLength(0);
    const byIndicator = await http.get<ObservationListResponse>(
      '/api/v1/cities/espoo/observations?indicator=recycling',
    );
    expect(byIndicator.body.observations.every((o) => o.indicator === 'recycling')).toBe(true);
    expect((await http.get('/api/v1/cities/braga/observations?from=abc')).status).toBe(400);
  });

  it('lists one indicator across cities and the latest value per indicator', async () => {
    const across = await http.get<ObservationListResponse>(
      '/api/v1/indicators/pm25/observations?from=2022',
    );
    expect(across.body.observations.map((o) => `${o.city}/${o.year}`)).toEqual(['braga/2022']);
    const latest = await http.get<ObservationListResponse>(
      '/api/v1/cities/braga/observations/latest',
    );
    expect(latest.body.observations).toHaveLength(1);
    expect(latest.body.observations[0]).toMatchObject({ indicator: 'pm25', year: 2022 });
  });
});

describe('ambitions', () => {
  const ambitionUrl = '/api/v1/cities/espoo/indicators/recycling/ambition';

  it('sets, reads, changes with If-Match and deletes an ambition, recording each change', async () => {
    expect((await http.get(ambitionUrl)).status).toBe(404);
    const created = await http.put<Ambition>(ambitionUrl, {
      baselineYear: 2015,
      baselineValue: 30,
      targetYear: 2030,
      targetValue: 65,
      note: 'EU target',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      baselineYear: 2015,
      targetValue: 65,
      version: 1,
      note: 'EU target',
    });
    expect(
      (
        await http.put(ambitionUrl, {
          baselineYear: 2015,
          baselineValue: 30,
          targetYear: 2030,
          targetValue: 60,
        })
      ).status,
    ).toBe(428);
    const changed = await http.put<Ambition>(
      ambitionUrl,
      { baselineYear: 2015, baselineValue: 30, targetYear: 2030, targetValue: 60 },
      { 'if-match': created.body.etag },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ targetValue: 60, version: 2, note: 'EU target' });
    const list = await http.get<{ ambitions: Ambition[] }>('/api/v1/cities/espoo/ambitions');
    expect(list.body.ambitions.map((a) => a.indicator)).toEqual(['recycling']);
    const history = await http.get<HistoryResponse>(`${ambitionUrl}/history`);
    expect(history.body.events.map((e) => e.action)).toEqual([
      'ambition.created',
      'ambition.updated',
    ]);
    expect((await http.delete(ambitionUrl, { 'if-match': changed.body.etag })).status).toBe(204);
    expect((await http.get(ambitionUrl)).status).toBe(404);
  });

  it('refuses a target year not after the baseline and values out of range, saying which', async () => {
    const before = await fingerprint(ctx.db.knex);
    const years = await http.put<ErrorBody>(ambitionUrl, {
      baselineYear: 2020,
      baselineValue: 30,
      targetYear: 2020,
      targetValue: 40,
    });
    expect(years.status).toBe(400);
    expect(years.body.error.message).toMatch(
      /target year \(2020\) must come after the baseline year \(2020\)/,
    );
    const range = await http.put<ErrorBody>(ambitionUrl, {
      baselineYear: 2015,
      baselineValue: 30,
      targetYear: 2030,
      targetValue: 140,
    });
    expect(range.status).toBe(400);
    expect(range.body.error.message).toMatch(/Target: 140 is outside the allowed range/);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });
});
