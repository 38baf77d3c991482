import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../server/src/services/import.service';
import { api } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Eurostat's City statistics files as Eurostat publishes them
 * (tests/fixtures/eurostat: the complete urb_percep bulk TSV, 37,651 lines,
 * and an SDMX-CSV extract of urb_ctran), imported into a network of six
 * partner cities: every stored value is compared with the source line.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/eurostat');
const PERCEP = fs.readFileSync(path.join(FIXTURES, 'urb_percep.tsv'));
const CTRAN = fs.readFileSync(path.join(FIXTURES, 'urb_ctran_sdmx.csv'));

const CITIES = {
  tallinn: 'EE001C',
  braga: 'PT003C',
  kosice: 'SK002C',
  mannheim: 'DE081C',
  espoo: 'FI005C',
  valencia: 'ES003C',
} as const;

const INDICATORS = [
  // "Very" + "rather satisfied" with public transport: a sum of two codes.
  { slug: 'pt-satisfaction', eurostat: 'urb_percep:PS1012V+PS1013V', target: '11.2' },
  // "I feel safe": PS3290V up to the 2015 wave, PS3514V in 2019.
  { slug: 'feel-safe', eurostat: 'urb_percep:PS3290V|PS3514V', target: '16.1' },
  { slug: 'housing-affordable', eurostat: 'urb_percep:PS2032V', target: '11.1' },
  { slug: 'pt-share', eurostat: 'urb_ctran:TT1010V', target: '11.2' },
  { slug: 'ticket-cost', eurostat: 'urb_ctran:TT1080V', target: '11.2' },
] as const;

let ctx: TestContext;
let client: ReturnType<typeof api>;

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin' });
  client = api(ctx.app);
  expect(
    (await client.post('/api/v1/networks', { slug: 'csg', name: 'CSG', isPublic: true })).status,
  ).toBe(201);
  for (const [slug, code] of Object.entries(CITIES)) {
    const created = await client.post('/api/v1/cities', {
      slug,
      name: slug,
      countryCode: code.slice(0, 2).replace('EL', 'GR'),
      network: 'csg',
      codes: { 'urban-audit': code },
    });
    expect(created.status).toBe(201);
  }
  // A city with a code that is not a member of the network.
  await client.post('/api/v1/cities', {
    slug: 'bern',
    name: 'Bern',
    countryCode: 'CH',
    codes: { 'urban-audit': 'CH001C' },
  });
  for (const i of INDICATORS) {
    const created = await client.post('/api/v1/networks/csg/indicators', {
      slug: i.slug,
      name: i.slug,
      unit: i.slug === 'ticket-cost' ? 'EUR' : '%',
      direction: i.slug === 'ticket-cost' ? 'decrease' : 'increase',
      allowedMin: 0,
      allowedMax: i.slug === 'ticket-cost' ? null : 100,
      codes: { eurostat: i.eurostat },
      sdgLinks: [{ target: i.target }],
    });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await ctx?.close();
});

async function importEurostat(
  body: Buffer | string,
  query: string,
): Promise<{ status: number; report: ImportReport }> {
  const response = await client.post<ImportReport & { error?: { details: ImportReport } }>(
    `/api/v1/imports/eurostat?${query}`,
    body,
    { 'content-type': 'text/csv' },
  );
  return {
    status: response.status,
    report: response.status === 422 ? response.body.error!.details : response.body,
  };
}

/** The source, read independently of the importer: code → city code → year → [value, flags]. */
function tsvSource(): Map<string, Map<string, Map<number, [number | null, string]>>> {
  const lines = PERCEP.toString('utf8').split('\n');
  const years = lines[0]!.split('\t').slice(1).map(Number);
  const source = new Map<string, Map<string, Map<number, [number | null, string]>>>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const [key, ...cells] = line.split('\t');
    const [code, , city] = key!.split(',');
    const byCity = source.get(code!) ?? new Map();
    source.set(code!, byCity);
    byCity.set(
      city!,
      new Map(
        cells.map((cell, k) => {
          const [value, flags = ''] = cell.trim().split(' ');
          return [years[k]!, [value === ':' ? null : Number(value), flags]];
        }),
      ),
    );
  }
  return source;
}

