import { useQuery } from '@tanstack/react-query';
import type { Id } from '../api/types';
import { useLiveFallback } from '../live/hooks';
import { pollsQuery } from './api/polls';

/**
 * The meeting's polls, kept current by its live channel (poll.changed, poll.progress,
 * poll.published): no polling while the channel is up, a slow refetch while it is down.
 */
export function usePolls(meetingId: Id, enabled = true) {
  const fallback = useLiveFallback(meetingId);
  return useQuery({ ...pollsQuery(meetingId), enabled, ...fallback });
}
