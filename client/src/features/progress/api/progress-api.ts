import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  CityProgressResponse,
  IndicatorDetailResponse,
  PeersResponse,
} from '@api/progress.schema';
import type { HistoryResponse } from '@api/observation.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';
import { seriesParam, type SeriesDimensions } from '../../../lib/series';

/** Query keys for progress data; every input of a fetch is in its key. */
export const progressKeys = {
  all: ['progress'] as const,
  city: (city: string, year: number | undefined, lang: string) =>
    [...progressKeys.all, 'city', city, year ?? 'latest', lang] as const,
  indicator: (city: string, indicator: string, year: number | undefined, lang: string) =>
    [...progressKeys.all, 'indicator', city, indicator, year ?? 'latest', lang] as const,
  peers: (city: string, indicator: string, lang: string) =>
    [...progressKeys.all, 'peers', city, indicator, lang] as const,
  history: (city: string, indicator: string, year: number, series: string | undefined) =>
    ['history', city, indicator, year, series ?? '(headline)'] as const,
};

export const cityProgressQuery = (city: string, year: number | undefined, lang: string) =>
  queryOptions({
    queryKey: progressKeys.city(city, year, lang),
    queryFn: ({ signal }) =>
      apiFetch<CityProgressResponse>(
        withQuery(`/api/v1/cities/${encodeURIComponent(city)}/progress`, { year, lang }),
        { signal },
      ),
  });

export const indicatorProgressQuery = (
  city: string,
  indicator: string,
  year: number | undefined,
  lang: string,
) =>
  queryOptions({
    queryKey: progressKeys.indicator(city, indicator, year, lang),
    queryFn: ({ signal }) =>
      apiFetch<IndicatorDetailResponse>(
        withQuery(
          `/api/v1/cities/${encodeURIComponent(city)}/indicators/${encodeURIComponent(indicator)}/progress`,
          { year, lang },
        ),
        { signal },
      ),
  });

export const peersQuery = (city: string, indicator: string, lang: string) =>
  queryOptions({
    queryKey: progressKeys.peers(city, indicator, lang),
    queryFn: ({ signal }) =>
      apiFetch<PeersResponse>(
        withQuery(`/api/v1/cities/${encodeURIComponent(city)}/peers`, { indicator, lang }),
        { signal },
      ),
  });

export const valueHistoryQuery = (
  city: string,
  indicator: string,
  year: number,
  series: SeriesDimensions = {},
) => {
  const param = seriesParam(series);
  return queryOptions({
    queryKey: progressKeys.history(city, indicator, year, param),
    queryFn: ({ signal }) =>
      apiFetch<HistoryResponse>(
        withQuery(
          `/api/v1/cities/${encodeURIComponent(city)}/indicators/${encodeURIComponent(indicator)}/observations/${year}/history`,
          { series: param },
        ),
        { signal },
      ),
  });
};

export const useCityProgress = (city: string, year: number | undefined, lang: string) =>
  useQuery(cityProgressQuery(city, year, lang));
export const useIndicatorProgress = (
  city: string,
  indicator: string,
  year: number | undefined,
  lang: string,
) => useQuery(indicatorProgressQuery(city, indicator, year, lang));
export const usePeers = (city: string, indicator: string, lang: string) =>
  useQuery(peersQuery(city, indicator, lang));
/** History is shown to signed-in members only (the API answers 401 to anyone else). */
export const useValueHistory = (
  city: string,
  indicator: string,
  year: number | null,
  signedIn: boolean,
  series: SeriesDimensions = {},
) =>
  useQuery({
    ...valueHistoryQuery(city, indicator, year ?? 0, series),
    enabled: year !== null && signedIn,
  });
