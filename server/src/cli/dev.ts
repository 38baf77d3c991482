import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

/**
 * `npm run dev`: the API under `tsx watch` (restarts on change) and Vite's dev
 * server (hot reload) with `/api` proxied to the API. Both share this
 * terminal (and its environment); Ctrl-C stops both.
 */
function run(command: string, args: string[]): ChildProcess {
  return spawn(command, args, { cwd: root, stdio: 'inherit' });
}

const children = [
  run(bin('tsx'), ['watch', '--clear-screen=false', 'server/src/server.ts']),
  run(bin('vite'), ['--config', 'client/vite.config.ts']),
];

let stopping = false;
const stop = (code: number): void => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
