/**
 * Hostile requests at scale: 10,000 per write route (every route of the
 * app's route table), in process (app.inject), with the generators of the
 * fuzz test (tests/helpers/hostile-requests.ts).
 *
 *   npm run bench:fuzz [-- --runs 10000 --engine pglite|postgres --route imports]
 *
 * Prints per route the answers by status, how many were not a clean 4xx
 * (must be 0), whether the database is unchanged, and the rate of hostile
 * requests against the rate of a trivial request (GET /api/ping) through the
 * same app. Exits 1 when any request was not refused cleanly, a rejection
 * went unhandled or the database changed; writes JSON under bench/results/.
 */
import fc from 'fast-check';
import { buildApp } from '../server/src/app';
import { fingerprint } from '../tests/helpers/api';
import {
  buildFuzzWorld,
  describeExchange,
  hostileRoutes,
  refusalProblem,
} from '../tests/helpers/hostile-requests';
import { testConfig } from '../tests/helpers/test-config';
import { arg } from './lib/args';
import { scratchDatabase } from '../tests/helpers/databases';
import { printTable, saveResults } from '../tests/helpers/report';

interface RouteResult {
  route: string;
  requests: number;
  statuses: Record<string, number>;
  unclean: number;
  firstProblems: string[];
  databaseUnchanged: boolean;
  seconds: number;
  perSecond: number;
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '10000'));
  const engine = arg('engine', 'pglite') === 'postgres' ? 'postgres' : 'pglite';
  const only = arg('route', '');
  const seed = Number(arg('seed', String(Date.now() % 2 ** 31)));

  const scratch = await scratchDatabase(engine, 'fuzz', 5);
  const app = await buildApp({
    config: testConfig({ BODY_LIMIT: '65536', IMPORT_BODY_LIMIT: '65536' }),
    db: scratch.db,
    logger: { level: 'error' },
  });
  await app.ready();
  const rejections: unknown[] = [];
  process.on('unhandledRejection', (reason) => void rejections.push(reason));
  try {
    const world = await buildFuzzWorld(scratch.db.knex);
    const routes = hostileRoutes(app, world).filter((r) => r.key.includes(only));

    // Baseline: the cheapest request the app answers, through the same inject path.
    const baselineCount = Math.min(runs, 5000);
    const baselineStart = performance.now();
    for (let i = 0; i < baselineCount; i++) await app.inject('/api/ping');
    const baselinePerSecond = baselineCount / ((performance.now() - baselineStart) / 1000);

    const results: RouteResult[] = [];
    for (const [index, route] of routes.entries()) {
      const before = await fingerprint(scratch.db.knex);
      const requests = fc.sample(route.requests, { numRuns: runs, seed: seed + index });
      const statuses: Record<string, number> = {};
      const firstProblems: string[] = [];
      let unclean = 0;
      const start = performance.now();
      for (const request of requests) {
        const response = await app.inject({
          method: request.method,
          url: request.url,
          headers: request.headers,
          ...(request.payload === undefined ? {} : { payload: request.payload }),
        });
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        const problem = refusalProblem(response.statusCode, response.body);
        if (problem !== null) {
          unclean++;
          if (firstProblems.length < 3)
            firstProblems.push(
              `${problem}: ${describeExchange(request, response.statusCode, response.body)}`,
            );
        }
      }
      const seconds = (performance.now() - start) / 1000;
      const databaseUnchanged =
        JSON.stringify(await fingerprint(scratch.db.knex)) === JSON.stringify(before);
      results.push({
        route: route.key,
        requests: requests.length,
        statuses,
        unclean,
        firstProblems,
        databaseUnchanged,
        seconds,
        perSecond: requests.length / seconds,
      });
      process.stdout.write(
        `${route.key}: ${requests.length} requests in ${seconds.toFixed(1)} s\n`,
      );
    }

    printTable(
      `Hostile requests, ${runs.toLocaleString('en-US')} per write route, ${engine}, in process (seed ${seed}); vs trivial = rate ÷ GET /api/ping's ${Math.round(baselinePerSecond).toLocaleString('en-US')}/s`,
      results.map((r) => ({
        route: r.route,
        requests: r.requests,
        'answers by status': Object.entries(r.statuses)
          .map(([status, n]) => `${status}×${n}`)
          .join(' '),
        'not a clean 4xx': r.unclean,
        'db unchanged': r.databaseUnchanged ? 'yes' : 'NO',
        'req/s': Math.round(r.perSecond),
        'vs trivial': r.perSecond / baselinePerSecond,
      })),
    );
    const total = results.reduce((n, r) => n + r.requests, 0);
    const unclean = results.reduce((n, r) => n + r.unclean, 0);
    const changed = results.filter((r) => !r.databaseUnchanged).map((r) => r.route);
    console.log(
      `\n${total.toLocaleString('en-US')} hostile requests on ${results.length} routes: ${unclean} not refused cleanly, ${rejections.length} unhandled rejections, database changed by: ${changed.length === 0 ? 'none' : changed.join(', ')}`,
    );
    for (const r of results) for (const p of r.firstProblems) console.log(`  ${p}`);
    console.log(
      `\nresults: ${saveResults('fuzz', { engine, runs, seed, baselinePerSecond, results, unhandledRejections: rejections.length })}`,
    );
    if (unclean > 0 || rejections.length > 0 || changed.length > 0) process.exitCode = 1;
  } finally {
    await app.close();
    await scratch.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
