/**
 * Single-value writes under concurrent editors, against a trivial endpoint of
 * the same server measured in the same run.
 *
 *   npm run bench:write [-- --connections 50 --seconds 10 --engine postgres|pglite]
 *
 * "creates" PUTs a new value per request (no precondition); "updates" PUTs
 * new values over existing ones with If-Match: * (row lock, version bump,
 * plausibility check and a history event each).
 */
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { citySlug, createCatalogue, indicatorSlug } from './lib/dataset';
import { scratchDatabase } from './lib/databases';
import { load, summaryRow, type LoadSummary } from './lib/load';
import { printTable, saveResults } from './lib/report';

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const connections = Number(arg('connections', '50'));
  const duration = Number(arg('seconds', '10'));
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';
  const shape = { cities: 100, indicators: 60 };
  const scratch = await scratchDatabase(engine, 'write', 20);
  try {
    await createCatalogue(scratch.db.knex, shape);
    const config = loadConfig(
      { LOG_LEVEL: 'silent', SEED_DEMO: 'false', CLIENT_DIR: '/nonexistent' },
      process.cwd(),
      false,
    );
    const app = await buildApp({ config, db: scratch.db, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    const baseline = await load('GET /api/ping (trivial)', {
      url: `${url}/api/ping`,
      connections,
      duration,
    });

    let next = 0;
    const years = 151;
    const creates = await load('PUT new value', {
      url,
      connections,
      duration,
      requests: [
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => {
            const k = next++;
            const year = 1950 + (k % years);
            const rest = Math.floor(k / years);
            const city = citySlug(rest % shape.cities);
            const indicator = indicatorSlug(Math.floor(rest / shape.cities) % shape.indicators);
            return {
              ...request,
              path: `/api/v1/cities/${city}/indicators/${indicator}/observations/${year}`,
              body: JSON.stringify({ value: 10 + (k % 80) + 0.5 }),
            };
          },
        },
      ],
    });

    let update = 0;
    const existing = Math.min(next, 5000);
    const updates = await load('PUT change (If-Match: *)', {
      url,
      connections,
      duration,
      requests: [
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': '*' },
          setupRequest: (request) => {
            const k = update++ % existing;
            const year = 1950 + (k % years);
            const rest = Math.floor(k / years);
            return {
              ...request,
              path: `/api/v1/cities/${citySlug(rest % shape.cities)}/indicators/${indicatorSlug(Math.floor(rest / shape.cities) % shape.indicators)}/observations/${year}`,
              body: JSON.stringify({ value: 10 + ((k + update) % 80) + 0.25 }),
            };
          },
        },
      ],
    });
    // Requests autocannon left in flight finish before the pool closes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await app.close();

    const results: LoadSummary[] = [baseline, creates, updates];
    printTable(
      `Single-value writes, ${connections} concurrent clients, ${duration} s each, ${engine} (vs trivial = req/s ÷ the trivial endpoint's)`,
      results.map((r) => summaryRow(r, baseline)),
    );
    console.log(`\nresults: ${saveResults('write', { engine, connections, duration, results })}`);
  } finally {
    await scratch.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
