import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CityDistricts } from '../../../server/src/schemas/district.schema';
import { addMember, buildCity, buildIndicator, buildNetwork } from '../../factories/factories';
import { api, fingerprint, type ErrorBody } from '../../helpers/api';
import { issueSession, type TestSession } from '../../helpers/auth';
import { createTestApp, type TestContext } from '../../helpers/test-app';

/**
 * District boundaries (issue 15) over HTTP: a city whose data has two wards
 * (series with a `geocode`), boundaries uploaded as GeoJSON, checked,
 * simplified and served; bad files refused with every reason.
 */
let ctx: TestContext;
let editor: TestSession;
let otherEditor: TestSession;
const anonymous = { cookie: '' };
const URL = '/api/v1/cities/bristol/districts';

const WARDS = [
  { code: 'E05010914', name: 'Southville' },
  { code: 'E05010915', name: 'Stockwood' },
];

/** A closed ring around (x, y): a circle of n points, clockwise when `clockwise`. */
function circle(x: number, y: number, r: number, n: number, clockwise = false): number[][] {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / n;
    return [x + r * Math.cos(a), y + r * Math.sin(a)];
  });
  return [...ring, ring[0]!];
}

const feature = (properties: object, geometry: object) => ({
  type: 'Feature',
  properties,
  geometry,
});
const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

const goodFile = () => ({
  type: 'FeatureCollection',
  name: 'Wards_December_2021',
  features: [
    feature(
      { WD21CD: 'E05010914', WD21NM: 'Southville', OBJECTID: 1 },
      polygon(circle(-2.6, 51.44, 0.01, 2000, true)),
    ),
    feature(
      { WD21CD: 'E05010915', WD21NM: 'Stockwood' },
      {
        type: 'MultiPolygon',
        coordinates: [[circle(-2.55, 51.41, 0.008, 500)], [circle(-2.53, 51.41, 0.002, 50)]],
      },
    ),
  ],
});

beforeAll(async () => {
  ctx = await createTestApp({ as: 'admin', env: { DISTRICTS_BODY_LIMIT: '400000' } });
  const k = ctx.db.knex;
  const net = await buildNetwork(k, { slug: 'uk', is_public: true });
  const priv = await buildNetwork(k, { slug: 'closed', is_public: false });
  const bristol = await buildCity(k, { slug: 'bristol', name: 'Bristol' });
  const hidden = await buildCity(k, { slug: 'hidden-town', name: 'Hidden' });
  await addMember(k, net, bristol);
  await addMember(k, priv, hidden);
  await buildIndicator(k, net, { slug: 'ward-obesity', allowed_max: 100 });
  editor = await issueSession(k, 'editor@bristol.example', { role: 'editor', city: 'bristol' });
  otherEditor = await issueSession(k, 'editor@hidden.example', {
    role: 'editor',
    city: 'hidden-town',
  });
  const http = api(ctx.app);
  for (const [i, ward] of WARDS.entries()) {
    const series = encodeURIComponent(JSON.stringify({ ward: ward.name, geocode: ward.code }));
    const r = await http.put(
      `/api/v1/cities/bristol/indicators/ward-obesity/observations/2020?series=${series}`,
      { value: 20 + i },
    );
    expect(r.status, r.text).toBe(201);
  }
});

afterAll(async () => {
  await ctx?.close();
});

const upload = (
  body: unknown,
  query = 'codeProperty=WD21CD&nameProperty=WD21NM',
  headers = editor.headers,
) =>
  api(ctx.app).put<CityDistricts & ErrorBody>(`${URL}?${query}`, JSON.stringify(body), {
    'content-type': 'application/geo+json',
    ...headers,
  });

