import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HistoryResponse,
  ImportReport,
  Observation,
  ObservationListResponse,
} from '../../../server/src/schemas/observation.schema';
import {
  addMember,
  addObservations,
  buildCity,
  buildIndicator,
  buildNetwork,
} from '../../factories/factories';
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;
let http: ReturnType<typeof api>;

const csv = (lines: string[]): string => `${lines.join('\n')}\n`;
const post = <T = ImportReport>(body: string | Buffer, query = '', type = 'text/csv') =>
  http.post<T>(`/api/v1/imports${query}`, body, { 'content-type': type });

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  http = api(ctx.app);
  const k = ctx.db.knex;
  const network = await buildNetwork(k, { slug: 'net' });
  const cities = [];
  const extra = Array.from({ length: 35 }, (_, i) => `town-${i}`);
  for (const slug of ['espoo', 'braga', 'kosice', ...extra]) {
    const city = await buildCity(k, { slug, name: slug[0]!.toUpperCase() + slug.slice(1) });
    await addMember(k, network, city);
    cities.push(city);
  }
  await buildCity(k, { slug: 'tallinn', name: 'Tallinn' });
  await buildIndicator(k, network, {
    slug: 'recycling',
    name: 'Recycling rate',
    unit: '%',
    direction: 'increase',
    best_bound: 65,
    worst_bound: 15,
    allowed_min: 0,
    allowed_max: 100,
  });
  const pm25 = await buildIndicator(k, network, { slug: 'pm25', name: 'PM2.5' });
  await buildIndicator(k, network, { slug: 'old', name: 'Old', archived_at: new Date() });
  await addObservations(k, cities[2]!, pm25, [
    [2016, 14],
    [2017, 13.6],
    [2018, 13.1],
    [2019, 12.9],
    [2020, 12.4],
  ]);
});
afterAll(async () => {
  await ctx?.close();
});

const goodFile = csv([
  'city,indicator,year,value,status,source,note',
  'espoo,recycling,2019,38.5,final,Statistics Finland,',
  'espoo,recycling,2020,41.2,provisional,Statistics Finland,"Includes bio-waste, garden waste"',
  'braga,recycling,2020,29,final,,',
  'braga,pm25,2020,9.8,final,EEA,',
]);

describe('a long-format import', () => {
  it('dry run: reports what would happen and writes nothing', async () => {
    const before = await fingerprint(ctx.db.knex);
    const response = await post(goodFile, '?dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      dryRun: true,
      committed: false,
      importId: null,
      format: 'long',
      delimiter: ',',
      rowsRead: 4,
      toInsert: 4,
      toUpdate: 0,
      unchanged: 0,
      errorCount: 0,
      errors: [],
    });
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('imports every row, records the import and each value\u2019s history', async () => {
    const response = await post(goodFile, '?fileName=espoo-2020.csv');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      committed: true,
      toInsert: 4,
      toUpdate: 0,
      unchanged: 0,
    });
    expect(response.body.importId).toEqual(expect.any(Number));
    const value = (
      await http.get<Observation>('/api/v1/cities/espoo/indicators/recycling/observations/2020')
    ).body;
    expect(value).toMatchObject({
      value: 41.2,
      status: 'provisional',
      source: 'Statistics Finland',
      note: 'Includes bio-waste, garden waste',
    });
    const history = (
      await http.get<HistoryResponse>(
        '/api/v1/cities/espoo/indicators/recycling/observations/2020/history',
      )
    ).body;
    expect(history.events).toHaveLength(1);
    expect(history.events[0]).toMatchObject({
      action: 'observation.created',
      importId: response.body.importId,
      before: null,
    });
  });

  it('the same file again: everything unchanged, nothing written', async () => {
    const before = await fingerprint(ctx.db.knex);
    const response = await post(goodFile);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      committed: true,
      importId: null,
      toInsert: 0,
      toUpdate: 0,
      unchanged: 4,
    });
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('updates changed values (with history before/after) and leaves absent columns alone', async () => {
    const response = await post(
      csv(['city,indicator,year,value', 'espoo,recycling,2020,42', 'espoo,recycling,2021,44']),
    );
    expect(response.body).toMatchObject({ toInsert: 1, toUpdate: 1, unchanged: 0 });
    const value = (
      await http.get<Observation>('/api/v1/cities/espoo/indicators/recycling/observations/2020')
    ).body;
    expect(value).toMatchObject({
      value: 42,
      version: 2,
      status: 'provisional',
      source: 'Statistics Finland',
    });
    const history = (
      await http.get<HistoryResponse>(
        '/api/v1/cities/espoo/indicators/recycling/observations/2020/history',
      )
    ).body;
    expect(history.events[1]).toMatchObject({
      action: 'observation.updated',
      before: { value: 41.2, version: 1 },
      after: { value: 42, version: 2, status: 'provisional' },
    });
  });
});

