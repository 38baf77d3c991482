/**
 * Real cities' files against the long format, measured in the same run:
 *
 *   npm run bench:real-data [-- --engine postgres|pglite] [--files 300]
 *
 * 1. An Open SDG repository of `--files` data files (the real files of
 *    Bristol's and Los Angeles' repositories, tests/fixtures/opensdg, repeated
 *    under new indicator ids) imported as a zip with POST /imports/opensdg
 *    (creating the indicators from metadata), against the same values
 *    imported as one long-format CSV into another city.
 * 2. Eurostat's complete urb_percep bulk TSV (tests/fixtures/eurostat, 37,651
 *    lines, 410 indicators × 115 cities) with POST /imports/eurostat, against
 *    the same values as a long-format CSV into a twin network.
 *
 * The server runs in its own process; the figures are rows per second and
 * their ratio (format / long format). Prints a table and writes JSON under
 * bench/results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { issueSession } from '../tests/helpers/auth';
import { preparePgliteDataDir, scratchDatabase, TMP } from '../tests/helpers/databases';
import { arg } from './lib/args';
import { printTable, saveResults, timed } from '../tests/helpers/report';
import { postFile, startServer, type ServerProcess } from '../tests/helpers/server-process';

const FIXTURES = path.resolve(import.meta.dirname, '../tests/fixtures');

interface Client {
  json<T>(method: string, url: string, body?: unknown): Promise<T>;
  file(url: string, file: string, type: string): Promise<{ status: number; body: string }>;
  text(url: string): Promise<string>;
}

function clientFor(server: ServerProcess, auth: Record<string, string>): Client {
  return {
    async json<T>(method: string, url: string, body?: unknown): Promise<T> {
      const response = await fetch(`${server.url}${url}`, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status >= 400)
        throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
    async file(url, file, type) {
      return postFile(`${server.url}${url}`, file, { ...auth, 'content-type': type });
    },
    async text(url) {
      return (await fetch(`${server.url}${url}`, { headers: auth })).text();
    },
  };
}

/** The repository: the real data files, repeated under new ids (e.g. 3-3-2-r7), with a little metadata. */
function repositoryZip(files: number): { zip: Uint8Array; ids: string[] } {
  const sources: Array<{ id: string; bytes: Uint8Array }> = [];
  for (const city of ['bristol', 'la'])
    for (const name of fs.readdirSync(path.join(FIXTURES, 'opensdg', city))) {
      const id = name.replace(/^indicator_|\.csv$/g, '');
      // 6-3-1 lists 30 sites twice (refused as published): not a throughput figure.
      if (id === '6-3-1') continue;
      sources.push({ id, bytes: fs.readFileSync(path.join(FIXTURES, 'opensdg', city, name)) });
    }
  const entries: Record<string, Uint8Array> = {};
  const ids: string[] = [];
  for (let n = 0; n < files; n++) {
    const source = sources[n % sources.length]!;
    const id = `${source.id}-r${Math.floor(n / sources.length)}`;
    ids.push(id);
    entries[`bench-repo-main/data/indicator_${id}.csv`] = source.bytes;
    entries[`bench-repo-main/meta/${id}.md`] = strToU8(
      `---\nindicator_name: Bench indicator ${id}\nprogress_calculation_options:\n  - direction: positive\n---\n`,
    );
  }
  return { zip: zipSync(entries), ids };
}

interface Figures {
  case: string;
  rows: number;
  formatSeconds: number;
  longSeconds: number;
  /** The same file imported again (nothing to write). */
  againSeconds?: number;
}

async function repositoryCase(client: Client, files: number): Promise<Figures> {
  await client.json('POST', '/api/v1/networks', {
    slug: 'repo',
    name: 'Repository bench',
    isPublic: true,
  });
  for (const slug of ['repo-city', 'repo-long'])
    await client.json('POST', '/api/v1/cities', {
      slug,
      name: slug,
      countryCode: 'GB',
      network: 'repo',
      ...(slug === 'repo-city' ? { codes: { ons: 'E06000023' } } : {}),
    });
  const { zip } = repositoryZip(files);
  const zipFile = path.join(TMP, 'repository.zip');
  fs.writeFileSync(zipFile, zip);
  const imported = await timed(() =>
    client.file('/api/v1/imports/opensdg?network=repo&city=repo-city', zipFile, 'application/zip'),
  );
  if (imported.result.status !== 200)
    throw new Error(
      `repository import: ${imported.result.status} ${imported.result.body.slice(0, 500)}`,
    );
  const report = JSON.parse(imported.result.body) as { files: Array<{ inserted: number }> };
  const rows = report.files.reduce((n, f) => n + f.inserted, 0);
  // Again: every indicator exists, every value is unchanged (the per-file cost without writes).
  const again = await timed(() =>
    client.file('/api/v1/imports/opensdg?network=repo&city=repo-city', zipFile, 'application/zip'),
  );
  // The same values in the long format, into the other city.
  const long = (await client.text('/api/v1/cities/repo-city/observations/export')).replace(
    /^repo-city,/gm,
    'repo-long,',
  );
  const longFile = path.join(TMP, 'repository-long.csv');
  fs.writeFileSync(longFile, long);
  const baseline = await timed(() => client.file('/api/v1/imports', longFile, 'text/csv'));
  if (baseline.result.status !== 200)
    throw new Error(`long import: ${baseline.result.status} ${baseline.result.body.slice(0, 500)}`);
  const longRows = (JSON.parse(baseline.result.body) as { toInsert: number }).toInsert;
  if (longRows !== rows)
    throw new Error(`long import stored ${longRows} rows, the repository ${rows}`);
  return {
    case: `Open SDG repository, ${files} files (zip)`,
    rows,
    formatSeconds: imported.ms / 1000,
    longSeconds: baseline.ms / 1000,
    againSeconds: again.ms / 1000,
  };
}

