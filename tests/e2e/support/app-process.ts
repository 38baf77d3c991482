import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

/** A free TCP port on localhost. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  baseUrl: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** A fresh data directory under the project's temp folder. */
export function tempDataDir(): string {
  const base = path.join(root, '.tmp', 'e2e');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, 'data-'));
}

/**
 * Starts the app exactly as the README says (`npm start`) on a free port and
 * waits until /api/health answers 200.
 */
export async function startApp(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<AppProcess> {
  const port = await freePort();
  const dataDir = options.dataDir ?? tempDataDir();
  let log = '';
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_FORMAT: 'json',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  // 'close' fires once every process holding the output pipes (npm, tsx and the
  // server itself) has exited, so the data directory is free again after it.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => resolve(code)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode}:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    dataDir,
    output: () => log,
    stop: async () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      return exited;
    },
  };
}

export const TMP_ROOT = os.tmpdir();
