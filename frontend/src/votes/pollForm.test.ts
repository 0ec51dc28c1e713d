import { describe, expect, it } from 'vitest';
import { emptyPoll, pollValues, toPollInput, withKind } from './pollForm';

describe('the poll form', () => {
  it('makes a yes/no question with its rule and countdown', () => {
    const v = { ...emptyPoll(12), title: '  Thông qua Nghị quyết về kế hoạch đầu tư công  ' };
    expect(toPollInput(v)).toEqual({
      body: {
        title: 'Thông qua Nghị quyết về kế hoạch đầu tư công',
        itemId: 12,
        kind: 'YES_NO',
        analog: false,
        secret: false,
        allowChange: true,
        durationSeconds: 60,
        rule: { base: 'ALL_MEMBERS', threshold: 'MORE_THAN_HALF', tie: 'NOT_ADOPTED' },
      },
    });
  });

  it('makes an election with candidates, seats and style', () => {
    const v = { ...withKind(emptyPoll(), 'ELECTION'), title: 'Bầu Phó Chủ tịch', seats: '1', electionStyle: 'STRIKE' as const, candidates: ['Nguyễn Văn An', ' ', 'Trần Thị Bình'] };
    const made = toPollInput(v, 4);
    expect(made).toMatchObject({
      body: { kind: 'ELECTION', secret: true, seats: 1, electionStyle: 'STRIKE', candidates: ['Nguyễn Văn An', 'Trần Thị Bình'], version: 4 },
    });
  });

  it('checks what a person can get wrong', () => {
    expect(toPollInput(emptyPoll())).toEqual({ errors: { title: 'titleRequired' } });
    const election = { ...withKind(emptyPoll(), 'ELECTION'), title: 'Bầu', candidates: ['A', 'B'], seats: '3' };
    expect(toPollInput(election)).toEqual({ errors: { seats: 'seatsRange' } });
    expect(toPollInput({ ...election, candidates: ['', ''] })).toEqual({ errors: { candidates: 'candidatesRequired' } });
    const custom = { ...emptyPoll(), title: 'X', threshold: 'CUSTOM' as const, numerator: '5', denominator: '3' };
    expect(toPollInput(custom)).toEqual({ errors: { numerator: 'customRule' } });
  });

  it('sends a custom fraction, and no tie by the chair in a secret ballot', () => {
    const v = { ...emptyPoll(), title: 'X', threshold: 'CUSTOM' as const, numerator: '3', denominator: '5', strict: true, secret: true, tie: 'CHAIR_DECIDES' as const };
    expect(toPollInput(v)).toMatchObject({ body: { rule: { threshold: 'CUSTOM', numerator: 3, denominator: 5, strict: true, tie: 'NOT_ADOPTED' } } });
  });

  it('sends no countdown, no change of ballot and no secret ballot for an analog poll', () => {
    const made = toPollInput({ ...emptyPoll(), title: 'Giơ tay', analog: true, secret: true });
    expect(made).toMatchObject({ body: { analog: true, allowChange: false, secret: false } });
    expect('body' in made ? made.body.durationSeconds : 'errors').toBeUndefined();
  });

  it('reads a draft back', () => {
    const v = pollValues({
      id: 7,
      title: 'Lấy phiếu tín nhiệm',
      kind: 'CONFIDENCE',
      secret: true,
      allowChange: false,
      options: [{ id: 1, label: 'Lê Văn Cường' }],
      rule: { base: 'PRESENT', threshold: 'CUSTOM', numerator: 2, denominator: 3, strict: false, tie: 'NOT_ADOPTED' },
      version: 2,
    });
    expect(v).toMatchObject({ kind: 'CONFIDENCE', candidates: ['Lê Văn Cường'], base: 'PRESENT', numerator: '2', denominator: '3', durationSeconds: 0 });
  });
});
