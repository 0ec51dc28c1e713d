import { isCancelledError, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, pathId, request } from '../../api/client';
import { POLL_STATES, type BallotAck, type BallotInput, type CountInput, type Id, type Poll, type PollInput, type ReceiptList, type Voters } from '../../api/types';
import { ApiError } from '../../api/problem';
import { queryKeys } from '../../lib/queryKeys';
import type { AnswerMessage } from '../../live/protocol';
import { meetingApi } from '../../meetings/api/paths';

// The votes API (docs/votes.md). The meeting's channel keeps the poll list current (poll.changed
// reads the one poll again, readPoll; poll.progress and poll.published patch it); every write also
// puts its answer in the cache, so that a press shows at once, with or without the channel.

/** `/api/polls/{pollId}{rest}` */
export function pollApi(pollId: Id | undefined, rest = ''): string {
  return `/api/polls/${pathId(pollId)}${rest}`;
}

/** GET /api/meetings/{id}/polls: the meeting's polls, newest first (drafts for those who manage them). */
export const pollsQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.polls(meetingId),
    queryFn: ({ signal }) => api.get<Poll[]>(meetingApi(meetingId, '/polls'), undefined, signal),
  });

/** GET /api/polls/{id}: one poll as the caller sees it (what they may do, their own votes). */
export const pollQuery = (pollId: Id) =>
  queryOptions({
    queryKey: queryKeys.polls.detail(pollId),
    queryFn: ({ signal }) => api.get<Poll>(pollApi(pollId), undefined, signal),
  });

/** GET /api/polls/{id}/voters: who has and has not voted. */
export const votersQuery = (pollId: Id) =>
  queryOptions({
    queryKey: queryKeys.polls.voters(pollId),
    queryFn: ({ signal }) => api.get<Voters>(pollApi(pollId, '/voters'), undefined, signal),
  });

/** GET /api/polls/{id}/receipts: after publish, every receipt with its choice. */
export const receiptsQuery = (pollId: Id) =>
  queryOptions({
    queryKey: queryKeys.polls.receipts(pollId),
    queryFn: ({ signal }) => api.get<ReceiptList>(pollApi(pollId, '/receipts'), undefined, signal),
    // a published poll never changes again
    staleTime: Infinity,
  });

/** A poll answered by a write: put in place in the meeting's list (or the list read again). */
export function storePoll(client: QueryClient, meetingId: Id, poll: Poll | undefined): void {
  if (!poll || poll.id == null) {
    void client.invalidateQueries({ queryKey: queryKeys.meetings.polls(meetingId), exact: true });
    return;
  }
  let found = false;
  client.setQueryData<Poll[]>(queryKeys.meetings.polls(meetingId), (list) =>
    list?.map((p) => {
      if (p.id !== poll.id) return p;
      found = true;
      return poll;
    }),
  );
  if (!found) void client.invalidateQueries({ queryKey: queryKeys.meetings.polls(meetingId), exact: true });
  client.setQueryData(queryKeys.polls.detail(poll.id), poll);
}

/**
 * A poll read again after its poll.changed, put in place in the meeting's cached list: replaced,
 * or inserted where the server would list it (newest first; ids follow creation) when the caller
 * could not see it before (a poll just opened, to a delegate). An answer behind what the list
 * already shows (it left before a later event's patch, such as the published result) is dropped.
 */
export function placePoll(client: QueryClient, meetingId: Id, poll: Poll): void {
  if (poll.id == null) return;
  client.setQueryData<Poll[]>(queryKeys.meetings.polls(meetingId), (list) => {
    if (!list) return list;
    const at = list.findIndex((p) => p.id === poll.id);
    if (at >= 0) {
      const shown = list[at];
      // POLL_STATES is the server's enum, in the order of a poll's life
      if (shown.state && poll.state && POLL_STATES.indexOf(poll.state) < POLL_STATES.indexOf(shown.state)) return list;
      return list.map((p, i) => (i === at ? poll : p));
    }
    const before = list.findIndex((p) => p.id != null && p.id < (poll.id as number));
    return before < 0 ? [...list, poll] : [...list.slice(0, before), poll, ...list.slice(before)];
  });
}

/**
 * On poll.changed: the poll that changed is read again, alone, and put in the meeting's list.
 * Each tablet reads one poll, not the list, whose size grows with the session's polls: 2,000
 * tablets read at once when a poll opens. Nothing is read while no list is cached (it is read
 * whole when shown); a poll the caller may no longer see (a deleted draft) was already dropped
 * from the list by the event; any other failure reads the list again.
 */
