import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  EurostatCodeList,
  EurostatIndicatorsCreate,
  Indicator,
  IndicatorListResponse,
} from '@api/catalogue.schema';
import type {
  Ambition,
  AmbitionListResponse,
  HistoryEvent,
  HistoryResponse,
  ImportReport,
  Observation,
  ObservationListResponse,
} from '@api/observation.schema';
import type {
  CityReviews,
  ReviewChecklist,
  ReviewComment,
  ReviewPeriod,
  ReviewQueue,
} from '@api/review.schema';
import type { Static } from 'typebox';
import { apiFetch, withQuery } from '../../../lib/api-client';
import { seriesParam, type SeriesDimensions } from '../../../lib/series';

export type {
  Ambition,
  CityReviews,
  HistoryEvent,
  ImportReport,
  Observation,
  ReviewChecklist,
  ReviewComment,
  ReviewPeriod,
};
export type WorkspaceIndicator = IndicatorListResponse['indicators'][number];
export type EurostatCode = Static<typeof EurostatCodeList>['codes'][number];
export type EurostatEntry = EurostatIndicatorsCreate['indicators'][number];
export type ReviewAction = 'submit' | 'withdraw' | 'return' | 'approve' | 'reopen';

const enc = encodeURIComponent;

export const workspaceKeys = {
  all: ['workspace'] as const,
  indicators: (network: string) => [...workspaceKeys.all, 'indicators', network] as const,
  values: (city: string) => [...workspaceKeys.all, 'values', city] as const,
  ambitions: (city: string) => [...workspaceKeys.all, 'ambitions', city] as const,
  reviews: (network: string, city: string) =>
    [...workspaceKeys.all, 'reviews', network, city] as const,
  queue: (network: string) => [...workspaceKeys.all, 'queue', network] as const,
  feed: (city: string) => [...workspaceKeys.all, 'feed', city] as const,
  eurostat: (search: string) => [...workspaceKeys.all, 'eurostat', search] as const,
  history: (city: string, indicator: string, year: number, series: string | undefined) =>
    [...workspaceKeys.all, 'history', city, indicator, year, series ?? '(headline)'] as const,
};

export const useNetworkIndicators = (network: string) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.indicators(network),
      queryFn: ({ signal }) =>
        apiFetch<IndicatorListResponse>(`/api/v1/networks/${enc(network)}/indicators`, { signal }),
      enabled: network !== '',
    }),
  );

/** Every value of the city, of every series (the grid shows one series at a time). */
export const useCityValues = (city: string) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.values(city),
      queryFn: ({ signal }) =>
        apiFetch<ObservationListResponse>(
          withQuery(`/api/v1/cities/${enc(city)}/observations`, { series: '*' }),
          { signal },
        ),
    }),
  );

export const useCityAmbitions = (city: string) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.ambitions(city),
      queryFn: ({ signal }) =>
        apiFetch<AmbitionListResponse>(`/api/v1/cities/${enc(city)}/ambitions`, { signal }),
    }),
  );

export const useCityReviews = (network: string, city: string) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.reviews(network, city),
      queryFn: ({ signal }) =>
        apiFetch<CityReviews>(`/api/v1/networks/${enc(network)}/cities/${enc(city)}/reviews`, {
          signal,
        }),
      enabled: network !== '',
    }),
  );

export const useReviewQueue = (network: string) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.queue(network),
      queryFn: ({ signal }) =>
        apiFetch<ReviewQueue>(`/api/v1/networks/${enc(network)}/reviews`, { signal }),
    }),
  );

export const useCityFeed = (city: string) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.feed(city),
      queryFn: ({ signal }) =>
        apiFetch<HistoryResponse>(`/api/v1/cities/${enc(city)}/history?limit=50`, { signal }),
    }),
  );

export const useValueHistory = (
  city: string,
  indicator: string,
  year: number,
  series: SeriesDimensions = {},
) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.history(city, indicator, year, seriesParam(series)),
      queryFn: ({ signal }) =>
        apiFetch<HistoryResponse>(`${valuePath(city, indicator, year, series)}/history`, {
          signal,
        }),
    }),
  );

/** One value's address; `?series=` names a breakdown (none: the headline series). */
const valuePath = (
  city: string,
  indicator: string,
  year: number,
  series: SeriesDimensions = {},
): string => {
  const path = `/api/v1/cities/${enc(city)}/indicators/${enc(indicator)}/observations/${year}`;
  const param = seriesParam(series);
  return param === undefined ? path : `${path}?series=${enc(param)}`;
};

/**
 * Saves one value: a new one with If-None-Match (never overwrites a value
 * someone else created meanwhile), a change with If-Match (412 when stale).
 */
export function saveValue(
  city: string,
  indicator: string,
  year: number,
  input: {
    value: number;
    source?: string | null;
    note?: string | null;
    status?: 'final' | 'provisional';
    comment?: string;
  },
  etag: string | null,
  series: SeriesDimensions = {},
): Promise<Observation> {
  return apiFetch<Observation>(valuePath(city, indicator, year, series), {
    method: 'PUT',
    body: input,
    headers: etag === null ? { 'if-none-match': '*' } : { 'if-match': etag },
  });
}

