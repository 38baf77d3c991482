import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ComparisonResponse } from '@api/progress.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';

export const compareKeys = {
  all: ['comparison'] as const,
  indicator: (network: string, indicator: string, year: number | undefined, lang: string) =>
    [...compareKeys.all, network, indicator, year ?? 'latest', lang] as const,
};

export const comparisonQuery = (
  network: string,
  indicator: string,
  year: number | undefined,
  lang: string,
) =>
  queryOptions({
    queryKey: compareKeys.indicator(network, indicator, year, lang),
    queryFn: ({ signal }) =>
      apiFetch<ComparisonResponse>(
        withQuery(
          `/api/v1/networks/${encodeURIComponent(network)}/indicators/${encodeURIComponent(indicator)}/comparison`,
          {
            year,
            lang,
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
) => useQuery(comparisonQuery(network, indicator, year, lang));
