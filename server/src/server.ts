import { buildApp } from './app';
import { ConfigError, demoAccountsAllowed, loadConfig, type Config } from './config';
import { bootstrapDatabase } from './db/bootstrap';
import { DataDirLockedError } from './db/data-dir-lock';
import { describeDatabase, openConfiguredDatabase } from './db/open';

/**
 * Process entry: configuration, database, app, listen, graceful shutdown.
 * The only place that listens on a port.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw err;
  }

  let logPoolError: (err: Error) => void = (err) =>
    process.stderr.write(`database pool: ${err.message}\n`);
  const db = await openConfiguredDatabase(config, (err) => logPoolError(err));
  const boot = await bootstrapDatabase(db, {
    seedDemo: config.seedDemo,
    demoAccounts: demoAccountsAllowed(config, db.kind),
  });
  const app = await buildApp({ config, db });
  logPoolError = (err) => app.log.warn({ err }, 'database pool could not open a connection');

  app.log.info(
    {
      database: describeDatabase(config),
      migrationsApplied: boot.migrationsApplied.length,
      frameworkSeeded: boot.frameworkSeeded,
      demoSeeded: boot.demoSeeded,
      demoAccountsCreated: boot.demoAccountsCreated,
    },
    'database ready',
  );

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await db.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  app.log.info(`SDG City Monitor is running at http://${shown}:${config.port}/`);
}

/** Start-up failures a user can fix, explained without a stack trace. */
function explainStartupError(err: unknown): string {
  const code =
    typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (err instanceof DataDirLockedError) return err.message;
  if (code === 'EADDRINUSE')
    return 'The port is already in use. Stop the other program or choose another PORT.';
  if (code === 'EACCES') return 'Not allowed to listen on this port. Choose a PORT above 1023.';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
    return `Cannot connect to the database named by DATABASE_URL (${String(code)}). Check that PostgreSQL is running and the URL is right.`;
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

main().catch((err: unknown) => {
  process.stderr.write(`SDG City Monitor could not start:\n${explainStartupError(err)}\n`);
  process.exit(1);
});
