import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '../api/problem';
import type { BallotAck, BallotInput } from '../api/types';
import {
  type BallotRecord,
  BallotsUnsent,
  ballotBody,
  ballotKey,
  ballotsOfPoll,
  castBallots,
  deviceStorage,
  isRetryable,
  loadBallot,
  memoryStorage,
  newBallotId,
  prepareBallot,
  pruneBallots,
  saveBallot,
} from './ballots';

const refused = (status: number, code = 'poll.closed') => new ApiError({ status, code, errors: [] });

/** A server that fails `failures` times (then answers), recording every body it was sent. */
function server(failures: unknown[] = []) {
  const calls: BallotInput[][] = [];
  const send = vi.fn(async (bodies: BallotInput[]): Promise<BallotAck[]> => {
    calls.push(bodies);
    const failure = failures.shift();
    if (failure) throw failure;
    return bodies.map((b) => ({ ballotId: b.ballotId, participantId: b.participantId, receipt: `R-${b.ballotId.slice(0, 4)}`, pollId: 7, changed: false }));
  });
  return { send, calls };
}

const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? 'zzzz-extra';
};

function deps(storage = memoryStorage(), send: (b: BallotInput[]) => Promise<BallotAck[]>) {
  return { storage, send, retryDelays: [1000, 3000], sleep: vi.fn(async () => undefined), now: () => 5_000 };
}

describe('ballot records', () => {
  it('are kept per poll and principal', () => {
    const s = memoryStorage();
    saveBallot(s, { pollId: 7, participantId: 11, own: true, cast: { ballotId: 'a', choice: { value: 'YES' }, receipt: 'K7Q2', at: 1 } });
    saveBallot(s, { pollId: 7, participantId: 12, own: false, pending: { ballotId: 'b', choice: { value: 'NO' }, at: 1 } });
    saveBallot(s, { pollId: 8, participantId: 11, own: true, pending: { ballotId: 'c', choice: { value: 'NO' }, at: 1 } });
    expect(ballotKey(7, 11)).toBe('hopso.ballot.7.11');
    expect(loadBallot(s, 7, 11)?.cast?.receipt).toBe('K7Q2');
    expect(ballotsOfPoll(s, 7).map((r) => r.participantId).sort()).toEqual([11, 12]);
    expect(loadBallot(s, 9, 11)).toBeNull();
  });

  it('ignore what is not a record', () => {
    const s = memoryStorage();
    s.setItem('hopso.ballot.7.11', '{not json');
    s.setItem('hopso.ballot.7.12', '{"pollId":"7"}');
    expect(loadBallot(s, 7, 11)).toBeNull();
    expect(ballotsOfPoll(s, 7)).toEqual([]);
  });

  it('are pruned after half a year, and unreadable ones at once', () => {
    const s = memoryStorage();
    const day = 24 * 3600_000;
    saveBallot(s, { pollId: 1, participantId: 1, own: true, cast: { ballotId: 'a', choice: {}, receipt: 'X', at: 0 } });
    saveBallot(s, { pollId: 2, participantId: 1, own: true, cast: { ballotId: 'b', choice: {}, receipt: 'Y', at: 100 * day } });
    s.setItem('hopso.ballot.3.1', 'garbage');
    s.setItem('hopso.lang', 'vi');
    pruneBallots(s, 200 * day);
    expect(loadBallot(s, 1, 1)).toBeNull();
    expect(loadBallot(s, 2, 1)).not.toBeNull();
    expect(s.getItem('hopso.ballot.3.1')).toBeNull();
    expect(s.getItem('hopso.lang')).toBe('vi');
  });

  it('make the request body: own vote without participantId, a proxy with it, a change with replaces', () => {
    const own: BallotRecord = { pollId: 7, participantId: 11, own: true };
    expect(ballotBody(own, { ballotId: 'u1', choice: { value: 'YES' }, at: 0 })).toEqual({ ballotId: 'u1', value: 'YES' });
    const proxy: BallotRecord = { pollId: 7, participantId: 12, own: false };
    expect(ballotBody(proxy, { ballotId: 'u2', choice: { selected: [31, 32] }, replaces: 'u0', at: 0 })).toEqual({
      ballotId: 'u2',
      participantId: 12,
      selected: [31, 32],
      replaces: 'u0',
    });
  });
});

