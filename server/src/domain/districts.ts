/**
 * District boundaries (issue 15): a city's sub-city areas as uploaded GeoJSON,
 * checked, simplified for the browser and matched to the area codes of its
 * data (the `geocode` dimension of its series). Pure functions.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

export interface DistrictGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoordinates | PolygonCoordinates[];
}

export interface District {
  code: string;
  name: string | null;
  geometry: DistrictGeometry;
}

export interface DistrictProblem {
  path: string;
  message: string;
}

export const DISTRICT_LIMITS = {
  features: 5_000,
  /** Features read from a wider area's file when only the city's districts are kept. */
  fileFeatures: 50_000,
  positions: 3_000_000,
  codeLength: 64,
  nameLength: 200,
} as const;

/** [west, south, east, north] */
export type BBox = [number, number, number, number];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]);

/** What is wrong with one ring, or null: at least four positions, closed, in longitude/latitude range. */
function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'a ring must be a list of positions';
  if (ring.length < 4)
    return `a ring has ${ring.length} position${ring.length === 1 ? '' : 's'}; a closed polygon needs at least 4`;
  for (const p of ring) {
    if (!isPosition(p)) return 'a position is not a pair of numbers [longitude, latitude]';
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
      return `the position [${p[0]}, ${p[1]}] is not a longitude/latitude (WGS 84, EPSG:4326): reproject the file first`;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'a ring is not closed (its last position must repeat its first)';
  return null;
}

function polygonProblem(polygon: unknown): string | null {
  if (!Array.isArray(polygon) || polygon.length === 0)
    return 'a polygon must have at least one ring';
  for (const ring of polygon) {
    const problem = ringProblem(ring);
    if (problem !== null) return problem;
  }
  return null;
}

const countPositions = (g: DistrictGeometry): number =>
  g.type === 'Polygon'
    ? (g.coordinates as PolygonCoordinates).reduce((n, r) => n + r.length, 0)
    : (g.coordinates as PolygonCoordinates[]).reduce(
        (n, p) => n + p.reduce((m, r) => m + r.length, 0),
        0,
      );

interface ReadDistrictsOptions {
  codeProperty: string;
  nameProperty?: string | undefined;
  /**
   * Keep only the features whose code this accepts (a national or regional
   * file cut down to the city's districts); the others are neither checked
   * nor kept, only counted in `leftOut`.
   */
  keep?: ((code: string) => boolean) | undefined;
}

type Fail = (path: string, message: string) => void;

const isFeatureCollection = (input: unknown): input is { features: unknown[] } =>
  typeof input === 'object' &&
  input !== null &&
  (input as { type?: unknown }).type === 'FeatureCollection' &&
  Array.isArray((input as { features?: unknown }).features);

/** A district code from its property: a trimmed string or a number, else ''. */
const codeOf = (rawCode: unknown): string =>
  typeof rawCode === 'string' ? rawCode.trim() : typeof rawCode === 'number' ? String(rawCode) : '';

/** A district name from its property: trimmed and cut to the limit, null when blank. */
const nameOf = (rawName: unknown): string | null =>
  typeof rawName === 'string' && rawName.trim() !== ''
    ? rawName.trim().slice(0, DISTRICT_LIMITS.nameLength)
    : null;

/** Why a feature's geometry cannot be a district's (the whole message), or null. */
function geometryProblem(geometry: unknown, code: string): string | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== 'object' || g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
    return `District "${code}" is ${g === null || typeof g !== 'object' ? 'without a geometry' : `a ${String(g.type)}`}; districts must be Polygons or MultiPolygons.`;
  const problem =
    g.type === 'Polygon'
      ? polygonProblem(g.coordinates)
      : !Array.isArray(g.coordinates) || g.coordinates.length === 0
        ? 'a MultiPolygon must have at least one polygon'
        : ((g.coordinates as unknown[]).map(polygonProblem).find((p) => p !== null) ?? null);
  return problem === null ? null : `District "${code}" has a broken polygon: ${problem}.`;
}

/**
 * Reads one feature: its district, 'left_out' when `keep` rejects its code,
 * or null once its problem is reported through `fail`. `seen` maps the codes
 * read so far to their feature index.
 */
function readFeature(
  feature: unknown,
  i: number,
  options: ReadDistrictsOptions,
  seen: Map<string, number>,
  fail: Fail,
): District | 'left_out' | null {
  const path = `/features/${i}`;
  const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
  if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
    fail(path, `Feature ${i + 1} is not a GeoJSON Feature.`);
    return null;
  }
  const properties = (
    typeof f.properties === 'object' && f.properties !== null ? f.properties : {}
  ) as Record<string, unknown>;
  const code = codeOf(properties[options.codeProperty]);
  const codePath = `${path}/properties/${options.codeProperty}`;
  if (code === '') {
    const available = Object.keys(properties).slice(0, 8).join(', ');
    fail(
      codePath,
      `Feature ${i + 1} has no "${options.codeProperty}" property to name its district's code${available === '' ? '' : ` (it has: ${available})`}.`,
    );
    return null;
  }
  if (options.keep !== undefined && !options.keep(code)) return 'left_out';
  if (code.length > DISTRICT_LIMITS.codeLength) {
    fail(
      codePath,
      `Feature ${i + 1}'s code is longer than ${DISTRICT_LIMITS.codeLength} characters.`,
    );
    return null;
  }
  const previous = seen.get(code);
  if (previous !== undefined) {
    fail(
      codePath,
      `Features ${previous + 1} and ${i + 1} have the same code "${code}"; each district needs its own (merge them into one MultiPolygon).`,
    );
    return null;
  }
  seen.set(code, i);
  const name = nameOf(
    options.nameProperty === undefined ? undefined : properties[options.nameProperty],
  );
  const problem = geometryProblem(f.geometry, code);
  if (problem !== null) {
    fail(`${path}/geometry`, problem);
    return null;
  }
  const g = f.geometry as { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  const geometry = { type: g.type, coordinates: g.coordinates } as DistrictGeometry;
  return { code, name, geometry };
}

