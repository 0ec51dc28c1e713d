import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import type { LiveState } from '../api/types';
import { queryKeys } from '../lib/queryKeys';
import { MeetingChannel } from './meetingChannel';
import type { LiveStatus } from './protocol';
import { LiveSocket, type SocketLike } from './socket';

/** A WebSocket stand-in: the test opens it, sends it messages and closes it. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  sent: string[] = [];
  closed: number | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code = 1000) {
    this.closed = code;
  }
  open() {
    this.onopen?.({});
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.onclose?.({ code });
  }
}

const last = () => FakeSocket.all[FakeSocket.all.length - 1];
/** let pending promises (ticket requests) settle */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => {
  vi.useRealTimers();
});

function socket(extra: Partial<ConstructorParameters<typeof LiveSocket>[0]> = {}) {
  const statuses: LiveStatus[] = [];
  const messages: unknown[] = [];
  let n = 0;
  const s = new LiveSocket({
    connectUrl: async () => `ws://x/ws/me?ticket=t${++n}`,
    onMessage: (m) => messages.push(m),
    onStatus: (st) => statuses.push(st),
    createSocket: (url) => new FakeSocket(url),
    random: () => 0,
    watchWindow: false,
    ...extra,
  });
  return { s, statuses, messages };
}

describe('LiveSocket', () => {
  it('is connected after the hello, with a fresh ticket for every attempt', async () => {
    const { s, statuses } = socket();
    s.start();
    await settle();
    expect(last().url).toBe('ws://x/ws/me?ticket=t1');
    expect(s.status).toBe('connecting');
    last().open();
    last().receive({ type: 'hello' });
    expect(s.status).toBe('connected');
    last().drop();
    expect(s.status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(last().url).toBe('ws://x/ws/me?ticket=t2');
    expect(statuses).toEqual(['connecting', 'connected', 'connecting']);
    s.stop();
    expect(s.status).toBe('offline');
  });

  it('backs off 0.5 s, 1 s, 2 s… and says offline after two failures', async () => {
    const { s } = socket();
    s.start();
    await settle();
    last().drop(); // refused handshake
    expect(s.status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    last().drop();
    expect(s.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);
    last().open();
    last().receive({ type: 'hello' });
    expect(s.status).toBe('connected');
    s.stop();
  });

  it('retries when the ticket cannot be had, and stops for good on a refusal', async () => {
    let fail: unknown = new ApiError({ status: 0 });
    const { s } = socket({
      connectUrl: async () => {
        if (fail) throw fail;
        return 'ws://x/ok';
      },
    });
    s.start();
    await settle();
    expect(FakeSocket.all).toHaveLength(0);
    fail = null;
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(1);
    s.stop();

    const refused = socket({
      connectUrl: async () => {
        throw new ApiError({ status: 403 });
      },
      isFatal: (e) => e instanceof ApiError && e.status === 403,
    });
    refused.s.start();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refused.s.status).toBe('offline');
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('pings every 20 s and gives up on a socket whose ping goes unanswered', async () => {
    const { s } = socket();
    s.start();
    await settle();
    const first = last();
    first.open();
    first.receive({ type: 'hello' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(first.sent).toEqual(['{"type":"ping"}']);
    first.receive({ type: 'pong' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(first.sent).toHaveLength(2);
    // no pong this time: the next tick drops it and reconnects
    await vi.advanceTimersByTimeAsync(20_000);
    expect(first.closed).toBe(1000);
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.all).toHaveLength(2);
    s.stop();
  });

  it('comes back at once after a resync', async () => {
    const { s, messages } = socket();
    s.start();
    await settle();
    last().open();
    last().receive({ type: 'hello' });
    last().receive({ type: 'resync', seq: 40 });
    last().drop(4008);
    expect(messages).toContainEqual({ type: 'resync', seq: 40 });
    await vi.advanceTimersByTimeAsync(60);
    expect(FakeSocket.all).toHaveLength(2);
    s.stop();
  });
});

describe('MeetingChannel', () => {
  const state = (seq: number, extra: Partial<LiveState> = {}): LiveState => ({
    seq,
    meetingId: 7,
    status: 'IN_PROGRESS',
    paused: false,
    speaker: { open: true, waiting: [] },
    quorum: { members: 9, present: 1, required: 5, reached: false },
    ...extra,
  });

  function channel(initial: LiveState) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let served = initial;
    const deps = {
      ticket: async () => ({ ticket: 'tk', path: '/ws/meetings/7' }),
      loadState: (c: QueryClient): Promise<LiveState> =>
        c.ensureQueryData({ queryKey: queryKeys.meetings.live(7), queryFn: async (): Promise<LiveState> => ch.reconcile(served) }),
      socketUrl: (path: string, p: Record<string, string | number | null | undefined>) =>
        `ws://x${path}?ticket=${p.ticket}${p.after != null ? `&after=${p.after}` : ''}`,
      createSocket: (url: string) => new FakeSocket(url),
    };
    const ch: MeetingChannel = new MeetingChannel(client, 7, deps, () => undefined);
    ch.setMe({ personId: 103 });
    const cached = () => client.getQueryData<LiveState>(queryKeys.meetings.live(7));
    return { client, ch, cached, serve: (s: LiveState) => (served = s) };
  }

  it('carries ballots on the socket when connected and answers each by its ref', async () => {
    const { ch } = channel(state(10));
    // not connected: the caller uses the API
    expect(ch.ask({ type: 'ballot', pollId: 5 }, 1000)).toBeNull();
    ch.start();
    await settle();
    last().open();
    last().receive({ type: 'hello', seq: 10, now: new Date().toISOString() });
    const one = ch.ask({ type: 'ballot', pollId: 5, ballot: { ballotId: 'b1', value: 'YES' } }, 1000);
    const two = ch.ask({ type: 'ballot', pollId: 5, ballot: { ballotId: 'b2', value: 'NO' } }, 1000);
    const sent = last().sent.map((t) => JSON.parse(t) as { ref: string; type: string });
    expect(sent.map((m) => m.type)).toEqual(['ballot', 'ballot']);
    // answers come in any order, each to its own request
    last().receive({ type: 'ballot.refused', ref: sent[1].ref, problem: { status: 409, code: 'poll.already-voted' } });
    last().receive({ type: 'ballot.ack', ref: sent[0].ref, acks: [{ ballotId: 'b1', receipt: 'R1' }] });
    await expect(one).resolves.toMatchObject({ type: 'ballot.ack', acks: [{ receipt: 'R1' }] });
    await expect(two).resolves.toMatchObject({ type: 'ballot.refused', problem: { code: 'poll.already-voted' } });
    // no answer in time (the socket dropped unseen): rejected, so that the ballot is sent again
    const lost = ch.ask({ type: 'ballot', pollId: 5, ballot: { ballotId: 'b3', value: 'NO' } }, 1000);
    const caught = lost?.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(1001);
    expect(await caught).toBe('no answer on the live channel');
    ch.stop();
  });

  it('starts from the state, resumes after its seq and applies the events', async () => {
    const { ch, cached } = channel(state(10));
    ch.start();
    await settle();
    expect(last().url).toBe('ws://x/ws/meetings/7?ticket=tk&after=10');
    last().open();
    // replayed events come before the hello
    last().receive({ type: 'event', seq: 11, event: 'meeting.changed', data: { paused: true } });
    last().receive({ type: 'hello', seq: 11, now: new Date().toISOString() });
    last().receive({ type: 'event', seq: 12, event: 'speaker.changed', data: { open: true, waiting: [{ id: 1, personId: 103 }] } });
    expect(cached()).toMatchObject({ seq: 12, paused: true });
    expect(cached()?.speaker?.waiting?.[0].mine).toBe(true);
    // a lost connection resumes after the last event seen
    last().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(last().url).toBe('ws://x/ws/meetings/7?ticket=tk&after=12');
    ch.stop();
  });

  it('applies the events that came while the state was read again', async () => {
    const { client, ch, cached, serve } = channel(state(10));
    ch.start();
    await settle();
    last().open();
    last().receive({ type: 'hello', seq: 10 });
    last().receive({ type: 'event', seq: 11, event: 'attendance.changed', data: { quorum: { members: 9, present: 2, required: 5, reached: false } } });
    // a read answered with the state as it was before event 11
    serve(state(10));
    await client.refetchQueries({ queryKey: queryKeys.meetings.live(7) });
    expect(cached()).toMatchObject({ seq: 11, quorum: { present: 2 } });
    ch.stop();
  });

  it('lets a slow read of who voted finish while the count keeps coming', async () => {
    const { client, ch } = channel(state(10));
    ch.start();
    await settle();
    last().open();
    last().receive({ type: 'hello', seq: 10 });
    // who has voted, shown on the chair's panel: each read takes 2 s
    let started = 0;
    let finished = 0;
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.polls.voters(5),
      queryFn: async ({ signal }) => {
        started++;
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 2000);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        });
        finished++;
        return { started };
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(2000);
    expect(finished).toBe(1);
    // the count arrives every second: the read under way is not cancelled and started again
    for (let i = 0; i < 8; i++) {
      last().receive({ type: 'event', seq: 11 + i, event: 'poll.progress', data: { pollId: 5, cast: i + 1, entitled: 9 } });
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(finished).toBeGreaterThanOrEqual(2);
    unsubscribe();
    ch.stop();
  });

  it('reads everything again after a snapshot', async () => {
    const { client, ch } = channel(state(10));
    ch.start();
    await settle();
    client.setQueryData(queryKeys.meetings.quorum(7), { present: 1 });
    last().open();
    last().receive({ type: 'snapshot', seq: 2000 });
    expect(client.getQueryState(queryKeys.meetings.quorum(7))?.isInvalidated).toBe(true);
    last().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(last().url).toContain('after=2000');
    ch.stop();
  });
});