describe('a file with errors', () => {
  it('one bad row among 10,000 good ones: 422, the row named, nothing written', async () => {
    const lines = ['city,indicator,year,value'];
    const cities = Array.from({ length: 35 }, (_, i) => `town-${i}`);
    for (let i = 0; i < 10_000; i++) {
      const city = cities[i % 35]!;
      const indicator = Math.floor(i / 35) % 2 === 0 ? 'recycling' : 'pm25';
      lines.push(`${city},${indicator},${1950 + Math.floor(i / 70)},${(i % 97) + 0.5}`);
    }
    lines.splice(5001, 0, 'braga,recycling,2099,abc');
    const before = await fingerprint(ctx.db.knex);
    const response = await post<ErrorBody>(csv(lines));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('import_rejected');
    expect(response.body.error.message).toBe(
      'The file has 1 error; nothing was imported. Fix the rows listed and import again.',
    );
    const report = response.body.error.details as ImportReport;
    expect(report.rowsRead).toBe(10_001);
    expect(report.errors).toEqual([
      { row: 5002, column: 'value', value: 'abc', message: '"abc" is not a number.' },
    ]);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('reports every problem with its row, column, value and a readable message', async () => {
    const file = csv([
      'city,indicator,year,value,status,source,note',
      'atlantis,recycling,2020,1,,,',
      'espoo,nothing,2020,1,,,',
      'tallinn,recycling,2020,1,,,',
      'espoo,old,2020,1,,,',
      'espoo,recycling,20x0,1,,,',
      'espoo,recycling,2022,120,,,',
      'espoo,recycling,2023,-0,,,',
      'espoo,recycling,2024,1,draft,,',
      `espoo,recycling,2025,1,,,${'x'.repeat(2001)}`,
      'espoo,recycling,2026,1,,',
      'espoo,recycling,2027,5,,,',
      'espoo,recycling,2027,6,,,',
      'espoo,recycling,2028,"12,5",,,',
      'espoo,recycling,2029,,,,',
    ]);
    const response = await post(file, '?dryRun=true');
    expect(response.status).toBe(200);
    const errors = response.body.errors;
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14]);
    const byRow = new Map(errors.map((e) => [e.row, e]));
    expect(byRow.get(2)).toMatchObject({
      column: 'city',
      value: 'atlantis',
      message: 'There is no city "atlantis".',
    });
    expect(byRow.get(3)).toMatchObject({
      column: 'indicator',
      message: 'There is no indicator "nothing".',
    });
    expect(byRow.get(4)?.message).toMatch(
      /"tallinn" is not a member of the network that owns "recycling"/,
    );
    expect(byRow.get(5)?.message).toMatch(/archived/);
    expect(byRow.get(6)).toMatchObject({ column: 'year', value: '20x0' });
    expect(byRow.get(7)?.message).toBe(
      '120 is outside the allowed range for "Recycling rate": from 0 to 100 %.',
    );
    expect(byRow.get(8)?.message).toMatch(/-0 is ambiguous/);
    expect(byRow.get(9)).toMatchObject({ column: 'status', value: 'draft' });
    expect(byRow.get(10)?.message).toMatch(/note is longer than 2000 characters/);
    expect(byRow.get(11)?.message).toBe('This row has 6 fields but the header has 7.');
    expect(byRow.get(13)?.message).toBe(
      'Row 12 already has espoo, recycling, 2027; each value may appear once.',
    );
    expect(byRow.get(14)?.message).toMatch(/Use a point as the decimal separator/);
    // An empty value is no value (a template's unfilled cells): left out and counted, not an error.
    expect(response.body.skippedReasons).toContainEqual({
      reason: 'rows without a value (empty cells) are left out',
      count: 1,
    });
  });

  it('refuses headers that do not fit, empty files and broken quoting', async () => {
    const missing = await post<ErrorBody>(csv(['city,indicator,value', 'espoo,recycling,1']));
    expect(missing.status).toBe(422);
    expect((missing.body.error.details as ImportReport).errors[0]?.message).toMatch(
      /missing "year"/,
    );
    const unknown = await post(
      csv(['city,indicator,year,value,colour', 'espoo,recycling,2020,1,red']),
      '?dryRun=true',
    );
    expect(unknown.body.errors[0]?.message).toMatch(/unknown "colour"/);
    const twice = await post(
      csv(['city,indicator,year,value,value', 'espoo,recycling,2020,1,2']),
      '?dryRun=true',
    );
    expect(twice.body.errors[0]?.message).toMatch(/appears twice/);
    const empty = await post('', '?dryRun=true');
    expect(empty.body.errors[0]?.message).toMatch(/The file is empty/);
    const headerOnly = await post(csv(['city,indicator,year,value']), '?dryRun=true');
    expect(headerOnly.body.errors[0]?.message).toMatch(/no rows/);
    const quoting = await post(
      csv([
        'city,indicator,year,value,status,source,note',
        'espoo,recycling,2020,1,,,"never closed',
      ]),
      '?dryRun=true',
    );
    expect(quoting.body.errors[0]).toMatchObject({
      row: 2,
      message: expect.stringMatching(/never closed/),
    });
  });

  it('says when the file is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('city,indicator,year,value,status,source,note\nespoo,recycling,2020,1,,'),
      Buffer.from([0xe9]),
      Buffer.from(',\n'),
    ]);
    const response = await post(latin1, '?dryRun=true');
    expect(response.body.errors[0]?.message).toMatch(/not UTF-8/);
  });

  it('refuses other content types (415) and files over the size limit (413)', async () => {
    const json = await http.post<ErrorBody>('/api/v1/imports', { rows: [] });
    expect(json.status).toBe(415);
    const small = await createTestApp({ as: 'admin', env: { IMPORT_BODY_LIMIT: '2048' } });
    try {
      const response = await small.app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { 'content-type': 'text/csv' },
        payload: `city,indicator,year,value\n${'espoo,recycling,2020,1\n'.repeat(200)}`,
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('payload_too_large');
    } finally {
      await small.close();
    }
  });
});

