import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CityDistricts } from '@api/district.schema';
import { ApiError, apiFetch, withQuery } from '../../../lib/api-client';

export type { CityDistricts };
export type DistrictFeature = CityDistricts['geojson']['features'][number];

const enc = encodeURIComponent;

/** Query keys of district boundaries; every input of a fetch is in its key. */
export const mapKeys = {
  all: ['maps'] as const,
  districts: (city: string) => [...mapKeys.all, 'districts', city] as const,
};

/** A city's district boundaries, or null when it has none (404). */
export const cityDistrictsQuery = (city: string) =>
  queryOptions({
    queryKey: mapKeys.districts(city),
    queryFn: async ({ signal }): Promise<CityDistricts | null> => {
      try {
        return await apiFetch<CityDistricts>(`/api/v1/cities/${enc(city)}/districts`, { signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });

export const useCityDistricts = (city: string, enabled = true) =>
  useQuery({ ...cityDistrictsQuery(city), enabled: enabled && city !== '' });

/**
 * Uploads the boundaries (the file's text as it is); `etag` replaces the
 * current ones. 400 lists every problem in ApiError.details.
 */
export function uploadDistricts(
  city: string,
  geojson: string,
  properties: { codeProperty: string; nameProperty?: string; onlyMatching?: boolean },
  etag?: string,
): Promise<CityDistricts> {
  return apiFetch<CityDistricts>(
    withQuery(`/api/v1/cities/${enc(city)}/districts`, {
      codeProperty: properties.codeProperty,
      nameProperty: properties.nameProperty,
      onlyMatching: properties.onlyMatching === true ? 'true' : undefined,
    }),
    {
      method: 'PUT',
      text: geojson,
      contentType: 'application/geo+json',
      headers: etag === undefined ? {} : { 'if-match': etag },
    },
  );
}

/** Removes the city's boundaries. */
export function deleteDistricts(city: string, etag: string): Promise<void> {
  return apiFetch<void>(`/api/v1/cities/${enc(city)}/districts`, {
    method: 'DELETE',
    headers: { 'if-match': etag },
  });
}