describe('district boundaries', () => {
  it('a city without boundaries says so', async () => {
    const r = await api(ctx.app).get<ErrorBody>(URL, anonymous);
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(/Bristol has no district boundaries yet/);
  });

  it('refuses broken polygons, duplicate codes and other geometries, every problem at once, storing nothing', async () => {
    const before = await fingerprint(ctx.db.knex);
    const open = circle(-2.6, 51.44, 0.01, 20).slice(0, -1);
    const r = await upload({
      type: 'FeatureCollection',
      features: [
        feature({ WD21CD: 'E05010914' }, polygon(open)),
        feature(
          { WD21CD: 'E05010915' },
          polygon([
            [0, 0],
            [1, 1],
            [0, 0],
          ]),
        ),
        feature({ WD21CD: 'E05010915' }, polygon(circle(0, 0, 1, 10))),
        feature({ WD21CD: 'E05010916' }, { type: 'Point', coordinates: [0, 0] }),
        feature({ WD21CD: 'E05010917' }, polygon(circle(400000, 5000000, 100, 10))),
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(
      /District "E05010914" has a broken polygon: a ring is not closed/,
    );
    expect(r.body.error.message).toMatch(/and 4 more problems/);
    const messages = (r.body.error.details as Array<{ message: string }>).map((d) => d.message);
    expect(messages).toEqual([
      expect.stringMatching(/not closed/),
      expect.stringMatching(/a ring has 3 positions; a closed polygon needs at least 4/),
      expect.stringMatching(/Features 2 and 3 have the same code "E05010915"/),
      expect.stringMatching(
        /District "E05010916" is a Point; districts must be Polygons or MultiPolygons/,
      ),
      expect.stringMatching(/not a longitude\/latitude .*reproject/),
    ]);
    expect(await fingerprint(ctx.db.knex)).toEqual(before);
  });

  it('names the properties a feature has when the code property is wrong', async () => {
    const r = await upload(goodFile(), 'codeProperty=ward_code');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(
      /Feature 1 has no "ward_code" property to name its district's code \(it has: WD21CD, WD21NM, OBJECTID\)/,
    );
  });

  it('refuses codes that match no district code of the city’s data, and says which codes the data uses', async () => {
    const r = await upload(goodFile(), 'codeProperty=WD21NM');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      `2 of 2 districts have a "WD21NM" that matches no district code in Bristol's data ("Southville", "Stockwood"). Its data uses codes such as E05010914, E05010915: choose the property that holds them, or, for a file of a wider area, keep only the city's districts (onlyMatching).`,
    );
  });

  it('stores the boundaries simplified, wound as RFC 7946 says, and serves them to everyone', async () => {
    const r = await upload(goodFile());
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      city: 'bristol',
      codeProperty: 'WD21CD',
      nameProperty: 'WD21NM',
      featureCount: 2,
      matchedCodes: 2,
      dataCodesWithoutBoundary: [],
    });
    expect(r.body.storedBytes).toBeLessThan(r.body.uploadedBytes / 3);
    const [west, south, east, north] = r.body.bbox;
    expect(west).toBeCloseTo(-2.61, 6);
    expect(north).toBeCloseTo(51.45, 6);
    expect(east).toBeCloseTo(-2.528, 6);
    expect(south).toBeCloseTo(51.402, 6);
    const served = await api(ctx.app).get<CityDistricts>(URL, anonymous);
    expect(served.status).toBe(200);
    expect(served.headers.etag).toBe(r.body.etag);
    const [southville, stockwood] = served.body.geojson.features;
    expect(southville!.properties).toEqual({ code: 'E05010914', name: 'Southville' });
    const ring = (southville!.geometry.coordinates as number[][][])[0]!;
    // 2,001 positions on a 1.1 km circle, within about 5 m: far fewer, still closed.
    expect(ring.length).toBeLessThan(200);
    expect(ring.length).toBeGreaterThan(10);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let area = 0;
    for (let i = 0; i < ring.length - 1; i++)
      area += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    expect(area).toBeGreaterThan(0); // counter-clockwise, although uploaded clockwise
    expect(stockwood!.geometry.type).toBe('MultiPolygon');
    for (const p of ring) for (const c of p) expect(Math.round(c * 1e5) / 1e5).toBe(c);
  });

  it('changes need If-Match and the city’s editors; outsiders see nothing of a private city', async () => {
    const http = api(ctx.app);
    const current = (await http.get<CityDistricts>(URL, editor.headers)).body;
    expect((await upload(goodFile())).status).toBe(428);
    expect(
      (await upload(goodFile(), undefined, { ...otherEditor.headers, 'if-match': current.etag }))
        .status,
    ).toBe(403);
    expect((await upload(goodFile(), undefined, { cookie: '' })).status).toBe(401);
    const replaced = await upload(goodFile(), undefined, {
      ...editor.headers,
      'if-match': current.etag,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.version).toBe(current.version + 1);
    expect((await http.get('/api/v1/cities/hidden-town/districts', anonymous)).status).toBe(404);
  });

  it('refuses a file over DISTRICTS_BODY_LIMIT with 413 and one that is not JSON with 400', async () => {
    const big = goodFile();
    big.features[0]!.geometry = polygon(circle(-2.6, 51.44, 0.01, 20000));
    expect((await upload(big)).status).toBe(413);
    const r = await api(ctx.app).put<ErrorBody>(`${URL}?codeProperty=WD21CD`, '{"type": "Feature', {
      'content-type': 'application/geo+json',
      ...editor.headers,
    });
    expect(r.status).toBe(400);
  });

  it('keeps only the city’s districts of a wider area’s file with onlyMatching, unchecked others counted', async () => {
    const http = api(ctx.app);
    const current = (await http.get<CityDistricts>(URL, editor.headers)).body;
    const regional = goodFile();
    regional.features.push(
      // Another city's ward, with a broken ring: left out, not checked.
      feature(
        { WD21CD: 'E05000001', WD21NM: 'Elsewhere' },
        polygon([
          [0, 0],
          [1, 1],
          [0, 0],
        ]),
      ),
    );
    const r = await upload(regional, 'codeProperty=WD21CD&nameProperty=WD21NM&onlyMatching=true', {
      ...editor.headers,
      'if-match': current.etag,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ featureCount: 2, leftOut: 1, matchedCodes: 2 });
    const none = await upload(
      { type: 'FeatureCollection', features: [regional.features[2]] },
      'codeProperty=WD21CD&onlyMatching=true',
      { ...editor.headers, 'if-match': r.body.etag },
    );
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe(
      `None of the file's 1 features has a "WD21CD" that is a district code in Bristol's data (such as E05010914, E05010915).`,
    );
  });

  it('is deleted with If-Match', async () => {
    const http = api(ctx.app);
    const current = (await http.get<CityDistricts>(URL, editor.headers)).body;
    expect((await http.delete(URL, { ...editor.headers, 'if-match': current.etag })).status).toBe(
      204,
    );
    expect((await http.get(URL, anonymous)).status).toBe(404);
  });
});
