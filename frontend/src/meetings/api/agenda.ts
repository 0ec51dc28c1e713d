import { queryOptions } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type { Agenda, AgendaItem, AgendaItemInput, AgendaVersion, Id } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from './paths';
import { useMeetingMutation } from './refresh';

/** GET /api/meetings/{id}/agenda: the working agenda (managers) or the published one. */
export const agendaQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.agenda(meetingId),
    queryFn: ({ signal }) => api.get<Agenda>(meetingApi(meetingId, '/agenda'), undefined, signal),
  });

/** GET /api/meetings/{id}/agenda/versions */
export const agendaVersionsQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.agendaVersions(meetingId),
    queryFn: ({ signal }) => api.get<AgendaVersion[]>(meetingApi(meetingId, '/agenda/versions'), undefined, signal),
  });

const itemPath = (meetingId: Id, itemId: Id | undefined, rest = '') => meetingApi(meetingId, `/agenda/items/${pathId(itemId)}${rest}`);

/** POST /api/meetings/{id}/agenda/items, or PUT …/items/{itemId} of an `existing` item */
export function useSaveAgendaItem(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ existing, body }: { existing?: AgendaItem; body: AgendaItemInput }) =>
    existing
      ? api.put<AgendaItem>(itemPath(meetingId, existing.id), body)
      : api.post<AgendaItem>(meetingApi(meetingId, '/agenda/items'), body),
  );
}

/** POST …/agenda/items/{itemId}/move: to `position` among the children of `parentId` (null = top). */
export function useMoveAgendaItem(meetingId: Id) {
  return useMeetingMutation(meetingId, ({ itemId, parentId, position }: { itemId: Id | undefined; parentId: Id | undefined; position: number }) =>
    api.post<AgendaItem>(itemPath(meetingId, itemId, '/move'), { parentId, position }),
  );
}

/** DELETE …/agenda/items/{itemId} (with its sub-items) */
export function useDeleteAgendaItem(meetingId: Id) {
  return useMeetingMutation(meetingId, (itemId: Id | undefined) => api.del(itemPath(meetingId, itemId)));
}

/** POST /api/meetings/{id}/agenda/publish: a new version, participants are told. */
export function usePublishAgenda(meetingId: Id) {
  return useMeetingMutation(meetingId, () => api.post<Agenda>(meetingApi(meetingId, '/agenda/publish')));
}
