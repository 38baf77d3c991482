import type { Knex } from 'knex';
import type { DatabaseKind } from './database';

/** The two pieces of knex's pool client a prepared statement needs (pg only). */
interface PoolClient {
  acquireConnection(): Promise<{
    query(q: {
      name: string;
      text: string;
      values: unknown[];
    }): Promise<{ rows: Array<Record<string, unknown>> }>;
  }>;
  releaseConnection(connection: unknown): Promise<void>;
}

/**
 * Runs a query written with PostgreSQL's `$1, $2…` placeholders as a named
 * prepared statement: on PostgreSQL it is parsed and planned once per
 * connection, not per request (for the cache-key reads every request makes).
 * Inside a transaction, and on PGlite, it runs as a plain knex.raw query with
 * the placeholders turned into knex's `?`, so the text must contain no other
 * `$n` (nor a literal `?`). The one place that reaches under knex's API
 * (its pool client); tests/server/integration/prepared.test.ts holds it to
 * the same answers on both databases and in a transaction.
 */
export async function preparedQuery(
  knex: Knex,
  kind: DatabaseKind,
  name: string,
  text: string,
  values: unknown[],
): Promise<Array<Record<string, unknown>>> {
  const client = knex.client as unknown as PoolClient & { transacting?: boolean };
  if (kind !== 'postgres' || client.transacting === true) {
    const result = (await knex.raw(toKnexPlaceholders(text), values as Knex.RawBinding[])) as {
      rows: Array<Record<string, unknown>>;
    };
    return result.rows;
  }
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name, text, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * `$1 … $n` → `?` in order of appearance. Each placeholder must appear once
 * and in order (knex binds `?` by position); anything else is refused.
 */
export function toKnexPlaceholders(text: string): string {
  let expected = 1;
  const out = text.replace(/\$(\d+)/g, (_, n: string) => {
    if (Number(n) !== expected)
      throw new Error(`prepared query: placeholder $${n} out of order (expected $${expected})`);
    expected++;
    return '?';
  });
  return out;
}
