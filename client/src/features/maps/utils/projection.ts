import { geoAzimuthalEqualArea, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Map projections (d3-geo): Lambert azimuthal equal-area centred on Europe
 * (10° E, 52° N, as ETRS89-LAEA / EPSG:3035 is), so areas compare fairly and
 * the north of Europe is not stretched. Only the lazily loaded map components
 * import this module.
 */
export const EUROPE_CENTRE: readonly [number, number] = [10, 52];

/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

/** Europe, for a network whose cities have no coordinates yet. */
export const EUROPE_BBOX: BBox = [-11, 35, 32, 70];

/**
 * The box around some places, widened by `margin` degrees and to at least
 * `minSpan` degrees each way, so a map of two neighbouring cities still shows
 * the countries around them.
 */
export function paddedBBox(
  points: ReadonlyArray<readonly [number, number]>,
  margin = 2.5,
  minSpan = 12,
): BBox {
  if (points.length === 0) return EUROPE_BBOX;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  const widen = (lo: number, hi: number, span: number): [number, number] => {
    const extra = Math.max(0, span - (hi - lo)) / 2;
    return [lo - margin - extra, hi + margin + extra];
  };
  const [west, east] = widen(w, e, minSpan);
  const [south, north] = widen(s, n, minSpan * 0.6);
  return [west, Math.max(-89, south), east, Math.min(89, north)];
}

/** Points along the edges of a box: fitting to them fits the box's curved outline. */
function bboxOutline([w, s, e, n]: BBox, steps = 8): MultiPoint {
  const coordinates: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = w + ((e - w) * i) / steps;
    const y = s + ((n - s) * i) / steps;
    coordinates.push([x, s], [x, n], [w, y], [e, y]);
  }
  return { type: 'MultiPoint', coordinates };
}

/** Europe's equal-area projection fitted to the box within width × height (less padding). */
export function europeProjection(
  width: number,
  height: number,
  bbox: BBox,
  padding = 8,
): GeoProjection {
  return geoAzimuthalEqualArea()
    .rotate([-EUROPE_CENTRE[0], -EUROPE_CENTRE[1]])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      bboxOutline(bbox),
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/**
 * A polygon with its rings reversed. RFC 7946 (and the server) wind exterior
 * rings counter-clockwise; d3-geo's spherical polygons take the opposite, and
 * would otherwise fill the whole globe except the district.
 */
export function rewind<G extends Polygon | MultiPolygon>(geometry: G): G {
  const rings = (polygon: Position[][]): Position[][] => polygon.map((ring) => [...ring].reverse());
  if (geometry.type === 'Polygon')
    return { ...geometry, coordinates: rings(geometry.coordinates as Position[][]) };
  return {
    ...geometry,
    coordinates: (geometry.coordinates as Position[][][]).map(rings),
  };
}

/** An equal-area projection centred on a city's districts, fitted to width × height. */
export function districtProjection(
  width: number,
  height: number,
  features: ReadonlyArray<Feature<Polygon | MultiPolygon>>,
  padding = 6,
): GeoProjection {
  const points: Position[] = features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2),
  );
  const lon = points.reduce((sum, p) => sum + p[0]!, 0) / Math.max(1, points.length);
  const lat = points.reduce((sum, p) => sum + p[1]!, 0) / Math.max(1, points.length);
  return geoAzimuthalEqualArea()
    .rotate([-lon, -lat])
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      { type: 'MultiPoint', coordinates: points },
    );
}
