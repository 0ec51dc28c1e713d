import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, StageView } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';

/**
 * GET /api/meetings/{id}/video/stage: who joins the conference as a participant in a large meeting.
 * The channel's `video.stage` events replace it in the cache. It is not polled: a poll that
 * answered after a newer event would put an older stage back. The channel replays the events a
 * client missed, and a snapshot reads the whole meeting again (`meetings.detail` is this key's
 * prefix).
 */
export function useVideoStage(meetingId: Id, enabled: boolean): StageView | undefined {
  return useQuery({
    queryKey: queryKeys.meetings.videoStage(meetingId),
    queryFn: ({ signal }) => api.get<StageView>(meetingApi(meetingId, '/video/stage'), undefined, signal),
    enabled,
    staleTime: Infinity,
  }).data;
}
