/**
 * A national portal on one server (issue 18): 3,000 municipalities × 120
 * indicators × 15 years (5.4 M values) in one network, loaded through the
 * import endpoint in one import, on PostgreSQL, with the server in its own
 * process. Every figure is set against a baseline of the same run.
 *
 *   npm run bench:national [-- --cities 3000 --indicators 120 --years 15 --baseline 100 --seconds 10 --connections 50]
 *
 * Measures, for the national network and (for the growth factor) a small
 * one of `--baseline` cities with the same indicators and years:
 * - the import: time, rows/s, the server's peak RSS, against the database's
 *   own floor for storing the same rows in an indexed table (same run);
 * - the network's scores recomputed after the bulk load (the first ranking
 *   page: computes them, sends fifty rows), then the whole scores answer
 *   sent the first time (serialised and compressed, computed already);
 * - warm city progress with 50 connections sweeping **all** cities, req/s
 *   and p99, against the trivial endpoint; cold city progress right after
 *   a write to that city; the growth factor of one city's warm and cold
 *   cost from the small network to the national one;
 * - the answers' compressed sizes: a ranking page, the whole scores.
 * Writes bench/national.md and JSON under bench/results/.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { BulkLoadRepository } from '../server/src/repositories/bulk-load.repository';
import { ReviewRepository } from '../server/src/repositories/review.repository';
import { serveData, type DataServer } from '../tests/helpers/data-server';
import { TMP } from '../tests/helpers/databases';
import { citySlug, createCatalogue, writeCsv } from '../tests/helpers/dataset';
import { coldReadLatencies, load } from '../tests/helpers/load';
import { printTable, saveResults, timed } from '../tests/helpers/report';
import { postFile } from '../tests/helpers/server-process';
import { arg } from './lib/args';
import { launchBrowser } from '../tests/e2e/support/browser';

interface Shape {
  cities: number;
  indicators: number;
  years: number;
}

interface NetworkResult {
  cities: number;
  values: number;
  importSeconds: number;
  importRowsPerSecond: number;
  importPeakRssMiB: number;
  floorSeconds: number;
  approveSeconds: number;
  scoresColdMs: number;
  rankingPageColdMs: number;
  trivialPerSecond: number;
  progressPerSecond: number;
  progressP99Ms: number;
  progressColdMs: number;
  rankingPerSecond: number;
  rankingP99Ms: number;
  rankingPageKiB: number;
  scoresKiB: number;
  dashboard: DashboardTiming | null;
}

/** The network page in Chromium, as a visitor (null: no built client or no Chromium here). */
interface DashboardTiming {
  /** From the ranking page's answer arriving to its first row on screen. */
  afterDataMs: number;
  /** From navigation to the first row on screen. */
  firstScreenMs: number;
  /** From typing a city's name to it being the one row found. */
  searchMs: number;
  rowsOnScreen: number;
  /** Requests for the whole network's scores (the page must not make any). */
  wholeScoresRequests: number;
}

const root = path.resolve(import.meta.dirname, '..');
const clientDir = path.join(root, 'dist', 'client');

/** Opens the network page of `places` cities in Chromium and times the first screen and a search. */
async function dashboardTiming(url: string, places: number): Promise<DashboardTiming | null> {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    console.log('  (no built client: run "npm run build" to time the network page in Chromium)');
    return null;
  }
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    console.log(`  (no Chromium: ${String(err).split('\n')[0]})`);
    return null;
  }
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    let rankingArrived = 0;
    let wholeScoresRequests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/networks/bench/scores')) wholeScoresRequests++;
    });
    page.on('response', (r) => {
      if (r.url().includes('/networks/bench/ranking') && rankingArrived === 0)
        rankingArrived = Date.now();
    });
    const rows = page.getByTestId('ranking').locator('tbody tr');
    const started = Date.now();
    await page.goto(`${url}/networks/bench?lang=en`);
    await rows.first().waitFor({ timeout: 60_000 });
    const shown = Date.now();
    const searched = `City ${places - 1}`;
    const before = Date.now();
    await page.getByTestId('ranking-search').fill(searched);
    await page
      .getByTestId('ranking')
      .locator('tbody th', { hasText: searched })
      .waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      'document.querySelectorAll(\'[data-testid="ranking"] tbody tr\').length === 1',
    );
    const searchMs = Date.now() - before;
    await page.getByTestId('ranking-search').fill('');
    await rows.nth(1).waitFor();
    return {
      afterDataMs: shown - rankingArrived,
      firstScreenMs: shown - started,
      searchMs,
      rowsOnScreen: await rows.count(),
      wholeScoresRequests,
    };
  } finally {
    await browser.close();
  }
}

