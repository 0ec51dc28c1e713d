import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type { Delivery, Id } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from './paths';

/** GET /api/meetings/{id}/deliveries: emails and text messages sent for the meeting. */
export const deliveriesQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.deliveries(meetingId),
    queryFn: ({ signal }) => api.get<Delivery[]>(meetingApi(meetingId, '/deliveries'), undefined, signal),
  });

/** POST /api/meetings/{id}/deliveries/{messageId}/retry */
export function useRetryDelivery(meetingId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: Id | undefined) => api.post(meetingApi(meetingId, `/deliveries/${pathId(messageId)}/retry`)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetings.deliveries(meetingId) }),
  });
}
