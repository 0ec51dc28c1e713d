import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, InvitationResponse, MeetingDetail, Participant, PostponeRequest } from '../../api/types';
import { meetingApi } from './paths';
import { refreshMeeting, useMeetingMutation } from './refresh';

// the minutes are published through their own API (src/minutes/), which moves the meeting on
export type Transition = 'schedule' | 'start' | 'end' | 'archive';

/** A write that answers the new MeetingDetail: it replaces the cached meeting. */
function useMeetingChange<TVars>(meetingId: Id, mutationFn: (vars: TVars) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (next) =>
      refreshMeeting(queryClient, meetingId, next && typeof next === 'object' && 'status' in next ? next : undefined),
  });
}

/** POST /api/meetings/{id}/{schedule|start|end|archive} */
export function useTransition(meetingId: Id) {
  return useMeetingChange(meetingId, (action: Transition) => api.post<MeetingDetail>(meetingApi(meetingId, `/${action}`)));
}

/** POST /api/meetings/{id}/postpone */
export function usePostpone(meetingId: Id) {
  return useMeetingChange(meetingId, (body: PostponeRequest) => api.post<MeetingDetail>(meetingApi(meetingId, '/postpone'), body));
}

/** POST /api/meetings/{id}/cancel */
export function useCancelMeeting(meetingId: Id) {
  return useMeetingChange(meetingId, (reason: string) => api.post<MeetingDetail>(meetingApi(meetingId, '/cancel'), { reason }));
}

/** POST /api/meetings/{id}/check-in: the signed-in participant is present. */
export function useCheckIn(meetingId: Id) {
  return useMeetingMutation(meetingId, () => api.post<Participant>(meetingApi(meetingId, '/check-in'), {}));
}

/** POST /api/meetings/{id}/response: the signed-in participant answers the invitation. */
export function useRespond(meetingId: Id) {
  return useMeetingMutation(meetingId, (body: { response: Exclude<InvitationResponse, 'PENDING'>; note?: string }) =>
    api.post<Participant>(meetingApi(meetingId, '/response'), body),
  );
}
