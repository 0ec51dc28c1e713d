import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { FeedUrl } from '../../api/types';

/**
 * POST /api/calendar/feed: a new secret iCalendar address (the old one stops working). The server
 * keeps only a hash, so the address exists only in this answer: nothing to cache or refetch.
 */
export function useCreateFeed() {
  return useMutation({ mutationFn: () => api.post<FeedUrl>('/api/calendar/feed') });
}

/** DELETE /api/calendar/feed: the address stops working. */
export function useRevokeFeed() {
  return useMutation({ mutationFn: () => api.del('/api/calendar/feed') });
}
