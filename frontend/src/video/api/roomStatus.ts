import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, RoomBoard } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';

/**
 * GET /api/meetings/{id}/rooms/status: every invited room's status (the chair's and operators'
 * grid). The meeting channel's `rooms.status` events patch it in place.
 */
export const roomBoardQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.roomStatus(meetingId),
    queryFn: ({ signal }) => api.get<RoomBoard>(meetingApi(meetingId, '/rooms/status'), undefined, signal),
  });
