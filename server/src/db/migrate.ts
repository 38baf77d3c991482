import type { Knex } from 'knex';
import { migrationConfig } from './migration-source';

/** Applies every pending migration; returns the names applied. */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

/** Rolls back the last batch, or every migration when `all` is set. */
export async function migrateRollback(knex: Knex, all = false): Promise<string[]> {
  const [, reverted] = (await knex.migrate.rollback(migrationConfig, all)) as [number, string[]];
  return reverted;
}
