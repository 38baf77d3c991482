import type { Knex } from 'knex';

/**
 * Real cities' data (issue 14):
 * - several series per indicator: a value's key becomes (city, indicator,
 *   series, year), where `series` is the canonical JSON of the breakdown's
 *   dimensions (server/src/domain/series.ts) and '' the headline series;
 *   existing values stay the headline series;
 * - statistical flags per value (`value_flags`: e estimated, p provisional,
 *   b break in series, u low reliability, c confidential, d definition differs);
 * - cities' codes in other systems (Eurostat Urban Audit, LAU, NUTS, ONS,
 *   any named scheme), which imports match a file's geography on;
 * - indicators' codes in other systems (`codes`: e.g. {"eurostat":
 *   "urb_percep:PS1012V", "opensdg": "11-6-2"}) and a natural limit.
 */

const VALUE_TABLES = ['observations', 'published_observations'] as const;

async function primaryKeyOf(knex: Knex, table: string): Promise<string | undefined> {
  const result = (await knex.raw(
    `select conname from pg_constraint where conrelid = ?::regclass and contype = 'p'`,
    [table],
  )) as { rows: Array<{ conname: string }> };
  return result.rows[0]?.conname;
}

export async function up(knex: Knex): Promise<void> {
  for (const table of VALUE_TABLES) {
    await knex.schema.alterTable(table, (t) => {
      t.text('series').notNullable().defaultTo('');
      t.text('value_flags').notNullable().defaultTo('');
    });
    await knex.raw(`
      alter table ${table}
        add constraint ${table}_series_format check (series = '' or (left(series, 1) = '{' and length(series) <= 2500)),
        add constraint ${table}_value_flags check (value_flags ~ '^e{0,1}p{0,1}b{0,1}u{0,1}c{0,1}d{0,1}$')`);
    const pk = await primaryKeyOf(knex, table);
    if (pk !== undefined) await knex.raw(`alter table ${table} drop constraint "${pk}"`);
    await knex.raw(
      `alter table ${table} add constraint ${table}_pkey primary key (city_id, indicator_id, series, year)`,
    );
  }
  // The identity of a value (city, indicator, series) never changes: delete and create another.
  await knex.raw('drop trigger if exists observations_identity_on_update on observations');
  await knex.raw(`
    create trigger observations_identity_on_update before update on observations for each row
      when (new.city_id is distinct from old.city_id or new.indicator_id is distinct from old.indicator_id
            or new.series is distinct from old.series)
      execute function observations_keep_identity()`);

  await knex.schema.alterTable('audit_events', (t) => {
    // The series of an observation's event ('' for the headline; null for other entities).
    t.text('series');
  });

  await knex.schema.createTable('city_codes', (t) => {
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.text('scheme').notNullable();
    t.text('code').notNullable();
    t.primary(['scheme', 'code']);
    t.unique(['city_id', 'scheme']);
  });
  await knex.raw(`
    alter table city_codes
      add constraint city_codes_scheme check (scheme ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(scheme) <= 40),
      add constraint city_codes_code check (length(code) between 1 and 64 and code = btrim(code))`);

  await knex.schema.alterTable('indicators', (t) => {
    t.jsonb('codes').notNullable().defaultTo('{}');
    t.double('natural_limit');
  });
  await knex.raw(`
    alter table indicators
      add constraint indicators_codes_object check (jsonb_typeof(codes) = 'object'),
      add constraint indicators_natural_limit_finite check (
        natural_limit is null or natural_limit not in ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`);
  await knex.raw(
    `create index indicators_codes_eurostat on indicators ((codes ->> 'eurostat')) where codes ->> 'eurostat' is not null`,
  );

  await knex.raw(`alter table imports drop constraint imports_format`);
  await knex.raw(`
    alter table imports add constraint imports_format
      check (format in ('long', 'opensdg', 'opensdg-repository', 'eurostat-tsv', 'eurostat-sdmx'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex('imports').whereNotIn('format', ['long', 'opensdg']).update({ format: 'long' });
  await knex.raw(`alter table imports drop constraint imports_format`);
  await knex.raw(
    `alter table imports add constraint imports_format check (format in ('long', 'opensdg'))`,
  );
  await knex.raw('drop index if exists indicators_codes_eurostat');
  await knex.schema.alterTable('indicators', (t) => {
    t.dropColumn('codes');
    t.dropColumn('natural_limit');
  });
  await knex.schema.dropTable('city_codes');
  await knex.schema.alterTable('audit_events', (t) => {
    t.dropColumn('series');
  });
  await knex.raw('drop trigger if exists observations_identity_on_update on observations');
  await knex.raw(`
    create trigger observations_identity_on_update before update on observations for each row
      when (new.city_id is distinct from old.city_id or new.indicator_id is distinct from old.indicator_id)
      execute function observations_keep_identity()`);
  for (const table of VALUE_TABLES) {
    // Only the headline series fits the old key.
    await knex(table).whereNot({ series: '' }).delete();
    await knex.raw(`alter table ${table} drop constraint ${table}_pkey`);
    await knex.raw(
      `alter table ${table} add constraint ${table}_pkey primary key (city_id, indicator_id, year)`,
    );
    await knex.raw(`alter table ${table} drop constraint ${table}_series_format`);
    await knex.raw(`alter table ${table} drop constraint ${table}_value_flags`);
    await knex.schema.alterTable(table, (t) => {
      t.dropColumn('series');
      t.dropColumn('value_flags');
    });
  }
}
