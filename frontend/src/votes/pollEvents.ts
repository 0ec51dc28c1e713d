// The meeting channel's poll events applied to the cached polls (pure). The channel
// (live/meetingChannel.ts) patches the meeting's poll list and the poll itself with them, so that
// the count and the published result show at once, without a request:
//   poll.changed    {pollId, state}          the poll's state (DELETED: a draft gone); read again as well
//   poll.progress   {pollId, cast, entitled} the count while open (once a second at most)
//   poll.published  {pollId, result}         the result: every chart is drawn from it

import type { Id, Poll, PollResult, PollState } from '../api/types';
import { POLL_STATES } from '../api/types';

export const POLL_EVENTS = ['poll.changed', 'poll.progress', 'poll.published'] as const;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The poll an event is about, or undefined when it is not a poll event. */
export function pollIdOf(event: string, data: Record<string, unknown>): Id | undefined {
  return (POLL_EVENTS as readonly string[]).includes(event) ? num(data.pollId) : undefined;
}

/** One poll after the event (the same object when the event is about another poll or says nothing new). */
export function applyPollEvent(poll: Poll, event: string, data: Record<string, unknown>): Poll {
  if (poll.id == null || num(data.pollId) !== poll.id) return poll;
  switch (event) {
    case 'poll.changed': {
      const state = POLL_STATES.find((s) => s === data.state) as PollState | undefined;
      return state && state !== poll.state ? { ...poll, state } : poll;
    }
    case 'poll.progress': {
      const cast = num(data.cast);
      const entitled = num(data.entitled);
      // a late event never takes the count back (events arrive in order; answers may not)
      if (poll.state !== 'OPEN' && poll.state !== undefined) return poll;
      return {
        ...poll,
        ...(cast !== undefined ? { cast: Math.max(cast, poll.cast ?? 0) } : {}),
        ...(entitled !== undefined ? { entitled } : {}),
      };
    }
    case 'poll.published': {
      const result = data.result && typeof data.result === 'object' ? (data.result as PollResult) : undefined;
      return { ...poll, state: 'PUBLISHED', ...(result ? { result } : {}) };
    }
    default:
      return poll;
  }
}

/** The meeting's poll list after the event (unchanged when the poll is not in it yet: it is read again). */
export function applyPollListEvent(list: Poll[] | undefined, event: string, data: Record<string, unknown>): Poll[] | undefined {
  if (!list) return list;
  if (event === 'poll.changed' && data.state === 'DELETED') {
    // a draft deleted
    const pollId = num(data.pollId);
    return list.some((p) => p.id === pollId) ? list.filter((p) => p.id !== pollId) : list;
  }
  let changed = false;
  const next = list.map((p) => {
    const q = applyPollEvent(p, event, data);
    if (q !== p) changed = true;
    return q;
  });
  return changed ? next : list;
}