describe('prepareBallot', () => {
  const who = { pollId: 7, participantId: 11, own: true };

  it('makes a new ballot with a new id', () => {
    const r = prepareBallot(null, who, { value: 'YES' }, ids('u1'), 10);
    expect(r.pending).toEqual({ ballotId: 'u1', choice: { value: 'YES' }, at: 10 });
  });

  it('keeps a ballot waiting for its answer as it is: the same id and choice', () => {
    const waiting: BallotRecord = { ...who, pending: { ballotId: 'u1', choice: { value: 'YES' }, at: 10 } };
    expect(prepareBallot(waiting, who, { value: 'NO' }, ids('u2'), 20)).toBe(waiting);
  });

  it('replaces the acknowledged ballot when the choice is changed', () => {
    const cast: BallotRecord = { ...who, cast: { ballotId: 'u1', choice: { value: 'YES' }, receipt: 'R1', at: 10 } };
    const r = prepareBallot(cast, who, { value: 'NO' }, ids('u2'), 20);
    expect(r.pending).toEqual({ ballotId: 'u2', choice: { value: 'NO' }, replaces: 'u1', at: 20 });
    expect(r.cast?.receipt).toBe('R1');
  });
});

describe('isRetryable', () => {
  it('retries no answer, server failures and waits; not a refusal', () => {
    expect(isRetryable(networkError())).toBe(true);
    expect(isRetryable(refused(503))).toBe(true);
    expect(isRetryable(refused(500))).toBe(true);
    expect(isRetryable(refused(429))).toBe(true);
    expect(isRetryable(refused(408))).toBe(true);
    expect(isRetryable(new DOMException('timed out', 'TimeoutError'))).toBe(true);
    expect(isRetryable(refused(409, 'poll.already-voted'))).toBe(false);
    expect(isRetryable(refused(403, 'poll.not-present'))).toBe(false);
    expect(isRetryable(refused(400))).toBe(false);
  });
});

