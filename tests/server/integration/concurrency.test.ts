import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse, Observation } from '../../../server/src/schemas/observation.schema';
import { addMember, buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import { api } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;
const url = '/api/v1/cities/espoo/indicators/recycling/observations/2024';

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  const k = ctx.db.knex;
  const network = await buildNetwork(k);
  const city = await buildCity(k, { slug: 'espoo' });
  await addMember(k, network, city);
  await buildIndicator(k, network, {
    slug: 'recycling',
    direction: 'increase',
    allowed_min: 0,
    allowed_max: 100,
    best_bound: 65,
    worst_bound: 15,
  });
});
afterAll(async () => {
  await ctx?.close();
});

describe('concurrent edits', () => {
  it('20 parallel writers with the same If-Match: exactly one wins, 19 get 412, one history entry', async () => {
    const http = api(ctx.app);
    const created = await http.put<Observation>(url, { value: 40 });
    expect(created.status).toBe(201);
    const historyBefore = (await http.get<HistoryResponse>(`${url}/history`)).body.events.length;

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        http.put<Observation>(url, { value: 50 + i }, { 'if-match': created.body.etag }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = responses.find((r) => r.status === 200)!;
    const stored = (await http.get<Observation>(url)).body;
    expect(stored.value).toBe(winner.body.value);
    expect(stored.version).toBe(2);
    const history = (await http.get<HistoryResponse>(`${url}/history`)).body.events;
    expect(history).toHaveLength(historyBefore + 1);
    expect(history[history.length - 1]).toMatchObject({
      before: { value: 40 },
      after: { value: winner.body.value },
    });
  });

  it('20 parallel creators of the same new value: one creates it, the others are told it exists', async () => {
    const http = api(ctx.app);
    const target = '/api/v1/cities/espoo/indicators/recycling/observations/2025';
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => http.put(target, { value: 10 + i })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 412 || s === 428)).toBe(true);
    const history = (await http.get<HistoryResponse>(`${target}/history`)).body.events;
    expect(history).toHaveLength(1);
  });
});
