import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, MeetingDetail } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from './paths';

/** GET /api/meetings/{id}: the meeting with what the signed-in person may do with it. */
export const meetingQuery = (id: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.detail(id),
    queryFn: ({ signal }) => api.get<MeetingDetail>(meetingApi(id), undefined, signal),
  });
