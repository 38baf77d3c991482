import type { Knex } from 'knex';
import type { Database } from './database';
import { seedDemoAccounts } from '../../../seeds/demo-accounts';
import { DEMO_NETWORK, seedDemoNetwork } from '../../../seeds/demo-network';
import { seedSdgFramework } from '../../../seeds/sdg-framework';
import { migrateLatest } from './migrate';

export interface BootstrapResult {
  migrationsApplied: string[];
  frameworkSeeded: boolean;
  demoSeeded: boolean;
  demoAccountsCreated: number;
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
  db: Pick<Database, 'knex' | 'kind'>,
  options: { seedDemo: boolean; demoAccounts?: boolean },
): Promise<BootstrapResult> {
  const knex = db.knex;
  const migrationsApplied = await migrateLatest(knex);
  let frameworkSeeded = false;
  if ((await countRows(knex, 'sdg_goals')) === 0) {
    await seedSdgFramework(knex);
    frameworkSeeded = true;
  }
  let demoSeeded = false;
  if (options.seedDemo && (await countRows(knex, 'networks')) === 0) {
    await seedDemoNetwork(db);
    demoSeeded = true;
  }
  // Demo accounts only on a fresh installation (no account yet) that has the demo network.
  let demoAccountsCreated = 0;
  if (options.demoAccounts === true && (await countRows(knex, 'users')) === 0) {
    demoAccountsCreated = await seedDemoAccounts(knex, DEMO_NETWORK.slug);
  }
  return { migrationsApplied, frameworkSeeded, demoSeeded, demoAccountsCreated };
}
