/**
 * Read endpoints against a trivial endpoint of the same server, same run.
 *
 *   npm run bench:reads [-- --cities 100 --connections 50,200 --seconds 10 --engine postgres|pglite]
 *
 * Dataset: a deterministic network of N cities × 60 indicators × 11 years
 * (2015–2025) with ambitions for 80 % of the series. The server runs in its
 * own process (as in production); autocannon measures req/s, p50, p99 and
 * errors, asking for compressed responses as browsers do, for: network
 * scores, city progress, one indicator's comparison and a city's observation
 * list. Also measured: the cost of a cold computation (the first read after a
 * write invalidated the cache).
 */
import fs from 'node:fs';
import type { Database } from '../server/src/db/database';
import { citySlug, createCatalogue, indicatorSlug } from './lib/dataset';
import { preparePgliteDataDir, scratchDatabase } from './lib/databases';
import { load, summaryRow, type LoadSummary } from './lib/load';
import { printTable, saveResults } from './lib/report';
import { startServer, type ServerProcess } from './lib/server-process';

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

export const INDICATORS = 60;
export const YEARS = 11;

/** Fills the catalogue, observations and ambitions in SQL (fast, deterministic). */
export async function fillDataset(db: Database, cities: number): Promise<void> {
  await createCatalogue(db.knex, { cities, indicators: INDICATORS });
  await db.knex.raw(`
    insert into observations (city_id, indicator_id, year, value, status)
    select c.id, i.id, y,
           round((20 + 60 * abs(sin(c.id * 12.9898 + i.id * 78.233)) + ((c.id + i.id) % 7 - 3) * (y - 2015) * 0.5
                  + sin((c.id + 1) * (i.id + 1) * (y + 1)) * 0.8)::numeric, 2)::float8,
           'final'
    from cities c
    join network_members m on m.city_id = c.id
    join indicators i on i.network_id = m.network_id
    cross join generate_series(2015, ${2015 + YEARS - 1}) y`);
  await db.knex.raw(`
    insert into ambitions (city_id, indicator_id, baseline_year, baseline_value, target_year, target_value)
    select o.city_id, o.indicator_id, 2015, o.value,
           2030, case when i.direction = 'increase' then least(o.value * 1.4, 99) else o.value * 0.6 end
    from observations o join indicators i on i.id = o.indicator_id
    where o.year = 2015 and (o.city_id + o.indicator_id) % 5 <> 0`);
  await db.knex.raw('analyze');
}

/** Sequential: change one value through the API (which invalidates), then time the read. */
async function coldLatencies(
  url: string,
  path: string,
  rounds: number,
): Promise<{ medianMs: number; p95Ms: number }> {
  const times: number[] = [];
  const value = `${url}/api/v1/cities/${citySlug(0)}/indicators/${indicatorSlug(0)}/observations/2025`;
  for (let k = 0; k < rounds; k++) {
    const put = await fetch(value, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': '*' },
      body: JSON.stringify({ value: 50 + (k % 10) / 10 }),
    });
    if (!put.ok) throw new Error(`write failed: ${put.status} ${await put.text()}`);
    const start = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    p95Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
  };
}

async function main(): Promise<void> {
  const cities = Number(arg('cities', '100'));
  const connectionsList = arg('connections', '50').split(',').map(Number);
  const duration = Number(arg('seconds', '10'));
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';

  const started = performance.now();
  let server: ServerProcess;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const scratch = await scratchDatabase('postgres', 'reads', 5);
    await fillDataset(scratch.db, cities);
    server = await startServer({ databaseUrl: scratch.url! });
    cleanup = () => scratch.drop();
  } else {
    const dataDir = await preparePgliteDataDir('reads', (db) => fillDataset(db, cities));
    server = await startServer({ dataDir });
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `dataset: ${cities} cities × ${INDICATORS} indicators × ${YEARS} years ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${engine})`,
  );
  const { url } = server;
  try {
    const cold = {
      scores: await coldLatencies(url, '/api/v1/networks/bench/scores', 15),
      cityProgress: await coldLatencies(url, `/api/v1/cities/${citySlug(0)}/progress`, 15),
    };

    const cityPaths = Array.from(
      { length: cities },
      (_, i) => `/api/v1/cities/${citySlug(i)}/progress`,
    );
    const comparisonPaths = Array.from(
      { length: INDICATORS },
      (_, j) => `/api/v1/networks/bench/indicators/${indicatorSlug(j)}/comparison`,
    );
    const listPaths = Array.from(
      { length: cities },
      (_, i) =>
        `/api/v1/cities/${citySlug(i)}/observations?indicator=${indicatorSlug(i % INDICATORS)}`,
    );
    // As a dashboard in use would have them: every cached result warm.
    for (const path of [...cityPaths, ...comparisonPaths, '/api/v1/networks/bench/scores']) {
      await (
        await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'br, gzip' } })
      ).arrayBuffer();
    }

    // As a browser does: the API answers with pre-compressed bytes.
    const headers = { 'accept-encoding': 'br, gzip' };
    const runs: Array<{ connections: number; results: LoadSummary[] }> = [];
    for (const connections of connectionsList) {
      const run = (name: string, paths: string[]): Promise<LoadSummary> =>
        load(name, { url, paths, connections, duration, headers });
      const baseline = await run('GET /api/ping (trivial)', ['/api/ping']);
      const results = [
        baseline,
        await run('GET network scores', ['/api/v1/networks/bench/scores']),
        await run(`GET city progress (${cities} cities)`, cityPaths),
        await run(`GET indicator comparison (${INDICATORS})`, comparisonPaths),
        await run('GET city observations (filtered)', listPaths),
      ];
      runs.push({ connections, results });
      printTable(
        `Reads, ${connections} connections, ${duration} s each, ${engine}; goals: scores p95 ≤ 50 ms, city progress ≥ 25 % of trivial`,
        results.map((r) => summaryRow(r, baseline)),
      );
    }
    printTable('Cold computation (the first read after a write), sequential, 15 rounds', [
      {
        endpoint: 'network scores',
        'median ms': cold.scores.medianMs,
        'p95 ms': cold.scores.p95Ms,
      },
      {
        endpoint: 'city progress',
        'median ms': cold.cityProgress.medianMs,
        'p95 ms': cold.cityProgress.p95Ms,
      },
    ]);
    console.log(`server peak RSS: ${server.peakRssMiB().toFixed(0)} MiB`);
    console.log(
      `\nresults: ${saveResults('reads', { engine, cities, duration, runs, cold, serverPeakRssMiB: server.peakRssMiB() })}`,
    );
  } finally {
    await server.stop();
    await cleanup();
  }
}

if (process.argv[1]?.endsWith('reads.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
