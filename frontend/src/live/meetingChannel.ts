// One live channel per meeting (however many components follow it): it opens
// /ws/meetings/{id}?ticket=…&after=<last seq>, keeps the LiveState in the query cache under
// ['meetings', id, 'live'] and patches it with every event, and invalidates the other reads of the
// meeting an event makes stale (participants, quorum, rooms, agenda…).
//
// Ordering: the state carries the number of the last event it reflects (`seq`); the channel
// connects with `after` = that number, so the server replays exactly what came since, and applies
// only events with a higher number. Events that arrive while the state is being read again are kept
// and applied to the answer before it is cached (`reconcileLiveState`).

import type { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';
import type { Id, LiveState, LiveTicket } from '../api/types';
import { currentLang } from '../lib/i18n';
import { queryKeys } from '../lib/queryKeys';
import { type Me, applyEvent, cachePatches, markMine, pollsToRead, staleQueries } from './liveState';
import type { AnswerMessage, EventMessage, LiveStatus, ServerMessage } from './protocol';
import { noteServerTime } from './serverClock';
import { LiveSocket, type SocketLike } from './socket';
import { readPoll } from '../votes/api/polls';

/** Events kept for applying to a state read while they arrived. */
const RECENT = 500;
/** A channel nobody follows any more closes after this (a tab switch or a re-render keeps it). */
const LINGER_MS = 3_000;

export interface ChannelDeps {
  ticket: (meetingId: Id) => Promise<LiveTicket>;
  /** the cached live state, read when missing */
  loadState: (client: QueryClient, meetingId: Id) => Promise<LiveState>;
  socketUrl: (path: string, params: Record<string, string | number | null | undefined>) => string;
  /** the browser's WebSocket unless given (tests) */
  createSocket?: (url: string) => SocketLike;
}

/** Refused for good: the person may not follow this meeting (or it is gone). */
const fatal = (e: unknown) => isApiError(e) && (e.status === 403 || e.status === 404);

export class MeetingChannel {
  private readonly socket: LiveSocket;
  /** the last event seen (socket or state), sent as `after` when reconnecting */
  private lastSeq: number | null = null;
  /** this connection was opened without `after`: the state must be read again after the hello */
  private blind = false;
  private recent: EventMessage[] = [];
  private me: Me = {};
  /** whose tickets opened it: another person signing in gets a channel of their own */
  readonly personId: Id | undefined;
  refs = 0;
  stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** requests sent on the socket, waiting for their answer, by `ref` */
  private readonly asked = new Map<string, { resolve: (m: AnswerMessage) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private nextRef = 0;

  constructor(
    private readonly client: QueryClient,
    readonly meetingId: Id,
    deps: ChannelDeps,
    onStatus: () => void,
    personId?: Id,
  ) {
    this.personId = personId;
    this.socket = new LiveSocket({
      connectUrl: async () => {
        if (this.lastSeq === null) {
          // start from the state: the server then replays what came after it
          try {
            this.noteSeq((await deps.loadState(client, meetingId)).seq);
          } catch (e) {
            if (fatal(e)) throw e;
          }
        }
        this.blind = this.lastSeq === null;
        const t = await deps.ticket(meetingId);
        if (!t.ticket) throw new Error('no ticket');
        // lang: the app's language for what the socket answers (ballot refusals)
        return deps.socketUrl(t.path || `/ws/meetings/${meetingId}`, { ticket: t.ticket, after: this.lastSeq, lang: currentLang() });
      },
      onMessage: (m) => this.onMessage(m),
      onStatus,
      isFatal: fatal,
      ...(deps.createSocket ? { createSocket: deps.createSocket } : {}),
    });
  }

  get status(): LiveStatus {
    return this.socket.status;
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
    for (const [ref, a] of this.asked) {
      clearTimeout(a.timer);
      a.reject(new Error('channel closed'));
      this.asked.delete(ref);
    }
  }

  /** The socket's last ping round trip (ms), or null. */
  roundTripMs(): number | null {
    return this.socket.roundTripMs;
  }

  /** Sends a message that needs no answer (a room's status); false when the socket is not up. */
  tell(message: Record<string, unknown>): boolean {
    return this.socket.status === 'connected' && this.socket.send(message);
  }

  /**
   * Sends a request on the socket (a ballot) and resolves with its answer; null when the socket
   * cannot carry it now (not connected: the caller uses the API instead). Rejects when no answer
   * comes within `timeoutMs` (the socket dropped): the caller sends it again, safely (ballot ids).
   */
  ask(message: Record<string, unknown>, timeoutMs: number): Promise<AnswerMessage> | null {
    const ref = `q${++this.nextRef}`;
    return this.askWith(ref, message, timeoutMs);
  }

  private askWith(ref: string, message: Record<string, unknown>, timeoutMs: number): Promise<AnswerMessage> | null {
    if (this.socket.status !== 'connected') return null;
    let entry!: { resolve: (m: AnswerMessage) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };
    const answer = new Promise<AnswerMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.asked.delete(ref);
        reject(new Error('no answer on the live channel'));
      }, timeoutMs);
      entry = { resolve, reject, timer };
    });
    this.asked.set(ref, entry);
    if (!this.socket.send({ ...message, ref })) {
      clearTimeout(entry.timer);
      this.asked.delete(ref);
      return null;
    }
    return answer;
  }

  /** Who is looking (marks "my" speeches); the cached queue is marked again when it changes. */
  setMe(me: Me): void {
    const changed = me.personId !== this.me.personId || (me.endpointIds ?? []).join() !== (this.me.endpointIds ?? []).join();
    this.me = me;
    if (!changed) return;
    this.client.setQueryData<LiveState>(queryKeys.meetings.live(this.meetingId), (s) =>
      s?.speaker ? { ...s, speaker: markMine(s.speaker, me) } : s,
    );
  }

  /** A state just read: the events it does not reflect yet, which came meanwhile, are applied. */
  reconcile(state: LiveState): LiveState {
    let s = state.speaker ? { ...state, speaker: markMine(state.speaker, this.me) } : state;
    for (const ev of this.recent) s = applyEvent(s, ev, this.me);
    this.noteSeq(s.seq);
    return s;
  }

  private noteSeq(seq: number | undefined): void {
    if (seq == null) return;
    this.lastSeq = this.lastSeq === null ? seq : Math.max(this.lastSeq, seq);
  }

  private onMessage(m: ServerMessage): void {
    const key = queryKeys.meetings.live(this.meetingId);
    switch (m.type) {
      case 'hello':
        noteServerTime(m.now);
        this.noteSeq(m.seq);
        if (this.blind) {
          this.blind = false;
          void this.client.invalidateQueries({ queryKey: key, exact: true });
        }
        return;
      case 'snapshot':
        // too far behind (or the server lost our place): read everything of the meeting again
        noteServerTime(m.now);
        this.blind = false;
        this.recent = [];
        if (m.seq != null) this.lastSeq = m.seq;
        void this.client.invalidateQueries({ queryKey: queryKeys.meetings.detail(this.meetingId) });
        void this.client.invalidateQueries({ queryKey: queryKeys.meetings.lists() });
        return;
      case 'event': {
        this.noteSeq(m.seq);
        this.recent.push(m);
        if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
        this.client.setQueryData<LiveState>(key, (s) => (s ? applyEvent(s, m, this.me) : s));
        for (const patch of cachePatches(m, this.meetingId)) this.client.setQueryData(patch.queryKey, patch.update);
        for (const { keepRunning, ...filters } of staleQueries(m, this.meetingId, this.me)) {
          void this.client.invalidateQueries(filters, { cancelRefetch: !keepRunning });
        }
        for (const pollId of pollsToRead(m)) void readPoll(this.client, this.meetingId, pollId);
        return;
      }
      case 'ballot.ack':
      case 'ballot.refused': {
        const a = this.asked.get(m.ref);
        if (!a) return; // answered after its time-out: the retry gets the same answer
        clearTimeout(a.timer);
        this.asked.delete(m.ref);
        a.resolve(m);
        return;
      }
      default:
        // resync: the socket reconnects with after=lastSeq once the server closes; pong, error: nothing
        return;
    }
  }
}

