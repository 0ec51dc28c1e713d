import { isCancelledError, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { endpointsQuery } from '../admin/endpoints/api/getEndpoints';
import type { Id, LiveState } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { liveStateQuery, meetingTicket, personalTicket, socketUrl } from './api/live';
import type { Me } from './liveState';
import {
  type ChannelDeps,
  acquireMeetingChannel,
  meetingChannel,
  meetingChannelStatus,
  releaseMeetingChannel,
  subscribeChannelStatus,
} from './meetingChannel';
import { acquirePersonalChannel, personalStatus, subscribePersonalStatus } from './personalChannel';
import type { LiveStatus } from './protocol';
import { serverNow } from './serverClock';

/** While a live channel is down, the reads it would keep fresh are asked for this often. */
export const FALLBACK_REFETCH_MS = 20_000;

const deps: ChannelDeps = {
  ticket: meetingTicket,
  loadState: async (client, meetingId) => {
    // the read may be cancelled when the component that started it goes away (a re-mount): ask again
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.ensureQueryData(liveStateQuery(meetingId));
      } catch (e) {
        if (!isCancelledError(e) || attempt >= 2) throw e;
      }
    }
  },
  socketUrl,
};

/** The rooms of a device account (GET /api/endpoints answers it with its own only). */
export const OWN_ROOMS = { size: 50 };

/** Who is looking, for "my" speeches: the person, and for a room's device account its rooms. */
export function useLiveMe(): Me {
  const { user, hasRole } = useAuth();
  const device = hasRole('ENDPOINT');
  const rooms = useQuery({ ...endpointsQuery(OWN_ROOMS), enabled: device });
  const ids = device ? (rooms.data?.items ?? []).map((e) => e.id).filter((x): x is number => x != null) : [];
  const key = ids.join(',');
  const personId = user?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the ids
  return useMemo(() => ({ personId, endpointIds: ids }), [personId, key]);
}

/** The status of a meeting's channel, re-rendering when it changes. */
export function useMeetingLiveStatus(meetingId: Id): LiveStatus {
  const client = useQueryClient();
  return useSyncExternalStore(subscribeChannelStatus, () => meetingChannelStatus(client, meetingId));
}

export interface MeetingLive {
  /** the running session (undefined until read) */
  state: LiveState | undefined;
  error: unknown;
  status: LiveStatus;
  me: Me;
}

/**
 * Follow a meeting live: opens (or shares) its channel while mounted and returns the cached
 * LiveState, kept current by the channel's events. While the channel is down the state is read
 * again every {@link FALLBACK_REFETCH_MS}.
 */
export function useMeetingLive(meetingId: Id, enabled = true): MeetingLive {
  const client = useQueryClient();
  const me = useLiveMe();
  const personId = me.personId;
  useEffect(() => {
    if (!enabled) return;
    const ch = acquireMeetingChannel(client, meetingId, deps, me);
    return () => releaseMeetingChannel(client, ch);
    // a change of `me` (the rooms read later) is passed on below without reopening the channel;
    // another person is another channel
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, meetingId, enabled, personId]);
  useEffect(() => {
    if (enabled) meetingChannel(client, meetingId)?.setMe(me);
  }, [client, meetingId, enabled, me]);
  const status = useMeetingLiveStatus(meetingId);
  const query = useQuery({
    ...liveStateQuery(meetingId),
    enabled,
    // the channel keeps it current; read it again only while the channel is down
    staleTime: status === 'connected' ? Infinity : 0,
    refetchInterval: status === 'offline' ? FALLBACK_REFETCH_MS : false,
  });
  return { state: query.data, error: query.error, status, me };
}

/**
 * Query options to mix into a read the live channel keeps fresh: no polling while the meeting's
 * channel is connected, a slow refetch while it is down.
 */
export function useLiveFallback(meetingId: Id): { refetchInterval: number | false } {
  const status = useMeetingLiveStatus(meetingId);
  return { refetchInterval: status === 'connected' ? false : FALLBACK_REFETCH_MS };
}

/** Open the signed-in person's channel (the bell) while mounted; returns its status. */
export function usePersonalLive(): LiveStatus {
  const client = useQueryClient();
  const personId = useAuth().user?.id;
  useEffect(() => acquirePersonalChannel(client, { ticket: personalTicket, socketUrl }, personId), [client, personId]);
  return usePersonalLiveStatus();
}

export function usePersonalLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribePersonalStatus, personalStatus);
}

// ---- a clock that ticks ----

const tickListeners = new Set<() => void>();
let tickTimer: ReturnType<typeof setTimeout> | undefined;
let tickNow = Date.now();

function scheduleTick(): void {
  // on the next whole second of the server's clock, so every countdown on screen turns together
  const wait = 1000 - (serverNow() % 1000) + 5;
  tickTimer = setTimeout(() => {
    tickNow = serverNow();
    for (const l of tickListeners) l();
    scheduleTick();
  }, wait);
}

function subscribeTick(listener: () => void): () => void {
  tickListeners.add(listener);
  if (tickTimer === undefined) {
    tickNow = serverNow();
    scheduleTick();
  }
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && tickTimer !== undefined) {
      clearTimeout(tickTimer);
      tickTimer = undefined;
    }
  };
}

/** The server's time (epoch ms), re-rendering every second. */
export function useServerNow(): number {
  return useSyncExternalStore(subscribeTick, () => tickNow);
}
