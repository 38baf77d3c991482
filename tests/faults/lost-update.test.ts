import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveData, type DataServer } from '../helpers/data-server';
import { citySlug, createCatalogue, indicatorSlug } from '../helpers/dataset';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';

/**
 * Lost updates: 50 editors change the same three values at once through a
 * real server process on PostgreSQL, each as a browser does it: read the
 * value and its ETag, send the change with If-Match, and on 412 read again
 * and retry. No acknowledged write may be overwritten silently: every
 * acknowledged write was made on top of the version directly before it,
 * the versions of acknowledged writes follow each other without gaps or
 * doubles, and the value history holds exactly the acknowledged writes in
 * that order.
 */
const EDITORS = 50;
const EDITS_EACH = 5;
const TARGETS = [0, 1, 2].map(
  (k) => `/api/v1/cities/${citySlug(k)}/indicators/${indicatorSlug(k)}/observations/2020`,
);

let cluster: PostgresCluster;
let data: DataServer;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  data = await serveData(
    'postgres',
    'lost_update',
    (db) => createCatalogue(db.knex, { cities: 3, indicators: 3 }).then(),
    { adminUrl: cluster.adminUrl, env: { DATABASE_POOL_MAX: '10' } },
  );
});

afterAll(async () => {
  await data?.close();
  cluster?.destroy();
});

interface Observation {
  value: number;
  version: number;
  etag: string;
}

interface Ack {
  editor: number;
  value: number;
  /** The version the editor read before writing. */
  basedOn: number;
  /** The version the write produced. */
  version: number;
}

describe('50 concurrent editors with If-Match on the same values (throwaway PostgreSQL)', () => {
  it('no acknowledged write is overwritten silently', async () => {
    const { url } = data.server;
    const headers = { ...data.auth, 'content-type': 'application/json' };
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}${path}`, { headers, ...init });
      return { status: response.status, body: (await response.json()) as Observation };
    };
    for (const target of TARGETS) {
      const created = await call(target, { method: 'PUT', body: JSON.stringify({ value: 1 }) });
      expect(created.status).toBe(201);
      // A change without If-Match is refused: nobody can overwrite blindly.
      const blind = await call(target, { method: 'PUT', body: JSON.stringify({ value: 2 }) });
      expect(blind.status).toBe(428);
    }

    const acks = new Map<string, Ack[]>(TARGETS.map((t) => [t, []]));
    let conflicts = 0;
    const unexpected: string[] = [];
    async function editor(i: number): Promise<void> {
      const target = TARGETS[i % TARGETS.length]!;
      for (let k = 0; k < EDITS_EACH; k++) {
        // Unique per editor and edit, within the indicator's allowed range.
        const value = i * 10 + k + 2;
        for (let attempt = 0; ; attempt++) {
          if (attempt > 500) throw new Error(`editor ${i} never got a write through`);
          const read = await call(target);
          const put = await call(target, {
            method: 'PUT',
            headers: { ...headers, 'if-match': read.body.etag },
            body: JSON.stringify({ value }),
          });
          if (put.status === 200) {
            acks.get(target)!.push({
              editor: i,
              value,
              basedOn: read.body.version,
              version: put.body.version,
            });
            break;
          }
          if (put.status === 412) conflicts++;
          else unexpected.push(`${put.status} ${JSON.stringify(put.body)}`);
        }
      }
    }
    await Promise.all(Array.from({ length: EDITORS }, (_, i) => editor(i)));
    expect(unexpected).toEqual([]);

    let total = 0;
    for (const target of TARGETS) {
      const list = acks.get(target)!.sort((a, b) => a.version - b.version);
      total += list.length;
      // Each acknowledged write was made on the version right before it, and
      // the versions run 2, 3, 4, … with no gap and no double.
      expect(list.map((a) => a.version)).toEqual(list.map((_, n) => n + 2));
      expect(list.filter((a) => a.basedOn !== a.version - 1)).toEqual([]);
      const stored = await call(target);
      expect(stored.body.version).toBe(list.length + 1);
      expect(stored.body.value).toBe(list[list.length - 1]!.value);
      // The history holds exactly these writes, each starting from the one before.
      const history = (await (
        await fetch(`${url}${target}/history`, { headers: data.auth })
      ).json()) as {
        events: Array<{
          id: number;
          action: string;
          before: { value?: number };
          after: { value?: number };
        }>;
      };
      const changes = history.events
        .filter((e) => e.action === 'observation.updated')
        .sort((a, b) => a.id - b.id);
      expect(changes.map((e) => e.after.value)).toEqual(list.map((a) => a.value));
      expect(changes.map((e) => e.before.value)).toEqual([
        1,
        ...list.slice(0, -1).map((a) => a.value),
      ]);
    }
    expect(total).toBe(EDITORS * EDITS_EACH);
    console.log(
      `${total} acknowledged writes by ${EDITORS} editors on ${TARGETS.length} values, ${conflicts} stale writes refused with 412 and retried`,
    );
  });
});
