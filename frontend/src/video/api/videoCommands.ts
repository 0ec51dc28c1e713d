import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';
import type { VideoAction, VideoCommandEvent } from '../videoCommands';

/** POST /api/meetings/{id}/video/commands: a command of the chair to the conference (audited). */
export function useVideoCommand(meetingId: Id) {
  return useMutation({
    mutationFn: (c: { action: VideoAction; endpointId?: Id }) => api.post(meetingApi(meetingId, '/video/commands'), c),
  });
}

/** The last command the meeting's channel delivered (never asked of the server: the channel sets it). */
export function useLastVideoCommand(meetingId: Id): VideoCommandEvent | undefined {
  return useQuery<VideoCommandEvent | null>({
    queryKey: queryKeys.meetings.videoCommand(meetingId),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data ?? undefined;
}
