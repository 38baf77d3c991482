import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database';
import { preparedQuery, toKnexPlaceholders } from '../../../server/src/db/prepared';
import { buildNetwork } from '../../factories/factories';
import { createTestDatabase } from '../../helpers/test-db';

/**
 * The seam under the hot cache-key reads (server/src/db/prepared.ts): the
 * same answers as a plain query on this run's database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL, where it is a named prepared
 * statement), and inside a transaction it sees the transaction's own writes.
 */
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await buildNetwork(db.knex, { slug: 'prep-a', name: 'A' });
  await buildNetwork(db.knex, { slug: 'prep-b', name: 'B' });
});

afterAll(async () => {
  await db?.close();
});

const SQL = 'select slug, name from networks where slug = $1 or name = $2 order by slug';

describe('toKnexPlaceholders', () => {
  it('turns $1…$n into ? in order', () => {
    expect(toKnexPlaceholders(SQL)).toBe(
      'select slug, name from networks where slug = ? or name = ? order by slug',
    );
    expect(toKnexPlaceholders('select 1')).toBe('select 1');
  });

  it('refuses placeholders that knex could not bind by position', () => {
    expect(() => toKnexPlaceholders('select $2, $1')).toThrow(/\$2 out of order/);
    expect(() => toKnexPlaceholders('select $1, $1')).toThrow(/\$1 out of order/);
  });
});

describe(`preparedQuery on ${process.env.TEST_DATABASE_URL === undefined ? 'PGlite' : 'PostgreSQL'}`, () => {
  it('answers like a plain query, again and again under one name with other values', async () => {
    for (const [slug, name] of [
      ['prep-a', 'B'],
      ['prep-b', 'nothing'],
      ['none', 'none'],
    ] as const) {
      const rows = await preparedQuery(db.knex, db.kind, 'sdgcm_test_prepared', SQL, [slug, name]);
      const plain = (await db
        .knex('networks')
        .where({ slug })
        .orWhere({ name })
        .orderBy('slug')
        .select('slug', 'name')) as Array<Record<string, unknown>>;
      expect(rows).toEqual(plain);
    }
  });

  it('inside a transaction, runs on the transaction and sees its uncommitted writes', async () => {
    await db.knex
      .transaction(async (trx) => {
        await trx('networks').insert({ slug: 'prep-new', name: 'New', data_kind: 'reported' });
        const rows = await preparedQuery(trx, db.kind, 'sdgcm_test_prepared', SQL, [
          'prep-new',
          'x',
        ]);
        expect(rows).toEqual([{ slug: 'prep-new', name: 'New' }]);
        throw new Error('roll back');
      })
      .catch((err: Error) => expect(err.message).toBe('roll back'));
    expect(
      await preparedQuery(db.knex, db.kind, 'sdgcm_test_prepared', SQL, ['prep-new', 'x']),
    ).toEqual([]);
  });
});
