/**
 * Database round trips per request, counted (not timed, so the figures are
 * exact on a busy machine too): a warm public read should make none beyond
 * what its freshness check needs, a signed-in write as few as possible.
 *
 *   npm run bench:round-trips [-- --engine postgres|pglite] [--verbose true]  (prints each query)
 *
 * Counts every query sent to the database (including BEGIN/COMMIT and the
 * prepared statements that bypass knex) while one request
 * is answered in process (app.inject), on a small network (5 cities × 5
 * indicators × 11 years, drafts approved but the last year).
 */
import pg from 'pg';
import { buildApp } from '../server/src/app';
import { citySlug, fillDataset, indicatorSlug } from '../tests/helpers/dataset';
import { scratchDatabase } from '../tests/helpers/databases';
import { issueSession } from '../tests/helpers/auth';
import { printTable, saveResults } from '../tests/helpers/report';
import { testConfig } from '../tests/helpers/test-config';
import { arg } from './lib/args';

interface Case {
  name: string;
  method: 'GET' | 'PUT';
  url: string;
  signedIn: boolean;
  body?: unknown;
  /** Warm: asked once before counting (the answer may be cached). */
  warm: boolean;
}

async function main(): Promise<void> {
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';
  const scratch = await scratchDatabase(engine, 'roundtrips');
  try {
    await fillDataset(scratch.db, 5);
    const app = await buildApp({ config: testConfig({}), db: scratch.db, logger: false });
    await app.ready();
    const session = await issueSession(scratch.db.knex, 'round-trips@bench.example');
    const verbose = arg('verbose', 'false') === 'true';
    let count = 0;
    let sqls: string[] = [];
    const record = (sql: string) => {
      count++;
      sqls.push(sql.replace(/\s+/g, ' ').slice(0, 110));
    };
    if (engine === 'postgres') {
      // On PostgreSQL the cache-key reads run as named prepared statements
      // straight on a pooled connection (server/src/db/prepared.ts), past
      // knex's query event: count at the driver, where every query passes.
      const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const first = args[0];
        record(typeof first === 'string' ? first : String((first as { text?: string }).text));
        return query.apply(this, args);
      } as typeof pg.Client.prototype.query;
    } else {
      scratch.db.knex.on('query', (q: { sql: string }) => record(q.sql));
    }
    const city = citySlug(1);
    const cases: Case[] = [
      {
        name: 'GET /api/ping (trivial)',
        method: 'GET',
        url: '/api/ping',
        signedIn: false,
        warm: true,
      },
      {
        name: 'city progress, visitor, cold',
        method: 'GET',
        url: `/api/v1/cities/${city}/progress`,
        signedIn: false,
        warm: false,
      },
      {
        name: 'city progress, visitor, warm',
        method: 'GET',
        url: `/api/v1/cities/${city}/progress`,
        signedIn: false,
        warm: true,
      },
      {
        name: 'network scores, visitor, warm',
        method: 'GET',
        url: '/api/v1/networks/bench/scores',
        signedIn: false,
        warm: true,
      },
      {
        name: 'network ranking page, visitor, warm',
        method: 'GET',
        url: '/api/v1/networks/bench/ranking?limit=50',
        signedIn: false,
        warm: true,
      },
      {
        name: 'comparison, visitor, warm',
        method: 'GET',
        url: `/api/v1/networks/bench/indicators/${indicatorSlug(1)}/comparison`,
        signedIn: false,
        warm: true,
      },
      {
        name: 'city progress, signed in, warm',
        method: 'GET',
        url: `/api/v1/cities/${city}/progress`,
        signedIn: true,
        warm: true,
      },
      {
        name: 'PUT one value, signed in',
        method: 'PUT',
        url: `/api/v1/cities/${city}/indicators/${indicatorSlug(2)}/observations/1990`,
        signedIn: true,
        body: { value: 42.5 },
        warm: false,
      },
    ];
    const rows: Array<Record<string, string | number>> = [];
    for (const c of cases) {
      const send = () =>
        app.inject({
          method: c.method,
          url: c.url,
          headers: {
            ...(c.signedIn ? session.headers : {}),
            ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(c.body === undefined ? {} : { payload: JSON.stringify(c.body) }),
        });
      if (c.warm) await send();
      count = 0;
      sqls = [];
      const response = await send();
      rows.push({ request: c.name, status: response.statusCode, 'round trips': count });
      if (verbose) console.log(`${c.name}:\n${sqls.map((q) => `   ${q}`).join('\n')}`);
    }
    await app.close();
    printTable(`Database round trips per request (${engine})`, rows);
    saveResults(
      'round-trips',
      { engine, rows },
      {
        intro:
          `On ${engine}: every query knex sends, BEGIN and COMMIT included, while one request is answered. ` +
          'Counts, not timings: they do not depend on how busy the machine is. "Warm": the same request was answered once before.',
      },
    );
  } finally {
    await scratch.drop();
  }
}

await main();
