import { geoArea } from 'd3-geo';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  classFill,
  classify,
  classOf,
  classThresholds,
  CLASS_FILLS,
} from '../../client/src/features/maps/utils/classing';
import {
  compareWithCity,
  districtMapData,
} from '../../client/src/features/maps/utils/district-map-data';
import { readGeoJsonFile } from '../../client/src/features/maps/utils/geojson-file';
import { placeLabels } from '../../client/src/features/maps/utils/labels';
import {
  mapMembers,
  measureParam,
  networkMapModel,
  parseMeasure,
  type MapMember,
} from '../../client/src/features/maps/utils/network-map-data';
import {
  EUROPE_BBOX,
  europeProjection,
  paddedBBox,
  rewind,
} from '../../client/src/features/maps/utils/projection';

const t = (key: string, options?: Record<string, unknown>): string =>
  options === undefined ? key : `${key} ${JSON.stringify(options)}`;
const text = { t, lang: 'en' };

describe('classing', () => {
  it('quantiles put about as many values in each class', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(classThresholds(values, 5, 'quantile')).toEqual([3, 5, 7, 9]);
    const c = classify(values, 5, 'quantile');
    expect(c.classes.map((k) => k.count)).toEqual([2, 2, 2, 2, 2]);
    expect(c.classes.map((k) => [k.min, k.max])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
  });

  it('equal intervals have the same width; the maximum is in the last class', () => {
    const values = [0, 1, 2, 10, 100];
    expect(classThresholds(values, 4, 'equal')).toEqual([25, 50, 75]);
    const c = classify(values, 4, 'equal');
    expect(c.classes.map((k) => k.count)).toEqual([4, 0, 0, 1]);
    expect(c.classes[1]).toMatchObject({ lower: 25, upper: 50, min: null, max: null });
    expect(classOf(100, c.thresholds)).toBe(3);
  });

  it('a value on a boundary belongs to the higher class; ties and single values give fewer classes', () => {
    expect(classOf(25, [25, 50])).toBe(1);
    expect(classOf(24.99, [25, 50])).toBe(0);
    expect(classThresholds([5, 5, 5, 5], 5, 'quantile')).toEqual([]);
    expect(classify([5, 5, 5], 5, 'quantile').classes).toHaveLength(1);
    expect(classThresholds([1, 1, 1, 1, 2], 4, 'quantile')).toEqual([2]);
    expect(classify([], 5, 'equal').classes).toEqual([]);
  });

  it('spreads the fills over the scale, light to dark', () => {
    expect([0, 1, 2, 3, 4].map((i) => classFill(i, 5))).toEqual([...CLASS_FILLS]);
    expect([0, 1].map((i) => classFill(i, 2))).toEqual([CLASS_FILLS[0], CLASS_FILLS[4]]);
  });
});

describe('projection', () => {
  const cities = {
    espoo: [24.6522, 60.2055],
    tallinn: [24.7536, 59.437],
    kosice: [21.2611, 48.7164],
    valencia: [-0.3763, 39.4699],
    mannheim: [8.466, 49.4875],
    braga: [-8.4265, 41.5454],
  } as const;
  const box = paddedBBox(Object.values(cities));
  const projection = europeProjection(800, 600, box);
  const at = (c: keyof typeof cities) => projection([...cities[c]])!;

  it('keeps north up and west left (Espoo above Tallinn above Košice; València left of Mannheim)', () => {
    expect(at('espoo')[1]).toBeLessThan(at('tallinn')[1]);
    expect(at('tallinn')[1]).toBeLessThan(at('kosice')[1]);
    expect(at('valencia')[0]).toBeLessThan(at('mannheim')[0]);
    expect(at('braga')[0]).toBeLessThan(at('valencia')[0]);
  });

  it('fits every city inside the map', () => {
    for (const c of Object.keys(cities) as Array<keyof typeof cities>) {
      const [x, y] = at(c);
      expect(x).toBeGreaterThan(8);
      expect(x).toBeLessThan(792);
      expect(y).toBeGreaterThan(8);
      expect(y).toBeLessThan(592);
    }
  });

  it('widens a small box and falls back to Europe without places', () => {
    const [w, s, e, n] = paddedBBox([[21.26, 48.72]]);
    expect(e - w).toBeGreaterThanOrEqual(12);
    expect(n - s).toBeGreaterThan(5);
    expect(paddedBBox([])).toEqual(EUROPE_BBOX);
  });

  it('reverses RFC 7946 rings so d3 fills the district, not the rest of the globe', () => {
    // Counter-clockwise, as the server stores it.
    const ccw: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [21.2, 48.7],
          [21.3, 48.7],
          [21.3, 48.75],
          [21.2, 48.75],
          [21.2, 48.7],
        ],
      ],
    };
    expect(geoArea(ccw)).toBeGreaterThan(12); // nearly the whole sphere (4π)
    expect(geoArea(rewind(ccw))).toBeLessThan(1e-5);
    const multi = rewind({ type: 'MultiPolygon', coordinates: [ccw.coordinates] });
    expect(geoArea(multi)).toBeLessThan(1e-5);
  });
});

