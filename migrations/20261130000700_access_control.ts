import type { Knex } from 'knex';

/**
 * Access control after the attack round (issue 13):
 * - api_tokens: personal access tokens for scripts (only a SHA-256 stored);
 * - network_invitations: a coordinator invites a city, its editor accepts;
 *   only then does it become a member (network_members);
 * - second_factors, recovery_codes, second_factor_challenges: TOTP for
 *   administrators and coordinators;
 * - health_probe: one row the health check writes, so a full disk shows;
 * - network_members.published_version: bumped only by what the public sees
 *   (approved values, ambitions), so visitors' cache keys and ETags do not
 *   move while members edit drafts;
 * - public labels: history and values name people by display name, never
 *   by email; existing labels are rewritten.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('api_tokens', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('name').notNullable();
    // SHA-256 of the token, hex.
    t.text('token_hash').notNullable().unique();
    // The first characters of the token, to recognise it in a list.
    t.text('prefix').notNullable();
    t.boolean('read_only').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('last_used_at', { useTz: true });
    t.text('last_used_ip');
    t.timestamp('revoked_at', { useTz: true });
    t.index(['user_id']);
  });
  await knex.raw(`
    alter table api_tokens
      add constraint api_tokens_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
      add constraint api_tokens_name_length check (length(name) between 1 and 100)`);

  await knex.schema.createTable('network_invitations', (t) => {
    t.integer('network_id').notNullable().references('id').inTable('networks').onDelete('CASCADE');
    t.integer('city_id').notNullable().references('id').inTable('cities').onDelete('CASCADE');
    t.text('role').notNullable();
    t.integer('invited_by');
    t.text('invited_by_label').notNullable();
    t.timestamp('invited_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['network_id', 'city_id']);
    t.index(['city_id']);
  });
  await knex.raw(`
    alter table network_invitations
      add constraint network_invitations_role check (role in ('lead_partner', 'partner'))`);

  await knex.schema.createTable('second_factors', (t) => {
    t.integer('user_id').primary().references('id').inTable('users').onDelete('CASCADE');
    // Base32 TOTP secret (RFC 6238, SHA-1, 6 digits, 30 s).
    t.text('secret').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // Null until the user has typed one code from the new secret.
    t.timestamp('confirmed_at', { useTz: true });
    // The last time step accepted: a code is never accepted twice.
    t.bigInteger('last_time_step');
  });
  await knex.schema.createTable('recovery_codes', (t) => {
    t.increments('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('code_hash').notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['user_id']);
  });
  await knex.schema.createTable('second_factor_challenges', (t) => {
    // SHA-256 of the challenge token handed out after a correct password.
    t.text('id').primary();
    t.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('ip');
    t.text('user_agent');
  });

  await knex.schema.createTable('health_probe', (t) => {
    t.integer('id').primary();
    t.timestamp('checked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`alter table health_probe add constraint health_probe_one_row check (id = 1)`);
  await knex('health_probe').insert({ id: 1 });

  // Throttling keys are now per (account, address) and per address, so
  // nobody can lock someone else's account from their own address.
  await knex('login_throttle').where('key', 'like', 'account:%').delete();

  await knex.schema.alterTable('network_members', (t) => {
    t.bigInteger('published_version').notNullable().defaultTo(0);
  });
  await knex.raw(`
    create function bump_published_version() returns trigger language plpgsql as $$
    begin
      update network_members m set published_version = m.published_version + 1
        from (select distinct r.city_id, i.network_id from changed_rows r join indicators i on i.id = r.indicator_id) c
       where m.city_id = c.city_id and m.network_id = c.network_id;
      return null;
    end $$`);
  for (const table of ['published_observations', 'ambitions']) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await knex.raw(`
        create trigger bump_published_version_${event} after ${event} on ${table}
          referencing ${event === 'delete' ? 'old' : 'new'} table as changed_rows
          for each statement execute function bump_published_version()`);
    }
  }

  // Display names instead of emails wherever a person is named to others.
  await knex.raw(`
    update audit_events a set actor_label = u.display_name
      from users u where a.actor_user_id = u.id and a.actor_label = u.email`);
  await knex.raw(`
    update imports i set actor_label = u.display_name
      from users u where i.actor_user_id = u.id and i.actor_label = u.email`);
  await knex.raw(`
    update review_comments c set author_label = u.display_name
      from users u where c.author_user_id = u.id and c.author_label = u.email`);
  for (const [table, column] of [
    ['review_periods', 'submitted_by'],
    ['review_periods', 'decided_by'],
    ['published_observations', 'published_by'],
  ] as const) {
    await knex.raw(`
      update ${table} t set ${column} = u.display_name
        from users u where t.${column} = u.email`);
  }
}

export async function down(knex: Knex): Promise<void> {
  // Labels stay display names: which email they were is in users (by id).
  for (const table of ['published_observations', 'ambitions']) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      await knex.raw(`drop trigger if exists bump_published_version_${event} on ${table}`);
    }
  }
  await knex.raw('drop function if exists bump_published_version()');
  await knex.schema.alterTable('network_members', (t) => {
    t.dropColumn('published_version');
  });
  await knex.schema.dropTable('health_probe');
  await knex.schema.dropTable('second_factor_challenges');
  await knex.schema.dropTable('recovery_codes');
  await knex.schema.dropTable('second_factors');
  await knex.schema.dropTable('network_invitations');
  await knex.schema.dropTable('api_tokens');
}
