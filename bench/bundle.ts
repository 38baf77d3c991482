/**
 * Bundle sizes from a production build: what a browser downloads for each
 * route (entry + language + route chunk and their static imports), first
 * screen without the lazily loaded charts and then with them, raw, gzip and
 * brotli (the server sends the pre-compressed .br files).
 *
 *   npm run bench:bundle            # builds first
 *   npm run bench:bundle -- --no-build
 *
 * Prints a table, saves JSON under bench/results/ and rewrites
 * bench/bundle-sizes.md, the committed record of the latest figures.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { printTable, saveResults } from '../tests/helpers/report';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'client');
const BUDGET_BROTLI_KB = 200;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, Chunk>;

if (!process.argv.includes('--no-build')) {
  console.log('Building the client (vite build)…');
  execFileSync(
    'npx',
    ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
const manifestPath = path.join(outDir, '.vite', 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error('No build manifest: run without --no-build.');
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry === true)!;

/** The chunk and everything it imports statically (what loading it downloads). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

/** Dynamic imports reachable from a set of chunks (the lazily loaded charts). */
function lazyFrom(keys: Set<string>, exclude: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys)
    for (const dyn of manifest[key]?.dynamicImports ?? [])
      if (!exclude.has(dyn) && !dyn.includes('/routes/') && !dyn.includes('/locales/'))
        for (const k of closure(dyn)) out.add(k);
  return out;
}

const sizeCache = new Map<string, { raw: number; gzip: number; brotli: number }>();
function sizes(file: string): { raw: number; gzip: number; brotli: number } {
  let s = sizeCache.get(file);
  if (s === undefined) {
    const data = fs.readFileSync(path.join(outDir, file));
    s = {
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
    sizeCache.set(file, s);
  }
  return s;
}

function total(keys: Iterable<string>, withCss = false) {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk === undefined) continue;
    files.add(chunk.file);
    if (withCss) for (const css of chunk.css ?? []) files.add(css);
  }
  const sum = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const s = sizes(file);
    sum.files += 1;
    sum.raw += s.raw;
    sum.gzip += s.gzip;
    sum.brotli += s.brotli;
  }
  return sum;
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const entry = closure(entryKey);
const english = Object.keys(manifest).find((k) => k.endsWith('locales/en.ts'))!;
const routes = Object.keys(manifest).filter((k) => k.includes('/routes/'));

const rows = routes.map((route) => {
  const firstScreen = new Set([...entry, ...closure(english), ...closure(route)]);
  const charts = lazyFrom(firstScreen, firstScreen);
  const withCharts = new Set([...firstScreen, ...charts]);
  const js = total(firstScreen);
  const all = total(withCharts);
  return {
    route: path.basename(route).replace(/\.tsx$/, ''),
    files: js.files,
    'raw kB': kb(js.raw),
    'gzip kB': kb(js.gzip),
    'brotli kB': kb(js.brotli),
    'with charts brotli kB': charts.size === 0 ? '—' : String(kb(all.brotli)),
  };
});
rows.sort((a, b) => b['brotli kB'] - a['brotli kB']);
const css = total([entryKey], true);
const cssOnly = {
  raw: css.raw - total([entryKey]).raw,
  brotli: css.brotli - total([entryKey]).brotli,
};

printTable('JavaScript downloaded per route (first screen: entry + English + route chunk)', rows);
const home = rows.find((r) => r.route === 'home-page')!;
const largest = rows[0]!;
console.log(`\nCSS: ${kb(cssOnly.raw)} kB raw, ${kb(cssOnly.brotli)} kB brotli`);
console.log(
  `Initial route (home-page): ${home['brotli kB']} kB brotli (budget ${BUDGET_BROTLI_KB} kB) — ${home['brotli kB'] <= BUDGET_BROTLI_KB ? 'within' : 'OVER'} budget`,
);
console.log(
  `Largest route (${largest.route}): ${largest['brotli kB']} kB brotli first screen, ${largest['with charts brotli kB']} kB with charts`,
);

const file = saveResults(
  'bundle',
  { rows, css: cssOnly, budgetBrotliKb: BUDGET_BROTLI_KB },
  { summary: false },
);
console.log(`\nSaved ${path.relative(root, file)}`);

const header = Object.keys(rows[0]!);
const md = [
  '# Bundle sizes (latest `npm run bench:bundle`)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} from a production build. What a browser downloads`,
  'for the first screen of each route: the entry chunk, the English messages and the route chunk with',
  'their static imports. Charts (recharts) load lazily; the last column adds them. The server sends the',
  `pre-compressed brotli files. Budget for the first page: ${BUDGET_BROTLI_KB} kB.`,
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map((h) => (h === 'route' ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((r) => `| ${header.map((h) => String(r[h as keyof typeof r])).join(' | ')} |`),
  '',
  `CSS: ${kb(cssOnly.raw)} kB raw, ${kb(cssOnly.brotli)} kB brotli.`,
  '',
].join('\n');
const mdPath = path.join(root, 'bench', 'bundle-sizes.md');
fs.writeFileSync(mdPath, md);
// Aligned the way the repository's format check expects.
execFileSync('npx', ['prettier', '--write', mdPath], { cwd: root, stdio: 'ignore' });
console.log('Updated bench/bundle-sizes.md');
