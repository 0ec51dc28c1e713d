import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AttendanceLogEntry, Id, Quorum } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from './paths';

/** GET /api/meetings/{id}/quorum */
export const quorumQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.quorum(meetingId),
    queryFn: ({ signal }) => api.get<Quorum>(meetingApi(meetingId, '/quorum'), undefined, signal),
  });

/** GET /api/meetings/{id}/attendance-log (oldest first) */
export const attendanceLogQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.attendanceLog(meetingId),
    queryFn: ({ signal }) => api.get<AttendanceLogEntry[]>(meetingApi(meetingId, '/attendance-log'), undefined, signal),
  });
