import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import type { ImportReport } from '../../../server/src/services/import.service';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Every real Open SDG file of two cities' repositories (tests/fixtures/opensdg,
 * sdg-bristol/sdg-data-bristol and CityOfLosAngeles/open-sdg-data-starter),
 * imported as published: for each, what is stored and what is left out, and why.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/opensdg');
let ctx: TestContext;

interface Expected {
  /** Values stored. */
  stored: number;
  /** Series the file holds ({} included when it has a headline). */
  series: number;
  /** Whether one of them is the headline series. */
  headline: boolean;
  /** Reasons for leaving values out, with counts. */
  skipped?: Record<string, number>;
  /** The file is refused (all or nothing): how many problems. */
  refused?: number;
  warnings?: number;
}

const NO_VALUE = 'rows without a value (empty cells) are left out';
const MARKED = 'values marked as not available (n/a, .., -, :) are left out';

/** What each file gives, file by file (checked by hand against the CSV). */
const FILES: Record<string, Expected> = {
  // Ward breakdowns with ward codes (GeoCode E05…): each ward a series with its code; rows with empty GeoCode are the headline.
  'bristol/indicator_11-1-1-c.csv': { stored: 140, series: 35, headline: true },
  // Two Units: the first, "Rough Sleeper snapshot by year", is the headline; the other a series of its own.
  'bristol/indicator_11-1-1.csv': { stored: 12, series: 2, headline: true },
  // Series + Deprivation decile + Ward columns: the rows with only "Series: Ward" (the city total) are the headline.
  'bristol/indicator_16-1-4.csv': { stored: 148, series: 37, headline: true },
  'bristol/indicator_16-2-3.csv': { stored: 10, series: 1, headline: true },
  // Years written 2016/17: their first year.
  'bristol/indicator_16-4-2.csv': { stored: 5, series: 1, headline: true },
  'bristol/indicator_16-7-2.csv': {
    stored: 10,
    series: 1,
    headline: true,
    skipped: { [NO_VALUE]: 1 },
  },
  // Years written "2000 - 02".
  'bristol/indicator_3-3-2.csv': { stored: 18, series: 1, headline: true },
  // A "Unit" column naming three substances: three series.
  'bristol/indicator_3-5-1.csv': { stored: 18, series: 3, headline: true },
  'bristol/indicator_3-5-2.csv': { stored: 99, series: 9, headline: true },
  // GeoCode E06000023 is Bristol's ONS code; Observation status, Unit multiplier and Unit measure are not breakdowns.
  'bristol/indicator_4-2-1.csv': { stored: 567, series: 81, headline: true },
  'bristol/indicator_5-1-1.csv': { stored: 47, series: 3, headline: true },
  // The published file lists 30 sites twice for 2020 with different values: refused whole, each duplicate named.
  'bristol/indicator_6-3-1.csv': {
    stored: 0,
    series: 100,
    headline: false,
    refused: 30,
    skipped: { [MARKED]: 4 },
  },
  'bristol/indicator_8-1-1.csv': {
    stored: 20,
    series: 1,
    headline: true,
    skipped: { [NO_VALUE]: 1 },
  },
  'bristol/indicator_9-c-1.csv': { stored: 113, series: 36, headline: true },
  'la/indicator_1-2-1.csv': { stored: 207, series: 21, headline: true, skipped: { [NO_VALUE]: 3 } },
  // PM2.5 and PM10 in one file: never merged.
  'la/indicator_11-6-2.csv': { stored: 16, series: 2, headline: true },
  // Byte-order mark; every row has a breakdown: no headline.
  'la/indicator_16-7-2.csv': { stored: 34, series: 6, headline: false },
  // Years written 2009–2010 (en dash).
  'la/indicator_2-2-1.csv': { stored: 5, series: 1, headline: true },
  'la/indicator_3-1-1.csv': { stored: 40, series: 10, headline: true },
  'la/indicator_3-6-1.csv': { stored: 55, series: 10, headline: true },
  // "This is a non-statistical indicator": nothing to store, and the report says so.
  'la/indicator_5-a-2.csv': {
    stored: 0,
    series: 0,
    headline: false,
    skipped: { [NO_VALUE]: 1 },
    warnings: 1,
  },
  'la/indicator_6-1-1.csv': { stored: 8, series: 1, headline: true },
  'la/indicator_7-3-1.csv': { stored: 93, series: 3, headline: true },
  'la/indicator_8-1-1.csv': { stored: 14, series: 2, headline: true },
};

const slugOf = (file: string): string =>
  file.replace('/indicator_', '-').replace('.csv', '').toLowerCase();

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  const knex = ctx.db.knex;
  const network = await buildNetwork(knex, { slug: 'open-sdg-cities' });
  const bristol = await buildCity(knex, { slug: 'bristol', name: 'Bristol', country_code: 'GB' });
  const la = await buildCity(knex, {
    slug: 'los-angeles',
    name: 'Los Angeles',
    country_code: 'US',
  });
  await addMember(knex, network, bristol);
  await addMember(knex, network, la);
  const codes = await ctx.app.inject({
    method: 'PATCH',
    url: '/api/v1/cities/bristol',
    headers: {
      'content-type': 'application/json',
      'if-match': `"${bristol.id}.${bristol.version}"`,
    },
    payload: JSON.stringify({ codes: { ons: 'E06000023' } }),
  });
  expect(codes.statusCode).toBe(200);
  for (const file of Object.keys(FILES))
    await buildIndicator(knex, network, {
      slug: slugOf(file),
      allowed_min: null,
      allowed_max: null,
      unit: '',
    });
});

afterAll(async () => {
  await ctx?.close();
});

