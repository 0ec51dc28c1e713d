// The live channel's messages (server → client), read from the socket's text frames. Pure: no DOM,
// no cache. The server's protocol:
//   {"type":"hello","meetingId","seq","replayed","now","instance"}  after connecting (the events
//       missed since `after` arrive just before it, in order); on /ws/me only {"type":"hello"}
//   {"type":"snapshot","seq",…}  instead of hello when too far behind (or `after` from the future):
//       everything must be read again
//   {"type":"event","seq","event","at","data"}  in seq order, each once
//   {"type":"resync","seq"}  then a close with code 4008: fell behind, reconnect with after=lastSeq
//   {"type":"pong"}, {"type":"error","code"}, and on /ws/me {"type":"notifications"}
//   {"type":"ballot.ack","ref","acks"} / {"type":"ballot.refused","ref","problem"}: the answer to
//       a ballot sent on the socket ({"type":"ballot","ref","pollId","ballot"|"ballots"}), once
//       committed (see MeetingChannel.ask)

import type { Attendance, BallotAck, Id, MeetingStatus, Presence, Problem, QuorumSummary, RunItem, SpeakerQueue } from '../api/types';

/** How the live channel is doing, shown by the `live-status` indicator. */
export type LiveStatus = 'connecting' | 'connected' | 'offline';

/** The close code of a `resync`: the client fell behind and must reconnect with `after`. */
export const RESYNC_CLOSE = 4008;

export interface HelloMessage {
  type: 'hello';
  seq?: number;
  now?: string;
  replayed?: number;
}
export interface SnapshotMessage {
  type: 'snapshot';
  seq?: number;
  now?: string;
}
export interface EventMessage {
  type: 'event';
  seq: number;
  event: string;
  at?: string;
  data: Record<string, unknown>;
}
export interface ResyncMessage {
  type: 'resync';
  seq?: number;
}
export interface OtherMessage {
  type: 'pong' | 'error' | 'notifications';
  code?: string;
}

/** The answer to a request the client sent with a `ref` (ballots). */
export type AnswerMessage =
  | { type: 'ballot.ack'; ref: string; acks: BallotAck[] }
  | { type: 'ballot.refused'; ref: string; problem: Problem };

export type ServerMessage = HelloMessage | SnapshotMessage | EventMessage | ResyncMessage | OtherMessage | AnswerMessage;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A text frame as a message, or null when it is not one this client knows. */
export function parseMessage(text: string): ServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
      return { type: 'hello', seq: num(m.seq), now: str(m.now), replayed: num(m.replayed) };
    case 'snapshot':
      return { type: 'snapshot', seq: num(m.seq), now: str(m.now) };
    case 'event': {
      const seq = num(m.seq);
      const event = str(m.event);
      if (seq === undefined || !event) return null;
      const data = m.data && typeof m.data === 'object' && !Array.isArray(m.data) ? (m.data as Record<string, unknown>) : {};
      return { type: 'event', seq, event, at: str(m.at), data };
    }
    case 'resync':
      return { type: 'resync', seq: num(m.seq) };
    case 'pong':
    case 'notifications':
      return { type: m.type };
    case 'error':
      return { type: 'error', code: str(m.code) };
    case 'ballot.ack': {
      const ref = str(m.ref);
      return ref && Array.isArray(m.acks) ? { type: 'ballot.ack', ref, acks: m.acks as BallotAck[] } : null;
    }
    case 'ballot.refused': {
      const ref = str(m.ref);
      const problem = m.problem as Problem | undefined;
      return ref && problem && typeof problem.status === 'number' ? { type: 'ballot.refused', ref, problem } : null;
    }
    default:
      return null;
  }
}

// ---- event data (JSON null where a value is absent) ----

/** `meeting.changed`: the meeting detail is stale; the session's state in short. */
export interface MeetingChangedData {
  status?: MeetingStatus;
  paused?: boolean;
  pausedAt?: string | null;
  sessionStartedAt?: string | null;
  version?: number;
}

/** `session.changed`: the session's state and the agenda as it runs. */
export interface SessionChangedData extends MeetingChangedData {
  currentItemId?: Id | null;
  items?: RunItem[];
}

/** `speaker.changed`: the whole queue (`mine` is always false: the client works it out). */
export type SpeakerChangedData = SpeakerQueue;

/** `attendance.changed` */
export interface AttendanceChangedData {
  participantId?: Id;
  personId?: Id;
  attendance?: Attendance;
  quorum?: QuorumSummary;
}

/** `participants.changed` */
export interface ParticipantsChangedData {
  total?: number;
  quorum?: QuorumSummary;
}

/** `presence.changed` (those who run the meeting only): who is connected now, people and rooms */
export type PresenceChangedData = Presence;
