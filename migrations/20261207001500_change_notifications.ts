import type { Knex } from 'knex';

/**
 * Every instance keeps access facts and data versions in memory
 * (server/src/db/read-memo.ts) and forgets them when anything changes. A
 * change made through another instance, the command line or psql is heard
 * through `NOTIFY sdgcm_changed`, sent by these statement-level triggers on
 * the tables those facts and versions live in. Data writes reach them too:
 * every change of values, ambitions, reviews or actions bumps the data
 * versions in network_members (earlier migrations' triggers). PostgreSQL
 * delivers the notification after the writer's commit, once per transaction.
 */
const TABLES = ['networks', 'cities', 'network_members', 'indicators'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function sdgcm_notify_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('sdgcm_changed', '');
      return null;
    end $$`);
  for (const table of TABLES)
    await knex.raw(`
      create trigger ${table}_notify_changed
        after insert or update or delete or truncate on ${table}
        for each statement execute function sdgcm_notify_changed()`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of TABLES)
    await knex.raw(`drop trigger if exists ${table}_notify_changed on ${table}`);
  await knex.raw('drop function if exists sdgcm_notify_changed()');
}