export async function readPoll(client: QueryClient, meetingId: Id, pollId: Id): Promise<void> {
  if (!client.getQueryData(queryKeys.meetings.polls(meetingId))) return;
  // a read already under way left before this change: it must not answer for it
  await client.cancelQueries({ queryKey: queryKeys.polls.detail(pollId), exact: true });
  try {
    placePoll(client, meetingId, await client.fetchQuery({ ...pollQuery(pollId), staleTime: 0 }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return;
    if (isCancelledError(e)) return; // a later change reads it
    void client.invalidateQueries({ queryKey: queryKeys.meetings.polls(meetingId), exact: true });
  }
}

/** POST /api/meetings/{id}/polls (a draft) or PUT /api/polls/{pollId} (a draft, with its `version`). */
export function useSavePoll(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pollId, body }: { pollId?: Id; body: PollInput }) =>
      pollId == null ? api.post<Poll>(meetingApi(meetingId, '/polls'), body) : api.put<Poll>(pollApi(pollId), body),
    onSuccess: (poll) => storePoll(client, meetingId, poll),
  });
}

/** DELETE /api/polls/{pollId} (drafts only). */
export function useDeletePoll(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (pollId: Id | undefined) => api.del(pollApi(pollId)),
    onSuccess: (_r, pollId) => {
      client.setQueryData<Poll[]>(queryKeys.meetings.polls(meetingId), (list) => list?.filter((p) => p.id !== pollId));
      void client.invalidateQueries({ queryKey: queryKeys.meetings.polls(meetingId), exact: true });
    },
  });
}

export type PollAction = 'open' | 'close' | 'publish';

/** POST /api/polls/{pollId}/{open|close|publish} → PollView */
export function usePollAction(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pollId, action }: { pollId: Id | undefined; action: PollAction }) => api.post<Poll>(pollApi(pollId, `/${action}`)),
    onSuccess: (poll, { pollId }) => {
      storePoll(client, meetingId, poll);
      if (pollId != null) void client.invalidateQueries({ queryKey: queryKeys.polls.voters(pollId) });
    },
  });
}

/** PUT /api/polls/{pollId}/counts: an analog poll's figures from one source (the hall or a room). */
export function useEnterCounts(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pollId, body }: { pollId: Id | undefined; body: CountInput }) => api.put<Poll>(pollApi(pollId, '/counts'), body),
    onSuccess: (poll) => storePoll(client, meetingId, poll),
  });
}

/** A ballot's request gives up after this long without an answer (then it is sent again, same id). */
export const BALLOT_TIMEOUT_MS = 12_000;

/** What can carry a ballot besides the API: the meeting's live channel (see MeetingChannel.ask). */
export interface BallotCarrier {
  ask(message: Record<string, unknown>, timeoutMs: number): Promise<AnswerMessage> | null;
}

/**
 * Sends ballots on the meeting's live socket when it is connected (one small frame each way: what
 * keeps 2,000 ballots in a second fast), else POST /api/polls/{id}/ballots (one) or /ballots/batch
 * (several: a proxy holder's "vote for all"). Either answers each acknowledgement with its receipt
 * once committed, or the same problem. Not retried here: see votes/ballots.ts.
 */
export async function sendBallots(pollId: Id, bodies: BallotInput[], live?: BallotCarrier): Promise<BallotAck[]> {
  const asked = live?.ask(
    bodies.length === 1 ? { type: 'ballot', pollId, ballot: bodies[0] } : { type: 'ballot', pollId, ballots: bodies },
    BALLOT_TIMEOUT_MS,
  );
  if (asked) {
    const answer = await asked;
    if (answer.type === 'ballot.ack') return answer.acks;
    const seconds = answer.problem.params?.seconds;
    throw new ApiError(answer.problem, answer.problem.status === 429 && typeof seconds === 'number' ? seconds : null);
  }
  const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(BALLOT_TIMEOUT_MS) : undefined;
  if (bodies.length === 1) {
    const ack = await request<BallotAck>(pollApi(pollId, '/ballots'), { method: 'POST', body: bodies[0], signal });
    return [ack];
  }
  return request<BallotAck[]>(pollApi(pollId, '/ballots/batch'), { method: 'POST', body: { ballots: bodies }, signal });
}
