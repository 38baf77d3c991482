import { ConfigError, loadConfig } from '../config';
import { bootstrapDatabase } from '../db/bootstrap';
import { migrateLatest, migrateRollback } from '../db/migrate';
import { describeDatabase, openConfiguredDatabase } from '../db/open';
import { seedDemoNetwork } from '../../../seeds/demo-network';
import { seedSdgFramework } from '../../../seeds/sdg-framework';

const USAGE = `Usage: tsx server/src/cli/db.ts <migrate|rollback|seed|reset> [--all]
  migrate    apply pending migrations
  rollback   undo the last batch of migrations (--all: every migration)
  seed       load the UN framework (refreshed) and the demo network (when no network exists)
  reset      drop everything, migrate and seed again (destroys all data)`;

/** Database maintenance commands behind npm run db:*. */
async function main(): Promise<void> {
  const [command, ...flags] = process.argv.slice(2);
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  const log = (message: string): void => void process.stdout.write(`${message}\n`);
  log(`Database: ${describeDatabase(config)}`);
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateLatest(db.knex);
        log(applied.length === 0 ? 'Already up to date.' : `Applied: ${applied.join(', ')}`);
        break;
      }
      case 'rollback': {
        const reverted = await migrateRollback(db.knex, flags.includes('--all'));
        log(
          reverted.length === 0 ? 'Nothing to roll back.' : `Rolled back: ${reverted.join(', ')}`,
        );
        break;
      }
      case 'seed': {
        await migrateLatest(db.knex);
        const framework = await seedSdgFramework(db.knex);
        log(
          `UN framework: ${framework.goals} goals, ${framework.targets} targets, ${framework.indicators} indicators.`,
        );
        const result = await bootstrapDatabase(db, { seedDemo: config.seedDemo });
        log(
          result.demoSeeded
            ? 'Demo network seeded.'
            : 'Demo network not seeded (a network already exists or SEED_DEMO=false).',
        );
        break;
      }
      case 'reset': {
        await migrateRollback(db.knex, true);
        await migrateLatest(db.knex);
        await seedSdgFramework(db.knex);
        if (config.seedDemo) {
          const demo = await seedDemoNetwork(db);
          log(
            `Demo network: ${demo.cities} cities, ${demo.indicators} indicators, ${demo.observations} observations.`,
          );
        }
        log('Database reset.');
        break;
      }
      default:
        log(USAGE);
        process.exitCode = command === undefined || command === '--help' ? 0 : 1;
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
