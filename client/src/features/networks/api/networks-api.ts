import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { NetworkDetail, NetworkListResponse } from '@api/network.schema';
import type { NetworkRankingResponse, NetworkScoresResponse } from '@api/progress.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';

export const networkKeys = {
  all: ['networks'] as const,
  list: () => [...networkKeys.all, 'list'] as const,
  detail: (slug: string) => [...networkKeys.all, 'detail', slug] as const,
};

export const networksQuery = () =>
  queryOptions({
    queryKey: networkKeys.list(),
    queryFn: ({ signal }) => apiFetch<NetworkListResponse>('/api/v1/networks', { signal }),
  });

export const networkQuery = (slug: string) =>
  queryOptions({
    queryKey: networkKeys.detail(slug),
    queryFn: ({ signal }) =>
      apiFetch<NetworkDetail>(`/api/v1/networks/${encodeURIComponent(slug)}`, { signal }),
  });

export const useNetworks = () => useQuery(networksQuery());
export const useNetwork = (slug: string) => useQuery(networkQuery(slug));

/**
 * The network's scores. `drafts`: members ask for values not approved yet
 * (the server ignores it for others); by default everyone sees published figures.
 */
export const networkScoresQuery = (
  network: string,
  year: number | undefined,
  lang: string,
  drafts = false,
) =>
  queryOptions({
    queryKey: [
      ...networkKeys.all,
      'scores',
      network,
      year ?? 'latest',
      lang,
      drafts ? 'drafts' : 'published',
    ] as const,
    queryFn: ({ signal }) =>
      apiFetch<NetworkScoresResponse>(
        withQuery(`/api/v1/networks/${encodeURIComponent(network)}/scores`, {
          year,
          lang,
          drafts: drafts ? 'true' : undefined,
        }),
        {
          signal,
        },
      ),
  });

export const useNetworkScores = (
  network: string,
  year: number | undefined,
  lang: string,
  drafts = false,
  enabled = true,
) => useQuery({ ...networkScoresQuery(network, year, lang, drafts), enabled });

/** What a page of a large network's ranking asks for. */
export interface RankingPageRequest {
  year: number | undefined;
  lang: string;
  drafts: boolean;
  q: string;
  sort: 'rank' | 'name' | 'index';
  goal: number | undefined;
  offset: number;
  limit: number;
}

/** One page of the ranking (a large network's page does not load every city's scores). */
export const useNetworkRanking = (network: string, page: RankingPageRequest, enabled: boolean) =>
  useQuery({
    queryKey: [...networkKeys.all, 'ranking', network, page] as const,
    queryFn: ({ signal }) =>
      apiFetch<NetworkRankingResponse>(
        withQuery(`/api/v1/networks/${encodeURIComponent(network)}/ranking`, {
          year: page.year,
          lang: page.lang,
          drafts: page.drafts ? 'true' : undefined,
          q: page.q === '' ? undefined : page.q,
          sort: page.goal === undefined ? page.sort : undefined,
          goal: page.goal,
          offset: page.offset === 0 ? undefined : page.offset,
          limit: page.limit,
        }),
        { signal },
      ),
    // The page on screen stays while the next one loads: the table does not jump to a spinner.
    placeholderData: keepPreviousData,
    enabled,
  });
