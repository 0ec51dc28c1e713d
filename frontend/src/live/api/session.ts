import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type { Id, ItemState, LiveState, MeetingDetail, SpeakRequest, SpeakerQueue } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';
import { refreshMeeting } from '../../meetings/api/refresh';
import { meetingChannelStatus } from '../meetingChannel';

// Running the session. Every write is followed by its event on the live channel, which patches the
// cached LiveState; the answers are used as well, so that a press shows at once (and still shows
// while the channel is down).

/** The channel brings the change; without it, read the live state again. */
function refreshLive(client: QueryClient, meetingId: Id): void {
  if (meetingChannelStatus(client, meetingId) !== 'connected') {
    void client.invalidateQueries({ queryKey: queryKeys.meetings.live(meetingId), exact: true });
  }
}

export type SessionAction = 'start' | 'pause' | 'resume' | 'end';

/** POST /api/meetings/{id}/{start|pause|resume|end} → MeetingDetail */
export function useSessionAction(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: SessionAction) => api.post<MeetingDetail>(meetingApi(meetingId, `/${action}`)),
    onSuccess: (detail) => {
      void refreshMeeting(client, meetingId, detail && typeof detail === 'object' && 'status' in detail ? detail : undefined);
      refreshLive(client, meetingId);
    },
  });
}

export type AgendaRun =
  | { op: 'next' }
  | { op: 'previous' }
  | { op: 'current'; itemId: Id | undefined }
  | { op: 'state'; itemId: Id | undefined; state: ItemState }
  | { op: 'limit'; itemId: Id | undefined; seconds: number | null };

function runAgenda(meetingId: Id, v: AgendaRun): Promise<void> {
  switch (v.op) {
    case 'next':
      return api.post(meetingApi(meetingId, '/agenda/next'));
    case 'previous':
      return api.post(meetingApi(meetingId, '/agenda/previous'));
    case 'current':
      return api.post(meetingApi(meetingId, '/agenda/current'), { itemId: v.itemId });
    case 'state':
      return api.put(meetingApi(meetingId, `/agenda/items/${pathId(v.itemId)}/state`), { state: v.state });
    case 'limit':
      return api.put(meetingApi(meetingId, `/agenda/items/${pathId(v.itemId)}/speech-limit`), { seconds: v.seconds });
  }
}

/** The agenda as it runs: next, previous, make current, done / deferred, an item's speech limit (204). */
export function useAgendaRun(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: AgendaRun) => runAgenda(meetingId, v),
    onSuccess: () => refreshLive(client, meetingId),
  });
}

export type SpeakerAction =
  | { op: 'request'; body: SpeakRequest }
  | { op: 'withdraw'; requestId: Id | undefined }
  | { op: 'move'; requestId: Id | undefined; position: number }
  | { op: 'floor'; requestId?: Id }
  | { op: 'end' | 'pause' | 'resume' | 'open' | 'close' }
  | { op: 'limit'; seconds: number };

function speakers(meetingId: Id, v: SpeakerAction): Promise<SpeakerQueue> {
  const path = (rest = '') => meetingApi(meetingId, `/speakers${rest}`);
  switch (v.op) {
    case 'request':
      return api.post(path(), v.body);
    case 'withdraw':
      return api.del(path(`/${pathId(v.requestId)}`));
    case 'move':
      return api.post(path(`/${pathId(v.requestId)}/move`), { position: v.position });
    case 'floor':
      return api.post(path('/floor'), v.requestId != null ? { requestId: v.requestId } : {});
    case 'limit':
      return api.put(path('/limit'), { seconds: v.seconds });
    default:
      return api.post(path(`/${v.op}`));
  }
}

/** The speaking queue: ask, withdraw, and the chair's moves; each answers the queue, shown at once. */
export function useSpeakerAction(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: SpeakerAction) => speakers(meetingId, v),
    onSuccess: (queue) => {
      if (queue && typeof queue === 'object') {
        // the answer has `mine` set for the caller
        client.setQueryData<LiveState>(queryKeys.meetings.live(meetingId), (s) => (s ? { ...s, speaker: queue } : s));
      }
      refreshLive(client, meetingId);
    },
  });
}
