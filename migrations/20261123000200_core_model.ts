import type { Knex } from 'knex';

const SLUG_CHECK = `~ '^[a-z0-9]+([_-][a-z0-9]+)*$'`;
// PostgreSQL treats NaN as equal to itself and greater than every number, so
// "strictly between the infinities" excludes NaN and both infinities at once.
const finite = (column: string): string =>
  `(${column} > '-Infinity'::float8 and ${column} < 'Infinity'::float8)`;
const finiteOrNull = (column: string): string => `(${column} is null or ${finite(column)})`;

/**
 * Networks, cities, the indicator catalogue, ambitions and observations, plus
 * the users and audit trail every write refers to. Invariants live here as
 * constraints so that no code path (or psql session) can store nonsense.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary();
    t.text('email').notNullable();
    t.text('display_name').notNullable();
    t.text('password_hash');
    t.boolean('is_disabled').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`create unique index users_email_lower_unique on users (lower(email))`);
  await knex.raw(`
    alter table users
      add constraint users_email_format check (email ~ '^[^@\\s]+@[^@\\s]+$' and length(email) <= 254),
      add constraint users_display_name_length check (length(display_name) between 1 and 200)`);

  await knex.schema.createTable('networks', (t) => {
    t.increments('id').primary();
    t.text('slug').notNullable().unique();
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.boolean('is_public').notNullable().defaultTo(true);
    // synthetic: generated demo values; published: a published source; reported: cities' own figures.
    t.text('data_kind').notNullable().defaultTo('reported');
    t.text('citation');
    t.text('licence');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    alter table networks
      add constraint networks_slug_format check (slug ${SLUG_CHECK} and length(slug) <= 64),
      add constraint networks_name_length check (length(name) between 1 and 200),
      add constraint networks_description_length check (length(description) <= 5000),
      add constraint networks_data_kind check (data_kind in ('synthetic', 'published', 'reported'))`);

  await knex.schema.createTable('cities', (t) => {
    t.increments('id').primary();
    t.text('slug').notNullable().unique();
    t.text('name').notNullable();
    t.specificType('country_code', 'char(2)').notNullable();
    t.integer('population');
    t.double('latitude');
    t.double('longitude');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    alter table cities
      add constraint cities_slug_format check (slug ${SLUG_CHECK} and length(slug) <= 64),
      add constraint cities_name_length check (length(name) between 1 and 200),
      add constraint cities_country_code_format check (country_code ~ '^[A-Z]{2}$'),
      add constraint cities_population_range check (population is null or population >= 0),
      add constraint cities_latitude_range check (latitude is null or latitude between -90 and 90),
      add constraint cities_longitude_range check (longitude is null or longitude between -180 and 180)`);

  await knex.schema.createTable('network_members', (t) => {
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.text('role').notNullable().defaultTo('partner');
    t.timestamp('joined_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['network_id', 'city_id']);
    t.index(['city_id']);
  });
  await knex.raw(`
    alter table network_members
      add constraint network_members_role check (role in ('lead_partner', 'partner'))`);

  await knex.schema.createTable('indicators', (t) => {
    t.increments('id').primary();
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.text('slug').notNullable().unique();
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('unit').notNullable();
    t.text('direction').notNullable();
    t.smallint('decimals').notNullable().defaultTo(1);
    t.text('trend_type').notNullable().defaultTo('auto');
    t.double('best_bound');
    t.double('worst_bound');
    t.double('green_threshold');
    t.double('yellow_threshold');
    t.double('orange_threshold');
    t.double('allowed_min');
    t.double('allowed_max');
    t.double('max_change');
    t.text('source');
    // Names, descriptions and units in other languages: {"fr": {"name": ..., "unit": ...}}.
    t.jsonb('translations').notNullable().defaultTo('{}');
    t.integer('sort_order').notNullable().defaultTo(0);
    t.timestamp('archived_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['network_id', 'sort_order']);
  });
  await knex.raw(`
    alter table indicators
      add constraint indicators_slug_format check (slug ${SLUG_CHECK} and length(slug) <= 64),
      add constraint indicators_name_length check (length(name) between 1 and 300),
      add constraint indicators_description_length check (length(description) <= 5000),
      add constraint indicators_unit_length check (length(unit) <= 50),
      add constraint indicators_direction check (direction in ('increase', 'decrease')),
      add constraint indicators_decimals_range check (decimals between 0 and 6),
      add constraint indicators_trend_type check (trend_type in ('auto', 'compound', 'linear')),
      add constraint indicators_numbers_finite check (
        ${finiteOrNull('best_bound')} and ${finiteOrNull('worst_bound')} and
        ${finiteOrNull('green_threshold')} and ${finiteOrNull('yellow_threshold')} and
        ${finiteOrNull('orange_threshold')} and ${finiteOrNull('allowed_min')} and
        ${finiteOrNull('allowed_max')} and ${finiteOrNull('max_change')}),
      add constraint indicators_bounds_pair check ((best_bound is null) = (worst_bound is null)),
      add constraint indicators_bounds_match_direction check (
        best_bound is null
        or (direction = 'increase' and best_bound > worst_bound)
        or (direction = 'decrease' and best_bound < worst_bound)),
      add constraint indicators_thresholds_all_or_none check (
        (green_threshold is null) = (yellow_threshold is null)
        and (yellow_threshold is null) = (orange_threshold is null)),
      add constraint indicators_thresholds_ordered check (
        green_threshold is null
        or (direction = 'increase' and green_threshold >= yellow_threshold and yellow_threshold >= orange_threshold)
        or (direction = 'decrease' and green_threshold <= yellow_threshold and yellow_threshold <= orange_threshold)),
      add constraint indicators_allowed_range check (
        allowed_min is null or allowed_max is null or allowed_min <= allowed_max),
      add constraint indicators_max_change_positive check (max_change is null or max_change > 0),
      add constraint indicators_source_length check (source is null or length(source) <= 500)`);

  await knex.schema.createTable('indicator_sdg_links', (t) => {
    t.increments('id').primary();
    t.integer('indicator_id')
      .notNullable()
      .references('id')
      .inTable('indicators')
      .onDelete('CASCADE');
    t.text('sdg_target').notNullable().references('code').inTable('sdg_targets');
    t.text('sdg_indicator');
    t.index(['sdg_target']);
    t.index(['sdg_indicator']);
  });
  // An SDG indicator link must name the indicator's own target (MATCH SIMPLE: a
  // link to a target alone leaves sdg_indicator null and skips the check).
  await knex.raw(`
    alter table indicator_sdg_links
      add constraint indicator_sdg_links_indicator_of_target
        foreign key (sdg_indicator, sdg_target) references sdg_indicators (code, target)`);
  await knex.raw(`
    create unique index indicator_sdg_links_unique
      on indicator_sdg_links (indicator_id, sdg_target, coalesce(sdg_indicator, ''))`);

  await knex.schema.createTable('ambitions', (t) => {
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
    t.integer('version').notNullable().defaultTo(1);
    t.integer('updated_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['city_id', 'indicator_id']);
    t.index(['indicator_id']);
  });
  await knex.raw(`
    alter table ambitions
      add constraint ambitions_years_range check (
        baseline_year between 1950 and 2100 and target_year between 1950 and 2100),
      add constraint ambitions_target_after_baseline check (target_year > baseline_year),
      add constraint ambitions_values_finite check (${finite('baseline_value')} and ${finite('target_value')}),
      add constraint ambitions_note_length check (note is null or length(note) <= 2000)`);

  await knex.schema.createTable('observations', (t) => {
    // References are checked per statement by the triggers below, not per row:
    // see observations_check_references().
    t.integer('city_id').notNullable();
    t.integer('indicator_id').notNullable();
    t.smallint('year').notNullable();
    // double precision: every value the API accepts is an IEEE-754 double in
    // JavaScript, and PostgreSQL 12+ prints float8 in shortest round-trip form,
    // so a value written comes back bit-for-bit identical (see docs/architecture.md).
    t.double('value').notNullable();
    t.text('status').notNullable().defaultTo('final');
    t.text('source');
    t.text('note');
    // Plausibility flag raised on entry, e.g. {"kind": "jump", "message": ..., "robustZ": 5.1}.
    t.jsonb('flag');
    t.integer('version').notNullable().defaultTo(1);
    // Users are disabled, never deleted, so these need no foreign key (which
    // would cost a lookup per imported row).
    t.integer('created_by');
    t.integer('updated_by');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['city_id', 'indicator_id', 'year'], { constraintName: 'observations_pkey' });
  });
  // The primary key doubles as the index for "latest value per city and
  // indicator" (a backward scan); the second serves "one indicator across cities".
  await knex.raw(`
    alter table observations
      add constraint observations_year_range check (year between 1950 and 2100),
      add constraint observations_value_finite check (${finite('value')}),
      add constraint observations_status check (status in ('provisional', 'final')),
      add constraint observations_source_length check (source is null or length(source) <= 500),
      add constraint observations_note_length check (note is null or length(note) <= 2000),
      add constraint observations_version_positive check (version >= 1)`);
  await knex.raw(
    `create index observations_indicator_year_city on observations (indicator_id, year, city_id)`,
  );

  // Referential integrity for observations, checked once per statement. A
  // row-level foreign key costs two index lookups and two row locks per row
  // (two thirds of the time of a bulk import); this does the same work as one
  // join per statement: lock the referenced cities and indicators like a
  // foreign key would (FOR KEY SHARE, so they cannot be deleted before commit),
  // then refuse the statement if any row refers to one that does not exist.
  await knex.raw(`
    create function observations_check_references() returns trigger language plpgsql as $$
    declare
      wanted integer;
      found integer;
    begin
      -- One pass over the new rows per referenced table: lock what exists, count what is missing.
      with refs as (select distinct city_id as id from new_rows),
           locked as (select c.id from cities c join refs r on r.id = c.id for key share of c)
      select (select count(*) from refs), (select count(*) from locked) into wanted, found;
      if found < wanted then
        raise exception using errcode = '23503', constraint = 'observations_city_id_fkey',
          message = 'insert or update on table "observations" violates foreign key constraint "observations_city_id_fkey"';
      end if;
      with refs as (select distinct indicator_id as id from new_rows),
           locked as (select i.id from indicators i join refs r on r.id = i.id for key share of i)
      select (select count(*) from refs), (select count(*) from locked) into wanted, found;
      if found < wanted then
        raise exception using errcode = '23503', constraint = 'observations_indicator_id_fkey',
          message = 'insert or update on table "observations" violates foreign key constraint "observations_indicator_id_fkey"';
      end if;
      return null;
    end $$`);
  await knex.raw(`
    create trigger observations_references_on_insert after insert on observations
      referencing new table as new_rows for each statement execute function observations_check_references()`);
  await knex.raw(`
    create function observations_keep_identity() returns trigger language plpgsql as $$
    begin
      raise exception using errcode = '23503', constraint = 'observations_pkey',
        message = 'the city, indicator and year of an observation cannot change; delete it and create another';
    end $$`);
  await knex.raw(`
    create trigger observations_identity_on_update before update on observations for each row
      when (new.city_id is distinct from old.city_id or new.indicator_id is distinct from old.indicator_id)
      execute function observations_keep_identity()`);
  // The referencing side of the "foreign key": a city or indicator with
  // observations cannot be deleted (RESTRICT).
  await knex.raw(`
    create function observations_restrict_delete() returns trigger language plpgsql as $$
    begin
      if (tg_table_name = 'cities' and exists (select 1 from observations where city_id = old.id))
         or (tg_table_name = 'indicators' and exists (select 1 from observations where indicator_id = old.id)) then
        raise exception using errcode = '23001', constraint = 'observations_' || tg_table_name || '_restrict',
          message = 'this ' || tg_table_name || ' row still has observations';
      end if;
      return old;
    end $$`);
  await knex.raw(`
    create trigger cities_restrict_observations before delete on cities for each row
      execute function observations_restrict_delete()`);
  await knex.raw(`
    create trigger indicators_restrict_observations before delete on indicators for each row
      execute function observations_restrict_delete()`);

  await knex.schema.createTable('role_grants', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('role').notNullable();
    t.integer('network_id').references('id').inTable('networks').onDelete('CASCADE');
    t.integer('city_id').references('id').inTable('cities').onDelete('CASCADE');
    t.integer('granted_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('granted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['user_id']);
  });
  await knex.raw(`
    alter table role_grants
      add constraint role_grants_role check (role in ('admin', 'coordinator', 'editor', 'viewer')),
      add constraint role_grants_scope check (
        (role = 'admin' and network_id is null and city_id is null)
        or (role in ('coordinator', 'viewer') and network_id is not null and city_id is null)
        or (role = 'editor' and city_id is not null and network_id is null))`);
  await knex.raw(`
    create unique index role_grants_unique
      on role_grants (user_id, role, coalesce(network_id, 0), coalesce(city_id, 0))`);

  await knex.schema.createTable('audit_events', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // The audit trail holds no foreign keys: it must outlive what it describes.
    t.integer('actor_user_id');
    // Who acted, readable without a join: an email, or "system".
    t.text('actor_label').notNullable();
    t.text('action').notNullable();
    t.text('entity_type').notNullable();
    // A readable, stable key such as "espoo/pm25-annual-mean/2020".
    t.text('entity_key').notNullable();
    t.integer('network_id');
    t.integer('city_id');
    t.integer('indicator_id');
    t.smallint('year');
    t.jsonb('before');
    t.jsonb('after');
    t.text('comment');
    t.index(['entity_type', 'entity_key', 'id']);
  });
  await knex.raw(
    `create index audit_events_city on audit_events (city_id, id desc) where city_id is not null`,
  );
  await knex.raw(
    `create index audit_events_network on audit_events (network_id, id desc) where network_id is not null`,
  );
  await knex.raw(`
    alter table audit_events
      add constraint audit_events_action_format check (action ~ '^[a-z_.]+$')`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_events');
  await knex.schema.dropTable('role_grants');
  await knex.schema.dropTable('observations');
  await knex.raw('drop trigger if exists cities_restrict_observations on cities');
  await knex.raw('drop trigger if exists indicators_restrict_observations on indicators');
  await knex.raw('drop function if exists observations_check_references()');
  await knex.raw('drop function if exists observations_keep_identity()');
  await knex.raw('drop function if exists observations_restrict_delete()');
  await knex.schema.dropTable('ambitions');
  await knex.schema.dropTable('indicator_sdg_links');
  await knex.schema.dropTable('indicators');
  await knex.schema.dropTable('network_members');
  await knex.schema.dropTable('cities');
  await knex.schema.dropTable('networks');
  await knex.schema.dropTable('users');
}
