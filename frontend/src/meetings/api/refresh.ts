import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Id, MeetingDetail } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';

/**
 * A meeting changed: refetch what is on screen of it (its detail, agenda, participants, rooms,
 * quorum… all live under ['meetings', id]) and mark every meeting list stale. When the write
 * answered with the new MeetingDetail it is put in the cache as is, and only the rest is refetched.
 */
export function refreshMeeting(queryClient: QueryClient, id: Id, detail?: MeetingDetail): Promise<unknown> {
  const key = queryKeys.meetings.detail(id);
  if (detail) queryClient.setQueryData(key, detail);
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: key,
      // the live state follows the meeting's channel (src/live/), which brings this change too
      predicate: (q) => q.queryKey[2] !== 'live' && (!detail || q.queryKey.length > key.length),
    }),
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings.lists() }),
  ]);
}

/**
 * A write about one meeting that refreshes the meeting afterwards ({@link refreshMeeting}). The
 * refresh is not waited for: the form that made the write resets at once (a cleared picker, a
 * closed dialog) and the lists follow a moment later, never the other way round.
 */
export function useMeetingMutation<TVars, TData>(meetingId: Id, mutationFn: (vars: TVars) => Promise<TData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void refreshMeeting(queryClient, meetingId);
    },
  });
}