async function eurostatCase(client: Client): Promise<Figures> {
  const file = path.join(FIXTURES, 'eurostat', 'urb_percep.tsv');
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean);
  const codes = [...new Set(lines.map((l) => l.split(',')[0]!))];
  const cities = [...new Set(lines.map((l) => l.split('\t')[0]!.split(',')[2]!))];
  for (const network of ['percep', 'percep-long'])
    await client.json('POST', '/api/v1/networks', { slug: network, name: network, isPublic: true });
  for (const code of cities) {
    const slug = code.toLowerCase();
    await client.json('POST', '/api/v1/cities', {
      slug,
      name: code,
      countryCode: 'FI',
      network: 'percep',
      codes: { 'urban-audit': code },
    });
    // An administrator edits every city: the city joins at once (no invitation).
    await client.json('PUT', `/api/v1/networks/percep-long/members/${slug}`, { role: 'partner' });
  }
  for (let i = 0; i < codes.length; i += 50)
    for (const network of ['percep', 'percep-long'])
      await client.json('POST', `/api/v1/networks/${network}/indicators/eurostat`, {
        indicators: codes.slice(i, i + 50).map((code) => ({
          code: `urb_percep:${code}`,
          slug: `${network}-${code.toLowerCase()}`,
          target: '11.3',
          direction: 'increase',
        })),
      });
  const imported = await timed(() =>
    client.file('/api/v1/imports/eurostat?network=percep&dataset=urb_percep', file, 'text/csv'),
  );
  if (imported.result.status !== 200)
    throw new Error(
      `Eurostat import: ${imported.result.status} ${imported.result.body.slice(0, 500)}`,
    );
  const rows = (JSON.parse(imported.result.body) as { toInsert: number }).toInsert;
  const long = (await client.text('/api/v1/networks/percep/observations/export')).replace(
    /,percep-ps/g,
    ',percep-long-ps',
  );
  const longFile = path.join(TMP, 'percep-long.csv');
  fs.writeFileSync(longFile, long);
  const baseline = await timed(() => client.file('/api/v1/imports', longFile, 'text/csv'));
  if (baseline.result.status !== 200)
    throw new Error(`long import: ${baseline.result.status} ${baseline.result.body.slice(0, 500)}`);
  const longRows = (JSON.parse(baseline.result.body) as { toInsert: number }).toInsert;
  if (longRows !== rows) throw new Error(`long import stored ${longRows} rows, Eurostat's ${rows}`);
  return {
    case: `Eurostat urb_percep bulk TSV (${lines.length} lines)`,
    rows,
    formatSeconds: imported.ms / 1000,
    longSeconds: baseline.ms / 1000,
  };
}

async function main(): Promise<void> {
  const engine = arg('engine', 'postgres') as 'postgres' | 'pglite';
  const files = Number(arg('files', '300'));
  fs.mkdirSync(TMP, { recursive: true });
  const env = { IMPORT_BODY_LIMIT: String(200 * 2 ** 20) };
  let server: ServerProcess;
  let auth: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const scratch = await scratchDatabase('postgres', 'realdata', 2);
    auth = (await issueSession(scratch.db.knex, 'bench@bench.example')).headers;
    server = await startServer({ databaseUrl: scratch.url!, env });
    cleanup = () => scratch.drop();
  } else {
    const dataDir = await preparePgliteDataDir('realdata', async (d) => {
      auth = (await issueSession(d.knex, 'bench@bench.example')).headers;
    });
    server = await startServer({ dataDir, env });
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    const client = clientFor(server, auth);
    const results = [await repositoryCase(client, files), await eurostatCase(client)];
    printTable(
      `Real files vs the long format, same values, same run (${engine}; ratio = format rows/s ÷ long-format rows/s)`,
      results.map((r) => ({
        case: r.case,
        rows: r.rows,
        'format s': r.formatSeconds,
        'format rows/s': Math.round(r.rows / r.formatSeconds),
        'long format s': r.longSeconds,
        'long rows/s': Math.round(r.rows / r.longSeconds),
        ratio: r.longSeconds / r.formatSeconds,
        'again (unchanged) s': r.againSeconds ?? '',
        'server peak RSS MiB': Math.round(server.peakRssMiB()),
      })),
    );
    console.log(`\nresults: ${saveResults('real-data', { engine, results })}`);
  } finally {
    await server.stop();
    await cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
