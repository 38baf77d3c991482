import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Knex } from 'knex';
import { AuditRepository } from '../server/src/repositories/audit.repository';
import {
  BulkLoadRepository,
  type NewObservationRow,
} from '../server/src/repositories/bulk-load.repository';
import { ReviewRepository } from '../server/src/repositories/review.repository';

/**
 * The SDSN 2019 US Cities Sustainable Development Report as the network
 * `sdsn-us-cities-2019`: 105 metropolitan areas, 57 indicators with the
 * report's bounds and thresholds, the values it scored. A published table the
 * scoring is checked against (tests/server/integration/sdsn.test.ts).
 *
 * Lynch, A., LoPresti, A., Fox, C. (2019). The 2019 US Cities Sustainable
 * Development Report. New York: SDSN. Licence CC BY 4.0.
 */

const DATA_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'sdsn-us-cities-2019',
);

export const SDSN_NETWORK = {
  slug: 'sdsn-us-cities-2019',
  name: 'SDSN 2019 US Cities Sustainable Development Report',
  description:
    'The 105 largest US metropolitan areas as scored by the Sustainable Development Solutions Network in its 2019 US Cities Sustainable Development Report: 57 indicators on 15 goals. Values are the report\u2019s; each indicator\u2019s data year is given in its source.',
  citation:
    'Lynch, A., LoPresti, A., Fox, C. (2019). The 2019 US Cities Sustainable Development Report. New York: Sustainable Development Solutions Network (SDSN). CC BY 4.0.',
  licence: 'CC BY 4.0',
} as const;

/** All values are stored under the report's year; the data year of each indicator is kept in its source. */
export const SDSN_YEAR = 2019;

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Row[];
}

/** "San Francisco-Oakland-Hayward, CA" → "san-francisco-oakland-hayward-ca". */
export function msaSlug(msa: string): string {
  return msa
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64)
    .replace(/-$/, '');
}

/**
 * The results file names six columns differently from the codebook: keys
 * ending in "RWJ" lose the suffix, and sdg3v8_leRWJ is sdg3v8_lifeExpectancy.
 * Otherwise the match is case-insensitive.
 */
