import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveData, type DataServer } from '../helpers/data-server';
import { citySlug, fillDataset, INDICATORS, YEARS } from '../helpers/dataset';
import { load, summaryRow } from '../helpers/load';
import { printTable } from '../helpers/report';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';

/**
 * Load: 200 connections for 30 s on what the city overview page asks for
 * (city progress, city details, the 17 goals) across 100 cities × 60
 * indicators × 11 years, on PostgreSQL with the server in its own process.
 * Zero errors and zero non-2xx answers; the latencies are printed, never
 * asserted (this machine is shared).
 */
const CITIES = 100;
const CONNECTIONS = Number(process.env.FAULTS_LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.FAULTS_LOAD_SECONDS ?? 30);

let cluster: PostgresCluster;
let data: DataServer;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  data = await serveData('postgres', 'load', (db) => fillDataset(db, CITIES), {
    adminUrl: cluster.adminUrl,
  });
});

afterAll(async () => {
  await data?.close();
  cluster?.destroy();
});

describe(`${CONNECTIONS} connections for ${SECONDS} s on the city overview endpoints (throwaway PostgreSQL)`, () => {
  it('answers every request with a 2xx; p99 printed', async () => {
    const paths = Array.from({ length: CITIES }, (_, i) => [
      `/api/v1/cities/${citySlug(i)}/progress`,
      `/api/v1/cities/${citySlug(i)}`,
      '/api/v1/sdg/goals',
    ]).flat();
    const { url } = data.server;
    const headers = { 'accept-encoding': 'br, gzip' };
    // As a dashboard in use has them: computed results cached.
    for (const path of paths) await (await fetch(`${url}${path}`, { headers })).arrayBuffer();

    const result = await load(`city overview (${CITIES} cities)`, {
      url,
      paths,
      headers,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    printTable(
      `Load: ${CONNECTIONS} connections, ${SECONDS} s, ${CITIES} cities × ${INDICATORS} indicators × ${YEARS} years, PostgreSQL (${result.tool})`,
      [summaryRow(result)],
    );
    expect(data.server.alive()).toBe(true);
    expect(result.requestsPerSecond * result.seconds).toBeGreaterThan(CONNECTIONS);
    expect({ errors: result.errors, non2xx: result.non2xx }).toEqual({ errors: 0, non2xx: 0 });
  });
});
