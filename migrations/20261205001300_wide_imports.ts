import type { Knex } from 'knex';

/** Imports of the wide format (the workspace's template: one column per year) are recorded as such. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table imports drop constraint imports_format`);
  await knex.raw(`
    alter table imports add constraint imports_format
      check (format in ('long', 'wide', 'opensdg', 'opensdg-repository', 'eurostat-tsv', 'eurostat-sdmx'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex('imports').where('format', 'wide').update({ format: 'long' });
  await knex.raw(`alter table imports drop constraint imports_format`);
  await knex.raw(`
    alter table imports add constraint imports_format
      check (format in ('long', 'opensdg', 'opensdg-repository', 'eurostat-tsv', 'eurostat-sdmx'))`);
}