async function stored(city: string, indicator: string): Promise<Map<number, [number, string[]]>> {
  const response = await client.get<{
    observations: Array<{ year: number; value: number; flags: string[]; source: string | null }>;
  }>(`/api/v1/cities/${city}/observations?indicator=${indicator}`);
  expect(response.status).toBe(200);
  for (const o of response.body.observations)
    expect(o.source).toMatch(/^Eurostat, City statistics/);
  return new Map(response.body.observations.map((o) => [o.year, [o.value, o.flags]]));
}

const FLAG_WORDS: Record<string, string> = {
  e: 'estimated',
  p: 'provisional',
  b: 'break-in-series',
  u: 'low-reliability',
  c: 'confidential',
  d: 'definition-differs',
};
const words = (letters: string): string[] =>
  [...'epbucd'].filter((l) => letters.includes(l)).map((l) => FLAG_WORDS[l]!);

describe('Eurostat City statistics files import as published', () => {
  it('refuses a file that is not Eurostat’s, and a missing network, with clear messages', async () => {
    const wrong = await importEurostat(
      'city,indicator,year,value\nbraga,pt-share,2020,1\n',
      'network=csg',
    );
    expect(wrong.status).toBe(422);
    expect(wrong.report.errors[0]!.message).toMatch(
      /long format.*only a Eurostat bulk TSV file or a Eurostat SDMX-CSV/,
    );
    const missing = await importEurostat(CTRAN, 'network=nowhere');
    expect(missing.status).toBe(404);
    const noNetwork = await client.post('/api/v1/imports/eurostat', 'x', {
      'content-type': 'text/csv',
    });
    expect(noNetwork.status).toBe(400);
  });

  it('reads the whole urb_percep bulk TSV: sums, survey waves, flags, ":" as missing, other cities left out', async () => {
    const dry = await importEurostat(PERCEP, 'network=csg&dataset=urb_percep&dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.report.format).toBe('eurostat-tsv');
    expect(dry.report.rowsRead).toBe(37_651);
    expect(dry.report.errors).toEqual([]);
    const { status, report } = await importEurostat(PERCEP, 'network=csg&dataset=urb_percep');
    expect(status).toBe(200);
    expect(report.toInsert).toBe(dry.report.toInsert);
    const skipped = Object.fromEntries(report.skippedReasons.map((r) => [r.reason, r.count]));
    // Every line whose code is not one of the network's indicators.
    const codes = new Set(['PS1012V', 'PS1013V', 'PS3290V', 'PS3514V', 'PS2032V']);
    const source = tsvSource();
    const otherLines = [...source]
      .filter(([code]) => !codes.has(code))
      .reduce((n, [, byCity]) => n + byCity.size, 0);
    expect(skipped['indicators this network does not have are left out']).toBe(otherLines);
    expect(skipped['cities that are not members of the network are left out']).toBeGreaterThan(400);

    // Every value compared with the source line.
    const members = Object.entries(CITIES);
    let compared = 0;
    for (const [city, code] of members) {
      const sum = await stored(city, 'pt-satisfaction');
      const very = source.get('PS1012V')?.get(code);
      const rather = source.get('PS1013V')?.get(code);
      const expected = new Map<number, [number, string[]]>();
      for (const [year, [v, f]] of very ?? []) {
        const [r, g] = rather?.get(year) ?? [null, ''];
        if (v !== null && r !== null)
          expected.set(year, [Number((v + r).toFixed(1)), words(f + g)]);
      }
      expect(sum).toEqual(expected);
      compared += sum.size;

      const safe = await stored(city, 'feel-safe');
      const safeExpected = new Map<number, [number, string[]]>();
      for (const waveCode of ['PS3290V', 'PS3514V'])
        for (const [year, [v, f]] of source.get(waveCode)?.get(code) ?? [])
          if (v !== null) safeExpected.set(year, [v, words(f)]);
      expect(safe).toEqual(safeExpected);
      compared += safe.size;
    }
    expect(compared).toBe(36);
    // Literal checks against the file: Tallinn 2019 is 29.4 + 45.3; Mannheim felt safe 22 % in 2015, 14.1 % in 2019.
    expect((await stored('tallinn', 'pt-satisfaction')).get(2019)![0]).toBe(74.7);
    expect((await stored('mannheim', 'feel-safe')).get(2015)![0]).toBe(22);
    expect((await stored('mannheim', 'feel-safe')).get(2019)![0]).toBe(14.1);
    // Mannheim had no 2012 survey: ":" is not a value.
    expect((await stored('mannheim', 'pt-satisfaction')).has(2012)).toBe(false);

    // Importing the same file again changes nothing.
    const again = await importEurostat(PERCEP, 'network=csg&dataset=urb_percep');
    expect(again.report).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: report.toInsert });
  });

  it('reads the SDMX-CSV extract: the dataset from STRUCTURE_ID, flags kept, flagged empty values left out', async () => {
    const { status, report } = await importEurostat(CTRAN, 'network=csg');
    expect(status).toBe(200);
    expect(report.format).toBe('eurostat-sdmx');
    expect(report.errors).toEqual([]);
    // Tallinn's ticket: "d" (definition differs) kept; Mannheim 2018 estimated.
    const tallinn = await stored('tallinn', 'ticket-cost');
    expect(tallinn.get(2019)).toEqual([23, ['definition-differs']]);
    expect(tallinn.get(2021)).toEqual([30, []]);
    expect((await stored('mannheim', 'ticket-cost')).get(2018)).toEqual([60.9, ['estimated']]);
    // Braga's values for 2016– are empty with flag u: not values.
    expect([...(await stored('braga', 'ticket-cost')).keys()]).toEqual([2015]);
    // Every stored value equals its source line.
    const lines = CTRAN.toString('utf8').split('\n').slice(1);
    for (const [city, code] of Object.entries(CITIES))
      for (const [indicator, eurostat] of [
        ['pt-share', 'TT1010V'],
        ['ticket-cost', 'TT1080V'],
      ] as const) {
        const expected = new Map<number, [number, string[]]>();
        for (const line of lines) {
          const match = new RegExp(
            `,${eurostat},.*,${code},[^,]*,(\\d{4}),,([^,]*),,([a-z]*),`,
          ).exec(line);
          if (match !== null && match[2] !== '')
            expected.set(Number(match[1]), [Number(match[2]), words(match[3]!)]);
        }
        expect(await stored(city, indicator)).toEqual(expected);
      }
  });

  it('leaves a sum out where one term is missing, and counts it', async () => {
    const file =
      'indic_ur,unit,cities\\time\t2019 \t2015 \n' +
      'PS1012V,PC,EE001C\t10.0 \t: \n' +
      'PS1013V,PC,EE001C\t20.5 e\t30.0 \n';
    const { status, report } = await importEurostat(
      file,
      'network=csg&dataset=urb_percep&dryRun=true',
    );
    expect(status).toBe(200);
    expect(report).toMatchObject({ errors: [], toUpdate: 1, rowsRead: 2 });
    expect(report.skippedReasons).toContainEqual({
      reason:
        'sums (such as "very" + "rather satisfied") with a term not available for that city and year are left out',
      count: 1,
    });
  });

  it('refuses an indicator whose Eurostat code is not written as imports read it', async () => {
    const bad = await client.post<{ error: { message: string } }>(
      '/api/v1/networks/csg/indicators',
      {
        slug: 'bad-code',
        name: 'Bad',
        unit: '%',
        direction: 'increase',
        codes: { eurostat: 'urb percep: PS1012V + x' },
        sdgLinks: [{ target: '11.2' }],
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/dataset:CODE/);
  });

  it('adds catalogue entries from Eurostat’s code list in one step, suggestions filled in', async () => {
    const search = await client.get<{
      codes: Array<{ code: string; label: string; suggestion: { target: string } | null }>;
      attribution: string;
    }>('/api/v1/eurostat/indicators?search=public%20transport');
    expect(search.status).toBe(200);
    // The curated suggestions first (with their target), then the plain codes.
    expect(search.body.codes.slice(0, 2)).toMatchObject([
      { code: 'urb_ctran:TT1010V', suggestion: { target: '11.2' } },
      { code: 'urb_percep:PS1012V+PS1013V', suggestion: { target: '11.2' } },
    ]);
    expect(search.body.codes.slice(2).every((c) => c.suggestion === null)).toBe(true);
    expect(search.body.codes.map((c) => c.code)).toContain('urb_percep:PS1012V');
    expect(search.body.attribution).toMatch(/Eurostat/);
    const network = await client.post('/api/v1/networks', { slug: 'csg2', name: 'CSG 2' });
    expect(network.status).toBe(201);
    const created = await client.post<{
      indicators: Array<{
        slug: string;
        name: string;
        unit: string;
        codes: Record<string, string>;
        sdgLinks: Array<{ target: string; indicator: string | null }>;
        naturalLimit: number | null;
        direction: string;
      }>;
    }>('/api/v1/networks/csg2/indicators/eurostat', {
      indicators: [
        { code: 'urb_ctran:TT1060I' },
        { code: 'urb_percep:PS1052V+PS1053V' },
        { code: 'urb_ctran:TT1003V', target: '11.2', direction: 'decrease' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.indicators.map((i) => [i.slug, i.unit, i.direction])).toEqual([
      ['road-deaths-per-10000', 'per 10,000 inhabitants', 'decrease'],
      ['satisfied-with-green-spaces', '% of respondents', 'increase'],
      ['eurostat-tt1003v', '%', 'decrease'],
    ]);
    expect(created.body.indicators[0]!.sdgLinks).toEqual([{ target: '3.6', indicator: '3.6.1' }]);
    expect(created.body.indicators[2]!.name).toBe('Share of journeys to work by car');
    expect(created.body.indicators[1]!.naturalLimit).toBe(100);

    // All or none: one bad entry leaves the others out.
    const mixed = await client.post<{
      error: { message: string; details: Array<{ path: string }> };
    }>('/api/v1/networks/csg2/indicators/eurostat', {
      indicators: [{ code: 'urb_ctran:TT1007V' }, { code: 'urb_ctran:TT1012V' }],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/which SDG target urb_ctran:TT1012V measures/);
    expect(mixed.body.error.details[0]!.path).toBe('/indicators/1/target');
    expect((await client.get('/api/v1/indicators/journeys-to-work-by-bicycle')).status).toBe(404);
    const unknown = await client.post<{ error: { message: string } }>(
      '/api/v1/networks/csg2/indicators/eurostat',
      { indicators: [{ code: 'urb_ctran:TT9999V', target: '11.2', direction: 'increase' }] },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/no indicator TT9999V/);
    // A code another indicator of the network reads already.
    const twice = await client.post<{ error: { message: string } }>(
      '/api/v1/networks/csg2/indicators/eurostat',
      { indicators: [{ code: 'urb_ctran:TT1060I', slug: 'road-deaths-again' }] },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already reads the Eurostat code TT1060I/);
  });

  it('keeps networks apart when two read the same code; without ?network= such codes are left out, named', async () => {
    const twin = await client.post('/api/v1/networks/csg2/indicators/eurostat', {
      indicators: [{ code: 'urb_ctran:TT1010V', slug: 'pt-share-twin' }],
    });
    expect(twin.status).toBe(201);
    const intoCsg = await importEurostat(CTRAN, 'network=csg&dryRun=true');
    expect(intoCsg.report).toMatchObject({ errorCount: 0, toInsert: 0 });
    expect(intoCsg.report.unchanged).toBe(36);
    const generic = await client.post<ImportReport>('/api/v1/imports?dryRun=true', CTRAN, {
      'content-type': 'text/csv',
    });
    expect(generic.body.skippedReasons.map((r) => r.reason)).toContain(
      'codes that indicators of several networks read are left out: name the network (?network=)',
    );
  });

  it('names every entry that cannot be added, at once', async () => {
    const both = await client.post<{
      error: { message: string; details: Array<{ path: string }> };
    }>('/api/v1/networks/csg2/indicators/eurostat', {
      indicators: [
        { code: 'urb_ctran:TT9998V', target: '11.2', direction: 'increase' },
        { code: 'urb_ctran:TT1007V' },
        { code: 'urb_ctran:TT1012V', target: '11.2' },
      ],
    });
    expect(both.status).toBe(400);
    expect(both.body.error.details.map((d) => d.path)).toEqual([
      '/indicators/0/code',
      '/indicators/2/direction',
    ]);
    expect(both.body.error.message).toMatch(/^2 entries cannot be added/);
  });
});
