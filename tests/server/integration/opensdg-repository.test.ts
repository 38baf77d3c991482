import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepositoryReport } from '../../../server/src/services/opensdg-repository.service';
import { api } from '../../helpers/api';
import { issueSession } from '../../helpers/auth';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * Open SDG data repositories in and out: the real data files of Bristol's and
 * Los Angeles' repositories (tests/fixtures/opensdg) zipped as GitHub serves
 * a repository, with metadata files written here in Open SDG's format.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/opensdg');
const LIMIT = 2_000_000;
let ctx: TestContext;
let client: ReturnType<typeof api>;

/** The repository as GitHub's "Download ZIP" gives it: one top folder, data/, meta/, and other files. */
function repositoryZip(
  city: 'bristol' | 'la',
  meta: Record<string, string> = {},
  extra: Record<string, Uint8Array> = {},
): Uint8Array {
  const top = city === 'bristol' ? 'sdg-data-bristol-main' : 'open-sdg-data-starter-main';
  const files: Record<string, Uint8Array> = {
    [`${top}/README.md`]: strToU8('# data'),
    [`${top}/translations/en/global_indicators.yml`]: strToU8('1-1-1-title: x\n'),
    [`${top}/scripts/build_data.py`]: strToU8('print(1)\n'),
    ...extra,
  };
  for (const file of fs.readdirSync(path.join(FIXTURES, city)))
    files[`${top}/data/${file}`] = fs.readFileSync(path.join(FIXTURES, city, file));
  for (const [id, text] of Object.entries(meta)) files[`${top}/meta/${id}.md`] = strToU8(text);
  return zipSync(files);
}

const BRISTOL_META = {
  // A name given as a translation key, a unit, a direction and a target line.
  '11-1-1': [
    '---',
    'indicator_name: Rough sleepers counted on a single night',
    'indicator_number: 11.1.1',
    'computation_units: Rough Sleeper snapshot by year',
    'source_organisation_1: Bristol City Council',
    'progress_calculation_options:',
    '  - direction: negative',
    '    base_year: 2015',
    'graph_target_lines:',
    '  - value: 10',
    '    label_content: Bristol 2030 target',
    '  - unit: Rough sleeper estimate',
    '    value: 0',
    '---',
    'Rough sleeping in Bristol.',
  ].join('\n'),
  '16-7-2':
    '---\nindicator_name: global_indicators.16-7-2-title\nprogress_calculation_options:\n  - direction: positive\n    limit: 100\n---\n',
  // Metadata that is not YAML: reported, the data file still imports.
  '3-3-2': '---\nindicator_name: [unclosed\n---\n',
};

async function importZip(
  zip: Uint8Array,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; report: RepositoryReport; message?: string }> {
  const response = await client.post<
    RepositoryReport & { error?: { message: string; details: RepositoryReport } }
  >(`/api/v1/imports/opensdg?${query}`, Buffer.from(zip), {
    'content-type': 'application/zip',
    ...headers,
  });
  return {
    status: response.status,
    report: response.status === 422 ? response.body.error!.details : response.body,
    message: response.body.error?.message,
  };
}

async function values(city: string): Promise<string[]> {
  const response = await client.get<{
    observations: Array<{
      indicator: string;
      series: Record<string, string>;
      year: number;
      value: number;
      flags: string[];
      note: string | null;
    }>;
  }>(`/api/v1/cities/${city}/observations?series=*`);
  expect(response.status).toBe(200);
  return response.body.observations
    .map((o) => JSON.stringify([o.indicator, o.series, o.year, o.value, o.flags, o.note ?? '']))
    .sort();
}

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin', env: { IMPORT_BODY_LIMIT: String(LIMIT) } });
  client = api(ctx.app);
  expect(
    (
      await client.post('/api/v1/networks', {
        slug: 'osdg',
        name: 'Open SDG cities',
        isPublic: true,
      })
    ).status,
  ).toBe(201);
  expect(
    (await client.post('/api/v1/networks', { slug: 'hidden', name: 'Hidden', isPublic: false }))
      .status,
  ).toBe(201);
  for (const [slug, name, country] of [
    ['bristol', 'Bristol', 'GB'],
    ['bristol-copy', 'Bristol (copy)', 'GB'],
    ['los-angeles', 'Los Angeles', 'US'],
    ['la-copy', 'Los Angeles (copy)', 'US'],
  ] as const)
    expect(
      (await client.post('/api/v1/cities', { slug, name, countryCode: country, network: 'osdg' }))
        .status,
    ).toBe(201);
  const bristol = await client.get('/api/v1/cities/bristol');
  await client.patch(
    '/api/v1/cities/bristol',
    { codes: { ons: 'E06000023' } },
    { 'if-match': String(bristol.headers.etag) },
  );
});