// ---- one channel per meeting and query cache ----

const channels = new WeakMap<QueryClient, Map<Id, MeetingChannel>>();
const statusListeners = new Set<() => void>();

function notifyStatus(): void {
  for (const l of statusListeners) l();
}

function channelsOf(client: QueryClient): Map<Id, MeetingChannel> {
  let map = channels.get(client);
  if (!map) {
    map = new Map();
    channels.set(client, map);
  }
  return map;
}

/** Follow a meeting: opens its channel for the first follower. Pair with {@link releaseMeetingChannel}. */
export function acquireMeetingChannel(client: QueryClient, meetingId: Id, deps: ChannelDeps, me: Me): MeetingChannel {
  const map = channelsOf(client);
  let ch = map.get(meetingId);
  if (ch && ch.personId !== me.personId) {
    // opened for someone who signed out since
    ch.stop();
    if (ch.stopTimer !== undefined) clearTimeout(ch.stopTimer);
    map.delete(meetingId);
    ch = undefined;
  }
  if (!ch) {
    ch = new MeetingChannel(client, meetingId, deps, notifyStatus, me.personId);
    map.set(meetingId, ch);
  }
  ch.setMe(me);
  ch.refs++;
  if (ch.stopTimer !== undefined) {
    clearTimeout(ch.stopTimer);
    ch.stopTimer = undefined;
  }
  ch.start();
  notifyStatus();
  return ch;
}

/** Stop following; the channel closes a moment after its last follower left. */
export function releaseMeetingChannel(client: QueryClient, ch: MeetingChannel): void {
  ch.refs = Math.max(0, ch.refs - 1);
  if (ch.refs > 0 || ch.stopTimer !== undefined) return;
  ch.stopTimer = setTimeout(() => {
    ch.stopTimer = undefined;
    if (ch.refs > 0) return;
    ch.stop();
    const map = channels.get(client);
    if (map?.get(ch.meetingId) === ch) map.delete(ch.meetingId);
    notifyStatus();
  }, LINGER_MS);
}

export function meetingChannel(client: QueryClient, meetingId: Id): MeetingChannel | undefined {
  return channels.get(client)?.get(meetingId);
}

/** The status of a meeting's channel ('offline' when nobody follows it). */
export function meetingChannelStatus(client: QueryClient, meetingId: Id): LiveStatus {
  return meetingChannel(client, meetingId)?.status ?? 'offline';
}

/** Close every meeting channel at once (sign-out, end of the session). */
export function closeMeetingChannels(client: QueryClient): void {
  const map = channels.get(client);
  if (!map) return;
  for (const ch of map.values()) {
    if (ch.stopTimer !== undefined) clearTimeout(ch.stopTimer);
    ch.stop();
  }
  map.clear();
  notifyStatus();
}

export function subscribeChannelStatus(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** A live state just read, with the events that came meanwhile applied (see the channel). */
export function reconcileLiveState(client: QueryClient, meetingId: Id, state: LiveState): LiveState {
  return meetingChannel(client, meetingId)?.reconcile(state) ?? state;
}
