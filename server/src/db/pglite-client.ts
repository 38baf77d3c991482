import ClientPgLite from 'knex-pglite';

interface PgLiteResponse {
  affectedRows?: number;
  [key: string]: unknown;
}

interface QueryObject {
  method?: string;
  response: PgLiteResponse;
  [key: string]: unknown;
}

type ProcessResponse = (this: unknown, obj: unknown, runner: unknown) => unknown;

const COMMAND_BY_METHOD: Readonly<Record<string, string>> = {
  first: 'SELECT',
  pluck: 'SELECT',
  del: 'DELETE',
  update: 'UPDATE',
  increment: 'UPDATE',
  decrement: 'UPDATE',
};

// knex's own PostgreSQL dialect, the class knex-pglite extends.
const pgDialectPrototype = Object.getPrototypeOf(ClientPgLite.prototype) as {
  processResponse: ProcessResponse;
};

/**
 * knex-pglite labels each response with the knex method name ("DEL"), so the
 * PostgreSQL dialect does not recognise deletes and updates and returns the
 * raw result instead of a row count. This subclass reports the command
 * PostgreSQL itself would, so `.del()` and `.update()` return counts exactly
 * as they do on node-postgres.
 */
export class PgLiteClient extends ClientPgLite {
  processResponse(obj: QueryObject, runner: unknown): unknown {
    const method = obj.method ?? '';
    const command = COMMAND_BY_METHOD[method] ?? method.toUpperCase();
    const response = { ...obj.response, rowCount: obj.response.affectedRows, command };
    return pgDialectPrototype.processResponse.call(this, { ...obj, response }, runner);
  }
}