afterAll(async () => {
  await ctx?.close();
});

describe('importing an Open SDG data repository', () => {
  it('reports file by file; all or nothing by default: one bad file refuses the repository', async () => {
    const dry = await importZip(
      repositoryZip('bristol', BRISTOL_META),
      'network=osdg&city=bristol&dryRun=true',
    );
    expect(dry.status).toBe(200);
    expect(dry.report).toMatchObject({
      dryRun: true,
      committed: false,
      filesRead: 14,
      filesFailed: 1,
      ignoredEntries: 3,
    });
    const bad = dry.report.files.find((f) => f.openSdgId === '6-3-1')!;
    expect(bad.outcome).toBe('failed');
    expect(bad.errorCount).toBe(30);
    expect(bad.errors[0]!.message).toMatch(/each value may appear once/);

    const refused = await importZip(
      repositoryZip('bristol', BRISTOL_META),
      'network=osdg&city=bristol',
    );
    expect(refused.status).toBe(422);
    expect(refused.message).toMatch(/1 of 14 files cannot be imported; nothing was imported/);
    expect(refused.report.files).toHaveLength(14);
    expect(await values('bristol')).toEqual([]);
    expect(
      (await client.get<{ indicators: unknown[] }>('/api/v1/networks/osdg/indicators')).body
        .indicators,
    ).toEqual([]);
  });

  it('imports the valid files with onError=skipFile: indicators from the metadata or the UN framework, target lines as ambitions', async () => {
    const { status, report } = await importZip(
      repositoryZip('bristol', BRISTOL_META),
      'network=osdg&city=bristol&onError=skipFile',
    );
    expect(status).toBe(200);
    expect(report).toMatchObject({
      committed: true,
      filesRead: 14,
      filesImported: 13,
      filesFailed: 1,
      indicatorsCreated: 14,
      ambitionsSet: 1,
    });
    expect(report.files.find((f) => f.openSdgId === '6-3-1')!.outcome).toBe('skipped');
    const byId = new Map(report.files.map((f) => [f.openSdgId, f]));
    expect(byId.get('11-1-1-c')).toMatchObject({
      indicator: 'osdg-11-1-1-c',
      inserted: 140,
      outcome: 'imported',
    });
    expect(byId.get('3-3-2')!.warnings.join(' ')).toMatch(/metadata cannot be read/);

    const rough = (
      await client.get<{
        name: string;
        unit: string;
        direction: string;
        source: string;
        codes: Record<string, string>;
        sdgLinks: Array<{ target: string; indicator: string | null }>;
      }>('/api/v1/indicators/osdg-11-1-1')
    ).body;
    expect(rough).toMatchObject({
      name: 'Rough sleepers counted on a single night',
      unit: 'Rough Sleeper snapshot by year',
      direction: 'decrease',
      source: 'Bristol City Council',
      codes: { opensdg: '11-1-1' },
      sdgLinks: [{ target: '11.1', indicator: '11.1.1' }],
    });
    // The UN title for a translation key, and for a file without metadata.
    const participation = (
      await client.get<{ name: string; direction: string; naturalLimit: number | null }>(
        '/api/v1/indicators/osdg-16-7-2',
      )
    ).body;
    expect(participation).toMatchObject({ direction: 'increase', naturalLimit: 100 });
    expect(participation.name).toMatch(
      /^Proportion of population who believe decision-making is inclusive/,
    );
    expect((await client.get<{ name: string }>('/api/v1/indicators/osdg-4-2-1')).body.name).toMatch(
      /^Proportion of children aged 24–59 months|^Proportion of children/,
    );
    expect(byId.get('4-2-1')!.warnings.join(' ')).toMatch(/taken as lower, as Open SDG does/);

    // The headline target line (not the one of another unit) is the ambition, from the 2015 value.
    const ambition = await client.get<{
      baselineYear: number;
      baselineValue: number;
      targetYear: number;
      targetValue: number;
    }>('/api/v1/cities/bristol/indicators/osdg-11-1-1/ambition');
    expect(ambition.status).toBe(200);
    expect(ambition.body).toMatchObject({ baselineYear: 2015, targetYear: 2030, targetValue: 10 });

    const again = await importZip(
      repositoryZip('bristol', BRISTOL_META),
      'network=osdg&city=bristol&onError=skipFile',
    );
    expect(again.report).toMatchObject({
      indicatorsCreated: 0,
      indicatorsUpdated: 0,
      filesImported: 13,
    });
    expect(again.report.files.filter((f) => f.outcome === 'unchanged')).toHaveLength(13);
  });

  it('round-trips: import → export → import into another city gives every value, series, flag and note', async () => {
    // Flags and notes, several flags in one status cell, a breakdown.
    const flagged = strToU8(
      'Year,Sex,Observation status,COMMENT_OBS,Value\n' +
        '2019,,E,provisional figure,1.5\n' +
        '2020,,"estimated, break in series",,2\n' +
        '2020,Female,,,1\n',
    );
    const la = await importZip(
      repositoryZip('la', {}, { 'x/data/indicator_17-2-1.csv': flagged }),
      'network=osdg&city=los-angeles',
    );
    expect(la.status).toBe(200);
    expect(la.report.filesFailed).toBe(0);
    for (const city of ['bristol', 'los-angeles']) {
      const exported = await ctx.app.inject({ url: `/api/v1/cities/${city}/exports/opensdg` });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toBe('application/zip');
      const files = unzipSync(new Uint8Array(exported.rawPayload));
      expect(Object.keys(files).filter((f) => f.startsWith('data/')).length).toBe(
        city === 'bristol' ? 13 : 10,
      );
      expect(Object.keys(files).filter((f) => f.startsWith('meta/')).length).toBe(
        city === 'bristol' ? 13 : 10,
      );
      // Into the same city: nothing changes.
      const same = await importZip(
        new Uint8Array(exported.rawPayload),
        `network=osdg&city=${city}`,
      );
      expect(same.status).toBe(200);
      expect(same.report.files.every((f) => f.outcome === 'unchanged')).toBe(true);
    }
    const exported = await ctx.app.inject({ url: '/api/v1/cities/bristol/exports/opensdg' });
    const copy = await importZip(
      new Uint8Array(exported.rawPayload),
      'network=osdg&city=bristol-copy',
    );
    expect(copy.status).toBe(200);
    expect(copy.report.indicatorsCreated).toBe(0);
    const original = await values('bristol');
    // 13 files stored (the 6-3-1 file with duplicate rows was skipped).
    expect(original.length).toBe(
      (
        await importZip(
          repositoryZip('bristol'),
          'network=osdg&city=bristol&onError=skipFile&dryRun=true',
        )
      ).report.files.reduce((n, f) => n + f.unchanged, 0),
    );
    expect(await values('bristol-copy')).toEqual(original);
    const laExport = await ctx.app.inject({ url: '/api/v1/cities/los-angeles/exports/opensdg' });
    expect(
      (await importZip(new Uint8Array(laExport.rawPayload), 'network=osdg&city=la-copy')).status,
    ).toBe(200);
    const laValues = await values('los-angeles');
    expect(await values('la-copy')).toEqual(laValues);
    expect(laValues).toContain(
      JSON.stringify(['osdg-17-2-1', {}, 2020, 2, ['estimated', 'break-in-series'], '']),
    );
    expect(laValues).toContain(
      JSON.stringify(['osdg-17-2-1', {}, 2019, 1.5, ['estimated'], 'provisional figure']),
    );
    const meta = new TextDecoder().decode(
      unzipSync(new Uint8Array(exported.rawPayload))['meta/11-1-1.md']!,
    );
    expect(meta).toMatch(/graph_target_lines:\n {2}- value: 10/);
    expect(
      (await client.get('/api/v1/cities/bristol-copy/indicators/osdg-11-1-1/ambition')).body,
    ).toMatchObject({ targetValue: 10, baselineYear: 2015 });
  });

  it('refuses what is not a repository, zip bombs, hidden networks and cities outside the network', async () => {
    const notZip = await client.post<{ error: { message: string } }>(
      '/api/v1/imports/opensdg?network=osdg&city=bristol',
      'Year,Value\n2020,1\n',
      { 'content-type': 'application/zip' },
    );
    expect(notZip.status).toBe(400);
    expect(notZip.body.error.message).toMatch(/not a zip file/);
    const csvAsZip = await client.post('/api/v1/imports/opensdg?network=osdg&city=bristol', 'x', {
      'content-type': 'text/csv',
    });
    expect(csvAsZip.status).toBe(415);
    const empty = await importZip(
      zipSync({ 'x/README.md': strToU8('hi') }),
      'network=osdg&city=bristol',
    );
    expect(empty.status).toBe(400);
    expect(empty.message).toMatch(/no Open SDG data files/);
    // 3 MB of zeros inflate from a few kilobytes: refused when inflated past the limit.
    const bomb = zipSync({ 'r/data/indicator_1-1-1.csv': new Uint8Array(3_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(50_000);
    const refused = await importZip(bomb, 'network=osdg&city=bristol');
    expect(refused.status).toBe(413);
    // A private network answers like a missing one.
    const hidden = await importZip(repositoryZip('la'), 'network=hidden&city=los-angeles', {
      cookie: '',
    });
    const missing = await importZip(repositoryZip('la'), 'network=nowhere&city=los-angeles', {
      cookie: '',
    });
    expect(hidden.status).toBe(401);
    expect(missing.status).toBe(401);
    const viewer = await issueSession(ctx.db.knex, 'viewer@test.example', {
      role: 'editor',
      city: 'bristol',
    });
    const hiddenAsEditor = await importZip(
      repositoryZip('bristol'),
      'network=hidden&city=bristol',
      viewer.headers,
    );
    const missingAsEditor = await importZip(
      repositoryZip('bristol'),
      'network=nowhere&city=bristol',
      viewer.headers,
    );
    expect([hiddenAsEditor.status, missingAsEditor.status]).toEqual([404, 404]);
    expect(hiddenAsEditor.message).toBe(missingAsEditor.message!.replace('nowhere', 'hidden'));
    const outside = await importZip(repositoryZip('la'), 'network=hidden&city=los-angeles');
    expect(outside.status).toBe(400);
    expect(outside.message).toMatch(/not a member of Hidden/);
  });

  it('lets a city editor import into existing indicators but not create the network’s', async () => {
    const editor = await issueSession(ctx.db.knex, 'copy-editor@test.example', {
      role: 'editor',
      city: 'bristol-copy',
    });
    // Bristol's export (holding no Bristol codes) with one more indicator.
    const exported = await ctx.app.inject({ url: '/api/v1/cities/bristol/exports/opensdg' });
    const files = unzipSync(new Uint8Array(exported.rawPayload));
    files['data/indicator_17-1-1.csv'] = strToU8('Year,Value\n2020,5\n');
    const { status, report } = await importZip(
      zipSync(files),
      'network=osdg&city=bristol-copy&onError=skipFile',
      editor.headers,
    );
    expect(status).toBe(200);
    const added = report.files.find((f) => f.openSdgId === '17-1-1')!;
    expect(added.outcome).toBe('skipped');
    expect(added.errors[0]!.message).toMatch(/only its coordinators can add one/);
    expect(report.indicatorsCreated).toBe(0);
    // bristol-copy already has every value (the round trip above).
    expect(report.files.filter((f) => f.outcome === 'unchanged')).toHaveLength(13);
    // Not an editor of Bristol: refused.
    const other = await importZip(
      repositoryZip('bristol'),
      'network=osdg&city=bristol',
      editor.headers,
    );
    expect(other.status).toBe(403);
  });
});
