import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, StageView } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';

/**
 * GET /api/meetings/{id}/video/stage: who joins the conference as a participant in a large meeting.
 * The channel's `video.stage` events replace it in the cache; it is read again after a minute in
 * case an event was missed while the channel was away.
 */
export function useVideoStage(meetingId: Id, enabled: boolean): StageView | undefined {
  return useQuery({
    queryKey: queryKeys.meetings.videoStage(meetingId),
    queryFn: ({ signal }) => api.get<StageView>(meetingApi(meetingId, '/video/stage'), undefined, signal),
    enabled,
    staleTime: 60_000,
    refetchInterval: 60_000,
  }).data;
}
