import { ConfigError, loadConfig } from '../config';
import { migrateLatest } from '../db/migrate';
import { describeDatabase, openConfiguredDatabase } from '../db/open';
import { seedSdgFramework } from '../../../seeds/sdg-framework';
import { importSdsnUsCities2019, SDSN_NETWORK } from '../../../seeds/sdsn-us-cities-2019';

/** `npm run import:sdsn-us-cities-2019`: loads the published SDSN table as a network. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    process.stdout.write(`Database: ${describeDatabase(config)}\n`);
    await migrateLatest(db.knex);
    const goals = (await db.knex('sdg_goals').count('* as c')) as Array<{ c: number | string }>;
    if (Number(goals[0]?.c ?? 0) === 0) await seedSdgFramework(db.knex);
    const counts = await importSdsnUsCities2019(db.knex);
    process.stdout.write(
      `Network "${SDSN_NETWORK.slug}": ${counts.cities} cities, ${counts.indicators} indicators, ${counts.observations} values.\n` +
        `Scores: GET /api/v1/networks/${SDSN_NETWORK.slug}/scores\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
