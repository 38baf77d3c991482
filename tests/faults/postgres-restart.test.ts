import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveData, type DataServer } from '../helpers/data-server';
import { citySlug, fillDataset, indicatorSlug } from '../helpers/dataset';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';

/**
 * PostgreSQL restarted (pg_ctl stop -m fast, start) while 50 clients read and
 * write through a real server process:
 * - the server process survives;
 * - every request either succeeds or fails with a clean 503 in the API's
 *   error shape (never a dropped connection, a 500 or a hang);
 * - service is back within 2 s of the database accepting connections
 *   (every request started later than that succeeds);
 * - no write acknowledged to a client is missing afterwards.
 */
const CLIENTS = 50;
const CITIES = 50;
const WARM_MS = 2_000;
const DOWN_MS = 3_000;
const AFTER_MS = 5_000;

let cluster: PostgresCluster;
let data: DataServer;
let knex: Knex;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  data = await serveData('postgres', 'restart', (db) => fillDataset(db, CITIES), {
    adminUrl: cluster.adminUrl,
    env: { DATABASE_POOL_MAX: '10' },
  });
  knex = data.db!.knex;
});

afterAll(async () => {
  await data?.close();
  cluster?.destroy();
});

interface Outcome {
  kind: string;
  start: number;
  end: number;
  status: number | null;
  body: string;
  failure?: string;
}

interface ClientLog {
  /** Values whose creation was acknowledged (201): year → value. */
  created: Map<number, number>;
  /** The highest value acknowledged for the client's counter. */
  counterAcked: number;
}

