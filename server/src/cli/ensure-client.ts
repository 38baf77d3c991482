import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCES = [
  'client/src',
  'client/index.html',
  'client/public',
  'client/vite.config.ts',
  'package-lock.json',
  'server/src/schemas',
];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/**
 * `npm start` builds the dashboard only when it is missing or older than its
 * sources, so a fresh clone works with one command and restarts stay fast.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const index = path.join(config.clientDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (builtAt >= sourcesAt) return;
  process.stdout.write(
    builtAt === 0
      ? 'Building the dashboard (first start)…\n'
      : 'Dashboard sources changed; rebuilding…\n',
  );
  const { build } = await import('vite');
  await build({
    configFile: path.join(root, 'client/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: config.clientDir, emptyOutDir: true },
  });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else
    process.stderr.write(
      `Could not build the dashboard: ${err instanceof Error ? err.message : String(err)}\n`,
    );
  process.exit(1);
});
