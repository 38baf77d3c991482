import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { Indicator } from '@api/catalogue.schema';
import type { ObservationListResponse } from '@api/observation.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';
import { seriesParam, type SeriesDimensions } from '../../../lib/series';

const enc = encodeURIComponent;

/** Which series a list asks for: every series, or one (the headline when {}). */
export type SeriesChoice = '*' | SeriesDimensions;

const seriesQueryValue = (series: SeriesChoice): string | undefined =>
  series === '*' ? '*' : seriesParam(series);

/** Query keys for values with their series and flags; every input of a fetch is in its key. */
export const seriesKeys = {
  all: ['series'] as const,
  cityIndicator: (city: string, indicator: string) =>
    [...seriesKeys.all, 'city', city, indicator] as const,
  city: (city: string) => [...seriesKeys.all, 'city', city, '(all indicators)'] as const,
  acrossCities: (indicator: string, series: string | undefined) =>
    [...seriesKeys.all, 'indicator', indicator, series ?? '(headline)'] as const,
  indicator: (indicator: string) => [...seriesKeys.all, 'definition', indicator] as const,
  networkIndicators: (network: string) => [...seriesKeys.all, 'network', network] as const,
};

/** Every series of one indicator of a city (values with flags, source and note). */
export const cityIndicatorObservationsQuery = (city: string, indicator: string) =>
  queryOptions({
    queryKey: seriesKeys.cityIndicator(city, indicator),
    queryFn: ({ signal }) =>
      apiFetch<ObservationListResponse>(
        withQuery(`/api/v1/cities/${enc(city)}/observations`, { indicator, series: '*' }),
        { signal },
      ),
  });

/** A city's headline values of every indicator (for the flags next to values on summaries). */
export const cityObservationsQuery = (city: string) =>
  queryOptions({
    queryKey: seriesKeys.city(city),
    queryFn: ({ signal }) =>
      apiFetch<ObservationListResponse>(`/api/v1/cities/${enc(city)}/observations`, { signal }),
  });

/** One indicator's values across cities, for every series ('*') or one. */
export const indicatorObservationsQuery = (indicator: string, series: SeriesChoice) => {
  const value = seriesQueryValue(series);
  return queryOptions({
    queryKey: seriesKeys.acrossCities(indicator, value),
    queryFn: ({ signal }) =>
      apiFetch<ObservationListResponse>(
        withQuery(`/api/v1/indicators/${enc(indicator)}/observations`, { series: value }),
        { signal },
      ),
  });
};

/** An indicator's definition: codes, natural limit and whether its values are synthetic. */
export const indicatorQuery = (indicator: string) =>
  queryOptions({
    queryKey: seriesKeys.indicator(indicator),
    queryFn: ({ signal }) =>
      apiFetch<Indicator>(`/api/v1/indicators/${enc(indicator)}`, { signal }),
    staleTime: 5 * 60_000,
  });

/** A network's indicators (to tell which are synthetic). */
export const networkIndicatorsQuery = (network: string) =>
  queryOptions({
    queryKey: seriesKeys.networkIndicators(network),
    queryFn: ({ signal }) =>
      apiFetch<{ indicators: Indicator[] }>(`/api/v1/networks/${enc(network)}/indicators`, {
        signal,
      }),
    staleTime: 5 * 60_000,
  });

export const useCityIndicatorObservations = (city: string, indicator: string) =>
  useQuery(cityIndicatorObservationsQuery(city, indicator));
export const useCityObservations = (city: string) => useQuery(cityObservationsQuery(city));
export const useIndicatorObservations = (indicator: string, series: SeriesChoice, enabled = true) =>
  useQuery({ ...indicatorObservationsQuery(indicator, series), enabled });
export const useIndicator = (indicator: string) => useQuery(indicatorQuery(indicator));
export const useNetworkIndicatorList = (network: string) =>
  useQuery({ ...networkIndicatorsQuery(network), enabled: network !== '' });

/**
 * The slugs of the synthetic indicators of the networks that mix real and
 * synthetic figures (a wholly synthetic network says so once, in its note).
 */
export function useSyntheticIndicators(
  networks: ReadonlyArray<{ slug: string; dataKind: string }>,
): ReadonlySet<string> {
  return useQueries({
    queries: networks
      .filter((n) => n.dataKind === 'mixed')
      .map((n) => networkIndicatorsQuery(n.slug)),
    combine: (results) =>
      new Set(
        results.flatMap((r) =>
          (r.data?.indicators ?? []).filter((i) => i.synthetic).map((i) => i.slug),
        ),
      ),
  });
}