export function deleteValue(
  city: string,
  indicator: string,
  year: number,
  etag: string,
  series: SeriesDimensions = {},
): Promise<void> {
  return apiFetch<void>(valuePath(city, indicator, year, series), {
    method: 'DELETE',
    headers: { 'if-match': etag },
  });
}

export function saveAmbition(
  city: string,
  indicator: string,
  input: { baselineYear: number; baselineValue: number; targetYear: number; targetValue: number },
  etag: string | null,
): Promise<Ambition> {
  return apiFetch<Ambition>(`/api/v1/cities/${enc(city)}/indicators/${enc(indicator)}/ambition`, {
    method: 'PUT',
    body: input,
    headers: etag === null ? { 'if-none-match': '*' } : { 'if-match': etag },
  });
}

/** Which reader the server uses: detected from the header, an Open SDG file, or Eurostat's. */
export type ImportTarget =
  /** city: the city of a wide file without a city column (the workspace's). */
  | { kind: 'auto'; city?: string }
  | { kind: 'opensdg'; indicator: string; city: string }
  | { kind: 'eurostat'; network: string; dataset?: string };

/**
 * Sends a file to be checked (dryRun) or imported: POST /imports (the format
 * detected, or an Open SDG file for one indicator and city) or POST
 * /imports/eurostat for a network.
 */
export function runImport(
  csv: string,
  options: { dryRun: boolean; fileName?: string; target?: ImportTarget },
): Promise<ImportReport> {
  const target = options.target ?? { kind: 'auto' };
  const query = new URLSearchParams({ dryRun: String(options.dryRun) });
  if (target.kind === 'opensdg') {
    query.set('format', 'opensdg');
    query.set('indicator', target.indicator);
    query.set('city', target.city);
  } else if (target.kind === 'eurostat') {
    query.set('network', target.network);
    if (target.dataset !== undefined && target.dataset !== '') query.set('dataset', target.dataset);
  } else if (target.city !== undefined && target.city !== '') {
    query.set('city', target.city);
  }
  if (options.fileName !== undefined) query.set('fileName', options.fileName.slice(0, 255));
  const path = target.kind === 'eurostat' ? '/api/v1/imports/eurostat' : '/api/v1/imports';
  return apiFetch<ImportReport>(`${path}?${query.toString()}`, {
    method: 'POST',
    text: csv,
    contentType: 'text/csv',
  });
}

export function reviewStep(
  network: string,
  city: string,
  year: number,
  action: ReviewAction,
  comment?: string,
  options: { confirmFlagged?: boolean } = {},
): Promise<ReviewPeriod> {
  return apiFetch<ReviewPeriod>(
    `/api/v1/networks/${enc(network)}/cities/${enc(city)}/reviews/${year}/${action}`,
    {
      method: 'POST',
      body: {
        ...(comment === undefined || comment === '' ? {} : { comment }),
        ...(options.confirmFlagged === true ? { confirmFlagged: true } : {}),
      },
    },
  );
}

/** What to check before submitting or approving a year (values, flags, changes, missing indicators). */
export function fetchChecklist(
  network: string,
  city: string,
  year: number,
  lang: string,
): Promise<ReviewChecklist> {
  return apiFetch<ReviewChecklist>(
    withQuery(`/api/v1/networks/${enc(network)}/cities/${enc(city)}/reviews/${year}/checklist`, {
      lang,
    }),
  );
}

export function postComment(
  network: string,
  city: string,
  year: number,
  input: { indicator?: string; body: string },
): Promise<ReviewComment> {
  return apiFetch<ReviewComment>(
    `/api/v1/networks/${enc(network)}/cities/${enc(city)}/reviews/${year}/comments`,
    { method: 'POST', body: input },
  );
}

/** Eurostat's City statistics codes matching a search, curated SDG suggestions first. */
export const useEurostatCodes = (search: string, enabled = true) =>
  useQuery(
    queryOptions({
      queryKey: workspaceKeys.eurostat(search),
      queryFn: ({ signal }) =>
        apiFetch<Static<typeof EurostatCodeList>>(
          withQuery('/api/v1/eurostat/indicators', { search, limit: 50 }),
          { signal },
        ),
      staleTime: 60 * 60_000,
      // Keep the last results on screen while the next search loads.
      placeholderData: (previous) => previous,
      enabled,
    }),
  );

/** Adds indicators made from Eurostat codes to a network: all or none (400 names the entry). */
export function addEurostatIndicators(
  network: string,
  indicators: readonly EurostatEntry[],
): Promise<{ indicators: Indicator[] }> {
  return apiFetch<{ indicators: Indicator[] }>(
    `/api/v1/networks/${enc(network)}/indicators/eurostat`,
    { method: 'POST', body: { indicators } },
  );
}
