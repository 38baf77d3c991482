import type { Knex } from 'knex';

/**
 * In-app notifications of review steps: one row per person told. A year
 * submitted or withdrawn is told to the network's coordinators; returned,
 * approved or reopened to the city's editors. Written in the step's own
 * transaction, so a step is never taken without its notifications (e-mail,
 * when configured, is sent after the commit).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (t) => {
    t.bigIncrements('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.smallint('year').notNullable();
    t.text('actor_label').notNullable();
    t.text('comment');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('read_at', { useTz: true });
    t.index(['user_id', 'id']);
  });
  await knex.raw(`
    alter table notifications
      add constraint notifications_kind check (kind in ('review.submitted', 'review.withdrawn', 'review.returned', 'review.approved', 'review.reopened'))`);
  // The header's unread count: an index-only lookup per signed-in page.
  await knex.raw(
    `create index notifications_unread on notifications (user_id) where read_at is null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('notifications');
}
