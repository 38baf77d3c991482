import { geoPath } from 'd3-geo';
import { useMemo, useState, type ReactNode } from 'react';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { DistrictFeature } from '../api/maps-api';
import { districtProjection, rewind } from '../utils/projection';
import { useWidth } from './use-width';

export interface DistrictStyle {
  fill: string;
  /** Drawn on the district (its class number), so the colour is never alone. */
  mark: string | null;
  markColour: string;
  /** Name, value and status, for the tooltip and screen readers. */
  description: string;
}

/**
 * A city's districts as SVG: each filled as `styleOf` says, focusable, its
 * description shown on hover and focus. Boundaries arrive RFC 7946-wound and
 * are reversed for d3-geo.
 */
export function DistrictMap({
  features,
  styleOf,
  label,
  maxHeight = 480,
  testId = 'district-map',
}: {
  features: readonly DistrictFeature[];
  styleOf: (code: string) => DistrictStyle;
  label: string;
  maxHeight?: number;
  testId?: string;
}): ReactNode {
  const [ref, width] = useWidth<HTMLDivElement>(560);
  const [active, setActive] = useState<string | null>(null);
  const shapes = useMemo(
    () =>
      features.map(
        (f) =>
          ({
            type: 'Feature',
            properties: f.properties,
            geometry: rewind(f.geometry as unknown as Polygon | MultiPolygon),
          }) satisfies Feature<Polygon | MultiPolygon, DistrictFeature['properties']>,
      ),
    [features],
  );
  const drawn = useMemo(() => {
    // Square-ish: fit to the width first, then the height the districts need.
    const probe = districtProjection(width, width, shapes);
    const probePath = geoPath(probe);
    const [[, y0], [, y1]] = probePath.bounds({ type: 'FeatureCollection', features: shapes });
    const height = Math.round(Math.min(maxHeight, Math.max(200, y1 - y0 + 16)));
    const projection = districtProjection(width, height, shapes);
    const path = geoPath(projection);
    return {
      height,
      districts: shapes.map((f) => {
        const [cx, cy] = path.centroid(f);
        return {
          code: f.properties.code,
          d: path(f) ?? '',
          cx,
          cy,
          big: path.area(f) > 500,
        };
      }),
    };
  }, [shapes, width, maxHeight]);
  const activeDistrict = drawn.districts.find((d) => d.code === active);
  return (
    <div className="map-canvas" ref={ref} data-testid={testId}>
      <svg
        width={width}
        height={drawn.height}
        viewBox={`0 0 ${width} ${drawn.height}`}
        role="group"
        aria-label={label}
        className="map-svg"
      >
        {drawn.districts.map((d) => {
          const style = styleOf(d.code);
          return (
            <path
              key={d.code}
              d={d.d}
              fill={style.fill}
              className="map-district"
              data-code={d.code}
              tabIndex={0}
              role="img"
              aria-label={style.description}
              onMouseEnter={() => setActive(d.code)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(d.code)}
              onBlur={() => setActive(null)}
            />
          );
        })}
        <g aria-hidden="true" className="map-district-marks">
          {drawn.districts.map((d) => {
            const style = styleOf(d.code);
            return style.mark !== null && d.big && Number.isFinite(d.cx) ? (
              <text
                key={d.code}
                x={d.cx}
                y={d.cy}
                textAnchor="middle"
                dominantBaseline="central"
                fill={style.markColour}
              >
                {style.mark}
              </text>
            ) : null;
          })}
        </g>
      </svg>
      {activeDistrict !== undefined && (
        <div
          className="map-tooltip"
          aria-hidden="true"
          data-testid="map-tooltip"
          style={{
            left: `${Math.max(0, Math.min(activeDistrict.cx - 60, width - 200))}px`,
            top: `${activeDistrict.cy + 12}px`,
          }}
        >
          {styleOf(activeDistrict.code).description}
        </div>
      )}
    </div>
  );
}
