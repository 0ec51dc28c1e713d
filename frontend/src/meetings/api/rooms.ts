import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type { EndpointInvite, EndpointsAdded, Id, MeetingEndpoint, MeetingEndpointPage } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from './paths';
import { useMeetingMutation } from './refresh';

export type RoomListParams = { q?: string; page?: number; size?: number };

/** GET /api/meetings/{id}/endpoints: one page of the rooms (điểm cầu) of the meeting. */
export const meetingEndpointsQuery = (meetingId: Id, params: RoomListParams) =>
  queryOptions({
    queryKey: queryKeys.meetings.endpointPage(meetingId, params),
    queryFn: ({ signal }) => api.get<MeetingEndpointPage>(meetingApi(meetingId, '/endpoints'), params, signal),
    placeholderData: keepPreviousData,
  });

export interface AddRoomsVars<K extends string = string> {
  body: EndpointInvite;
  /** which way of adding it was (the page shows that button busy) */
  kind: K;
}

/** POST /api/meetings/{id}/endpoints: a list, a unit (with sub-units), a level or all. */
export function useAddRooms<K extends string>(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ body }: AddRoomsVars<K>) => api.post<EndpointsAdded>(meetingApi(meetingId, '/endpoints'), body));
}

/** DELETE /api/meetings/{id}/endpoints/{endpointId} */
export function useRemoveRoom(meetingId: Id) {
  return useMeetingMutation(meetingId, (endpointId: Id | undefined) => api.del(meetingApi(meetingId, `/endpoints/${pathId(endpointId)}`)));
}

/** PUT /api/meetings/{id}/endpoints/{endpointId}/head-count */
export function useSaveHeadCount(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ endpointId, count }: { endpointId: Id | undefined; count: number }) =>
    api.put<MeetingEndpoint>(meetingApi(meetingId, `/endpoints/${pathId(endpointId)}/head-count`), { count }),
  );
}
