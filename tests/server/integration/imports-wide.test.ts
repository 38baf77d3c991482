import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wideTemplate } from '../../../client/src/features/workspace/utils/wide-template';
import type {
  HistoryResponse,
  ImportReport,
  Observation,
} from '../../../server/src/schemas/observation.schema';
import {
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
} from '../../factories/factories';
import { api, fingerprint } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * The wide format (issue 17, item 4): the workspace's template — one line per
 * indicator, one column per year, the stored values filled in — imports back
 * through the same pipeline as the long format, and the dry run lists every
 * change as old → new.
 */

let ctx: TestContext;
let http: ReturnType<typeof api>;

const csv = (lines: string[]): string => `${lines.join('\n')}\n`;
const post = (body: string, query = '') =>
  http.post<ImportReport>(`/api/v1/imports${query}`, body, { 'content-type': 'text/csv' });

const INDICATORS = [
  { slug: 'recycling', name: 'Recycling rate, municipal waste', unit: '%' },
  { slug: 'pm25', name: '=Fine particles (PM2.5)', unit: 'µg/m³' },
];
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023];
const TOWNS = Array.from({ length: 25 }, (_, i) => `wide-town-${i}`);

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
  const k = ctx.db.knex;
  const network = await buildNetwork(k, { slug: 'wide-net' });
  const espoo = await buildCity(k, { slug: 'espoo', name: 'Espoo' });
  await addMember(k, network, espoo);
  for (const slug of ['braga', ...TOWNS])
    await addMember(k, network, await buildCity(k, { slug, name: slug }));
  const recycling = await buildIndicator(k, network, {
    ...INDICATORS[0]!,
    direction: 'increase',
    best_bound: 65,
    worst_bound: 15,
    allowed_min: 0,
    allowed_max: 100,
  });
  const pm25 = await buildIndicator(k, network, INDICATORS[1]!);
  await buildIndicator(k, network, { slug: 'old', name: 'Old', archived_at: new Date() });
  await addObservations(k, espoo, recycling, [
    [2019, 38.5],
    [2020, 41.23456789],
    [2022, 0.1 + 0.2],
  ]);
  await addObservations(k, espoo, pm25, [[2020, 9.8]]);
});
afterAll(async () => {
  await ctx?.close();
});

/** The template as the workspace downloads it, from the values the API serves. */
async function downloadedTemplate(city: string): Promise<string> {
  const values = new Map<string, number>();
  for (const indicator of INDICATORS)
    for (const year of YEARS) {
      const response = await http.get<Observation>(
        `/api/v1/cities/${city}/indicators/${indicator.slug}/observations/${year}`,
      );
      if (response.status === 200) values.set(`${indicator.slug}|${year}`, response.body.value);
    }
  return wideTemplate(city, INDICATORS, YEARS, (slug, year) => values.get(`${slug}|${year}`));
}

