/**
 * Import throughput against raw COPY, measured in the same run.
 *
 *   npm run bench:import [-- --engine postgres|pglite|both] [--rows 1000000]
 *
 * Generates a long-format CSV (cities × indicators × years), streams it
 * through the real import endpoint (HTTP, validation, staging COPY, merge,
 * history), then loads the same file with a bare COPY into a plain table with
 * the same columns and no indexes. Prints both rates, their ratio and the
 * process's peak memory; writes JSON under bench/results/. It also times the
 * database's own floor for storing the rows (INSERT … SELECT into a table with
 * the observations' key, index and checks), to show how much of the gap to a
 * bare COPY is the cost of keeping the data indexed and consistent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDatabase, type Database } from '../server/src/db/database';
import { BulkLoadRepository } from '../server/src/repositories/bulk-load.repository';
import { createCatalogue, writeCsv, type DatasetShape } from '../tests/helpers/dataset';
import { issueSession } from '../tests/helpers/auth';
import { preparePgliteDataDir, scratchDatabase, TMP } from '../tests/helpers/databases';
import { printTable, saveResults, timed } from '../tests/helpers/report';
import { postFile, startServer, type ServerProcess } from '../tests/helpers/server-process';
import { arg } from './lib/args';

/** cities × 100 indicators × 10 years ≈ rows */
function shapeFor(rows: number): DatasetShape {
  return {
    cities: Math.max(1, Math.round(rows / 1000)),
    indicators: 100,
    years: 10,
    firstYear: 2016,
  };
}

const RAW_TABLE = `create table bench_raw (city text, indicator text, year integer, value double precision, status text, source text, note text)`;

async function rawCopyPostgres(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop table if exists bench_raw');
    await client.query(RAW_TABLE);
    await pipeline(
      fs.createReadStream(file),
      client.query(copyFrom('copy bench_raw from stdin with (format csv, header true)')),
    );
  } finally {
    await client.end();
  }
}

async function rawCopyPglite(pglite: PGlite, file: string): Promise<void> {
  await pglite.query('drop table if exists bench_raw');
  await pglite.query(RAW_TABLE);
  await pglite.query(`copy bench_raw from '/dev/blob' with (format csv, header true)`, [], {
    blob: new Blob([fs.readFileSync(file)]),
  });
}

interface EngineResult {
  engine: string;
  rows: number;
  importSeconds: number;
  importRowsPerSecond: number;
  reimportSeconds: number;
  rawCopySeconds: number;
  rawCopyRowsPerSecond: number;
  ratio: number;
  indexedFloorSeconds: number;
  peakRssMiB: number;
  stored: number;
}

async function run(engine: 'postgres' | 'pglite', rows: number): Promise<EngineResult> {
  const shape = shapeFor(rows);
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `import-${shape.cities * shape.indicators * shape.years}.csv`);
  const total = await writeCsv(file, shape);
  console.log(
    `${engine}: ${total.toLocaleString('en-US')} rows, ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB of CSV`,
  );

  // The server runs in its own process, as in production: its peak memory is the figure.
  const env = { IMPORT_BODY_LIMIT: String(4 * 2 ** 30) };
  let server: ServerProcess;
  let db: Database;
  let cleanup: () => Promise<void>;
  // The PostgreSQL URL, or the embedded database's data directory.
  let location: string;
  // An administrator's session made in the database (imports need a signed-in editor or admin).
  let auth: Record<string, string> = {};
  if (engine === 'postgres') {
    const scratch = await scratchDatabase('postgres', 'import', 2);
    await createCatalogue(scratch.db.knex, shape);
    auth = (await issueSession(scratch.db.knex, 'bench@bench.example')).headers;
    server = await startServer({ databaseUrl: scratch.url!, env });
    db = scratch.db;
    location = scratch.url!;
    cleanup = () => scratch.drop();
  } else {
    const dataDir = await preparePgliteDataDir('import', async (d) => {
      await createCatalogue(d.knex, shape);
      auth = (await issueSession(d.knex, 'bench@bench.example')).headers;
    });
    server = await startServer({ dataDir, env });
    db = null as unknown as Database; // opened after the server stops (one process per data directory)
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    location = dataDir;
  }
  try {
    const upload = (): Promise<{ status: number; body: string }> =>
      postFile(`${server.url}/api/v1/imports`, file, { ...auth, 'content-type': 'text/csv' });
    const first = await timed(upload);
    if (first.result.status !== 200) {
      throw new Error(`import failed: ${first.result.status} ${first.result.body.slice(0, 500)}`);
    }
    const report = JSON.parse(first.result.body) as { toInsert: number };
    const peakRssMiB = server.peakRssMiB();
    const again = await timed(upload);
    const unchanged = (JSON.parse(again.result.body) as { unchanged: number }).unchanged;
    if (unchanged !== total)
      throw new Error(`re-import reported ${unchanged} unchanged of ${total}`);
    await server.stop();
    if (engine === 'pglite')
      db = await createDatabase({ kind: 'pglite', dataDir: path.join(location, 'pglite') });

    const bulk = new BulkLoadRepository(db.knex);
    const stored = await bulk.countObservations();
    const raw = await timed(() =>
      engine === 'postgres' ? rawCopyPostgres(location, file) : rawCopyPglite(db.pglite!, file),
    );
    // The database's own floor for storing these rows: copying them into a
    // table with the observations' primary key, index and checks.
    const floor = await timed(() => bulk.copyObservationsIntoIndexedTable('bench_floor'));
    if (engine === 'pglite') await db.close();
    return {
      engine,
      rows: report.toInsert,
      importSeconds: first.ms / 1000,
      importRowsPerSecond: Math.round(total / (first.ms / 1000)),
      reimportSeconds: again.ms / 1000,
      rawCopySeconds: raw.ms / 1000,
      rawCopyRowsPerSecond: Math.round(total / (raw.ms / 1000)),
      ratio: raw.ms / first.ms,
      indexedFloorSeconds: floor.ms / 1000,
      peakRssMiB: Math.round(peakRssMiB),
      stored,
    };
  } finally {
    await server.stop();
    await cleanup();
    fs.rmSync(file, { force: true });
  }
}

async function main(): Promise<void> {
  const engine = arg('engine', 'both');
  const rows = Number(arg('rows', '1000000'));
  const results: EngineResult[] = [];
  if (engine === 'postgres' || engine === 'both') results.push(await run('postgres', rows));
  if (engine === 'pglite' || engine === 'both')
    results.push(await run('pglite', Number(arg('pglite-rows', String(Math.min(rows, 200_000))))));
  printTable(
    'Import through the API vs raw COPY of the same file (ratio = import throughput / COPY throughput; goal ≥ 0.50 on PostgreSQL)',
    results.map((r) => ({
      engine: r.engine,
      rows: r.rows,
      'import s': r.importSeconds,
      'import rows/s': r.importRowsPerSecond,
      're-import s (all unchanged)': r.reimportSeconds,
      'raw COPY s': r.rawCopySeconds,
      'COPY rows/s': r.rawCopyRowsPerSecond,
      ratio: r.ratio,
      'indexed-table floor s': r.indexedFloorSeconds,
      'import / floor': r.importSeconds / r.indexedFloorSeconds,
      'server peak RSS MiB': r.peakRssMiB,
    })),
  );
  console.log(`\nresults: ${saveResults('import', { results })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
