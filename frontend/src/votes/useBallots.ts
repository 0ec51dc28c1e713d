import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Choice, Id, MyBallot, Poll } from '../api/types';
import { queryKeys } from '../lib/queryKeys';
import { meetingChannel } from '../live/meetingChannel';
import { sendBallots } from './api/polls';
import {
  type BallotRecord,
  BallotsUnsent,
  ballotsOfPoll,
  castBallots,
  deviceStorage,
  loadBallot,
  newBallotId,
  prepareBallot,
  pruneBallots,
} from './ballots';

/** Waits before sending a ballot again after no answer (ms): then the tablet offers "Gửi lại". */
const RETRY_DELAYS = [1_000, 3_000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface BallotsState {
  /** this device's record of each principal's ballot, by participant id */
  records: Map<Id, BallotRecord>;
  /** the principals being sent for now */
  sending: ReadonlySet<Id>;
  /** the last send failed: a refusal (shown as the server's message) or no answer (unsent) */
  error: unknown;
  /** Cast the same choice for these principals (one: /ballots; several: /ballots/batch). */
  cast: (who: readonly MyBallot[], choice: Choice) => Promise<boolean>;
  /** Send the ballots still waiting for an answer again, with their own ids. */
  resend: () => Promise<boolean>;
}

/**
 * A poll's ballots on this device: the records kept in localStorage (ballot id, choice, receipt),
 * sending with the retry rules of votes/ballots.ts, and sending what is still pending by itself
 * when the page opens or the network comes back while the poll is open.
 */
export function useBallots(meetingId: Id, poll: Poll, casterId: Id | undefined): BallotsState {
  const client = useQueryClient();
  const storage = useMemo(() => deviceStorage(), []);
  const pollId = poll.id;
  const [version, setVersion] = useState(0);
  const [sending, setSending] = useState<ReadonlySet<Id>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);

  const records = useMemo(() => {
    void version;
    const map = new Map<Id, BallotRecord>();
    if (pollId != null) for (const r of ballotsOfPoll(storage, pollId)) map.set(r.participantId, r);
    return map;
  }, [storage, pollId, version]);

  const run = useCallback(
    async (prepared: BallotRecord[]): Promise<boolean> => {
      if (pollId == null || prepared.length === 0 || busy.current) return false;
      busy.current = true;
      setError(null);
      setSending(new Set(prepared.map((r) => r.participantId)));
      try {
        const done = await castBallots(prepared, {
          storage,
          send: (bodies) => sendBallots(pollId, bodies, meetingChannel(client, meetingId)),
          retryDelays: RETRY_DELAYS,
          sleep,
          now: Date.now,
        });
        // my ballots are in: show it at once, then read the poll again (its `mine` and count)
        const voted = new Map(done.filter((r) => r.cast).map((r) => [r.participantId, r.cast?.choice]));
        const mark = (p: Poll): Poll =>
          p.id !== pollId
            ? p
            : {
                ...p,
                mine: p.mine?.map((m) =>
                  m.participantId != null && voted.has(m.participantId) ? { ...m, voted: true, ...(p.secret ? {} : { choice: voted.get(m.participantId) }) } : m,
                ),
              };
        client.setQueryData<Poll[]>(queryKeys.meetings.polls(meetingId), (list) => list?.map(mark));
        void client.invalidateQueries({ queryKey: queryKeys.meetings.polls(meetingId), exact: true });
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        busy.current = false;
        setSending(new Set());
        setVersion((v) => v + 1);
      }
    },
    [client, meetingId, pollId, storage],
  );

  const cast = useCallback(
    (who: readonly MyBallot[], choice: Choice) => {
      if (pollId == null) return Promise.resolve(false);
      pruneBallots(storage, Date.now());
      const prepared = who
        .filter((m): m is MyBallot & { participantId: Id } => m.participantId != null)
        .map((m) =>
          prepareBallot(
            loadBallot(storage, pollId, m.participantId),
            { pollId, participantId: m.participantId, own: !m.proxy, ...(casterId != null ? { casterId } : {}) },
            choice,
            newBallotId,
            Date.now(),
          ),
        );
      return run(prepared);
    },
    [storage, pollId, casterId, run],
  );

  const resend = useCallback(() => {
    if (pollId == null) return Promise.resolve(false);
    return run(ballotsOfPoll(storage, pollId).filter((r) => r.pending));
  }, [storage, pollId, run]);

  // what was sent without an answer goes again by itself (the same ids): when the page opens on an
  // open poll, and when the network comes back
  const open = poll.state === 'OPEN';
  const hasPending = [...records.values()].some((r) => r.pending);
  useEffect(() => {
    if (!open || !hasPending) return;
    const again = () => void resend();
    const soon = setTimeout(again, 500);
    window.addEventListener('online', again);
    return () => {
      clearTimeout(soon);
      window.removeEventListener('online', again);
    };
  }, [open, hasPending, resend]);

  return { records, sending, error, cast, resend };
}

/** The last send got no answer at all: the ballots wait on the device. */
export function isUnsent(error: unknown): boolean {
  return error instanceof BallotsUnsent;
}
