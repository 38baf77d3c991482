import type { Knex } from 'knex';

/**
 * The review workflow: a city's figures for one network and year go from
 * draft → submitted → (returned → submitted …) → approved, and an approved
 * year can be reopened by a coordinator.
 *
 * - review_periods: one row per (network, city, year) that has left the
 *   default "draft" state, or that a write has touched (a write takes a
 *   share lock on it so an approval cannot slip between its read and its
 *   commit).
 * - review_comments: coordinators' and editors' comments on a year or on one
 *   value of it.
 * - published_observations: what the public sees. Approving a year copies
 *   its values here; reopening leaves the last approved values public until
 *   the year is approved again. Same columns as observations.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('review_periods', (t) => {
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.smallint('year').notNullable();
    t.text('state').notNullable().defaultTo('draft');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('submitted_at', { useTz: true });
    t.text('submitted_by');
    t.timestamp('decided_at', { useTz: true });
    t.text('decided_by');
    t.timestamp('approved_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['network_id', 'city_id', 'year']);
    t.index(['network_id', 'state']);
    t.index(['city_id']);
  });
  await knex.raw(`
    alter table review_periods
      add constraint review_periods_state check (state in ('draft', 'submitted', 'returned', 'approved')),
      add constraint review_periods_year_range check (year between 1950 and 2100)`);

  await knex.schema.createTable('review_comments', (t) => {
    t.bigIncrements('id').primary();
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.smallint('year').notNullable();
    // null: a comment on the whole year (e.g. the reason for returning it).
    t.integer('indicator_id').references('id').inTable('indicators').onDelete('CASCADE');
    t.integer('author_user_id');
    t.text('author_label').notNullable();
    t.text('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['network_id', 'city_id', 'year']);
  });
  await knex.raw(`
    alter table review_comments
      add constraint review_comments_body_length check (length(body) between 1 and 2000)`);

  await knex.raw(
    `create table published_observations (like observations including defaults including constraints including indexes)`,
  );
  await knex.schema.alterTable('published_observations', (t) => {
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('published_by');
  });

  // Approving changes what the public sees and a review state change what
  // members see (drafts are marked): both bump the city's data version, so
  // cached results are recomputed on every instance.
  await knex.raw(`
    create function bump_versions_published() returns trigger language plpgsql as $$
    begin
      update network_members m set data_version = m.data_version + 1
        from (select distinct r.city_id, i.network_id from changed_rows r join indicators i on i.id = r.indicator_id) c
       where m.city_id = c.city_id and m.network_id = c.network_id;
      return null;
    end $$`);
  for (const event of ['insert', 'delete'] as const) {
    await knex.raw(`
      create trigger bump_versions_published_${event} after ${event} on published_observations
        referencing ${event === 'delete' ? 'old' : 'new'} table as changed_rows
        for each statement execute function bump_versions_published()`);
  }
  await knex.raw(`
    create function bump_versions_review() returns trigger language plpgsql as $$
    begin
      update network_members set data_version = data_version + 1
       where network_id = new.network_id and city_id = new.city_id;
      return null;
    end $$`);
  await knex.raw(`
    create trigger bump_versions_review after insert or update of state on review_periods
      for each row execute function bump_versions_review()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger if exists bump_versions_review on review_periods');
  await knex.raw('drop function if exists bump_versions_review()');
  await knex.schema.dropTableIfExists('published_observations');
  await knex.raw('drop function if exists bump_versions_published()');
  await knex.schema.dropTableIfExists('review_comments');
  await knex.schema.dropTableIfExists('review_periods');
}