describe('labels', () => {
  it('never overlaps two names and keeps them inside the map', () => {
    const items = [
      { x: 100, y: 100, width: 50 },
      { x: 100, y: 108, width: 50 },
      { x: 100, y: 116, width: 50 },
      { x: 395, y: 50, width: 60 },
    ];
    const placed = placeLabels(items, {
      height: 14,
      radius: 8,
      bounds: { width: 400, height: 300 },
    });
    const boxes = placed.flatMap((p) => (p === null ? [] : [p.box]));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(400);
    expect(placed[0]?.side).toBe('right');
    expect(placed[3]?.side).toBe('left');
  });
});

describe('network map model', () => {
  const members: MapMember[] = [
    { slug: 'a', name: 'Alpha', isLead: true, latitude: 60, longitude: 25 },
    { slug: 'b', name: 'Beta', isLead: false, latitude: 48, longitude: 21 },
    { slug: 'c', name: 'Gamma', isLead: false, latitude: null, longitude: null },
  ];

  it('reads and writes the measure in the URL', () => {
    for (const m of [
      { kind: 'goal', goal: 11 },
      { kind: 'status', indicator: 'pm25-annual-mean' },
      { kind: 'value', indicator: 'x-1' },
    ] as const)
      expect(parseMeasure(measureParam(m))).toEqual(m);
    expect(measureParam({ kind: 'index' })).toBeUndefined();
    expect(parseMeasure('nonsense')).toEqual({ kind: 'index' });
  });

  it('takes coordinates from the cities list and keeps cities without them', () => {
    const got = mapMembers(
      [
        { slug: 'a', name: 'Alpha', countryCode: 'FI', population: 1, role: 'lead_partner' },
        { slug: 'z', name: 'Zed', countryCode: 'SK', population: null, role: 'partner' },
      ],
      [
        {
          slug: 'a',
          name: 'Alpha',
          countryCode: 'FI',
          population: 1,
          latitude: 60,
          longitude: 25,
          version: 1,
          etag: '"1"',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      ],
    );
    expect(got).toEqual([
      { slug: 'a', name: 'Alpha', isLead: true, latitude: 60, longitude: 25 },
      { slug: 'z', name: 'Zed', isLead: false, latitude: null, longitude: null },
    ]);
  });

  it('goal colours: one entry per colour with its shape, counted; no score is its own entry', () => {
    const scores = {
      cities: [
        { slug: 'a', goals: [{ goal: 3, score: 80, colour: 'green' }] },
        { slug: 'b', goals: [{ goal: 3, score: 20, colour: 'red' }] },
      ],
    } as never;
    const model = networkMapModel(members, { kind: 'goal', goal: 3 }, { scores }, text);
    expect(model.places.map((p) => p.key)).toEqual(['green', 'red', 'none']);
    expect(model.legend.map((e) => [e.key, e.shape, e.count])).toEqual([
      ['green', 'circle', 1],
      ['yellow', 'half', 0],
      ['orange', 'triangle', 0],
      ['red', 'square', 1],
      ['none', 'cross', 1],
    ]);
  });

  it('statuses carry their glyph; a city missing from the comparison has insufficient data', () => {
    const comparison = {
      indicator: { slug: 'x', decimals: 1, unit: '' },
      cities: [{ slug: 'a', status: 'on_track', latest: { year: 2024, value: 3 } }],
    } as never;
    const model = networkMapModel(
      members,
      { kind: 'status', indicator: 'x' },
      { comparison },
      text,
    );
    expect(model.places.map((p) => p.key)).toEqual([
      'on_track',
      'insufficient_data',
      'insufficient_data',
    ]);
    expect(model.legend.find((e) => e.key === 'on_track')).toMatchObject({
      glyph: '\u2714',
      count: 1,
    });
    const values = networkMapModel(
      members,
      { kind: 'value', indicator: 'x' },
      { comparison },
      text,
    );
    expect(values.places.map((p) => p.valueText)).toEqual(['3.0', 'maps.noValue', 'maps.noValue']);
  });

  it('the index is classed by quantiles, each class its own shape', () => {
    const scores = {
      cities: [
        { slug: 'a', index: 70, goals: [], indicators: [] },
        { slug: 'b', index: 40, goals: [], indicators: [] },
      ],
      indicators: [],
    } as never;
    const model = networkMapModel(members, { kind: 'index' }, { scores }, text);
    expect(model.classing?.method).toBe('quantile');
    expect(model.places.map((p) => p.key)).toEqual(['class-1', 'class-0', 'none']);
    expect(new Set(model.legend.map((e) => e.shape)).size).toBe(model.legend.length);
  });
});

describe('district map data', () => {
  const districts = [
    { code: 'D1', name: 'North' },
    { code: 'D2', name: 'South' },
    { code: 'D3', name: null },
  ];
  const obs: Array<{ series: Record<string, string>; year: number; value: number }> = [
    { series: {}, year: 2023, value: 20 },
    { series: {}, year: 2024, value: 21 },
    { series: { ward: 'North', geocode: 'D1' }, year: 2023, value: 10 },
    { series: { ward: 'North', geocode: 'D1' }, year: 2024, value: 12 },
    { series: { ward: 'South', geocode: 'D2' }, year: 2024, value: 30 },
    { series: { sex: 'female' }, year: 2024, value: 99 },
    { series: { geocode: 'ELSEWHERE' }, year: 2025, value: 1 },
  ];

  it('shows the latest year with district values, with the whole city beside it', () => {
    const d = districtMapData(obs, districts, {
      method: 'quantile',
      direction: 'decrease',
      decimals: 0,
    });
    expect(d.years).toEqual([2023, 2024]);
    expect(d.year).toBe(2024);
    expect(d.headline).toBe(21);
    expect(d.rows).toEqual([
      { code: 'D3', name: 'D3', value: null, comparison: null, classIndex: null },
      { code: 'D1', name: 'North', value: 12, comparison: 'better', classIndex: 0 },
      { code: 'D2', name: 'South', value: 30, comparison: 'worse', classIndex: 1 },
    ]);
    expect(d.fills).toHaveLength(d.classing.classes.length);
  });

  it('follows the chosen year', () => {
    const d = districtMapData(obs, districts, {
      year: 2023,
      method: 'equal',
      direction: 'increase',
      decimals: 0,
    });
    expect(d.headline).toBe(20);
    expect(d.rows.find((r) => r.code === 'D1')).toMatchObject({ value: 10, comparison: 'worse' });
  });

  it('compares with the city at the shown precision', () => {
    expect(compareWithCity(10.04, 10, 'increase', 1)).toBe('similar');
    expect(compareWithCity(10.06, 10, 'increase', 1)).toBe('better');
    expect(compareWithCity(10.06, 10, 'decrease', 1)).toBe('worse');
    expect(compareWithCity(1, null, 'decrease', 1)).toBeNull();
  });
});

describe('GeoJSON file', () => {
  it('lists the first feature’s properties and guesses the code and name', () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { OBJECTID: 1, WD21CD: 'E05', WD21NM: 'Ashley' } }],
    });
    const read = readGeoJsonFile(file);
    expect(read).toEqual({
      ok: true,
      info: {
        featureCount: 1,
        properties: ['OBJECTID', 'WD21CD', 'WD21NM'],
        examples: { OBJECTID: '1', WD21CD: 'E05', WD21NM: 'Ashley' },
        codeGuess: 'WD21CD',
        nameGuess: 'WD21NM',
      },
    });
  });

  it('says what is wrong with a file that is not a FeatureCollection', () => {
    expect(readGeoJsonFile('{"type": "Feat')).toEqual({ ok: false, reason: 'not_json' });
    expect(readGeoJsonFile('{"type": "Feature"}')).toEqual({ ok: false, reason: 'not_collection' });
    expect(
      readGeoJsonFile('{"type": "FeatureCollection", "features": [{"properties": {}}]}'),
    ).toEqual({ ok: false, reason: 'no_properties' });
  });
});
