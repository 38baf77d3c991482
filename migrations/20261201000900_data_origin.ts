import type { Knex } from 'knex';

/**
 * Where figures come from, per indicator (issue 14): a network may hold real
 * figures for some indicators and synthetic ones for others (the demo network
 * has Eurostat's values where Eurostat has them). `networks.data_kind` gains
 * 'mixed'; `indicators.synthetic` marks the indicators whose values are
 * synthetic, so that every page can say so next to them.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table networks drop constraint networks_data_kind`);
  await knex.raw(`
    alter table networks add constraint networks_data_kind
      check (data_kind in ('synthetic', 'published', 'reported', 'mixed'))`);
  await knex.schema.alterTable('indicators', (t) => {
    t.boolean('synthetic').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('indicators', (t) => {
    t.dropColumn('synthetic');
  });
  await knex('networks').where({ data_kind: 'mixed' }).update({ data_kind: 'synthetic' });
  await knex.raw(`alter table networks drop constraint networks_data_kind`);
  await knex.raw(`
    alter table networks add constraint networks_data_kind
      check (data_kind in ('synthetic', 'published', 'reported'))`);
}
