import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db/database';
import { UnitOfWork } from '../../../server/src/repositories/unit-of-work';
import {
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
} from '../../factories/factories';
import { createTestDatabase } from '../../helpers/test-db';

/**
 * The values network scores read (ProgressRepository.networkPoints): on
 * PostgreSQL outside a transaction a binary COPY, otherwise a plain query;
 * both hand over the same values, within the years asked for, of the
 * network's active indicators and headline series only.
 */
let db: Database;
let networkId: number;
let expected: Array<[number, number, number, number]>;

beforeAll(async () => {
  db = await createTestDatabase();
  const network = await buildNetwork(db.knex);
  const other = await buildNetwork(db.knex);
  const a = await buildCity(db.knex);
  const b = await buildCity(db.knex);
  await addMember(db.knex, network, a);
  await addMember(db.knex, network, b);
  const kept = await buildIndicator(db.knex, network);
  const archived = await buildIndicator(db.knex, network, { archived_at: new Date() });
  const elsewhere = await buildIndicator(db.knex, other);
  await addObservations(db.knex, a, kept, [
    [2014, 1.25],
    [2016, -3.5],
    [2024, 1e-9],
    [2025, 99],
  ]);
  await addObservations(db.knex, b, kept, [[2020, 12345.678]]);
  await addObservations(db.knex, a, archived, [[2020, 1]]);
  await addObservations(db.knex, a, elsewhere, [[2020, 2]]);
  networkId = network.id;
  expected = [
    [a.id, kept.id, 2016, -3.5],
    [a.id, kept.id, 2024, 1e-9],
    [b.id, kept.id, 2020, 12345.678],
  ];
});

afterAll(async () => {
  await db?.close();
});

const sorted = (rows: Array<[number, number, number, number]>) =>
  [...rows].sort((x, y) => x[0] - y[0] || x[2] - y[2]);

describe(`networkPoints on ${process.env.TEST_DATABASE_URL === undefined ? 'PGlite' : 'PostgreSQL'}`, () => {
  it('hands over the values of the years asked for, exactly, in and out of a transaction', async () => {
    const uow = new UnitOfWork(db);
    const outside: Array<[number, number, number, number]> = [];
    await uow.repos.progress.networkPoints(networkId, false, { from: 2015, to: 2024 }, (...r) =>
      outside.push(r),
    );
    expect(sorted(outside)).toEqual(expected);
    const inside: Array<[number, number, number, number]> = [];
    await uow.rehearse((repos) =>
      repos.progress.networkPoints(networkId, false, { from: 2015, to: 2024 }, (...r) =>
        inside.push(r),
      ),
    );
    expect(sorted(inside)).toEqual(expected);
  });

  it('reads the approved copy for the public (nothing approved here)', async () => {
    const published: unknown[] = [];
    await new UnitOfWork(db).repos.progress.networkPoints(
      networkId,
      true,
      { from: 2000, to: 2030 },
      (...r) => published.push(r),
    );
    expect(published).toEqual([]);
  });
});
