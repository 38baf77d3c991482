import type { Knex } from 'knex';
import { seedDemoNetwork } from '../../../seeds/demo-network';
import { seedSdgFramework } from '../../../seeds/sdg-framework';
import { migrateLatest } from './migrate';

export interface BootstrapResult {
  migrationsApplied: string[];
  frameworkSeeded: boolean;
  demoSeeded: boolean;
}

async function countRows(knex: Knex, table: string): Promise<number> {
  const row = (await knex(table).count<{ c: number }[]>('* as c').first()) as
    { c: number | string } | undefined;
  return Number(row?.c ?? 0);
}

/**
 * Brings a database to a usable state: pending migrations, the UN framework
 * when it is missing, and the demo network when there is no network at all
 * (so a user's own data is never touched).
 */
export async function bootstrapDatabase(
  knex: Knex,
  options: { seedDemo: boolean },
): Promise<BootstrapResult> {
  const migrationsApplied = await migrateLatest(knex);
  let frameworkSeeded = false;
  if ((await countRows(knex, 'sdg_goals')) === 0) {
    await seedSdgFramework(knex);
    frameworkSeeded = true;
  }
  let demoSeeded = false;
  if (options.seedDemo && (await countRows(knex, 'networks')) === 0) {
    await seedDemoNetwork(knex);
    demoSeeded = true;
  }
  return { migrationsApplied, frameworkSeeded, demoSeeded };
}
