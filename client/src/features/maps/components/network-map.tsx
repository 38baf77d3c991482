import { geoPath } from 'd3-geo';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiLineString } from 'geojson';
import countries110m from 'world-atlas/countries-110m.json';
import { withLanguage } from '../../../components/ui/local-link';
import { useLanguage } from '../../../lib/i18n/use-language';
import { placeLabels } from '../utils/labels';
import type { LegendEntry, MapPlace } from '../utils/network-map-data';
import { europeProjection, paddedBBox } from '../utils/projection';
import { LeadRing, MarkerSymbol } from './marker-symbol';
import { useWidth } from './use-width';

// Natural Earth 1:110m country outlines (world-atlas), shipped with the app:
// no tile server, works offline.
const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
let outlines: { land: FeatureCollection; borders: MultiLineString } | undefined;
function countryOutlines(): { land: FeatureCollection; borders: MultiLineString } {
  outlines ??= {
    land: feature(topology, topology.objects.countries) as FeatureCollection,
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
  return outlines;
}

const R = 8;
const FONT = 12;

/**
 * The network's cities on a map of Europe: one focusable link per city,
 * in reading order (north to south), coloured and shaped by its legend entry,
 * the lead partner ringed; hover or focus shows the details.
 */
export function NetworkMap({
  places,
  legend,
  label,
  year,
}: {
  /** Cities with coordinates. */
  places: readonly MapPlace[];
  legend: readonly LegendEntry[];
  label: string;
  year?: number;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const height = Math.round(Math.min(560, Math.max(320, width * 0.78)));
  const [active, setActive] = useState<string | null>(null);
  const entries = useMemo(() => new Map(legend.map((e) => [e.key, e])), [legend]);

  const drawn = useMemo(() => {
    const projection = europeProjection(
      width,
      height,
      paddedBBox(places.map((p) => [p.longitude!, p.latitude!] as const)),
    );
    const path = geoPath(projection);
    const { land, borders } = countryOutlines();
    const points = places
      .map((p) => {
        const [x, y] = projection([p.longitude!, p.latitude!]) ?? [NaN, NaN];
        return { place: p, x, y };
      })
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      // Reading order for the keyboard: north to south, then west to east.
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const labels = placeLabels(
      points.map((p) => ({ x: p.x, y: p.y, width: p.place.name.length * FONT * 0.58 })),
      { height: FONT + 2, radius: R + 3, bounds: { width, height } },
    );
    return {
      land: land.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '' })),
      borders: path(borders) ?? '',
      points,
      labels,
    };
  }, [places, width, height]);

  const activePoint = drawn.points.find((p) => p.place.slug === active);
  const href = (slug: string): string =>
    withLanguage(`/cities/${slug}${year === undefined ? '' : `?year=${year}`}`, lang);
  return (
    <div className="map-canvas" ref={ref} data-testid="network-map">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={label}
        className="map-svg"
      >
        <rect width={width} height={height} className="map-sea" />
        <g className="map-land" aria-hidden="true">
          {drawn.land.map((c) => (
            <path key={c.key} d={c.d} />
          ))}
        </g>
        <path d={drawn.borders} className="map-borders" aria-hidden="true" />
        {drawn.points.map(({ place, x, y }, i) => {
          const entry = entries.get(place.key);
          const placed = drawn.labels[i];
          return (
            <a
              key={place.slug}
              href={href(place.slug)}
              className="map-marker"
              data-city={place.slug}
              data-key={place.key}
              aria-label={t('maps.markerLabel', {
                city: place.name,
                value: place.valueText,
                lead: place.isLead ? t('maps.leadSuffix') : '',
              })}
              onClick={(event) => {
                event.preventDefault();
                void navigate(href(place.slug));
              }}
              onMouseEnter={() => setActive(place.slug)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(place.slug)}
              onBlur={() => setActive(null)}
            >
              <g transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}>
                <circle r={R + 6} className="map-marker__focus" />
                {place.isLead && <LeadRing r={R + 3.5} />}
                <MarkerSymbol
                  shape={entry?.shape ?? 'cross'}
                  fill={entry?.fill ?? '#ffffff'}
                  glyph={entry?.glyph ?? null}
                  r={R}
                />
              </g>
              {placed !== null && placed !== undefined && (
                <text
                  className="map-label"
                  x={
                    placed.box.x +
                    (placed.side === 'left'
                      ? placed.box.width
                      : placed.side === 'right'
                        ? 0
                        : placed.box.width / 2)
                  }
                  y={placed.box.y + placed.box.height / 2}
                  textAnchor={
                    placed.side === 'left' ? 'end' : placed.side === 'right' ? 'start' : 'middle'
                  }
                  dominantBaseline="central"
                  fontSize={FONT}
                  aria-hidden="true"
                >
                  {place.name}
                </text>
              )}
            </a>
          );
        })}
      </svg>
      {activePoint !== undefined && (
        <div
          className="map-tooltip"
          aria-hidden="true"
          data-testid="map-tooltip"
          style={{
            left: `${Math.min(activePoint.x, width - 180)}px`,
            top: `${activePoint.y + R + 8}px`,
          }}
        >
          <strong>{activePoint.place.name}</strong>
          {activePoint.place.isLead && <span className="muted"> · {t('network.leadPartner')}</span>}
          <br />
          {activePoint.place.valueText}
        </div>
      )}
      <p className="map-attribution">{t('maps.attribution')}</p>
    </div>
  );
}
