import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident memory of the server process so far (Linux VmHWM), in MiB. */
  peakRssMiB(): number;
  /** Whether the process is still running. */
  alive(): boolean;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL: no shutdown, no cleanup, as a crash or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the real server (server/src/server.ts) in its own process, so the
 * load generator never shares its event loop. Either on PostgreSQL
 * (`databaseUrl`) or on an embedded database in `dataDir`.
 */
export async function startServer(options: {
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    CLIENT_DIR: path.join(root, '.tmp', 'no-client'),
    DATABASE_POOL_MAX: '20',
    ...options.env,
  };
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  if (options.dataDir !== undefined) env.DATA_DIR = options.dataDir;
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (profiling a bench).
  const profile = process.env.BENCH_CPU_PROF;
  const flags = profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/src/server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    peakRssMiB: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      return match === null ? NaN : Number(match[1]) / 1024;
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POSTs a file as the request body, streamed (imports); resolves with the status and body. */
export async function postFile(
  url: string,
  file: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: `${target.pathname}${target.search}`,
        headers: { ...headers, 'content-length': fs.statSync(file).size },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    fs.createReadStream(file).pipe(request);
  });
}
