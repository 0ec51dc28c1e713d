// The live state of a meeting and how each event changes it. Pure functions: the channel
// (meetingChannel.ts) applies them to the cached LiveState and invalidates what they name.

import type { Id, LiveState, Poll, RoomBoard, RunItem, SpeakerQueue, Speech } from '../api/types';
import { queryKeys } from '../lib/queryKeys';
import { applyPollEvent, applyPollListEvent, pollIdOf } from '../votes/pollEvents';
import { ROOMS_STATUS_EVENT, applyRoomsStatus } from '../video/roomBoard';
import { VIDEO_STAGE_EVENT, stageOf } from '../video/stage';
import { VIDEO_COMMAND_EVENT, commandOf } from '../video/videoCommands';
import type {
  AttendanceChangedData,
  EventMessage,
  MeetingChangedData,
  ParticipantsChangedData,
  PresenceChangedData,
  SessionChangedData,
} from './protocol';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Who is looking: a person, or a room's device account with its rooms. A speech is "mine" when it
 * is the person's own, or (for a device account) a room's request (no person) of one of its rooms.
 */
export interface Me {
  personId?: Id;
  /** the rooms of a device account (ENDPOINT role); empty for a person */
  endpointIds?: readonly Id[];
}

export function isMine(s: Speech | null | undefined, me: Me): boolean {
  if (!s) return false;
  if (s.mine) return true;
  if (s.personId != null) return me.personId != null && s.personId === me.personId;
  return s.endpointId != null && (me.endpointIds ?? []).includes(s.endpointId);
}

/** The queue with `mine` set on my speeches (events always carry `mine: false`). */
export function markMine(q: SpeakerQueue, me: Me): SpeakerQueue {
  const mark = (s: Speech): Speech => (isMine(s, me) ? { ...s, mine: true } : s);
  return {
    ...q,
    current: q.current ? mark(q.current) : q.current,
    waiting: q.waiting?.map(mark),
    done: q.done?.map(mark),
  };
}

/** My request in the queue: speaking now, or waiting at `place` (1 = next). */
export type MyTurn = { speech: Speech; speaking: true; place: 0 } | { speech: Speech; speaking: false; place: number } | null;

export function myTurn(q: SpeakerQueue | undefined, me: Me): MyTurn {
  if (!q) return null;
  if (q.current && isMine(q.current, me)) return { speech: q.current, speaking: true, place: 0 };
  const waiting = q.waiting ?? [];
  const i = waiting.findIndex((s) => isMine(s, me));
  return i < 0 ? null : { speech: waiting[i], speaking: false, place: i + 1 };
}

/** The item being dealt with, or undefined. */
export function currentItem(state: Pick<LiveState, 'currentItemId' | 'items'> | undefined): RunItem | undefined {
  if (!state || state.currentItemId == null) return undefined;
  return state.items?.find((i) => i.id === state.currentItemId);
}

/** JSON null → undefined (the generated types know only missing fields). */
const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function sessionPatch(d: MeetingChangedData): Partial<LiveState> {
  const patch: Partial<LiveState> = {};
  if ('status' in d) patch.status = opt(d.status);
  if ('paused' in d) patch.paused = opt(d.paused);
  if ('pausedAt' in d) patch.pausedAt = opt(d.pausedAt);
  if ('sessionStartedAt' in d) patch.sessionStartedAt = opt(d.sessionStartedAt);
  return patch;
}

/**
 * The state after one event. Events the state already reflects (seq ≤ state.seq) change nothing;
 * every other one moves `seq` on, whether or not it changes what the state holds.
 */
export function applyEvent(state: LiveState, ev: EventMessage, me: Me): LiveState {
  if (ev.seq <= (state.seq ?? 0)) return state;
  const next: LiveState = { ...state, seq: ev.seq };
  switch (ev.event) {
    case 'meeting.changed':
      return { ...next, ...sessionPatch(ev.data as MeetingChangedData) };
    case 'session.changed': {
      const d = ev.data as SessionChangedData;
      const patched = { ...next, ...sessionPatch(d) };
      if ('currentItemId' in d) patched.currentItemId = opt(d.currentItemId);
      if (Array.isArray(d.items)) patched.items = d.items;
      return patched;
    }
    case 'speaker.changed':
      return { ...next, speaker: markMine(ev.data as SpeakerQueue, me) };
    case 'attendance.changed':
    case 'participants.changed': {
      const q = (ev.data as AttendanceChangedData | ParticipantsChangedData).quorum;
      return q ? { ...next, quorum: q } : next;
    }
    case 'presence.changed':
      // the whole picture: who is connected now, people and rooms
      return { ...next, presence: ev.data as PresenceChangedData };
    default:
      return next;
  }
}

/** A query the event makes stale: the key, and whether only that exact key (not what is below it). */
export interface Stale {
  queryKey: readonly unknown[];
  exact?: boolean;
  /**
   * For events that repeat (the vote count, about once a second): a read already under way is
   * left to finish instead of being cancelled and started again, which would never let a read
   * slower than the events (the list of who voted, with 2,000 voters) complete. The next event
   * reads again.
   */
  keepRunning?: boolean;
}

/**
 * The cached reads an event makes stale (the live state itself is patched by {@link applyEvent}).
 * Invalidating only refetches what is on screen, so naming a little more than needed is cheap.
 */
