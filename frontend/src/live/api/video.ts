import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, VideoJoin } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';

/** A token lives 5 minutes: one older than this is asked for again before joining with it. */
export const TOKEN_FRESH_MS = 4 * 60_000;

/**
 * POST /api/meetings/{id}/video-token: how to join the meeting's Jitsi conference (domain, room,
 * a token valid for 5 minutes), or `configured: false` when the system has no Jitsi deployment.
 */
export const videoJoinQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.video(meetingId),
    queryFn: () => api.post<VideoJoin>(meetingApi(meetingId, '/video-token')),
    staleTime: TOKEN_FRESH_MS,
  });
