import type { Knex } from 'knex';

/**
 * District boundaries (issue 15): one GeoJSON FeatureCollection per city,
 * checked and simplified on upload, whose features carry the area codes of
 * the city's district breakdowns (the `geocode` dimension of its series).
 * Stored as the browser gets it (`geojson`: features with `code` and `name`
 * properties), with what was asked of the upload.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('city_districts', (t) => {
    t.integer('city_id').primary().references('id').inTable('cities').onDelete('CASCADE');
    t.text('code_property').notNullable();
    t.text('name_property');
    t.jsonb('geojson').notNullable();
    t.integer('feature_count').notNullable();
    t.jsonb('bbox').notNullable();
    t.integer('uploaded_bytes').notNullable();
    t.integer('stored_bytes').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('updated_by');
  });
  await knex.raw(`
    alter table city_districts
      add constraint city_districts_feature_count check (feature_count between 1 and 5000),
      add constraint city_districts_code_property check (length(code_property) between 1 and 100)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('city_districts');
}
