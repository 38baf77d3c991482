import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../helpers/server-process';

const run = promisify(execFile);

/** Where PostgreSQL's server programs are: PG_BIN_DIR, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
function serverPrograms(): string {
  if (process.env.PG_BIN_DIR !== undefined) return process.env.PG_BIN_DIR;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return path.join(base, versions[0] ?? '15', 'bin');
}

const BIN = serverPrograms();

/**
 * A throwaway PostgreSQL cluster of its own (initdb in a temporary directory,
 * another port), so fault tests can stop and start the database without
 * touching the shared service. Removed by `destroy()`, and at process exit
 * if a test forgot to.
 */
export interface PostgresCluster {
  port: number;
  /** Connection string for the `postgres` database as the `postgres` user. */
  adminUrl: string;
  /** `pg_ctl stop -m fast`: disconnects every client, as an upgrade or a failover does. */
  stop(): Promise<void>;
  /** `pg_ctl start -w`: resolves once the server accepts connections. */
  start(): Promise<void>;
  /** The server log, for failure messages. */
  log(): string;
  /** Stops the server at once and deletes the cluster. */
  destroy(): void;
}

/** initdb refuses to run as root: as root, every server program runs as the `postgres` user. */
function command(program: string, args: string[]): [string, string[]] {
  const binary = path.join(BIN, program);
  if (process.getuid?.() === 0) return ['runuser', ['-u', 'postgres', '--', binary, ...args]];
  return [binary, args];
}

async function pg(program: string, args: string[]): Promise<void> {
  const [file, argv] = command(program, args);
  await run(file, argv, { timeout: 120_000 });
}

/** Creates and starts a cluster on a free port; trust authentication on 127.0.0.1 only. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) {
    throw new Error(`No PostgreSQL server programs in ${BIN} (set PG_BIN_DIR).`);
  }
  // Under /tmp, not TMPDIR: the postgres user must be able to reach it.
  const base = fs.mkdtempSync('/tmp/sdgcm-pg-');
  const dataDir = path.join(base, 'data');
  const logFile = path.join(base, 'server.log');
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:', base]);
  const port = await freePort();
  const destroy = (): void => {
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
      const [file, argv] = command('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      spawnSync(file, argv, { timeout: 60_000 });
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  process.once('exit', destroy);
  try {
    await pg('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '-N',
      '--no-instructions',
    ]);
    const options = [
      `-p ${port}`,
      `-k ${base}`,
      `-c listen_addresses=127.0.0.1`,
      `-c max_connections=200`,
      `-c shared_buffers=128MB`,
    ].join(' ');
    const start = (): Promise<void> =>
      pg('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options]);
    await start();
    return {
      port,
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => pg('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60']),
      start,
      log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
      destroy: () => {
        process.removeListener('exit', destroy);
        destroy();
      },
    };
  } catch (err) {
    destroy();
    throw err;
  }
}
