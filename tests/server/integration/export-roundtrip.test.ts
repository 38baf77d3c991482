import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvReader } from '../../../server/src/domain/csv';
import type { ImportReport } from '../../../server/src/schemas/observation.schema';
import { addMember, buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import { api, fingerprint } from '../../helpers/api';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let source: TestContext;
let target: TestContext;

/** The same network, cities and indicators in a database. */
async function catalogue(ctx: TestContext): Promise<void> {
  const k = ctx.db.knex;
  const network = await buildNetwork(k, { slug: 'round' });
  for (const slug of ['espoo', 'valencia', 'agios-dimitrios'])
    await addMember(k, network, await buildCity(k, { slug }));
  await buildIndicator(k, network, {
    slug: 'ghg',
    direction: 'decrease',
    allowed_min: -1000,
    allowed_max: 1000,
    best_bound: 0,
    worst_bound: 20,
  });
  await buildIndicator(k, network, {
    slug: 'share',
    direction: 'increase',
    allowed_min: 0,
    allowed_max: 100,
    best_bound: 100,
    worst_bound: 0,
  });
}

const tricky = [
  'city,indicator,year,value,status,source,note',
  'espoo,ghg,2015,8.123456789012345,final,"Inventory, 2016 edition",',
  'espoo,ghg,2016,-0.5,provisional,,"He said ""net zero"""',
  'espoo,ghg,2017,1e-7,final,,"two',
  'lines"',
  'valencia,share,2020,33.333333333333336,final,Ajuntament de València,Notes; with semicolon',
  'valencia,share,2021,100,final,,  leading spaces kept? no: trimmed',
  'agios-dimitrios,share,2019,0,final,Δήμος Αγίου Δημητρίου,ελληνικά',
  'agios-dimitrios,ghg,2019,999.123456789,final,,tab\there',
].join('\n');

beforeAll(async () => {
  source = await createTestApp({ as: 'admin' });
  target = await createTestApp({ as: 'admin' });
  await catalogue(source);
  await catalogue(target);
  const report = await api(source.app).post<ImportReport>('/api/v1/imports', tricky, {
    'content-type': 'text/csv',
  });
  expect(report.body.errorCount, JSON.stringify(report.body)).toBe(0);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('export → import → export', () => {
  it('streams the network\u2019s values as CSV in the import\u2019s long format', async () => {
    const response = await api(source.app).get('/api/v1/networks/round/observations/export');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="round-observations.csv"',
    );
    const lines = response.text.split('\n');
    expect(lines[0]).toBe('city,indicator,series,year,value,status,flags,source,note');
    expect(response.text).toContain('espoo,ghg,,2016,-0.5,provisional,,,"He said ""net zero"""');
    expect(response.text).toContain('espoo,ghg,,2017,1e-7,final,,,"two\nlines"');
  });

  it('re-importing an export into the same database changes nothing', async () => {
    const exported = (await api(source.app).get('/api/v1/networks/round/observations/export')).text;
    const before = await fingerprint(source.db.knex);
    const report = await api(source.app).post<ImportReport>('/api/v1/imports', exported, {
      'content-type': 'text/csv',
    });
    expect(report.body).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 7, errorCount: 0 });
    expect(await fingerprint(source.db.knex)).toEqual(before);
  });

  it('importing an export into another database gives an identical export', async () => {
    const first = (await api(source.app).get('/api/v1/networks/round/observations/export')).text;
    const report = await api(target.app).post<ImportReport>('/api/v1/imports', first, {
      'content-type': 'text/csv',
    });
    expect(report.body).toMatchObject({ toInsert: 7, errorCount: 0 });
    const second = (await api(target.app).get('/api/v1/networks/round/observations/export')).text;
    expect(second).toBe(first);
    const cityFirst = (await api(source.app).get('/api/v1/cities/espoo/observations/export')).text;
    const citySecond = (await api(target.app).get('/api/v1/cities/espoo/observations/export')).text;
    expect(citySecond).toBe(cityFirst);
    expect(cityFirst.split('\n').filter((l) => l.startsWith('espoo,'))).toHaveLength(3);
  });

  it('exports across many pages in key order', async () => {
    const lines = ['city,indicator,year,value'];
    for (let year = 1950; year <= 2100; year++) {
      for (const city of ['espoo', 'valencia', 'agios-dimitrios'])
        lines.push(`${city},share,${year},${(year % 100) + 0.25}`);
    }
    const imported = await api(target.app).post('/api/v1/imports', lines.join('\n'), {
      'content-type': 'text/csv',
    });
    expect(imported.status, imported.text).toBe(200);
    const text = (await api(target.app).get('/api/v1/networks/round/observations/export')).text;
    const reader = new CsvReader(',');
    const records = [...reader.push(text), ...reader.finish()];
    const stored = (await target.db.knex('observations').count('* as c')) as Array<{ c: number }>;
    expect(records.length - 1).toBe(Number(stored[0]?.c));
    const keys = records.slice(1).map((r) => r.slice(0, 4).join('/'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers 404 for unknown networks and cities', async () => {
    expect((await api(source.app).get('/api/v1/networks/none/observations/export')).status).toBe(
      404,
    );
    expect((await api(source.app).get('/api/v1/cities/none/observations/export')).status).toBe(404);
  });
});
