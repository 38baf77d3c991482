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
}
