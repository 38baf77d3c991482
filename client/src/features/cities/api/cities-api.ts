import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CityDetail, CityListResponse } from '@api/city.schema';
import { apiFetch } from '../../../lib/api-client';

export const cityKeys = {
  all: ['cities'] as const,
  list: () => [...cityKeys.all, 'list'] as const,
  detail: (slug: string) => [...cityKeys.all, 'detail', slug] as const,
};

export const citiesQuery = () =>
  queryOptions({
    queryKey: cityKeys.list(),
    queryFn: ({ signal }) => apiFetch<CityListResponse>('/api/v1/cities', { signal }),
  });

export const cityQuery = (slug: string) =>
  queryOptions({
    queryKey: cityKeys.detail(slug),
    queryFn: ({ signal }) =>
      apiFetch<CityDetail>(`/api/v1/cities/${encodeURIComponent(slug)}`, { signal }),
  });

export const useCities = () => useQuery(citiesQuery());
export const useCity = (slug: string) => useQuery(cityQuery(slug));
