import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkScoresResponse } from '../../../server/src/schemas/progress.schema';
import { importSdsnUsCities2019, msaSlug, resultsColumn } from '../../../seeds/sdsn-us-cities-2019';
import { createTestApp, type TestContext } from '../../helpers/test-app';

const dir = path.resolve(import.meta.dirname, '../../../seeds/data/sdsn-us-cities-2019');
const read = (file: string): Array<Record<string, string>> =>
  parse(fs.readFileSync(path.join(dir, file), 'utf8'), { columns: true, bom: true }) as Array<
    Record<string, string>
  >;
const codebook = read('codebook.csv');
const results = read('results.csv');

let ctx: TestContext;
let scores: NetworkScoresResponse;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'visitor' });
  const counts = await importSdsnUsCities2019(ctx.db.knex);
  expect(counts).toMatchObject({ cities: 105, indicators: 57 });
  const response = await ctx.app.inject('/api/v1/networks/sdsn-us-cities-2019/scores');
  expect(response.statusCode).toBe(200);
  scores = response.json<NetworkScoresResponse>();
});
afterAll(async () => {
  await ctx?.close();
});

const TOLERANCE = 1e-4;

describe('the SDSN 2019 US Cities table, reproduced through the API', () => {
  it('has all 105 cities and 57 indicators, cited', () => {
    expect(scores.cities).toHaveLength(105);
    expect(scores.indicators).toHaveLength(57);
    expect(scores.year).toBe(2019);
    expect(scores.network).toMatchObject({
      dataKind: 'published',
      citation: expect.stringContaining('Lynch'),
    });
  });

  it('reproduces every published normalised value', () => {
    const columns = Object.keys(results[0]!);
    let compared = 0;
    for (const row of results) {
      const city = scores.cities.find((c) => c.slug === msaSlug(row.msa!))!;
      const byIndicator = new Map(city.indicators.map((i) => [i.indicator, i.normalised]));
      for (const indicator of codebook) {
        const column = resultsColumn(indicator.Indicator!, columns)!;
        const published = row[`n_${column}`]?.trim() ?? '';
        const ours = byIndicator.get(indicator.Indicator!.toLowerCase());
        if (published === '') {
          expect(ours, `${row.msa} ${column}`).toBeUndefined();
          continue;
        }
        expect(Math.abs(ours! - Number(published)), `${row.msa} ${column}`).toBeLessThanOrEqual(
          TOLERANCE,
        );
        compared++;
      }
    }
    expect(compared).toBe(5815);
  });

  it('reproduces every goal score, overall score and rank', () => {
    let goalScores = 0;
    for (const row of results) {
      const city = scores.cities.find((c) => c.slug === msaSlug(row.msa!))!;
      expect(Math.abs(city.index! - Number(row.score_sdgi)), row.msa).toBeLessThanOrEqual(
        TOLERANCE,
      );
      expect(city.rank, row.msa).toBe(Number(row.rank_sdgIndex));
      for (const goal of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]) {
        const published = row[`score_sdg${goal}`]?.trim() ?? '';
        const ours = city.goals.find((g) => g.goal === goal)?.score ?? null;
        if (published === '') {
          expect(ours, `${row.msa} goal ${goal}`).toBeNull();
          continue;
        }
        expect(Math.abs(ours! - Number(published)), `${row.msa} goal ${goal}`).toBeLessThanOrEqual(
          TOLERANCE,
        );
        goalScores++;
      }
    }
    expect(goalScores).toBeGreaterThan(1500);
  });

  it('orders cities by rank and colours every goal', () => {
    expect(scores.cities.map((c) => c.rank)).toEqual(Array.from({ length: 105 }, (_, i) => i + 1));
    expect(scores.cities[0]?.name).toBe('San Francisco-Oakland-Hayward, CA');
    for (const city of scores.cities) {
      for (const goal of city.goals) if (goal.score !== null) expect(goal.colour).not.toBeNull();
    }
  });

  it('can be loaded again without duplicating anything', async () => {
    const counts = await importSdsnUsCities2019(ctx.db.knex);
    expect(counts).toMatchObject({ cities: 105, indicators: 57 });
    const again = (
      await ctx.app.inject('/api/v1/networks/sdsn-us-cities-2019/scores')
    ).json<NetworkScoresResponse>();
    expect(again.cities.map((c) => [c.slug, c.index])).toEqual(
      scores.cities.map((c) => [c.slug, c.index]),
    );
  });
});