/** The last year is 2025 whatever the number of years (the cold-read probe writes it). */
const firstYear = (shape: Shape): number => 2026 - shape.years;
const ACCEPT = { 'accept-encoding': 'br, gzip' };

/** The bytes the server sends (compressed), read without decoding. */
function compressedKiB(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: ACCEPT }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes / 1024));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

async function timedGet(url: string): Promise<number> {
  const { ms, result } = await timed(() => fetch(url, { headers: ACCEPT }));
  await result.arrayBuffer();
  if (!result.ok) throw new Error(`${url}: ${result.status}`);
  return ms;
}

async function measure(shape: Shape, seconds: number, connections: number): Promise<NetworkResult> {
  const values = shape.cities * shape.indicators * shape.years;
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `national-${shape.cities}-${process.pid}.csv`);
  console.log(`${shape.cities} cities: writing ${values.toLocaleString('en')} values…`);
  await writeCsv(file, { ...shape, firstYear: firstYear(shape) });
  let data: DataServer | undefined;
  try {
    data = await serveData(
      'postgres',
      `national${shape.cities}`,
      (db) => createCatalogue(db.knex, shape).then(),
      {
        env: {
          IMPORT_BODY_LIMIT: String(2 ** 33),
          RESULT_CACHE_MB: '1024',
          CLIENT_DIR: clientDir,
        },
      },
    );
    const { url } = data.server;
    const db = data.db!;
    console.log(`${shape.cities} cities: importing…`);
    data.server.peakRssMiB();
    const upload = await timed(() =>
      postFile(`${url}/api/v1/imports`, file, { ...data!.auth, 'content-type': 'text/csv' }),
    );
    const importPeakRssMiB = data.server.peakRssMiB();
    if (upload.result.status !== 200)
      throw new Error(`import failed: ${upload.result.status} ${upload.result.body.slice(0, 300)}`);
    const report = JSON.parse(upload.result.body) as { toInsert: number };
    if (report.toInsert !== values)
      throw new Error(`import inserted ${report.toInsert} of ${values}`);

    const bulk = new BulkLoadRepository(db.knex);
    const floor = await timed(() => bulk.copyObservationsIntoIndexedTable('national_floor'));
    console.log(`${shape.cities} cities: ambitions and approval…`);
    // Ambitions for 80 % of the series; every year but the last approved (visitors read them).
    const approve = await timed(async () => {
      await bulk.deriveAmbitions(firstYear(shape));
      const reviews = new ReviewRepository(db.knex);
      for (const id of await bulk.networkIds()) await reviews.approveAll(id, 'bench', 2024);
      await bulk.analyze();
    });

    const scoresUrl = `${url}/api/v1/networks/bench/scores`;
    const rankingUrl = `${url}/api/v1/networks/bench/ranking?limit=50`;
    const rankingPageColdMs = await timedGet(rankingUrl);
    const scoresColdMs = await timedGet(scoresUrl);
    const progressPaths = Array.from(
      { length: shape.cities },
      (_, i) => `/api/v1/cities/${citySlug(i)}/progress`,
    );
    console.log(`${shape.cities} cities: computing every city once (warming)…`);
    for (const p of progressPaths)
      await (await fetch(`${url}${p}`, { headers: ACCEPT })).arrayBuffer();
    const run = (name: string, paths: string[]) =>
      load(name, { url, paths, headers: ACCEPT, connections, duration: seconds });
    const trivial = await run('trivial', ['/api/ping']);
    const progress = await run('progress', progressPaths);
    const rankingPaths = Array.from(
      { length: 20 },
      (_, k) => `/api/v1/networks/bench/ranking?limit=50&offset=${(k * 50) % shape.cities}`,
    );
    const ranking = await run('ranking', rankingPaths);
    const progressCold = await coldReadLatencies(url, progressPaths[0]!, 10, data.auth);
    // A network of more than 150 places is shown a page at a time (client: LARGE_NETWORK).
    let dashboard: DashboardTiming | null = null;
    if (shape.cities > 150) {
      console.log(`${shape.cities} cities: the network page in Chromium…`);
      dashboard = await dashboardTiming(url, shape.cities);
    }
    const errors = trivial.errors + progress.errors + ranking.errors;
    const non2xx = trivial.non2xx + progress.non2xx + ranking.non2xx;
    if (errors + non2xx > 0) console.log(`  ${errors} errors, ${non2xx} non-2xx`);
    return {
      cities: shape.cities,
      values,
      importSeconds: upload.ms / 1000,
      importRowsPerSecond: Math.round(values / (upload.ms / 1000)),
      importPeakRssMiB,
      floorSeconds: floor.ms / 1000,
      approveSeconds: approve.ms / 1000,
      scoresColdMs,
      rankingPageColdMs,
      trivialPerSecond: trivial.requestsPerSecond,
      progressPerSecond: progress.requestsPerSecond,
      progressP99Ms: progress.p99ms,
      progressColdMs: progressCold.medianMs,
      rankingPerSecond: ranking.requestsPerSecond,
      rankingP99Ms: ranking.p99ms,
      rankingPageKiB: await compressedKiB(rankingUrl),
      scoresKiB: await compressedKiB(scoresUrl),
      dashboard,
    };
  } finally {
    await data?.close();
    fs.rmSync(file, { force: true });
  }
}