describe('the wide template', () => {
  it('as downloaded, imports back with every value unchanged and nothing written', async () => {
    const file = await downloadedTemplate('espoo');
    expect(file.split('\n')[0]).toBe('name,unit,indicator,city,2018,2019,2020,2021,2022,2023');
    expect(file).toContain('0.30000000000000004');
    expect(file).toContain("'=Fine particles"); // a name cannot run as a formula
    const before = await fingerprint(ctx.db.knex);
    const dry = await post(file, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      format: 'wide',
      errorCount: 0,
      toInsert: 0,
      toUpdate: 0,
      unchanged: 4,
      skipped: 8,
      changes: [],
      changesTruncated: false,
    });
    const real = await post(file);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ committed: true, importId: null, unchanged: 4 });
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('a changed and a new cell: the dry run shows old → new and writes nothing; the import writes them', async () => {
    const lines = (await downloadedTemplate('espoo')).trimEnd().split('\n');
    // recycling 2020: 41.23456789 → 42; pm25 2023: (none) → 8.1
    lines[1] = lines[1]!.replace(',41.23456789,', ',42,');
    lines[2] = `${lines[2]}8.1`;
    const file = `${lines.join('\n')}\n`;
    const before = await fingerprint(ctx.db.knex);
    const dry = await post(file, '?dryRun=true');
    expect(dry.body).toMatchObject({ toInsert: 1, toUpdate: 1, unchanged: 3 });
    expect(dry.body.changes).toEqual([
      {
        row: 2,
        city: 'espoo',
        indicator: 'recycling',
        series: {},
        year: 2020,
        oldValue: 41.23456789,
        newValue: 42,
        also: [],
      },
      {
        row: 3,
        city: 'espoo',
        indicator: 'pm25',
        series: {},
        year: 2023,
        oldValue: null,
        newValue: 8.1,
        also: [],
      },
    ]);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);

    const real = await post(file, '?fileName=espoo-template.csv');
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ committed: true, toInsert: 1, toUpdate: 1 });
    expect(real.body.changes).toHaveLength(2);
    expect(real.body.importId).not.toBeNull();
    const value = (
      await http.get<Observation>('/api/v1/cities/espoo/indicators/recycling/observations/2020')
    ).body;
    expect(value).toMatchObject({ value: 42, version: 2 });
    const history = (
      await http.get<HistoryResponse>(
        '/api/v1/cities/espoo/indicators/recycling/observations/2020/history',
      )
    ).body;
    expect(history.events.at(-1)).toMatchObject({
      action: 'observation.updated',
      before: { value: 41.23456789 },
      after: { value: 42 },
    });
    expect(
      (await http.get<Observation>('/api/v1/cities/espoo/indicators/pm25/observations/2023')).body,
    ).toMatchObject({ value: 8.1 });
  });

  it('reports the plausibility flags of the values it writes, not of the untouched ones', async () => {
    // wide-town-0's stored 2019 jumps (60 between 31 and 33); the file adds 2021 and keeps the rest.
    const town = await ctx.db.knex('cities').where({ slug: 'wide-town-0' }).first();
    const recycling = await ctx.db.knex('indicators').where({ slug: 'recycling' }).first();
    await addObservations(ctx.db.knex, town, recycling, [
      [2016, 30],
      [2017, 31],
      [2018, 32],
      [2019, 60],
      [2020, 33],
    ]);
    const file = csv([
      'indicator,city,2016,2017,2018,2019,2020,2021',
      'recycling,wide-town-0,30,31,32,60,33,34',
    ]);
    const dry = await post(file, '?dryRun=true');
    expect(dry.body).toMatchObject({ toInsert: 1, unchanged: 5, flaggedCount: 0, flagged: [] });
    // The same values as new ones (another town): 2019's jump is flagged, as it would be stored.
    const fresh = await post(file.replace('wide-town-0', 'wide-town-1'), '?dryRun=true');
    expect(fresh.body.toInsert).toBe(6);
    expect(fresh.body.flagged.map((f) => f.year)).toContain(2019);
  });

  it('without a city column the values belong to ?city=; without either the file is refused', async () => {
    const file = csv(['indicator,name,2021', 'pm25,PM2.5,11.5']);
    const forBraga = await post(file, '?city=braga');
    expect(forBraga.body).toMatchObject({ format: 'wide', committed: true, toInsert: 1 });
    expect(
      (await http.get<Observation>('/api/v1/cities/braga/indicators/pm25/observations/2021')).body,
    ).toMatchObject({ value: 11.5 });
    const nowhere = await post(file, '?dryRun=true');
    expect(nowhere.body.errors[0]).toMatchObject({ row: 1 });
    expect(nowhere.body.errors[0]!.message).toMatch(/no city column/);
  });

  it('reads a decimal comma in a semicolon-separated file, as the long format does', async () => {
    const response = await post(
      csv(['Name;Unit;Indicator;2017', 'Recycling;%;recycling;40,5']),
      '?city=braga&dryRun=true',
    );
    expect(response.body).toMatchObject({ format: 'wide', delimiter: ';', toInsert: 1 });
    expect(response.body.changes[0]).toMatchObject({ year: 2017, oldValue: null, newValue: 40.5 });
  });
});

describe('a wide file with errors', () => {
  it('names each bad cell by row and year column, the indicator once per line, and writes nothing', async () => {
    const before = await fingerprint(ctx.db.knex);
    const file = csv([
      'name,unit,indicator,city,2020,2021,2022',
      'Recycling,%,recycling,espoo,41,abc,',
      'Unknown,,nope,espoo,1,2,3',
      'Recycling,%,recycling,braga,,,150',
      'Old,,old,espoo,1,,',
    ]);
    const response = await post(file);
    expect(response.status).toBe(422);
    const report = (response.body as unknown as { error: { details: ImportReport } }).error.details;
    expect(report.errorCount).toBe(4);
    expect(report.errors).toEqual([
      { row: 2, column: '2021', value: 'abc', message: '"abc" is not a number.' },
      {
        row: 3,
        column: 'indicator',
        value: 'nope',
        message: expect.stringContaining('There is no indicator "nope"') as string,
      },
      { row: 4, column: '2022', value: '150', message: expect.stringMatching(/100/) as string },
      {
        row: 5,
        column: 'indicator',
        value: 'old',
        message: 'The indicator "old" is archived; values cannot be added.',
      },
    ]);
    expect(report.changes).toEqual([]);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('refuses a header whose year columns are not years, with the column named', async () => {
    for (const [header, expected] of [
      ['indicator,city,2020,20x1', /"20x1" is not a year/],
      ['indicator,city,2020,1900', /"1900".*1950/],
      ['indicator,city,name,unit', /no year columns/],
    ] as const) {
      const response = await post(csv([header, 'recycling,espoo,1,2']), '?dryRun=true');
      expect(response.status).toBe(200);
      expect(response.body.format).toBe('wide');
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors[0]).toMatchObject({ row: 1 });
      expect(response.body.errors[0]!.message).toMatch(expected);
    }
  });
});

describe('the changes of a large import', () => {
  it('lists the first 1,000 changes and says there are more', async () => {
    const years = Array.from({ length: 45 }, (_, i) => 1980 + i);
    const lines = [`indicator,city,${years.join(',')}`];
    for (const town of TOWNS) lines.push(`pm25,${town},${years.map((y) => y - 1970).join(',')}`);
    const response = await post(csv(lines), '?dryRun=true');
    expect(response.body).toMatchObject({ errorCount: 0, toInsert: 1125, changesTruncated: true });
    expect(response.body.changes).toHaveLength(1000);
    expect(response.body.changes[0]).toMatchObject({
      row: 2,
      city: 'wide-town-0',
      year: 1980,
      oldValue: null,
      newValue: 10,
    });
  });
});
