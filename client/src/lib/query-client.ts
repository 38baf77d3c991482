import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** One QueryClient for the app: retries only transient failures, never 4xx. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          failureCount < 2 && (!(error instanceof ApiError) || error.isTransient),
        refetchOnWindowFocus: false,
      },
    },
  });
}
