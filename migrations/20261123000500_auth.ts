import type { Knex } from 'knex';

/**
 * Accounts and sessions. Sessions live in the database so that several
 * server instances behind a load balancer share them; only a hash of the
 * session token is stored, so a copy of the database opens no session.
 * Login throttling is stored here too, for the same reason.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('password_changed_at', { useTz: true });
    t.timestamp('last_sign_in_at', { useTz: true });
  });

  await knex.schema.createTable('sessions', (t) => {
    // SHA-256 of the token in the cookie, hex.
    t.text('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.text('ip');
    t.text('user_agent');
    t.index(['user_id']);
    t.index(['expires_at']);
  });
  await knex.raw(`
    alter table sessions
      add constraint sessions_id_format check (id ~ '^[0-9a-f]{64}$'),
      add constraint sessions_user_agent_length check (user_agent is null or length(user_agent) <= 300)`);

  await knex.schema.createTable('login_throttle', (t) => {
    // "account:<lower-case email>" or "ip:<address>".
    t.text('key').primary();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('last_failure_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('blocked_until', { useTz: true });
  });

  await knex.schema.createTable('user_tokens', (t) => {
    t.text('token_hash').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('purpose').notNullable();
    t.integer('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['user_id']);
  });
  await knex.raw(`
    alter table user_tokens
      add constraint user_tokens_purpose check (purpose in ('invitation'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_tokens');
  await knex.schema.dropTable('login_throttle');
  await knex.schema.dropTable('sessions');
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('password_changed_at');
    t.dropColumn('last_sign_in_at');
  });
}
