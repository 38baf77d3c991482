/**
 * Single-value writes under concurrent editors, against a trivial endpoint of
 * the same server measured in the same run.
 *
 *   npm run bench:write [-- --connections 50 --seconds 10 --engine postgres|pglite]
 *
 * The server runs in its own process. "PUT new value" creates a different
 * value with every request (no precondition); "PUT change" changes existing
 * values with If-Match: * (version bump, plausibility check, history event).
 */
import { citySlug, createCatalogue, indicatorSlug } from '../tests/helpers/dataset';
import { serveData } from '../tests/helpers/data-server';
import { load, summaryRow, type LoadSummary } from '../tests/helpers/load';
import { printTable, saveResults } from '../tests/helpers/report';
import { arg } from './lib/args';

async function main(): Promise<void> {
  const connections = Number(arg('connections', '50'));
  const duration = Number(arg('seconds', '10'));
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';
  const shape = { cities: 100, indicators: 60 };

  const data = await serveData(engine, 'write', async (db) => {
    await createCatalogue(db.knex, shape);
  });
  // Writes carry an administrator's session cookie and CSRF token.
  const { server, auth } = data;
  const { url } = server;
  try {
    const baseline = await load('GET /api/ping (trivial)', {
      url,
      paths: ['/api/ping'],
      connections,
      duration,
    });

    // Enough distinct new values for the whole run: every (city, indicator, year)
    // at most once, consecutive requests for different cities (as 50 officers
    // of different cities would be).
    const years = 151;
    const createPaths: string[] = [];
    const createBodies: string[] = [];
    for (
      let k = 0;
      k < shape.cities * shape.indicators * years && createPaths.length < 200_000;
      k++
    ) {
      const city = k % shape.cities;
      const rest = Math.floor(k / shape.cities);
      const indicator = rest % shape.indicators;
      const year = 1950 + (Math.floor(rest / shape.indicators) % years);
      createPaths.push(
        `/api/v1/cities/${citySlug(city)}/indicators/${indicatorSlug(indicator)}/observations/${year}`,
      );
      createBodies.push(JSON.stringify({ value: 10 + (k % 80) + 0.5 }));
    }
    const creates = await load('PUT new value', {
      url,
      method: 'PUT',
      paths: createPaths,
      bodies: createBodies,
      headers: auth,
      connections,
      duration,
    });

    // Values the create run certainly made (it went through the list in order).
    const existing = createPaths.slice(
      0,
      Math.min(5000, Math.floor(creates.requestsPerSecond * duration * 0.8)),
    );
    const updates = await load('PUT change (If-Match: *)', {
      url,
      method: 'PUT',
      paths: existing,
      bodies: existing.map((_, k) => JSON.stringify({ value: 10 + ((k * 7) % 80) + 0.25 })),
      headers: { ...auth, 'if-match': '*' },
      connections,
      duration,
    });

    const results: LoadSummary[] = [baseline, creates, updates];
    printTable(
      `Single-value writes, ${connections} concurrent clients, ${duration} s each, ${engine} (vs trivial = req/s ÷ the trivial endpoint's)`,
      results.map((r) => summaryRow(r, baseline)),
    );
    console.log(`\nresults: ${saveResults('write', { engine, connections, duration, results })}`);
  } finally {
    await data.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