describe('PostgreSQL restarted under 50 clients reading and writing (throwaway cluster)', () => {
  it('the server survives, failures are clean 503s, service returns within 2 s, no acknowledged write is lost', async () => {
    const { url } = data.server;
    const outcomes: Outcome[] = [];
    const logs: ClientLog[] = [];
    let stopping = false;

    async function request(kind: string, path: string, init: RequestInit = {}): Promise<Outcome> {
      const start = performance.now();
      let outcome: Outcome;
      try {
        const response = await fetch(`${url}${path}`, {
          ...init,
          signal: AbortSignal.timeout(30_000),
        });
        const body = await response.text();
        outcome = { kind, start, end: performance.now(), status: response.status, body };
      } catch (err) {
        outcome = {
          kind,
          start,
          end: performance.now(),
          status: null,
          body: '',
          failure: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        };
      }
      outcomes.push(outcome);
      return outcome;
    }

    const write = (kind: string, path: string, value: number, ifMatch?: string): Promise<Outcome> =>
      request(kind, path, {
        method: 'PUT',
        headers: {
          ...data.auth,
          'content-type': 'application/json',
          ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
        },
        body: JSON.stringify({ value }),
      });

    async function client(i: number): Promise<void> {
      const city = citySlug(i % CITIES);
      const log: ClientLog = { created: new Map(), counterAcked: 0 };
      logs[i] = log;
      const base = `/api/v1/cities/${city}/indicators`;
      const counterPath = `${base}/${indicatorSlug(1)}/observations/2025`;
      let year = 1950;
      let counter = 0;
      for (let round = 0; !stopping; round++) {
        switch (round % 4) {
          case 0:
            await request('GET city progress', `/api/v1/cities/${city}/progress`);
            break;
          case 1: {
            // A new value (years before the dataset's): acknowledged creations must all be there afterwards.
            if (year >= 2015) break;
            const value = 10 + (year % 80);
            const path = `${base}/${indicatorSlug(2 + (i % 50))}/observations/${year}`;
            const outcome = await write('PUT new value', path, value);
            if (outcome.status === 201) log.created.set(year, value);
            year++;
            break;
          }
          case 2: {
            // A changing value: the stored one may be newer than the last
            // acknowledged (a write can commit and lose its answer), never older.
            counter++;
            const outcome = await write('PUT changed value', counterPath, counter, '*');
            if (outcome.status === 200) log.counterAcked = counter;
            break;
          }
          default:
            await request('GET network scores', '/api/v1/networks/bench/scores');
        }
      }
    }

    const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
    const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    await sleep(WARM_MS);
    const stopAt = performance.now();
    await cluster.stop();
    const stoppedAt = performance.now();
    await sleep(DOWN_MS);
    await cluster.start();
    const upAt = performance.now();
    await sleep(AFTER_MS);
    stopping = true;
    await Promise.all(clients);

    // The figures, printed whatever the outcome.
    const relative = (t: number): string => `${((t - upAt) / 1000).toFixed(2)} s`;
    const unavailable = outcomes.filter((o) => o.status === 503);
    // The first answer from the restarted database: a success to a request
    // sent once the old one was gone.
    const firstOk = outcomes
      .filter((o) => o.start >= stoppedAt && o.status !== null && o.status < 300)
      .sort((a, b) => a.end - b.end)[0];
    const last503 = unavailable.sort((a, b) => b.end - a.end)[0];
    console.log(
      [
        `requests: ${outcomes.length}, 503s: ${unavailable.length}, `,
        `database stopped in ${((stoppedAt - stopAt) / 1000).toFixed(2)} s, down ${DOWN_MS / 1000} s; `,
        `relative to the database accepting connections again: first success ${firstOk === undefined ? 'never' : relative(firstOk.end)}, `,
        `last 503 answered ${last503 === undefined ? '—' : relative(last503.end)}`,
      ].join(''),
    );

    expect(data.server.alive(), data.server.stderr()).toBe(true);

    // Every answer is a success or a clean 503 in the error shape.
    const unclean = outcomes.filter((o) => {
      if (o.status !== null && o.status >= 200 && o.status < 300) return false;
      if (o.status !== 503) return true;
      try {
        const body = JSON.parse(o.body) as { error?: { code?: unknown; message?: unknown } };
        return body.error?.code !== 'service_unavailable' || typeof body.error.message !== 'string';
      } catch {
        return true;
      }
    });
    expect(
      unclean.slice(0, 5).map((o) => `${o.kind}: ${o.status ?? o.failure} ${o.body.slice(0, 200)}`),
    ).toEqual([]);
    expect(unavailable.length, 'the restart was felt').toBeGreaterThan(0);

    // Back within 2 s: a first success within 2 s of the database being up,
    // and every request sent later than that succeeded.
    expect(firstOk, 'a success after the restart').toBeDefined();
    expect(firstOk!.end - upAt).toBeLessThanOrEqual(2_000);
    const late = outcomes.filter(
      (o) => o.start >= upAt + 2_000 && o.status !== null && o.status >= 300,
    );
    expect(late.map((o) => `${o.kind} at ${relative(o.start)}: ${o.status}`)).toEqual([]);
    expect(outcomes.filter((o) => o.start >= upAt + 2_000).length).toBeGreaterThan(CLIENTS);

    // No acknowledged write is missing.
    const missing: string[] = [];
    for (const [i, log] of logs.entries()) {
      const city = citySlug(i % CITIES);
      const indicator = indicatorSlug(2 + (i % 50));
      const rows = (await knex('observations as o')
        .join('cities as c', 'c.id', 'o.city_id')
        .join('indicators as i', 'i.id', 'o.indicator_id')
        .where({ 'c.slug': city })
        .whereIn('i.slug', [indicator, indicatorSlug(1)])
        .select('i.slug', 'o.year', 'o.value')) as Array<{
        slug: string;
        year: number;
        value: number;
      }>;
      const stored = new Map(
        rows.filter((r) => r.slug === indicator).map((r) => [r.year, Number(r.value)]),
      );
      for (const [year, value] of log.created) {
        if (stored.get(year) !== value) missing.push(`${city}/${indicator}/${year}=${value}`);
      }
      const counter = rows.find((r) => r.slug === indicatorSlug(1) && r.year === 2025);
      if (
        log.counterAcked > 0 &&
        (counter === undefined || Number(counter.value) < log.counterAcked)
      ) {
        missing.push(`${city} counter ${log.counterAcked} (stored ${counter?.value ?? 'none'})`);
      }
    }
    expect(missing).toEqual([]);
    const acknowledged = logs.reduce((n, log) => n + log.created.size, 0);
    console.log(`acknowledged creations checked: ${acknowledged}`);
    expect(acknowledged).toBeGreaterThan(CLIENTS);
  });
});
