// The signed-in person's own channel, /ws/me: {"type":"hello"} after connecting, then
// {"type":"notifications"} whenever their notifications change. The bell listens to it instead of
// polling; while it is down the bell falls back to a slow refetch.

import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import type { LiveStatus } from './protocol';
import { LiveSocket } from './socket';

export interface PersonalDeps {
  ticket: () => Promise<{ ticket?: string; path?: string }>;
  socketUrl: (path: string, params: Record<string, string | number | null | undefined>) => string;
}

/** The channel closes this long after its last follower left (a re-mount keeps it). */
const LINGER_MS = 3_000;

let socket: LiveSocket | null = null;
let owner: QueryClient | null = null;
/** whose ticket opened it */
let ownerPerson: number | undefined;
let refs = 0;
let stopTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

function close(): void {
  socket?.stop();
  socket = null;
  owner = null;
  ownerPerson = undefined;
  notify();
}

/** Close the channel at once (sign-out, end of the session). */
export function closePersonalChannel(): void {
  if (stopTimer !== undefined) clearTimeout(stopTimer);
  stopTimer = undefined;
  refs = 0;
  close();
}

/** Open the personal channel (one per page, however many follow it). Returns the release function. */
export function acquirePersonalChannel(client: QueryClient, deps: PersonalDeps, personId: number | undefined): () => void {
  if (stopTimer !== undefined) {
    clearTimeout(stopTimer);
    stopTimer = undefined;
  }
  if (socket && (owner !== client || ownerPerson !== personId)) close();
  if (!socket) {
    owner = client;
    ownerPerson = personId;
    socket = new LiveSocket({
      connectUrl: async () => {
        const t = await deps.ticket();
        if (!t.ticket) throw new Error('no ticket');
        return deps.socketUrl(t.path || '/ws/me', { ticket: t.ticket });
      },
      onMessage: (m) => {
        // after a (re)connection something may have been missed: read the count again
        if (m.type === 'hello' || m.type === 'notifications') {
          void client.invalidateQueries({ queryKey: queryKeys.notifications.all() });
          // a notification is about a meeting (invited, moved, cancelled): lists on screen follow
          if (m.type === 'notifications') {
            void client.invalidateQueries({ queryKey: queryKeys.meetings.lists() });
            // or a task given to them, a reminder, an answer to their report: "my tasks" follows
            void client.invalidateQueries({ queryKey: queryKeys.tasks.all() });
          }
        }
      },
      onStatus: notify,
    });
  }
  refs++;
  socket.start();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    refs = Math.max(0, refs - 1);
    if (refs > 0 || stopTimer !== undefined) return;
    stopTimer = setTimeout(() => {
      stopTimer = undefined;
      if (refs === 0) close();
    }, LINGER_MS);
  };
}

export function personalStatus(): LiveStatus {
  return socket?.status ?? 'offline';
}

export function subscribePersonalStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