export function staleQueries(ev: EventMessage, meetingId: Id, me: Me): Stale[] {
  const k = queryKeys.meetings;
  const detail: Stale = { queryKey: k.detail(meetingId), exact: true };
  switch (ev.event) {
    case 'meeting.changed':
      return [detail, { queryKey: k.lists() }];
    case 'attendance.changed': {
      const d = ev.data as AttendanceChangedData;
      const out: Stale[] = [{ queryKey: k.participants(meetingId) }, { queryKey: k.quorum(meetingId) }, { queryKey: k.attendanceLog(meetingId) }];
      // my own attendance is on the meeting (someone marked me present)
      if (d.personId != null && d.personId === me.personId) out.push(detail);
      return out;
    }
    case 'participants.changed':
      return [{ queryKey: k.participants(meetingId) }, { queryKey: k.quorum(meetingId) }, detail];
    case 'rooms.changed':
      // a room invited or removed: the grid of rooms is read again too
      return [{ queryKey: k.endpoints(meetingId) }, { queryKey: k.roomStatus(meetingId), exact: true }, detail];
    case 'agenda.published':
    case 'agenda.changed':
      // the documents list shows each document's agenda item (and what a delegate may read)
      return [{ queryKey: k.agenda(meetingId) }, { queryKey: k.documents(meetingId) }, detail];
    case 'documents.changed': {
      // only ids travel: each reader reads the list again, which holds what they may read
      const out: Stale[] = [{ queryKey: k.documents(meetingId) }];
      const docId = num(ev.data.documentId);
      if (docId !== undefined) out.push({ queryKey: queryKeys.documents.detail(docId) });
      return out;
    }
    case 'documents.read':
      return [{ queryKey: k.documentReceipts(meetingId) }];
    case 'annotations.changed': {
      const docId = num(ev.data.documentId);
      return docId !== undefined ? [{ queryKey: queryKeys.documents.allAnnotations(docId) }] : [];
    }
    case 'poll.changed': {
      // a state changes what each person may do and see: the poll itself is read again alone
      // (pollsToRead); who voted and the receipts, where they are shown, are read again here
      const pollId = pollIdOf(ev.event, ev.data);
      return pollId !== undefined ? [{ queryKey: queryKeys.polls.detail(pollId) }] : [];
    }
    case 'poll.progress': {
      // the count is patched (cachePatches); who has voted is read again where it is shown
      const pollId = pollIdOf(ev.event, ev.data);
      return pollId !== undefined ? [{ queryKey: queryKeys.polls.voters(pollId), exact: true, keepRunning: true }] : [];
    }
    case 'minutes.changed':
      // drafted, saved, approved, signed, published: the page, its versions and the check of its
      // PDF; publishing also moves the meeting to MINUTES_PUBLISHED (its own event says so too)
      return [{ queryKey: k.minutes(meetingId) }, detail];
    case 'tasks.changed':
      // a conclusion or a task: the meeting's list and counts, and the tasks wherever they are
      // shown (my tasks, a task's history, the overview: only what is on screen is read again)
      return [{ queryKey: k.conclusions(meetingId), exact: true }, { queryKey: queryKeys.tasks.all() }];
    default:
      return [];
  }
}

/**
 * The polls an event asks to read again one by one and put in place in the meeting's list
 * (votes/api/polls.ts, readPoll): the poll of a poll.changed, unless it was deleted. Never the
 * whole list: all tablets read at once when a poll opens, and the list grows with the session.
 */
export function pollsToRead(ev: EventMessage): Id[] {
  const pollId = pollIdOf(ev.event, ev.data);
  return ev.event === 'poll.changed' && pollId !== undefined && ev.data.state !== 'DELETED' ? [pollId] : [];
}

/** A cached read an event changes in place: its key and the change. */
export interface CachePatch {
  queryKey: readonly unknown[];
  update: (old: unknown) => unknown;
}

/**
 * The cached reads an event patches in place (besides the live state): the meeting's polls and
 * the poll itself take the count and the published result from the events, without a request;
 * the grid of rooms takes the rooms that changed; the conference's stage is replaced.
 */
export function cachePatches(ev: EventMessage, meetingId: Id): CachePatch[] {
  if (ev.event === VIDEO_COMMAND_EVENT) {
    const command = commandOf(ev.seq, ev.data);
    return command ? [{ queryKey: queryKeys.meetings.videoCommand(meetingId), update: () => command }] : [];
  }
  if (ev.event === VIDEO_STAGE_EVENT) {
    const stage = stageOf(ev.data);
    return stage ? [{ queryKey: queryKeys.meetings.videoStage(meetingId), update: () => stage }] : [];
  }
  if (ev.event === ROOMS_STATUS_EVENT) {
    return [{ queryKey: queryKeys.meetings.roomStatus(meetingId), update: (old) => applyRoomsStatus(old as RoomBoard | undefined, ev.data) }];
  }
  const pollId = pollIdOf(ev.event, ev.data);
  if (pollId === undefined) return [];
  return [
    { queryKey: queryKeys.meetings.polls(meetingId), update: (old) => applyPollListEvent(old as Poll[] | undefined, ev.event, ev.data) },
    { queryKey: queryKeys.polls.detail(pollId), update: (old) => (old ? applyPollEvent(old as Poll, ev.event, ev.data) : old) },
  ];
}
