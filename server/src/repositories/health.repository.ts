import type { Knex } from 'knex';

/** Liveness of the database connection. */
export class HealthRepository {
  constructor(private readonly knex: Knex) {}

  /** Round-trips a trivial query; resolves with the server version string. */
  async ping(): Promise<string> {
    const result = (await this.knex.raw('select version() as version')) as {
      rows: Array<{ version: string }>;
    };
    return result.rows[0]?.version ?? 'unknown';
  }

  /** Writes (and commits) one row: fails when the database cannot write, e.g. on a full disk. */
  async probeWrite(): Promise<void> {
    await this.knex('health_probe').where({ id: 1 }).update({ checked_at: this.knex.fn.now() });
  }
}
