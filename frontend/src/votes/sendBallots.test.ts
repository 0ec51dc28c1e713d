import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import type { AnswerMessage } from '../live/protocol';
import { isRetryable } from './ballots';
import { type BallotCarrier, sendBallots } from './api/polls';

/** A live channel stand-in that answers every request with `answer`. */
function carrier(answer: AnswerMessage): BallotCarrier & { asked: Record<string, unknown>[] } {
  const asked: Record<string, unknown>[] = [];
  return {
    asked,
    ask: (message) => {
      asked.push(message);
      return Promise.resolve(answer);
    },
  };
}

describe('sendBallots on the live channel', () => {
  it('sends one ballot as `ballot`, a proxy holder\'s several as `ballots`, and answers the acks', async () => {
    const ack = { ballotId: 'b1', pollId: 5, participantId: 1, receipt: 'R1', changed: false };
    const live = carrier({ type: 'ballot.ack', ref: 'q1', acks: [ack] });
    await expect(sendBallots(5, [{ ballotId: 'b1', value: 'YES' }], live)).resolves.toEqual([ack]);
    await sendBallots(5, [{ ballotId: 'b1', value: 'YES' }, { ballotId: 'b2', value: 'YES', participantId: 2 }], live);
    expect(live.asked[0]).toEqual({ type: 'ballot', pollId: 5, ballot: { ballotId: 'b1', value: 'YES' } });
    expect(live.asked[1]).toMatchObject({ type: 'ballot', pollId: 5, ballots: [{ ballotId: 'b1' }, { ballotId: 'b2' }] });
  });

  it('throws the refusal as the API would: the same problem, kept or retried by the same rule', async () => {
    const refused = carrier({ type: 'ballot.refused', ref: 'q1', problem: { status: 409, code: 'poll.already-voted', detail: 'Phiếu của đại biểu này đã được ghi nhận' } });
    const e = await sendBallots(5, [{ ballotId: 'b1', value: 'NO' }], refused).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('poll.already-voted');
    expect((e as ApiError).message).toBe('Phiếu của đại biểu này đã được ghi nhận');
    expect(isRetryable(e)).toBe(false);
    const busy = carrier({ type: 'ballot.refused', ref: 'q2', problem: { status: 429, code: 'poll.desk-busy', params: { seconds: 1 } } });
    const b = await sendBallots(5, [{ ballotId: 'b1', value: 'NO' }], busy).catch((x: unknown) => x);
    expect((b as ApiError).retryAfter).toBe(1);
    expect(isRetryable(b)).toBe(true);
  });
});
