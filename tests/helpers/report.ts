import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

type Row = Record<string, string | number>;

/** The tables printed so far, which `saveResults` also writes into bench/<name>.md. */
const printed: Array<{ title: string; rows: Row[] }> = [];
const loadAtStart = os.loadavg()[0]!;

/** Prints rows as an aligned text table (and keeps it for the bench's summary file). */
export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  printed.push({ title, rows });
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cell = (v: string | number | undefined): string =>
    typeof v === 'number' ? formatNumber(v) : (v ?? '');
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]): string =>
    values.map((v, i) => v.padStart(widths[i]!)).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** The machine the figures were measured on, stored with every result. */
export function machine(): Record<string, string | number> {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
  };
}

/**
 * Writes results as JSON under bench/results/ (git-ignored) and the tables
 * printed in this run into bench/<name>.md, the committed record that docs
 * quote (so figures in docs are generated, not typed); returns the JSON's path.
 */
export function saveResults(
  name: string,
  data: unknown,
  options: { intro?: string; summary?: boolean } = {},
): string {
  // bench:bundle writes its own record (bench/bundle-sizes.md).
  if (options.summary !== false) writeSummary(name, options.intro);
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${name}-${stamp}.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ name, at: new Date().toISOString(), machine: machine(), ...(data as object) }, null, 2)}\n`,
  );
  return file;
}

/** Samples the process's resident memory; `stop()` returns the peak in MiB. */
export function memorySampler(intervalMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak / 2 ** 20;
    },
  };
}

/** Times an async function in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** bench/<name>.md: when, how, on what, and every table of the run. */
function writeSummary(name: string, intro: string | undefined): void {
  const file = path.join(root, 'bench', `${name}.md`);
  const m = machine();
  const args = process.argv.slice(2).join(' ');
  const cell = (v: string | number | undefined): string =>
    (typeof v === 'number' ? formatNumber(v) : (v ?? '')).replace(/\|/g, '\\|');
  const md = [
    `# \`npm run bench:${name}\``,
    '',
    `Written by the benchmark itself on ${new Date().toISOString().slice(0, 10)}` +
      (args === '' ? '' : ` (arguments: \`${args}\`)`) +
      `; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; ` +
      `load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end. ` +
      'Compare the ratios to the baseline of the same run, not absolute figures: the machine may be shared.',
    ...(intro === undefined ? [] : ['', intro]),
    ...printed.flatMap(({ title, rows }) => {
      const columns = Object.keys(rows[0] ?? {});
      if (columns.length === 0) return ['', `## ${title}`, '', '(no rows)'];
      return [
        '',
        `## ${title}`,
        '',
        `| ${columns.join(' | ')} |`,
        `| ${columns.map((c, i) => (i === 0 && typeof rows[0]![c] === 'string' ? '---' : '---:')).join(' | ')} |`,
        ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
      ];
    }),
    '',
  ].join('\n');
  fs.writeFileSync(file, md);
  try {
    execFileSync(path.join(root, 'node_modules', '.bin', 'prettier'), ['--write', file], {
      stdio: 'ignore',
    });
  } catch {
    // Unformatted is still readable; lint will say so.
  }
  console.log(`Updated bench/${name}.md`);
}
