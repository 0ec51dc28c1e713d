import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';

/** Retry a failed read only when the server could not answer (network, 5xx); never a 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/**
 * The app's one query cache. Reads are stale at once (every page shows what it has and asks again),
 * refetch when the tab comes back into view, and are kept 5 minutes after their last user.
 * Writes are never retried: a failed write is shown to the user.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 0, gcTime: 5 * 60_000 },
      mutations: { retry: false },
    },
  });
}
