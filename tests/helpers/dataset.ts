import fs from 'node:fs';
import { once } from 'node:events';
import type { Knex } from 'knex';
import type { Database } from '../../server/src/db/database';
import { BulkLoadRepository } from '../../server/src/repositories/bulk-load.repository';
import { ReviewRepository } from '../../server/src/repositories/review.repository';

/**
 * A deterministic benchmark network: `cities` × `indicators`, every city a
 * member, indicators spread over the 17 goals with bounds and thresholds.
 */
export interface DatasetShape {
  cities: number;
  indicators: number;
  years: number;
  firstYear: number;
}

export const citySlug = (i: number): string => `city-${String(i).padStart(4, '0')}`;
export const indicatorSlug = (j: number): string => `ind-${String(j).padStart(3, '0')}`;

/** Targets by goal used for links (one per goal, all with indicators). */
const TARGETS = [
  '1.2',
  '2.2',
  '3.9',
  '4.1',
  '5.5',
  '6.3',
  '7.2',
  '8.5',
  '9.5',
  '10.1',
  '11.6',
  '12.5',
  '13.2',
  '14.1',
  '15.1',
  '16.6',
  '17.17',
];

/** Creates the network, cities, memberships and indicators in bulk; returns the network id. */
export async function createCatalogue(
  knex: Knex,
  shape: Pick<DatasetShape, 'cities' | 'indicators'>,
): Promise<number> {
  const bulk = new BulkLoadRepository(knex);
  const network = await bulk.insertNetwork({
    slug: 'bench',
    name: 'Benchmark network',
    data_kind: 'synthetic',
  });
  const cityIds = await bulk.insertCities(
    Array.from({ length: shape.cities }, (_, i) => ({
      slug: citySlug(i),
      name: `City ${i}`,
      country_code: 'FI',
      population: 50_000 + ((i * 7919) % 900_000),
    })),
  );
  await bulk.addMembers(
    network.id,
    cityIds.map((cityId, i) => ({ cityId, role: i === 0 ? 'lead_partner' : 'partner' })),
  );
  for (let j = 0; j < shape.indicators; j++) {
    const up = j % 2 === 0;
    await bulk.insertIndicator(
      {
        network_id: network.id,
        slug: indicatorSlug(j),
        name: `Indicator ${j}`,
        unit: up ? '%' : 'per 1,000',
        direction: up ? 'increase' : 'decrease',
        decimals: 2,
        best_bound: up ? 90 : 10,
        worst_bound: up ? 10 : 90,
        green_threshold: up ? 70 : 30,
        yellow_threshold: up ? 50 : 50,
        orange_threshold: up ? 30 : 70,
        allowed_min: 0,
        allowed_max: 1000,
        sort_order: j,
      },
      [{ target: TARGETS[j % TARGETS.length]! }],
    );
  }
  return network.id;
}

/** A deterministic value for (city, indicator, year): a trend plus noise, within 1..99. */
export function valueFor(i: number, j: number, y: number, variant = 0): number {
  const seed = Math.sin(i * 12.9898 + j * 78.233 + variant * 3.1) * 43758.5453;
  const base = 20 + 60 * (seed - Math.floor(seed));
  const slope = ((i + j) % 7) - 3;
  const noise = Math.sin((i + 1) * (j + 1) * (y + 1)) * 0.8;
  return Math.round(Math.min(99, Math.max(1, base + slope * y * 0.5 + noise)) * 100) / 100;
}

/** Writes the long-format CSV of the whole dataset to `file` (streamed); returns the row count. */
export async function writeCsv(file: string, shape: DatasetShape, variant = 0): Promise<number> {
  const out = fs.createWriteStream(file);
  out.write('city,indicator,year,value,status,source,note\n');
  let rows = 0;
  let buffer = '';
  for (let i = 0; i < shape.cities; i++) {
    for (let j = 0; j < shape.indicators; j++) {
      for (let y = 0; y < shape.years; y++) {
        const status = y === shape.years - 1 ? 'provisional' : 'final';
        const note = (i + j + y) % 50 === 0 ? '"Revised, see report"' : '';
        buffer += `${citySlug(i)},${indicatorSlug(j)},${shape.firstYear + y},${valueFor(i, j, y, variant)},${status},Bench source,${note}\n`;
        rows++;
      }
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  return rows;
}

/** The network the read benchmarks use: N cities × 60 indicators × 11 years (2015–2025). */
export const INDICATORS = 60;
export const YEARS = 11;

/**
 * Fills the catalogue, observations (every city × indicator × year) and
 * ambitions (80 % of the series) in SQL (BulkLoadRepository.fillSyntheticValues):
 * fast and deterministic.
 */
export async function fillDataset(db: Database, cities: number): Promise<void> {
  await createCatalogue(db.knex, { cities, indicators: INDICATORS });
  const bulk = new BulkLoadRepository(db.knex);
  await bulk.fillSyntheticValues(2015, 2015 + YEARS - 1);
  // Every year but the last approved, so visitors (the read benchmarks are
  // anonymous) see ten years of values, and the last stays open for writes.
  const reviews = new ReviewRepository(db.knex);
  for (const id of await bulk.networkIds()) await reviews.approveAll(id, 'bench', 2015 + YEARS - 2);
  await bulk.analyze();
}
