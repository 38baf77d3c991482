import type { Knex } from 'knex';

/**
 * The one place where tests move stored clocks instead of waiting: session
 * idle and absolute expiry, sign-in lock-outs and API-token expiry are
 * decided from timestamps in the database, so a test that needs "31 minutes
 * later" sets those timestamps in the past. Everything else a test writes
 * goes through the API, the services or BulkLoadRepository (the lint rule in
 * eslint.config.js lists this file as its only exception among test helpers).
 */

/** Makes a session look idle since `idleMs` ago. */
export async function idleSession(knex: Knex, sessionId: string, idleMs: number): Promise<void> {
  await knex('sessions')
    .where({ id: sessionId })
    .update({ last_seen_at: new Date(Date.now() - idleMs) });
}

/** Makes a session's absolute lifetime end a second ago. */
export async function expireSession(knex: Knex, sessionId: string): Promise<void> {
  await knex('sessions')
    .where({ id: sessionId })
    .update({ expires_at: new Date(Date.now() - 1000) });
}

/** Ends the sign-in lock-out of a throttle key (as if its delay had passed). */
export async function endLoginBlock(knex: Knex, key: string): Promise<void> {
  await knex('login_throttle')
    .where({ key })
    .update({ blocked_until: new Date(Date.now() - 1000) });
}

/** Makes the API token named `name` expire a second ago. */
export async function expireApiToken(knex: Knex, name: string): Promise<void> {
  await knex('api_tokens')
    .where({ name })
    .update({ expires_at: new Date(Date.now() - 1000) });
}
