import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Poll } from '../api/types';
import { queryKeys } from '../lib/queryKeys';
import { cachePatches, pollsToRead, staleQueries } from '../live/liveState';
import type { EventMessage } from '../live/protocol';
import { placePoll, readPoll } from './api/polls';
import { applyPollEvent, applyPollListEvent, pollIdOf } from './pollEvents';

const ev = (event: string, data: Record<string, unknown>): EventMessage => ({ type: 'event', seq: 20, event, data });

const open: Poll = { id: 7, state: 'OPEN', cast: 3, entitled: 45, title: 'Thông qua Nghị quyết' };
const other: Poll = { id: 8, state: 'DRAFT' };

describe('poll events on the cached polls', () => {
  it('name their poll', () => {
    expect(pollIdOf('poll.progress', { pollId: 7 })).toBe(7);
    expect(pollIdOf('speaker.changed', { pollId: 7 })).toBeUndefined();
    expect(pollIdOf('poll.changed', { pollId: '7' })).toBeUndefined();
  });

  it('take the count while open, never back', () => {
    expect(applyPollEvent(open, 'poll.progress', { pollId: 7, cast: 12, entitled: 44 })).toEqual({ ...open, cast: 12, entitled: 44 });
    expect(applyPollEvent({ ...open, cast: 12 }, 'poll.progress', { pollId: 7, cast: 11, entitled: 45 }).cast).toBe(12);
    expect(applyPollEvent({ ...open, state: 'CLOSED' }, 'poll.progress', { pollId: 7, cast: 40 }).cast).toBe(3);
  });

  it('take the state, and the result when published', () => {
    expect(applyPollEvent(open, 'poll.changed', { pollId: 7, state: 'CLOSED' }).state).toBe('CLOSED');
    expect(applyPollEvent(open, 'poll.changed', { pollId: 7, state: 'NONSENSE' })).toBe(open);
    const result = { yes: 30, no: 6, abstain: 2, decision: 'ADOPTED' };
    expect(applyPollEvent(open, 'poll.published', { pollId: 7, result })).toEqual({ ...open, state: 'PUBLISHED', result });
  });

  it('drop a deleted draft from the list', () => {
    expect(applyPollListEvent([open, other], 'poll.changed', { pollId: 8, state: 'DELETED' })).toEqual([open]);
    const list = [open];
    expect(applyPollListEvent(list, 'poll.changed', { pollId: 8, state: 'DELETED' })).toBe(list);
  });

  it('leave other polls and lists alone', () => {
    expect(applyPollEvent(other, 'poll.progress', { pollId: 7, cast: 12 })).toBe(other);
    const list = [open, other];
    expect(applyPollListEvent(list, 'poll.progress', { pollId: 9, cast: 1 })).toBe(list);
    expect(applyPollListEvent(undefined, 'poll.progress', { pollId: 7, cast: 1 })).toBeUndefined();
    const next = applyPollListEvent(list, 'poll.progress', { pollId: 7, cast: 5 });
    expect(next?.[0].cast).toBe(5);
    expect(next?.[1]).toBe(other);
  });
});

describe('the channel and poll events', () => {
  it('reads the poll alone again on poll.changed, never the list; the voters on poll.progress', () => {
    expect(staleQueries(ev('poll.changed', { pollId: 7, state: 'OPEN' }), 3, {})).toEqual([{ queryKey: queryKeys.polls.detail(7) }]);
    expect(pollsToRead(ev('poll.changed', { pollId: 7, state: 'OPEN' }))).toEqual([7]);
    // a deleted draft is dropped from the list by the event itself: nothing to read
    expect(pollsToRead(ev('poll.changed', { pollId: 7, state: 'DELETED' }))).toEqual([]);
    expect(pollsToRead(ev('poll.progress', { pollId: 7, cast: 1 }))).toEqual([]);
    expect(pollsToRead(ev('poll.published', { pollId: 7, result: {} }))).toEqual([]);
    expect(staleQueries(ev('poll.progress', { pollId: 7, cast: 1, entitled: 2 }), 3, {})).toEqual([
      { queryKey: queryKeys.polls.voters(7), exact: true, keepRunning: true },
    ]);
    // the result comes with the event: nothing is read again
    expect(staleQueries(ev('poll.published', { pollId: 7, result: {} }), 3, {})).toEqual([]);
  });

  it('patches the list and the poll in place', () => {
    const patches = cachePatches(ev('poll.progress', { pollId: 7, cast: 9, entitled: 45 }), 3);
    expect(patches.map((p) => p.queryKey)).toEqual([queryKeys.meetings.polls(3), queryKeys.polls.detail(7)]);
    expect((patches[0].update([open, other]) as Poll[])[0].cast).toBe(9);
    expect((patches[1].update(open) as Poll).cast).toBe(9);
    expect(patches[1].update(undefined)).toBeUndefined();
    expect(cachePatches(ev('speaker.changed', {}), 3)).toEqual([]);
  });
});

describe('a poll read again after poll.changed', () => {
  const newer: Poll = { id: 9, state: 'OPEN', cast: 0 };
  const oldest: Poll = { id: 5, state: 'PUBLISHED' };
  const cachedList = (list: Poll[] | undefined) => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    if (list) client.setQueryData(queryKeys.meetings.polls(3), list);
    return { client, list: () => client.getQueryData<Poll[]>(queryKeys.meetings.polls(3)) };
  };
  afterEach(() => vi.unstubAllGlobals());

  it('takes its place in the list, newest first, inserted when it was not shown before', () => {
    const { client, list } = cachedList([other, open, oldest]);
    placePoll(client, 3, { ...open, state: 'CLOSED', cast: 40 });
    expect(list()?.map((p) => [p.id, p.state])).toEqual([
      [8, 'DRAFT'],
      [7, 'CLOSED'],
      [5, 'PUBLISHED'],
    ]);
    placePoll(client, 3, newer);
    placePoll(client, 3, { id: 6, state: 'OPEN' });
    placePoll(client, 3, { id: 2, state: 'CLOSED' });
    expect(list()?.map((p) => p.id)).toEqual([9, 8, 7, 6, 5, 2]);
  });

  it('never takes a poll back to an earlier state (an answer overtaken by a later event)', () => {
    const { client, list } = cachedList([{ ...open, state: 'PUBLISHED', result: { decision: 'ADOPTED' } }]);
    placePoll(client, 3, { ...open, state: 'CLOSED' });
    expect(list()?.[0]).toMatchObject({ state: 'PUBLISHED', result: { decision: 'ADOPTED' } });
  });

  it('reads GET /api/polls/{id} alone, and nothing while no list is cached', async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        return new Response(JSON.stringify({ ...newer, can: { vote: true } }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const none = cachedList(undefined);
    await readPoll(none.client, 3, 9);
    expect(asked).toEqual([]);
    const { client, list } = cachedList([open]);
    await readPoll(client, 3, 9);
    expect(asked).toEqual(['/api/polls/9']);
    expect(list()?.map((p) => [p.id, p.can?.vote])).toEqual([
      [9, true],
      [7, undefined],
    ]);
  });
});
