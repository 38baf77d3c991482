import type { Knex } from 'knex';

/**
 * Bulk imports: one row per committed import (who, when, what it changed),
 * referenced by the audit events of the observations it wrote.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imports', (t) => {
    t.bigIncrements('id').primary();
    t.integer('actor_user_id').references('id').inTable('users').onDelete('SET NULL');
    t.text('actor_label').notNullable();
    t.text('format').notNullable();
    t.text('file_name');
    t.integer('rows_read').notNullable();
    t.integer('inserted').notNullable();
    t.integer('updated').notNullable();
    t.integer('unchanged').notNullable();
    t.integer('skipped').notNullable().defaultTo(0);
    t.integer('flagged').notNullable().defaultTo(0);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    alter table imports
      add constraint imports_format check (format in ('long', 'opensdg')),
      add constraint imports_counts check (
        rows_read >= 0 and inserted >= 0 and updated >= 0 and unchanged >= 0 and skipped >= 0 and flagged >= 0)`);
  await knex.schema.alterTable('audit_events', (t) => {
    t.bigInteger('import_id');
  });
  // Values an import created: their creation is recorded once, by the import
  // (who, when), instead of one audit row per value.
  await knex.schema.alterTable('observations', (t) => {
    t.bigInteger('created_import_id');
  });
  // History of one observation is read by (city, indicator, year).
  await knex.raw(
    `create index audit_events_observation on audit_events (city_id, indicator_id, year, id)
       where entity_type = 'observation'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists audit_events_observation');
  await knex.schema.alterTable('observations', (t) => {
    t.dropColumn('created_import_id');
  });
  await knex.schema.alterTable('audit_events', (t) => {
    t.dropColumn('import_id');
  });
  await knex.schema.dropTable('imports');
}
