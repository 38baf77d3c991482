import type { Knex } from 'knex';

/**
 * Data versions for caching computed results (scores, progress). A write
 * bumps a version in its own transaction, so the very next read, on any
 * server instance, sees a new cache key and recomputes.
 *
 * - network_members.data_version: a city's values and ambitions in a
 *   network. One row per city, so editors of different cities never wait
 *   for each other.
 * - networks.data_version: the catalogue (indicators, SDG links, members)
 *   and the cities' own details.
 *
 * A network's results are keyed on networks.data_version plus the sum of
 * its members' versions; a city's on its own member rows. The triggers run
 * once per statement, so a million-row import bumps each version once.
 */

type Target = 'member' | 'network';

const SOURCES: ReadonlyArray<{
  table: string;
  target: Target;
  events: ReadonlyArray<'insert' | 'update' | 'delete'>;
}> = [
  { table: 'observations', target: 'member', events: ['insert', 'update', 'delete'] },
  { table: 'ambitions', target: 'member', events: ['insert', 'update', 'delete'] },
  { table: 'indicator_sdg_links', target: 'network', events: ['insert', 'update', 'delete'] },
  { table: 'indicators', target: 'network', events: ['insert', 'update', 'delete'] },
  { table: 'network_members', target: 'network', events: ['insert', 'delete'] },
  { table: 'cities', target: 'network', events: ['update'] },
];

function bumpSql(table: string, target: Target, rows: string): string {
  if (target === 'member') {
    return `update network_members m set data_version = m.data_version + 1
              from (select distinct r.city_id, i.network_id from ${rows} r join indicators i on i.id = r.indicator_id) c
             where m.city_id = c.city_id and m.network_id = c.network_id`;
  }
  const networks =
    table === 'indicator_sdg_links'
      ? `select distinct i.network_id from ${rows} r join indicators i on i.id = r.indicator_id`
      : table === 'cities'
        ? `select distinct m.network_id from ${rows} r join network_members m on m.city_id = r.id`
        : `select distinct network_id from ${rows}`;
  return `update networks set data_version = data_version + 1 where id in (${networks})`;
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('networks', (t) => {
    t.bigInteger('data_version').notNullable().defaultTo(0);
  });
  await knex.schema.alterTable('network_members', (t) => {
    t.bigInteger('data_version').notNullable().defaultTo(0);
  });
  for (const { table, target, events } of SOURCES) {
    for (const event of events) {
      const rows = event === 'delete' ? 'old_rows' : 'new_rows';
      const fn = `bump_versions_${table}_${event}`;
      await knex.raw(`
        create function ${fn}() returns trigger language plpgsql as $$
        begin
          ${bumpSql(table, target, rows)};
          return null;
        end $$`);
      await knex.raw(`
        create trigger ${fn} after ${event} on ${table}
          referencing ${event === 'delete' ? 'old' : 'new'} table as ${rows}
          for each statement execute function ${fn}()`);
    }
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const { table, events } of SOURCES) {
    for (const event of events) {
      const fn = `bump_versions_${table}_${event}`;
      await knex.raw(`drop trigger if exists ${fn} on ${table}`);
      await knex.raw(`drop function if exists ${fn}()`);
    }
  }
  await knex.schema.alterTable('network_members', (t) => {
    t.dropColumn('data_version');
  });
  await knex.schema.alterTable('networks', (t) => {
    t.dropColumn('data_version');
  });
}
