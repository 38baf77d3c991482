import type { Knex } from 'knex';

/**
 * Local action plans (issue 16): a city's actions, linked to SDG targets and
 * to indicators with an expected effect, reviewed like values.
 *
 * - city_actions: the working copy members see. `review_state` goes draft →
 *   submitted → approved (or returned → submitted …); any change to an
 *   approved action makes it a draft again. `published` is the copy the
 *   public sees (jsonb: the action with its targets, effects and status
 *   history as approved), kept until the next approval, like
 *   published_observations for values.
 * - action_targets, action_effects: the working copy's links. An effect is
 *   the signed change in the indicator's value the action should bring by
 *   `effect_year`; `realised` marks one already visible in the data, which
 *   is then no longer added to the projection.
 * - action_status_changes: the status history (planned → in progress → …).
 * - good_practices: actions a network's coordinators hold up to the network.
 *
 * Every change bumps the data version of the city in each of its networks
 * (members' cached results) and a change of what is published bumps the
 * published version (the public's), as values and ambitions do.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('city_actions', (t) => {
    t.increments('id').primary();
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.text('title').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('department');
    t.double('budget_amount');
    t.text('budget_currency');
    t.smallint('start_year').notNullable();
    t.smallint('end_year');
    t.text('status').notNullable().defaultTo('planned');
    t.boolean('synthetic').notNullable().defaultTo(false);
    t.text('review_state').notNullable().defaultTo('draft');
    t.text('review_comment');
    t.jsonb('published');
    t.timestamp('published_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('updated_by');
    t.index(['city_id']);
  });
  await knex.raw(`
    alter table city_actions
      add constraint city_actions_title_length check (length(title) between 1 and 200),
      add constraint city_actions_description_length check (length(description) <= 5000),
      add constraint city_actions_department_length check (department is null or length(department) between 1 and 200),
      add constraint city_actions_budget check (
        (budget_amount is null and budget_currency is null)
        or (budget_amount >= 0 and budget_currency ~ '^[A-Z]{3}$')),
      add constraint city_actions_years check (
        start_year between 1950 and 2100 and (end_year is null or end_year between start_year and 2100)),
      add constraint city_actions_status check (status in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')),
      add constraint city_actions_review_state check (review_state in ('draft', 'submitted', 'returned', 'approved'))`);

  await knex.schema.createTable('action_targets', (t) => {
    t.integer('action_id')
      .notNullable()
      .references('id')
      .inTable('city_actions')
      .onDelete('CASCADE');
    t.text('target_code').notNullable().references('code').inTable('sdg_targets');
    t.primary(['action_id', 'target_code']);
  });

  await knex.schema.createTable('action_effects', (t) => {
    t.integer('action_id')
      .notNullable()
      .references('id')
      .inTable('city_actions')
      .onDelete('CASCADE');
    t.integer('indicator_id')
      .notNullable()
      .references('id')
      .inTable('indicators')
      .onDelete('CASCADE');
    t.double('effect').notNullable();
    t.smallint('effect_year').notNullable();
    t.text('note');
    t.boolean('realised').notNullable().defaultTo(false);
    t.primary(['action_id', 'indicator_id']);
    t.index(['indicator_id']);
  });
  await knex.raw(`
    alter table action_effects
      add constraint action_effects_year check (effect_year between 1950 and 2100),
      add constraint action_effects_note_length check (note is null or length(note) <= 2000)`);

  await knex.schema.createTable('action_status_changes', (t) => {
    t.bigIncrements('id').primary();
    t.integer('action_id')
      .notNullable()
      .references('id')
      .inTable('city_actions')
      .onDelete('CASCADE');
    t.text('status').notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('changed_by');
    t.index(['action_id', 'id']);
  });

  await knex.schema.createTable('good_practices', (t) => {
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.integer('action_id')
      .notNullable()
      .references('id')
      .inTable('city_actions')
      .onDelete('CASCADE');
    t.text('note');
    t.text('marked_by');
    t.timestamp('marked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['network_id', 'action_id']);
  });
  await knex.raw(`
    alter table good_practices
      add constraint good_practices_note_length check (note is null or length(note) <= 2000)`);

  // Members' cached results depend on every action of the city; the public's
  // on what is published (and on the good-practice marks).
  await knex.raw(`
    create function bump_versions_actions() returns trigger language plpgsql as $$
    declare
      changed_city integer;
      public_change boolean;
    begin
      if tg_table_name = 'city_actions' then
        changed_city := coalesce(new.city_id, old.city_id);
        public_change := tg_op <> 'UPDATE' or old.published is distinct from new.published;
        if tg_op = 'INSERT' then public_change := new.published is not null; end if;
        if tg_op = 'DELETE' then public_change := old.published is not null; end if;
      else
        select a.city_id into changed_city from city_actions a
         where a.id = coalesce(new.action_id, old.action_id);
        public_change := tg_table_name = 'good_practices';
      end if;
      if changed_city is not null then
        update network_members
           set data_version = data_version + 1,
               published_version = published_version + (case when public_change then 1 else 0 end)
         where city_id = changed_city;
      end if;
      return null;
    end $$`);
  for (const table of ['city_actions', 'action_targets', 'action_effects', 'good_practices']) {
    await knex.raw(`
      create trigger bump_versions_${table} after insert or update or delete on ${table}
        for each row execute function bump_versions_actions()`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['city_actions', 'action_targets', 'action_effects', 'good_practices'])
    await knex.raw(`drop trigger if exists bump_versions_${table} on ${table}`);
  await knex.raw('drop function if exists bump_versions_actions()');
  await knex.schema.dropTableIfExists('good_practices');
  await knex.schema.dropTableIfExists('action_status_changes');
  await knex.schema.dropTableIfExists('action_effects');
  await knex.schema.dropTableIfExists('action_targets');
  await knex.schema.dropTableIfExists('city_actions');
}
