import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ComparisonResponse } from '@api/progress.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';

export const compareKeys = {
  all: ['comparison'] as const,
  indicator: (
    network: string,
    indicator: string,
    year: number | undefined,
    lang: string,
    drafts = false,
  ) =>
    [
      ...compareKeys.all,
      network,
      indicator,
      year ?? 'latest',
      lang,
      drafts ? 'drafts' : 'published',
    ] as const,
};

export const comparisonQuery = (
  network: string,
  indicator: string,
  year: number | undefined,
  lang: string,
  /** Members: include values not approved yet (published figures by default). */
  drafts = false,
) =>
  queryOptions({
    queryKey: compareKeys.indicator(network, indicator, year, lang, drafts),
    queryFn: ({ signal }) =>
      apiFetch<ComparisonResponse>(
        withQuery(
          `/api/v1/networks/${encodeURIComponent(network)}/indicators/${encodeURIComponent(indicator)}/comparison`,
          {
            year,
            lang,
            drafts: drafts ? 'true' : undefined,
          },
        ),
        { signal },
      ),
  });

export const useComparison = (
  network: string,
  indicator: string,
  year: number | undefined,
  lang: string,
  drafts = false,
) => useQuery(comparisonQuery(network, indicator, year, lang, drafts));