export function resultsColumn(key: string, columns: readonly string[]): string | null {
  const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const candidates = [
    key,
    key.replace(/RWJ$/, ''),
    key === 'sdg3v8_leRWJ' ? 'sdg3v8_lifeExpectancy' : '',
  ];
  for (const candidate of candidates) {
    const hit = candidate === '' ? undefined : lower.get(candidate.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return null;
}

/**
 * SDG links. The report aligns life expectancy with goal 3 as a whole (linked
 * here to target 3.4, premature mortality) and health insurance with target
 * 10.4 while scoring it under goal 3: it is linked to 3.8 (universal health
 * coverage) first, so that its primary goal is the one the report scores it in.
 */
function linksFor(row: Row): Array<{ target: string; indicator: string | null }> {
  const key = row.Indicator ?? '';
  const alignment = (row['SDG Alignment'] ?? '').replace('Target ', '').trim();
  if (key === 'sdg3v8_leRWJ') return [{ target: '3.4', indicator: null }];
  if (key === 'sdg3v9_healthinsurance')
    return [
      { target: '3.8', indicator: null },
      { target: alignment, indicator: null },
    ];
  return [{ target: alignment, indicator: null }];
}

/**
 * Thresholds in the order the direction requires. The report lists GHG per
 * capita as To Green 4, To Yellow 3, To Orange 2, which contradicts "lower is
 * better"; the values are kept and put in the only consistent order.
 */
function thresholdsFor(
  row: Row,
  increase: boolean,
): { green: number; yellow: number; orange: number } {
  const values = [Number(row['To Green']), Number(row['To Yellow']), Number(row['To Orange'])];
  const [green, yellow, orange] = [...values].sort((a, b) => (increase ? b - a : a - b)) as [
    number,
    number,
    number,
  ];
  return { green, yellow, orange };
}

function decimalsFor(best: number, worst: number): number {
  const span = Math.abs(best - worst);
  return span < 1 ? 3 : span < 10 ? 2 : 1;
}

export interface SdsnCounts {
  cities: number;
  indicators: number;
  observations: number;
}

/**
 * Loads (or reloads) the network. Runs in one transaction; reloading replaces
 * the network's values with the file's.
 */
export async function importSdsnUsCities2019(knex: Knex): Promise<SdsnCounts> {
  const codebook = readCsv('codebook.csv');
  const results = readCsv('results.csv');
  const columns = Object.keys(results[0] ?? {});

  return BulkLoadRepository.inTransaction(knex, async (bulk, trx) => {
    const networkId = await bulk.ensureNetwork({
      slug: SDSN_NETWORK.slug,
      name: SDSN_NETWORK.name,
      description: SDSN_NETWORK.description,
      data_kind: 'published',
      citation: SDSN_NETWORK.citation,
      licence: SDSN_NETWORK.licence,
      is_public: true,
    });

    const cityIds = new Map<string, number>();
    for (const row of results) {
      const name = (row.msa ?? '').trim();
      const slug = msaSlug(name);
      const cityId = await bulk.upsertCity({ slug, name, country_code: 'US' });
      cityIds.set(slug, cityId);
      await bulk.addMembers(networkId, [{ cityId, role: 'partner' }]);
    }

    const indicators: Array<{ id: number; column: string; source: string }> = [];
    for (const [index, row] of codebook.entries()) {
      const key = row.Indicator ?? '';
      const column = resultsColumn(key, columns);
      if (column === null) throw new Error(`SDSN data: no results column for ${key}`);
      const increase = row['Sort Order'] === 'ascending';
      const best = Number(row['Target Value']);
      const worst = Number(row['Worst Value']);
      const thresholds = thresholdsFor(row, increase);
      const source = `${row.Source ?? 'SDSN'} (data year ${row.Year ?? 'n/a'})`.slice(0, 500);
      const id = await bulk.upsertIndicator(
        {
          network_id: networkId,
          slug: key.toLowerCase(),
          name: row['Indicator name'] ?? key,
          description: row.Description ?? '',
          unit: (row.Units ?? '').slice(0, 50),
          direction: increase ? 'increase' : 'decrease',
          decimals: decimalsFor(best, worst),
          trend_type: 'auto',
          best_bound: best,
          worst_bound: worst,
          green_threshold: thresholds.green,
          yellow_threshold: thresholds.yellow,
          orange_threshold: thresholds.orange,
          source,
          sort_order: Number(row.SDG) * 100 + index,
          archived_at: null,
        },
        linksFor(row),
      );
      indicators.push({ id, column, source });
    }

    await bulk.deleteObservationsOf(indicators.map((i) => i.id));
    const observations: NewObservationRow[] = [];
    for (const row of results) {
      const cityId = cityIds.get(msaSlug((row.msa ?? '').trim()))!;
      for (const indicator of indicators) {
        const raw = (row[indicator.column] ?? '').trim();
        if (raw === '') continue;
        const value = Number(raw);
        if (!Number.isFinite(value))
          throw new Error(`SDSN data: "${raw}" is not a number (${indicator.column})`);
        observations.push({
          city_id: cityId,
          indicator_id: indicator.id,
          year: SDSN_YEAR,
          value,
          status: 'final',
          source: indicator.source,
        });
      }
    }
    await bulk.insertObservations(observations);
    // Published reference data: approved as it is (no review by the cities).
    await new ReviewRepository(trx).approveAll(networkId, 'system');
    await new AuditRepository(trx).record({
      actor: { userId: null, label: 'system' },
      action: 'network.seeded',
      entityType: 'network',
      entityKey: SDSN_NETWORK.slug,
      networkId,
      after: {
        cities: cityIds.size,
        indicators: indicators.length,
        observations: observations.length,
      },
      comment: 'SDSN 2019 US Cities Sustainable Development Report (CC BY 4.0)',
    });
    return {
      cities: cityIds.size,
      indicators: indicators.length,
      observations: observations.length,
    };
  });
}