async function main(): Promise<void> {
  const national: Shape = {
    cities: Number(arg('cities', '3000')),
    indicators: Number(arg('indicators', '120')),
    years: Number(arg('years', '15')),
  };
  const baseline: Shape = { ...national, cities: Number(arg('baseline', '100')) };
  const seconds = Number(arg('seconds', '10'));
  const connections = Number(arg('connections', '50'));

  const small = await measure(baseline, seconds, connections);
  const large = await measure(national, seconds, connections);
  const results = [small, large];

  printTable(
    `National scale, PostgreSQL: ${national.indicators} indicators × ${national.years} years per place, one network (reads: ${connections} connections, ${seconds} s; progress sweeps every city)`,
    results.map((r) => ({
      places: r.cities,
      values: r.values,
      'import s': r.importSeconds,
      'import rows/s': r.importRowsPerSecond,
      'indexed-table floor s': r.floorSeconds,
      'import ÷ floor': r.importSeconds / r.floorSeconds,
      'server peak RSS in import MiB': Math.round(r.importPeakRssMiB),
      'ambitions + approval s': r.approveSeconds,
      'scores recomputed: first ranking page ms': r.rankingPageColdMs,
      'whole scores answer, first send ms': r.scoresColdMs,
    })),
  );
  printTable(
    'Reads against the trivial endpoint of the same server (goal: warm city progress ≥ 0.5 × trivial, p99 ≤ 50 ms; cold ≤ 30 ms)',
    results.map((r) => ({
      places: r.cities,
      'trivial req/s': r.trivialPerSecond,
      'progress req/s': r.progressPerSecond,
      'progress ÷ trivial': r.progressPerSecond / r.trivialPerSecond,
      'progress p99 ms': r.progressP99Ms,
      'progress cold ms': r.progressColdMs,
      'ranking page req/s': r.rankingPerSecond,
      'ranking ÷ trivial': r.rankingPerSecond / r.trivialPerSecond,
      'ranking p99 ms': r.rankingP99Ms,
      'ranking page KiB (compressed)': r.rankingPageKiB,
      'whole scores KiB (compressed)': Math.round(r.scoresKiB),
    })),
  );
  const paged = results.filter((r) => r.dashboard !== null);
  if (paged.length > 0)
    printTable(
      'The network page in Chromium, as a visitor at 1280 px (goal: first screen ≤ 1 s after its data)',
      paged.map((r) => ({
        places: r.cities,
        'first rows on screen after the data ms': r.dashboard!.afterDataMs,
        'navigation to first rows ms': r.dashboard!.firstScreenMs,
        'search by name to the one row ms': r.dashboard!.searchMs,
        'rows on screen': r.dashboard!.rowsOnScreen,
        'whole-scores requests': r.dashboard!.wholeScoresRequests,
      })),
    );
  const growth = (cost: (r: NetworkResult) => number): number => cost(large) / cost(small);
  printTable(
    `Growth of one city's cost from ${small.cities} to ${large.cities} places (goal ≤ 1.2; 1 = flat)`,
    [
      {
        cost: 'city progress, warm (1 ÷ (req/s ÷ trivial req/s))',
        growth: growth((r) => r.trivialPerSecond / r.progressPerSecond),
      },
      { cost: 'city progress, warm p99', growth: growth((r) => r.progressP99Ms) },
      { cost: 'city progress, cold (after a write)', growth: growth((r) => r.progressColdMs) },
      {
        cost: 'ranking page, warm',
        growth: growth((r) => r.trivialPerSecond / r.rankingPerSecond),
      },
    ],
  );
  console.log(
    `\nresults: ${saveResults('national', { national, baseline, seconds, connections, results })}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