async function importFile(file: string): Promise<{ status: number; report: ImportReport }> {
  const city = file.startsWith('la/') ? 'los-angeles' : 'bristol';
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/imports?indicator=${slugOf(file)}&city=${city}&fileName=${path.basename(file)}`,
    headers: { 'content-type': 'text/csv' },
    payload: fs.readFileSync(path.join(FIXTURES, file)),
  });
  const body = response.json<ImportReport & { error?: { details: ImportReport } }>();
  return {
    status: response.statusCode,
    report: response.statusCode === 422 ? body.error!.details : body,
  };
}

describe('real Open SDG files import as published', () => {
  it('covers every file of the two repositories', () => {
    const files = ['bristol', 'la'].flatMap((dir) =>
      fs.readdirSync(path.join(FIXTURES, dir)).map((f) => `${dir}/${f}`),
    );
    expect(files.sort()).toEqual(Object.keys(FILES).sort());
  });

  it.each(Object.entries(FILES))('%s', async (file, expected) => {
    const { status, report } = await importFile(file);
    expect(report.format).toBe('opensdg');
    const skipped = Object.fromEntries(report.skippedReasons.map((r) => [r.reason, r.count]));
    expect(skipped).toEqual(expected.skipped ?? {});
    if (expected.refused !== undefined) {
      expect(status).toBe(422);
      expect(report.errorCount).toBe(expected.refused);
      expect(
        report.errors.every((e) => /already has .* each value may appear once/.test(e.message)),
      ).toBe(true);
    } else {
      expect({ status, errors: report.errors }).toEqual({ status: 200, errors: [] });
      expect(report.toInsert).toBe(expected.stored);
    }
    expect(report.series.length).toBe(Math.min(expected.series, 100));
    expect(report.series.some((s) => Object.keys(s.series).length === 0)).toBe(expected.headline);
    expect(report.warnings).toHaveLength(expected.warnings ?? 0);
  });

  it('keeps the values as published: periods, units, wards with their codes, the city found by its code', async () => {
    const get = async (
      city: string,
      indicator: string,
      year: number,
      series?: Record<string, string>,
    ) => {
      const query =
        series === undefined ? '' : `?series=${encodeURIComponent(JSON.stringify(series))}`;
      const response = await ctx.app.inject({
        url: `/api/v1/cities/${city}/indicators/${indicator}/observations/${year}${query}`,
      });
      return response.statusCode === 200
        ? response.json<{ value: number }>().value
        : response.statusCode;
    };
    expect(await get('los-angeles', 'la-11-6-2', 2013)).toBe(11.95);
    expect(
      await get('los-angeles', 'la-11-6-2', 2013, { units: 'Suspended Particulates PM10' }),
    ).toBe(29.5);
    expect(await get('bristol', 'bristol-16-4-2', 2016)).toBe(121.5);
    expect(await get('bristol', 'bristol-3-3-2', 2000)).toBe(12.9035);
    expect(await get('los-angeles', 'la-2-2-1', 2009)).toBe(3.1);
    expect(
      await get('bristol', 'bristol-11-1-1-c', 2017, { ward: 'Southville', geocode: 'E05010914' }),
    ).toBe(88.88325952);
    expect(await get('bristol', 'bristol-11-1-1-c', 2017)).toBe(76.43242127);
    // Progress uses the headline series only.
    const progress = await ctx.app.inject({
      url: '/api/v1/cities/los-angeles/indicators/la-11-6-2/progress',
    });
    expect(progress.json<{ progress: { latest: { value: number } } }>().progress.latest.value).toBe(
      (await get('los-angeles', 'la-11-6-2', 2020)) as number,
    );
  });

  it('keeps city codes unique per system: a taken code is a 409 naming the city, null removes one', async () => {
    const read = async (slug: string) =>
      (await ctx.app.inject({ url: `/api/v1/cities/${slug}` })).json<{
        codes: Record<string, string>;
      }>();
    const patch = async (slug: string, codes: Record<string, string | null>) => {
      const current = await ctx.app.inject({ url: `/api/v1/cities/${slug}` });
      return ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/cities/${slug}`,
        headers: {
          'content-type': 'application/json',
          'if-match': String(current.headers.etag),
        },
        payload: JSON.stringify({ codes }),
      });
    };
    expect((await read('bristol')).codes).toEqual({ ons: 'E06000023' });
    const taken = await patch('los-angeles', { ons: 'E06000023' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { message: string } }>().error.message).toMatch(/Bristol/);
    expect((await read('los-angeles')).codes).toEqual({});
    expect((await patch('los-angeles', { 'urban-audit': 'US001C' })).statusCode).toBe(200);
    expect((await patch('bristol', { 'urban-audit': 'UK008C' })).statusCode).toBe(200);
    expect((await read('bristol')).codes).toEqual({ ons: 'E06000023', 'urban-audit': 'UK008C' });
    expect((await patch('bristol', { 'urban-audit': null })).statusCode).toBe(200);
    expect((await read('bristol')).codes).toEqual({ ons: 'E06000023' });
    const bad = await patch('bristol', { 'Urban Audit': 'X' });
    expect(bad.statusCode).toBe(400);
  });

  it('names an unknown GeoCode of a whole-city row and how to fix it', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/imports?indicator=bristol-16-2-3&city=bristol&dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: 'Year,GeoCode,Value\n2020,E99999999,5\n',
    });
    const report = response.json<ImportReport>();
    expect(report.errors[0]!.message).toBe(
      'GeoCode "E99999999" is not a code of bristol or of another city. If it is bristol\'s, add it to the city\'s codes (e.g. {"ons": "E99999999"}) and import again.',
    );
  });
});