describe('other file shapes', () => {
  it('reads semicolon-separated files with decimal commas, a BOM and CRLF line ends', async () => {
    const file = `\uFEFFcity;indicator;year;value\r\nkosice;recycling;2019;"22,4"\r\nkosice;recycling;2020;23,1\r\n`;
    const response = await post(file);
    expect(response.body).toMatchObject({ delimiter: ';', toInsert: 2, errorCount: 0 });
    const values = (
      await http.get<ObservationListResponse>(
        '/api/v1/cities/kosice/observations?indicator=recycling',
      )
    ).body;
    expect(values.observations.map((o) => o.value)).toEqual([22.4, 23.1]);
  });

  it('reads tab-separated files', async () => {
    const response = await post(
      'city\tindicator\tyear\tvalue\nbraga\trecycling\t2021\t31.5\n',
      '?dryRun=true',
    );
    expect(response.body).toMatchObject({ delimiter: '\t', toInsert: 1, errorCount: 0 });
  });

  it('reads the Open SDG format for one indicator: breakdowns become series, wider-area totals are left out', async () => {
    const file = csv([
      'Year,GeoCode,Sex,Units,Value',
      '2021,,,µg/m³,11',
      '2021,espoo,,µg/m³,7.9',
      '2021,espoo,female,µg/m³,7.7',
      '2022,espoo,,µg/m³,7.4',
    ]);
    const missing = await post<ErrorBody>(file);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/\?indicator=/);
    const response = await post(file, '?indicator=pm25');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      format: 'opensdg',
      rowsRead: 4,
      toInsert: 3,
      skipped: 1,
      series: [
        { indicator: 'pm25', series: {}, values: 2 },
        { indicator: 'pm25', series: { sex: 'female' }, values: 1 },
      ],
    });
    expect(response.body.skippedReasons.map((r) => r.reason)).toEqual([
      'rows without GeoCode (totals for a wider area) are not stored',
    ]);
    expect(
      (await http.get<Observation>('/api/v1/cities/espoo/indicators/pm25/observations/2022')).body
        .value,
    ).toBe(7.4);
    const female = await http.get<Observation>(
      `/api/v1/cities/espoo/indicators/pm25/observations/2021?series=${encodeURIComponent('{"sex":"female"}')}`,
    );
    expect(female.body).toMatchObject({ value: 7.7, series: { sex: 'female' } });
  });

  it('flags implausible jumps with their row, stores the flag, and still imports', async () => {
    const response = await post(
      csv(['city,indicator,year,value', 'kosice,pm25,2021,12.1', 'kosice,pm25,2022,35']),
    );
    expect(response.status).toBe(200);
    expect(response.body.flaggedCount).toBe(1);
    expect(response.body.flagged).toEqual([
      {
        row: 3,
        city: 'kosice',
        indicator: 'pm25',
        year: 2022,
        message: expect.stringMatching(/Unusual change for "PM2.5"/),
      },
    ]);
    const stored = (
      await http.get<Observation>('/api/v1/cities/kosice/indicators/pm25/observations/2022')
    ).body;
    expect(stored.flag).toMatchObject({ kind: 'jump', previousYear: 2021, value: 35 });
    expect(
      (await http.get<Observation>('/api/v1/cities/kosice/indicators/pm25/observations/2021')).body
        .flag,
    ).toBeNull();
  });
});
