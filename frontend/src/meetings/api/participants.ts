import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type {
  AttendanceUpdate,
  BulkInvite,
  BulkInviteResult,
  Id,
  Participant,
  ParticipantInput,
  ParticipantPage,
  ParticipantUpdate,
} from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from './paths';
import { useMeetingMutation } from './refresh';

export type ParticipantListParams = {
  /** name, unit or position (diacritics optional) */
  q?: string;
  /** a ParticipantRole */
  role?: string;
  /** an Attendance */
  attendance?: string;
  page?: number;
  size?: number;
};

/** GET /api/meetings/{id}/participants: one page, the chair and the secretary first. */
export const participantsQuery = (meetingId: Id, params: ParticipantListParams) =>
  queryOptions({
    queryKey: queryKeys.meetings.participantPage(meetingId, params),
    queryFn: ({ signal }) => api.get<ParticipantPage>(meetingApi(meetingId, '/participants'), params, signal),
    placeholderData: keepPreviousData,
  });

const participantPath = (meetingId: Id, pid: Id | undefined, rest = '') => meetingApi(meetingId, `/participants/${pathId(pid)}${rest}`);

/** POST /api/meetings/{id}/participants */
export function useAddParticipants(meetingId: Id) {
  return useMeetingMutation(meetingId, (participants: ParticipantInput[]) =>
    api.post<Participant[]>(meetingApi(meetingId, '/participants'), { participants }),
  );
}

/** POST /api/meetings/{id}/participants/bulk: everyone of a unit, of an account role, or of a pasted list. */
export function useBulkInvite(meetingId: Id) {
  return useMeetingMutation(meetingId, (body: BulkInvite) => api.post<BulkInviteResult>(meetingApi(meetingId, '/participants/bulk'), body));
}

/** PUT /api/meetings/{id}/participants/{pid} (with the `version` the change was based on) */
export function useUpdateParticipant(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ pid, body }: { pid: Id | undefined; body: ParticipantUpdate }) =>
    api.put<Participant>(participantPath(meetingId, pid), body),
  );
}

/** DELETE /api/meetings/{id}/participants/{pid} */
export function useRemoveParticipant(meetingId: Id) {
  return useMeetingMutation(meetingId, (pid: Id | undefined) => api.del(participantPath(meetingId, pid)));
}

/** PUT …/participants/{pid}/proxy: the participant's vote goes to another participant. */
export function useSetProxy(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ pid, toParticipantId }: { pid: Id | undefined; toParticipantId: Id }) =>
    api.put<Participant>(participantPath(meetingId, pid, '/proxy'), { toParticipantId }),
  );
}

/** DELETE …/participants/{pid}/proxy */
export function useWithdrawProxy(meetingId: Id) {
  return useMeetingMutation(meetingId, (pid: Id | undefined) => api.del<Participant>(participantPath(meetingId, pid, '/proxy')));
}

/** PUT …/participants/{pid}/attendance: a manager marks someone present, excused or absent. */
export function useMarkAttendance(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ pid, body }: { pid: Id | undefined; body: AttendanceUpdate }) =>
    api.put<Participant>(participantPath(meetingId, pid, '/attendance'), body),
  );
}
