/**
 * Every benchmark, one after the other (never two at once: they would measure
 * each other), each in its own process with its default settings:
 *
 *   npm run bench [-- --only reads,write --skip fuzz]
 *
 * Each prints its tables (every figure with the baseline measured in the
 * same run) and writes JSON under bench/results/. Takes about an hour on
 * two cores, most of it the 10,000 hostile requests per write route.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { arg } from './lib/args';

const BENCHES: ReadonlyArray<{ name: string; args: string[] }> = [
  { name: 'engine', args: [] },
  { name: 'passwords', args: [] },
  { name: 'bundle', args: [] },
  { name: 'round-trips', args: [] },
  { name: 'reads', args: ['--connections', '50,200'] },
  { name: 'write', args: [] },
  { name: 'import', args: [] },
  { name: 'real-data', args: [] },
  { name: 'scaling', args: [] },
  { name: 'national', args: [] },
  { name: 'fuzz', args: ['--runs', '10000'] },
];

const only = arg('only', '').split(',').filter(Boolean);
const skip = arg('skip', '').split(',').filter(Boolean);
const selected = BENCHES.filter(
  (b) => (only.length === 0 || only.includes(b.name)) && !skip.includes(b.name),
);
const root = path.resolve(import.meta.dirname, '..');
const outcomes: Array<{ name: string; status: string; minutes: string }> = [];
for (const bench of selected) {
  console.log(`\n===== bench:${bench.name} =====`);
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join('bench', `${bench.name}.ts`), ...bench.args],
    { cwd: root, stdio: 'inherit' },
  );
  outcomes.push({
    name: bench.name,
    status: result.status === 0 ? 'ok' : `failed (${result.status ?? result.signal})`,
    minutes: ((performance.now() - start) / 60_000).toFixed(1),
  });
}
console.log('\n===== summary =====');
for (const o of outcomes)
  console.log(`${o.name.padEnd(10)} ${o.status.padEnd(14)} ${o.minutes} min`);
console.log('JSON results: bench/results/');
if (outcomes.some((o) => o.status !== 'ok')) process.exitCode = 1;
