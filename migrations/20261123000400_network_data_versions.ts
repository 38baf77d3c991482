import type { Knex } from 'knex';

/**
 * networks.data_version counts changes to anything a network's scores and
 * progress depend on: its indicators and their SDG links, its members, their
 * values and ambitions, and the cities' own details. Servers cache computed
 * results per (network, data_version): a write bumps the version in its own
 * transaction, so the very next read, on any server instance, recomputes.
 * The triggers run once per statement, so a million-row import bumps once.
 */

function networksOf(rows: string, via: 'indicator' | 'city' | 'network'): string {
  if (via === 'network') return `select distinct network_id from ${rows}`;
  if (via === 'indicator')
    return `select distinct i.network_id from ${rows} r join indicators i on i.id = r.indicator_id`;
  return `select distinct m.network_id from ${rows} r join network_members m on m.city_id = r.id`;
}

const SOURCES: ReadonlyArray<{ table: string; via: 'indicator' | 'city' | 'network' }> = [
  { table: 'observations', via: 'indicator' },
  { table: 'ambitions', via: 'indicator' },
  { table: 'indicator_sdg_links', via: 'indicator' },
  { table: 'indicators', via: 'network' },
  { table: 'network_members', via: 'network' },
  { table: 'cities', via: 'city' },
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('networks', (t) => {
    t.bigInteger('data_version').notNullable().defaultTo(0);
  });
  for (const { table, via } of SOURCES) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      if (table === 'cities' && event !== 'update') continue; // a new city belongs to no network yet; deleting one cascades
      const rows = event === 'delete' ? 'old_rows' : 'new_rows';
      const fn = `bump_versions_${table}_${event}`;
      await knex.raw(`
        create function ${fn}() returns trigger language plpgsql as $$
        begin
          update networks set data_version = data_version + 1 where id in (${networksOf(rows, via)});
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
  for (const { table } of SOURCES) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      if (table === 'cities' && event !== 'update') continue;
      const fn = `bump_versions_${table}_${event}`;
      await knex.raw(`drop trigger if exists ${fn} on ${table}`);
      await knex.raw(`drop function if exists ${fn}()`);
    }
  }
  await knex.schema.alterTable('networks', (t) => {
    t.dropColumn('data_version');
  });
}