describe('castBallots', () => {
  const who = { pollId: 7, participantId: 11, own: true };

  it('stores the receipt the server answers', async () => {
    const storage = memoryStorage();
    const { send, calls } = server();
    const r = prepareBallot(null, who, { value: 'YES' }, ids('aaaa-1'), 1);
    const [done] = await castBallots([r], deps(storage, send));
    expect(calls).toEqual([[{ ballotId: 'aaaa-1', value: 'YES' }]]);
    expect(done.pending).toBeUndefined();
    expect(done.cast).toEqual({ ballotId: 'aaaa-1', choice: { value: 'YES' }, receipt: 'R-aaaa', at: 5_000 });
    expect(loadBallot(storage, 7, 11)).toEqual(done);
  });

  it('sends the same ballot id again after a network error or a timeout, never a new one', async () => {
    const storage = memoryStorage();
    const { send, calls } = server([networkError(), new DOMException('timed out', 'TimeoutError')]);
    const d = deps(storage, send);
    const r = prepareBallot(null, who, { value: 'NO' }, ids('bbbb-1', 'bbbb-2'), 1);
    const [done] = await castBallots([r], d);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c[0].ballotId))).toEqual(new Set(['bbbb-1']));
    expect(d.sleep).toHaveBeenNthCalledWith(1, 1000);
    expect(d.sleep).toHaveBeenNthCalledWith(2, 3000);
    expect(done.cast?.receipt).toBe('R-bbbb');
  });

  it('keeps the ballot pending on the device when no answer came at all', async () => {
    const storage = memoryStorage();
    const { send } = server([networkError(), networkError(), refused(502)]);
    const r = prepareBallot(null, who, { value: 'ABSTAIN' }, ids('cccc-1'), 1);
    await expect(castBallots([r], deps(storage, send))).rejects.toBeInstanceOf(BallotsUnsent);
    const kept = loadBallot(storage, 7, 11);
    expect(kept?.pending?.ballotId).toBe('cccc-1');

    // later (the page reopened, the network back): the same id, the same choice
    const again = prepareBallot(kept, who, { value: 'YES' }, ids('cccc-2'), 2);
    const retry = server();
    const [done] = await castBallots([again], deps(storage, retry.send));
    expect(retry.calls[0]).toEqual([{ ballotId: 'cccc-1', value: 'ABSTAIN' }]);
    expect(done.cast?.receipt).toBe('R-cccc');
  });

  it('drops a refused ballot (a new choice gets a new id) and keeps the acknowledged one', async () => {
    const storage = memoryStorage();
    const first = server([refused(403, 'poll.not-present')]);
    const r = prepareBallot(null, who, { value: 'YES' }, ids('dddd-1'), 1);
    await expect(castBallots([r], deps(storage, first.send))).rejects.toMatchObject({ status: 403 });
    expect(first.calls).toHaveLength(1);
    expect(loadBallot(storage, 7, 11)).toBeNull();

    const cast: BallotRecord = { ...who, cast: { ballotId: 'dddd-2', choice: { value: 'YES' }, receipt: 'R2', at: 1 } };
    saveBallot(storage, cast);
    const change = prepareBallot(cast, who, { value: 'NO' }, ids('dddd-3'), 2);
    const closed = server([refused(409, 'poll.closed')]);
    await expect(castBallots([change], deps(storage, closed.send))).rejects.toMatchObject({ status: 409 });
    expect(closed.calls[0][0]).toEqual({ ballotId: 'dddd-3', value: 'NO', replaces: 'dddd-2' });
    expect(loadBallot(storage, 7, 11)).toEqual(cast);
  });

  it('casts a proxy holder\'s ballots in one request, each with its own id and receipt', async () => {
    const storage = memoryStorage();
    const { send, calls } = server([networkError()]);
    const make = ids('eeee-1', 'ffff-2');
    const records = [
      prepareBallot(null, { pollId: 7, participantId: 11, own: true }, { value: 'YES' }, make, 1),
      prepareBallot(null, { pollId: 7, participantId: 12, own: false }, { value: 'YES' }, make, 1),
    ];
    const done = await castBallots(records, deps(storage, send));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual([
      { ballotId: 'eeee-1', value: 'YES' },
      { ballotId: 'ffff-2', participantId: 12, value: 'YES' },
    ]);
    expect(done.map((r) => r.cast?.receipt)).toEqual(['R-eeee', 'R-ffff']);
    expect(ballotsOfPoll(storage, 7)).toHaveLength(2);
  });

  it('keeps a ballot pending when the answer has no receipt for it', async () => {
    const storage = memoryStorage();
    const send = vi.fn(async (): Promise<BallotAck[]> => [{ ballotId: 'other' }]);
    const r = prepareBallot(null, who, { value: 'YES' }, ids('gggg-1'), 1);
    const [done] = await castBallots([r], deps(storage, send));
    expect(done.pending?.ballotId).toBe('gggg-1');
    expect(loadBallot(storage, 7, 11)?.pending?.ballotId).toBe('gggg-1');
  });
});

describe('newBallotId', () => {
  it('is a version 4 UUID, different each time', () => {
    const a = newBallotId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newBallotId()).not.toBe(a);
  });
});

describe('deviceStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps one store for the whole page when the browser refuses localStorage', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    // the ballot panel writes the receipt, the receipt check after publish reads it back
    const record: BallotRecord = { pollId: 7, participantId: 11, own: true, cast: { ballotId: 'a', choice: { value: 'YES' }, receipt: 'K7Q2', at: 1 } };
    saveBallot(deviceStorage(), record);
    expect(loadBallot(deviceStorage(), 7, 11)).toEqual(record);
  });
});
