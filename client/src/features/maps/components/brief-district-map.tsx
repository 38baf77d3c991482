import { useQueries } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse } from '@api/progress.schema';
import { cityIndicatorObservationsQuery } from '../../series/api/series-api';
import { useCityDistricts } from '../api/maps-api';
import { codesWithValues } from '../utils/district-map-data';
import { DistrictChoropleth } from './district-map-section';

/**
 * The brief's district map: of the city's largest gaps (largest first), the
 * first with values by district that the city's boundaries match, as a small
 * choropleth with its legend and a compact table. Nothing when no gap has
 * one. Boundaries are asked for only when a gap has values by district.
 */
export function BriefDistrictMap({ progress }: { progress: CityProgressResponse }): ReactNode {
  const { t } = useTranslation();
  const headingId = useId();
  const city = progress.city.slug;
  const gaps = progress.largestGaps.flatMap((slug) => {
    const indicator = progress.indicators.find((i) => i.slug === slug);
    return indicator === undefined ? [] : [indicator];
  });
  const values = useQueries({
    queries: gaps.map((g) => cityIndicatorObservationsQuery(city, g.slug)),
    combine: (results) =>
      results.map((r) => ({ settled: !r.isPending, observations: r.data?.observations ?? [] })),
  });
  const hasAreas = values.some((v) => v.observations.some((o) => o.series.geocode !== undefined));
  const districts = useCityDistricts(city, hasAreas);
  if (!hasAreas || districts.data === undefined || districts.data === null) return null;
  const codes = new Set(districts.data.geojson.features.map((f) => f.properties.code));
  // The largest gap with a district map, once every larger gap's values are in.
  let chosen: number | null = null;
  for (const [i, v] of values.entries()) {
    if (!v.settled) return null;
    if (codesWithValues(v.observations, codes).size > 0) {
      chosen = i;
      break;
    }
  }
  if (chosen === null) return null;
  const indicator = gaps[chosen]!;
  return (
    <section
      aria-labelledby={headingId}
      className="brief__districts"
      data-testid="brief-district-map"
      data-indicator={indicator.slug}
    >
      <h2 id={headingId}>{t('maps.briefDistrictHeading', { indicator: indicator.name })}</h2>
      <DistrictChoropleth
        districts={districts.data}
        cityName={progress.city.name}
        indicator={indicator}
        observations={values[chosen]!.observations}
        year={progress.year}
        compact
      />
    </section>
  );
}