/**
 * Reads an uploaded FeatureCollection: every feature a Polygon or
 * MultiPolygon with closed rings in longitude/latitude, and a code (the
 * `codeProperty`) that is unique. Returns the districts or every problem
 * found (at most 20 listed).
 */
export function readDistricts(
  input: unknown,
  options: ReadDistrictsOptions,
): { districts: District[]; problems: DistrictProblem[]; leftOut: number } {
  const problems: DistrictProblem[] = [];
  const districts: District[] = [];
  let leftOut = 0;
  const fail: Fail = (path, message) => {
    if (problems.length < 20) problems.push({ path, message });
  };
  if (!isFeatureCollection(input)) {
    fail(
      '',
      'The file is not a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": […]}).',
    );
    return { districts, problems, leftOut };
  }
  const features = input.features;
  if (features.length === 0) fail('/features', 'The file has no features.');
  const readLimit =
    options.keep === undefined ? DISTRICT_LIMITS.features : DISTRICT_LIMITS.fileFeatures;
  if (features.length > readLimit)
    fail(
      '/features',
      `The file has ${features.length} features; at most ${readLimit} ${options.keep === undefined ? 'districts are accepted (for a wider area, keep only the city’s districts with ?onlyMatching=true)' : 'features are read'}.`,
    );
  const seen = new Map<string, number>();
  let positions = 0;
  features.slice(0, readLimit).forEach((feature, i) => {
    const read = readFeature(feature, i, options, seen, fail);
    if (read === 'left_out') {
      leftOut++;
    } else if (read !== null) {
      positions += countPositions(read.geometry);
      districts.push(read);
    }
  });
  if (positions > DISTRICT_LIMITS.positions)
    fail(
      '/features',
      `The file has ${positions} positions; at most ${DISTRICT_LIMITS.positions} are accepted (simplify it first).`,
    );
  if (options.keep !== undefined && districts.length > DISTRICT_LIMITS.features)
    fail(
      '/features',
      `${districts.length} districts match; at most ${DISTRICT_LIMITS.features} are accepted.`,
    );
  return { districts: problems.length > 0 ? [] : districts, problems, leftOut };
}

/** Squared distance from p to the segment a–b (planar, in degrees: fine at district scale). */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on a closed ring (iterative), keeping at least 4 positions. */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  // A closed ring's ends coincide: split it at the position farthest from the start.
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < ring.length - 1; i++) {
    const d = (ring[i]![0] - ring[0]![0]) ** 2 + (ring[i]![1] - ring[0]![1]) ** 2;
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  keep[far] = 1;
  const tolerance2 = tolerance * tolerance;
  const stack: Array<[number, number]> = [
    [0, far],
    [far, ring.length - 1],
  ];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let index = -1;
    let max = tolerance2;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(ring[i]!, ring[from]!, ring[to]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  const out = ring.filter((_, i) => keep[i] === 1);
  return out.length >= 4 ? out : ring;
}

/** Twice the signed area (shoelace): above 0 for a counter-clockwise ring in lon/lat. */
export function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * For the browser: simplified within `tolerance` degrees, rounded to 5
 * decimals (about 1 m), and wound as RFC 7946 says (exterior rings
 * counter-clockwise, holes clockwise).
 */
export function prepareGeometry(geometry: DistrictGeometry, tolerance: number): DistrictGeometry {
  const polygon = (rings: PolygonCoordinates): PolygonCoordinates =>
    rings.map((ring, i) => {
      const simple = simplifyRing(ring, tolerance).map(
        (p) => [round(p[0], 5), round(p[1], 5)] as Position,
      );
      const ccw = signedArea2(simple) > 0;
      return (i === 0) === ccw ? simple : [...simple].reverse();
    });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates as PolygonCoordinates) }
    : {
        type: 'MultiPolygon',
        coordinates: (geometry.coordinates as PolygonCoordinates[]).map(polygon),
      };
}

/** The bounding box of the districts. */
export function bboxOf(districts: readonly District[]): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (rings: PolygonCoordinates): void => {
    for (const ring of rings)
      for (const [x, y] of ring) {
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x);
        box[3] = Math.max(box[3], y);
      }
  };
  for (const d of districts) {
    if (d.geometry.type === 'Polygon') visit(d.geometry.coordinates as PolygonCoordinates);
    else for (const p of d.geometry.coordinates as PolygonCoordinates[]) visit(p);
  }
  return box;
}

/** A tolerance for the whole city: 1/2000 of its larger side (about 10 m for a 20 km city). */
export function toleranceFor(box: BBox): number {
  return Math.max(box[2] - box[0], box[3] - box[1]) / 2000;
}

/**
 * The districts' codes against the area codes of the city's data: those that
 * match none. Empty when the city has no area codes yet (nothing to match).
 */
export function unmatchedCodes(
  districts: readonly District[],
  knownCodes: ReadonlySet<string>,
): string[] {
  if (knownCodes.size === 0) return [];
  return districts.map((d) => d.code).filter((code) => !knownCodes.has(code));
}
