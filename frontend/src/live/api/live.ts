import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, LiveState, LiveTicket } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';
import { reconcileLiveState } from '../meetingChannel';
import { noteServerTime } from '../serverClock';

/**
 * GET /api/meetings/{id}/live: the running session with the number (`seq`) of the last event it
 * reflects. The meeting's channel patches it with every later event; the events that came while it
 * was being read are applied to the answer before it is cached.
 */
export const liveStateQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.live(meetingId),
    queryFn: async ({ signal, client }) => {
      const state = await api.get<LiveState>(meetingApi(meetingId, '/live'), undefined, signal);
      noteServerTime(state.now);
      return reconcileLiveState(client, meetingId, state);
    },
  });

/** POST /api/meetings/{id}/live-ticket: a single-use ticket (30 s) for /ws/meetings/{id}. */
export function meetingTicket(meetingId: Id): Promise<LiveTicket> {
  return api.post<LiveTicket>(meetingApi(meetingId, '/live-ticket'));
}

/** POST /api/live/me-ticket: a single-use ticket for /ws/me (the bell). */
export function personalTicket(): Promise<LiveTicket> {
  return api.post<LiveTicket>('/api/live/me-ticket');
}

/** ws(s)://<this host><path>?ticket=…[&after=…] */
export function socketUrl(path: string, params: Record<string, string | number | null | undefined>): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') query.set(k, String(v));
  return `${scheme}//${window.location.host}${path}?${query.toString()}`;
}
