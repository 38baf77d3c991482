import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  prepareGeometry,
  readDistricts,
  signedArea2,
  simplifyRing,
  toleranceFor,
  unmatchedCodes,
  type Ring,
} from '../../../server/src/domain/districts';

const square: Ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];

describe('simplifyRing (Douglas–Peucker on a closed ring)', () => {
  it('drops points within the tolerance and keeps corners', () => {
    const dense: Ring = [];
    for (let i = 0; i <= 10; i++) dense.push([i / 10, 0.001 * (i % 2)]);
    for (let i = 1; i <= 10; i++) dense.push([1, i / 10]);
    dense.push([0, 1], [0, 0]);
    expect(simplifyRing(dense, 0.01)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('keeps a point beyond the tolerance', () => {
    const notch: Ring = [
      [0, 0],
      [0.5, 0.2],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyRing(notch, 0.1)).toContainEqual([0.5, 0.2]);
    expect(simplifyRing(notch, 0.3)).not.toContainEqual([0.5, 0.2]);
  });

  it('never goes below four positions', () => {
    const tiny: Ring = [
      [0, 0],
      [1e-9, 0],
      [1e-9, 1e-9],
      [0, 1e-9],
      [0, 0],
    ];
    expect(simplifyRing(tiny, 1).length).toBeGreaterThanOrEqual(4);
  });
});

describe('prepareGeometry', () => {
  it('winds exterior rings counter-clockwise and holes clockwise, rounded to 5 decimals', () => {
    const clockwise = [...square].reverse();
    const hole: Ring = [
      [0.2, 0.2],
      [0.4, 0.2],
      [0.4, 0.4],
      [0.2, 0.4],
      [0.2, 0.2],
    ]; // counter-clockwise
    const g = prepareGeometry({ type: 'Polygon', coordinates: [clockwise, hole] }, 0);
    const [outer, inner] = g.coordinates as Ring[];
    expect(signedArea2(outer!)).toBeGreaterThan(0);
    expect(signedArea2(inner!)).toBeLessThan(0);
    const rounded = prepareGeometry(
      {
        type: 'Polygon',
        coordinates: [
          [
            [0.123456789, 0],
            [1, 0],
            [1, 1],
            [0.123456789, 0],
          ],
        ],
      },
      0,
    );
    expect((rounded.coordinates as Ring[])[0]![0]).toEqual([0.12346, 0]);
  });
});

describe('readDistricts', () => {
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  const f = (code: unknown, coordinates: unknown = [square], type = 'Polygon') => ({
    type: 'Feature',
    properties: { code, label: 'District' },
    geometry: { type, coordinates },
  });

  it('reads codes (numbers too), names and geometries', () => {
    const { districts, problems } = readDistricts(
      fc([f('A1'), f(42, [[square]], 'MultiPolygon')]),
      {
        codeProperty: 'code',
        nameProperty: 'label',
      },
    );
    expect(problems).toEqual([]);
    expect(districts.map((d) => [d.code, d.name, d.geometry.type])).toEqual([
      ['A1', 'District', 'Polygon'],
      ['42', 'District', 'MultiPolygon'],
    ]);
  });

  it('refuses what is not a FeatureCollection', () => {
    for (const input of [null, [], { type: 'Feature' }, { type: 'FeatureCollection' }, 'x'])
      expect(readDistricts(input, { codeProperty: 'code' }).problems[0]!.message).toMatch(
        /not a GeoJSON FeatureCollection/,
      );
    expect(readDistricts(fc([]), { codeProperty: 'code' }).problems[0]!.message).toBe(
      'The file has no features.',
    );
  });

  it('lists each problem with its path, and returns no districts then', () => {
    const { districts, problems } = readDistricts(
      fc([
        f('A'),
        f(''),
        f('A'),
        f('B', [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 2],
          ],
        ]),
        f('C', [
          [
            [0, 'x'],
            [1, 0],
            [1, 1],
            [0, 'x'],
          ],
        ]),
        f('D', [], 'Polygon'),
        f('E', [square], 'LineString'),
      ]),
      { codeProperty: 'code' },
    );
    expect(districts).toEqual([]);
    expect(problems.map((p) => p.path)).toEqual([
      '/features/1/properties/code',
      '/features/2/properties/code',
      '/features/3/geometry',
      '/features/4/geometry',
      '/features/5/geometry',
      '/features/6/geometry',
    ]);
    expect(problems[3]!.message).toMatch(/not a pair of numbers/);
    expect(problems[4]!.message).toMatch(/at least one ring/);
  });
});

describe('matching and sizes', () => {
  it('unmatched codes only when the data has codes to match', () => {
    const districts = readDistricts(
      {
        type: 'FeatureCollection',
        features: ['A', 'B'].map((code) => ({
          type: 'Feature',
          properties: { code },
          geometry: { type: 'Polygon', coordinates: [square] },
        })),
      },
      { codeProperty: 'code' },
    ).districts;
    expect(unmatchedCodes(districts, new Set())).toEqual([]);
    expect(unmatchedCodes(districts, new Set(['A']))).toEqual(['B']);
  });

  it('bbox and tolerance', () => {
    const box = bboxOf([
      { code: 'a', name: null, geometry: { type: 'Polygon', coordinates: [square] } },
    ]);
    expect(box).toEqual([0, 0, 1, 1]);
    expect(toleranceFor([0, 0, 0.4, 0.2])).toBeCloseTo(0.0002, 12);
  });
});
