import type { Knex } from 'knex';

/**
 * The UN global indicator framework: fixed reference data. Titles are jsonb
 * maps from language code to text (`{"en": "...", "fr": "..."}`), so adding a
 * language is a data change, not a schema change.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sdg_goals', (t) => {
    t.smallint('goal').primary();
    t.text('colour').notNullable();
    t.jsonb('short_titles').notNullable();
    t.jsonb('titles').notNullable();
  });
  await knex.raw(`
    alter table sdg_goals
      add constraint sdg_goals_goal_range check (goal between 1 and 17),
      add constraint sdg_goals_colour_hex check (colour ~ '^#[0-9A-F]{6}$'),
      add constraint sdg_goals_titles_have_en check (titles->>'en' is not null and short_titles->>'en' is not null)`);

  await knex.schema.createTable('sdg_targets', (t) => {
    t.text('code').primary();
    t.smallint('goal').notNullable().references('goal').inTable('sdg_goals');
    t.integer('sort_order').notNullable();
    t.jsonb('titles').notNullable();
    t.text('note');
    t.index(['goal', 'sort_order']);
  });
  await knex.raw(`
    alter table sdg_targets
      add constraint sdg_targets_code_format check (code ~ '^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$'),
      add constraint sdg_targets_titles_have_en check (titles->>'en' is not null)`);

  await knex.schema.createTable('sdg_indicators', (t) => {
    t.text('code').primary();
    t.text('target').notNullable().references('code').inTable('sdg_targets');
    t.smallint('goal').notNullable().references('goal').inTable('sdg_goals');
    t.integer('sort_order').notNullable();
    t.text('unsd_code');
    // Other codes of the same indicator repeated under other targets (1.5.1 = 11.5.1 = 13.1.1).
    t.specificType('repeated_with', 'text[]').notNullable().defaultTo('{}');
    t.jsonb('titles').notNullable();
    // True when the translations still follow the 2020 wording of an English title revised in 2023.
    t.boolean('translation_outdated').notNullable().defaultTo(false);
    t.unique(['code', 'target']);
    t.index(['goal', 'sort_order']);
    t.index(['target']);
  });
  await knex.raw(`
    alter table sdg_indicators
      add constraint sdg_indicators_code_format check (code ~ '^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])\\.[0-9]{1,2}$'),
      add constraint sdg_indicators_titles_have_en check (titles->>'en' is not null)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sdg_indicators');
  await knex.schema.dropTable('sdg_targets');
  await knex.schema.dropTable('sdg_goals');
}
