import type { Knex } from 'knex';

/**
 * Ambitions go through review like values (issue 17, item 10): `ambitions`
 * is the city's working copy, which members see (marked "not yet approved"
 * where it differs); `published_ambitions` is what everyone else sees,
 * copied from the working copy when a coordinator approves one of the
 * city's years in the network (or when reference data is approved at once).
 * The public's version (network_members.published_version) now follows the
 * published copy, not the working one. Existing ambitions were public
 * already, so they start published.
 */
const EVENTS = ['insert', 'update', 'delete'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('published_ambitions', (t) => {
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.integer('indicator_id')
      .notNullable()
      .references('id')
      .inTable('indicators')
      .onDelete('CASCADE');
    t.smallint('baseline_year').notNullable();
    t.double('baseline_value').notNullable();
    t.smallint('target_year').notNullable();
    t.double('target_value').notNullable();
    t.text('note');
    t.integer('version').notNullable();
    t.integer('updated_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('published_by');
    t.primary(['city_id', 'indicator_id']);
    t.index(['indicator_id']);
  });
  await knex.raw(`
    insert into published_ambitions
      (city_id, indicator_id, baseline_year, baseline_value, target_year, target_value, note,
       version, updated_by, created_at, updated_at, published_by)
    select city_id, indicator_id, baseline_year, baseline_value, target_year, target_value, note,
           version, updated_by, created_at, updated_at, 'system'
      from ambitions`);
  for (const event of EVENTS) {
    await knex.raw(`drop trigger if exists bump_published_version_${event} on ambitions`);
    await knex.raw(`
      create trigger bump_published_version_${event} after ${event} on published_ambitions
        referencing ${event === 'delete' ? 'old' : 'new'} table as changed_rows
        for each statement execute function bump_published_version()`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const event of EVENTS) {
    await knex.raw(`drop trigger if exists bump_published_version_${event} on published_ambitions`);
    await knex.raw(`
      create trigger bump_published_version_${event} after ${event} on ambitions
        referencing ${event === 'delete' ? 'old' : 'new'} table as changed_rows
        for each statement execute function bump_published_version()`);
  }
  await knex.schema.dropTableIfExists('published_ambitions');
}
