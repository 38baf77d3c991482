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
import { citySlug, fillDataset, indicatorSlug, INDICATORS, YEARS } from '../tests/helpers/dataset';
import { serveData } from '../tests/helpers/data-server';
import { coldReadLatencies, load, summaryRow, type LoadSummary } from '../tests/helpers/load';
import { printTable, saveResults } from '../tests/helpers/report';
import { arg } from './lib/args';

async function main(): Promise<void> {
  const cities = Number(arg('cities', '100'));
  const connectionsList = arg('connections', '50').split(',').map(Number);
  const duration = Number(arg('seconds', '10'));
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';

  const started = performance.now();
  const data = await serveData(engine, 'reads', (db) => fillDataset(db, cities));
  const { server, auth } = data;
  console.log(
    `dataset: ${cities} cities × ${INDICATORS} indicators × ${YEARS} years ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${engine})`,
  );
  const { url } = server;
  try {
    const cold = {
      scores: await coldReadLatencies(url, '/api/v1/networks/bench/scores?drafts=true', 15, auth),
      cityProgress: await coldReadLatencies(
        url,
        `/api/v1/cities/${citySlug(0)}/progress`,
        15,
        auth,
      ),
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
    await data.close();
  }
}

if (process.argv[1]?.endsWith('reads.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
