import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MeetingDetail, MeetingInput } from '../../api/types';
import { meetingApi } from './paths';
import { refreshMeeting } from './refresh';

/** POST /api/meetings, or PUT /api/meetings/{id} of an `existing` meeting; both answer the MeetingDetail. */
export function useSaveMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, body }: { existing?: MeetingDetail; body: MeetingInput }) =>
      existing ? api.put<MeetingDetail>(meetingApi(existing.id), body) : api.post<MeetingDetail>('/api/meetings', body),
    onSuccess: (saved) => (saved.id != null ? refreshMeeting(queryClient, saved.id, saved) : undefined),
  });
}
