/**
 * How cost grows with the network: 10 → 100 → 1,000 cities, each with 60
 * indicators × 11 years (deterministic data), on PostgreSQL by default.
 *
 *   npm run bench:scaling [-- --sizes 10,100,1000 --seconds 5 --connections 50 --engine postgres|pglite]
 *
 * For each size: loading the dataset (in SQL, and through the import
 * endpoint from a CSV), the cold computation of network scores and of one
 * city's progress (first read after a write), and warm throughput of both
 * against the trivial endpoint of the same server. Prints every figure per
 * size, then the growth factor from one size to the next (×10 cities).
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg } from './lib/args';
import { serveData } from '../tests/helpers/data-server';
import { TMP } from '../tests/helpers/databases';
import {
  citySlug,
  createCatalogue,
  fillDataset,
  INDICATORS,
  writeCsv,
  YEARS,
} from '../tests/helpers/dataset';
import { coldReadLatencies, load } from '../tests/helpers/load';
import { printTable, saveResults, timed } from '../tests/helpers/report';
import { postFile } from '../tests/helpers/server-process';

interface SizeResult {
  cities: number;
  rows: number;
  sqlLoadSeconds: number;
  importSeconds: number;
  importRowsPerSecond: number;
  scoresColdMs: number;
  progressColdMs: number;
  trivialPerSecond: number;
  scoresPerSecond: number;
  progressPerSecond: number;
  scoresP99Ms: number;
  progressP99Ms: number;
  scoresKiB: number;
}

async function measure(
  engine: 'postgres' | 'pglite',
  cities: number,
  seconds: number,
  connections: number,
): Promise<SizeResult> {
  const rows = cities * INDICATORS * YEARS;
  let sqlLoadMs = 0;
  const data = await serveData(engine, `scaling${cities}`, async (db) => {
    sqlLoadMs = (await timed(() => fillDataset(db, cities))).ms;
  });
  let reads: Omit<SizeResult, 'importSeconds' | 'importRowsPerSecond'>;
  try {
    const { url } = data.server;
    const scoresPath = '/api/v1/networks/bench/scores';
    const progressPaths = Array.from(
      { length: cities },
      (_, i) => `/api/v1/cities/${citySlug(i)}/progress`,
    );
    const scoresCold = await coldReadLatencies(url, `${scoresPath}?drafts=true`, 10, data.auth);
    const progressCold = await coldReadLatencies(url, progressPaths[0]!, 10, data.auth);
    const headers = { 'accept-encoding': 'br, gzip' };
    const scoresKiB = (await (await fetch(`${url}${scoresPath}`)).arrayBuffer()).byteLength / 1024;
    for (const p of progressPaths) await (await fetch(`${url}${p}`, { headers })).arrayBuffer();
    const run = (name: string, paths: string[]) =>
      load(name, { url, paths, headers, connections, duration: seconds });
    const trivial = await run('trivial', ['/api/ping']);
    const scores = await run('scores', [scoresPath]);
    const progress = await run('progress', progressPaths);
    reads = {
      cities,
      rows,
      sqlLoadSeconds: sqlLoadMs / 1000,
      scoresColdMs: scoresCold.medianMs,
      progressColdMs: progressCold.medianMs,
      trivialPerSecond: trivial.requestsPerSecond,
      scoresPerSecond: scores.requestsPerSecond,
      progressPerSecond: progress.requestsPerSecond,
      scoresP99Ms: scores.p99ms,
      progressP99Ms: progress.p99ms,
      scoresKiB,
    };
    const errors = trivial.errors + scores.errors + progress.errors;
    const non2xx = trivial.non2xx + scores.non2xx + progress.non2xx;
    if (errors + non2xx > 0) console.log(`  ${cities} cities: ${errors} errors, ${non2xx} non-2xx`);
  } finally {
    await data.close();
  }

  // The same dataset through the import endpoint, into an empty network.
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `scaling-${cities}-${process.pid}.csv`);
  await writeCsv(file, { cities, indicators: INDICATORS, years: YEARS, firstYear: 2015 });
  const target = await serveData(
    engine,
    `scalingimp${cities}`,
    (db) => createCatalogue(db.knex, { cities, indicators: INDICATORS }).then(),
    { env: { IMPORT_BODY_LIMIT: String(2 ** 30) } },
  );
  try {
    const upload = await timed(() =>
      postFile(`${target.server.url}/api/v1/imports`, file, {
        ...target.auth,
        'content-type': 'text/csv',
      }),
    );
    if (upload.result.status !== 200)
      throw new Error(`import failed: ${upload.result.status} ${upload.result.body.slice(0, 300)}`);
    const report = JSON.parse(upload.result.body) as { toInsert: number };
    if (report.toInsert !== rows) throw new Error(`import inserted ${report.toInsert} of ${rows}`);
    return {
      ...reads,
      importSeconds: upload.ms / 1000,
      importRowsPerSecond: Math.round(rows / (upload.ms / 1000)),
    };
  } finally {
    await target.close();
    fs.rmSync(file, { force: true });
  }
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '10,100,1000').split(',').map(Number);
  const seconds = Number(arg('seconds', '5'));
  const connections = Number(arg('connections', '50'));
  const engine = arg('engine', 'postgres') === 'pglite' ? 'pglite' : 'postgres';

  const results: SizeResult[] = [];
  for (const cities of sizes) {
    console.log(`${cities} cities × ${INDICATORS} indicators × ${YEARS} years…`);
    results.push(await measure(engine, cities, seconds, connections));
  }

  printTable(
    `Scaling, ${engine}: per network size (reads: ${connections} connections, ${seconds} s each; cold = median of 10 first reads after a write)`,
    results.map((r) => ({
      cities: r.cities,
      values: r.rows,
      'SQL load s': r.sqlLoadSeconds,
      'import s': r.importSeconds,
      'import rows/s': r.importRowsPerSecond,
      'scores cold ms': r.scoresColdMs,
      'progress cold ms': r.progressColdMs,
      'scores req/s': r.scoresPerSecond,
      'scores p99 ms': r.scoresP99Ms,
      'progress req/s': r.progressPerSecond,
      'progress p99 ms': r.progressP99Ms,
      'trivial req/s': r.trivialPerSecond,
      'progress vs trivial': r.progressPerSecond / r.trivialPerSecond,
      'scores vs trivial': r.scoresPerSecond / r.trivialPerSecond,
      'scores JSON KiB': Math.round(r.scoresKiB),
    })),
  );

  // Growth: how much more each cost is for ×10 cities (1.0 = flat, 10 = linear).
  const costs: Array<[string, (r: SizeResult) => number]> = [
    ['dataset load in SQL (s)', (r) => r.sqlLoadSeconds],
    ['import through the API (s)', (r) => r.importSeconds],
    ['network scores, cold (ms)', (r) => r.scoresColdMs],
    ['city progress, cold (ms)', (r) => r.progressColdMs],
    ['network scores, warm (1 / req/s)', (r) => 1 / r.scoresPerSecond],
    ['city progress, warm (1 / req/s)', (r) => 1 / r.progressPerSecond],
    ['network scores response (KiB)', (r) => r.scoresKiB],
  ];
  printTable(
    'Growth of each cost from one size to the next (1 = flat, 10 = linear in cities)',
    costs.map(([name, cost]) => ({
      cost: name,
      ...Object.fromEntries(
        results
          .slice(1)
          .map((r, i) => [`${results[i]!.cities} → ${r.cities}`, cost(r) / cost(results[i]!)]),
      ),
    })),
  );
  console.log(`\nresults: ${saveResults('scaling', { engine, seconds, connections, results })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
