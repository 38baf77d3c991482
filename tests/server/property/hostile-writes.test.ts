import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../helpers/api';
import {
  AMBITION_URL,
  buildFuzzWorld,
  describeExchange,
  hostileRoutes,
  OBSERVATION_URL,
  refusalProblem,
} from '../../helpers/hostile-requests';
import { createTestApp } from '../../helpers/test-app';

/**
 * Property: every write route in the app's route table answers hostile input
 * with a 4xx in the error shape, never a 5xx, with no unhandled rejection,
 * and a rejected request leaves the database unchanged. Every generated
 * request is invalid by construction (tests/helpers/hostile-requests.ts), so
 * all of them must be refused. New write routes are covered automatically.
 *
 * FUZZ_RUNS sets the number of requests per route: 100 by default, 1,000 in
 * CI, 10,000 in `npm run bench:fuzz`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const ctx = await createTestApp({
  as: 'admin',
  env: { BODY_LIMIT: '65536', IMPORT_BODY_LIMIT: '65536' },
});
const world = await buildFuzzWorld(ctx.db.knex);
const routes = hostileRoutes(ctx.app, world);

const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);
process.on('unhandledRejection', onRejection);

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await ctx.close();
});

describe('hostile requests to every write route', () => {
  it('covers every write route of the route table', () => {
    const writes = ctx.app.routeAccess.filter((r) => r.method !== 'GET');
    expect(routes.map((r) => r.key).sort()).toEqual(
      writes.map((r) => `${r.method} ${r.url}`).sort(),
    );
    expect(routes.length).toBeGreaterThanOrEqual(26);
  });

  for (const route of routes) {
    it(`${route.key}: ${RUNS} requests, always a 4xx in the error shape, nothing changed`, async () => {
      const before = await fingerprint(ctx.db.knex);
      const observationBefore = (await ctx.app.inject(OBSERVATION_URL)).body;
      const ambitionBefore = (await ctx.app.inject(AMBITION_URL)).body;
      await fc.assert(
        fc.asyncProperty(route.requests, async (request) => {
          const response = await ctx.app.inject({
            method: request.method,
            url: request.url,
            headers: request.headers,
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          const problem = refusalProblem(response.statusCode, response.body);
          expect(problem, describeExchange(request, response.statusCode, response.body)).toBeNull();
        }),
        { numRuns: RUNS },
      );
      expect(await fingerprint(ctx.db.knex)).toEqual(before);
      expect((await ctx.app.inject(OBSERVATION_URL)).body).toEqual(observationBefore);
      expect((await ctx.app.inject(AMBITION_URL)).body).toEqual(ambitionBefore);
      expect(rejections).toEqual([]);
    });
  }
});
