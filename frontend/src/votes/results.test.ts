import { describe, expect, it } from 'vitest';
import type { Poll, PollResult, ReceiptList } from '../api/types';
import { countBody } from './CountsForm';
import {
  RESULT_SHOWN_MS,
  barWidth,
  chartScale,
  checkReceipt,
  choiceComplete,
  electionSelection,
  formatShare,
  outcomeCounts,
  parseCount,
  pendingVoters,
  pollCount,
  pollRemainingMs,
  resultLayout,
  sameChoice,
  share,
  stagePoll,
  tabletPolls,
} from './results';

const yesNo: PollResult = {
  members: 45,
  present: 40,
  cast: 38,
  valid: 38,
  yes: 30,
  no: 6,
  abstain: 2,
  base: 45,
  required: 23,
  decision: 'ADOPTED',
  rule: { text: 'Quá 1/2 tổng số đại biểu' },
};

describe('shares', () => {
  it('are per cent of the base with two decimals, in Vietnamese style', () => {
    expect(share(30, 45)).toBe(66.67);
    expect(share(1, 3)).toBe(33.33);
    expect(share(0, 45)).toBe(0);
    expect(share(3, 0)).toBeNull();
    expect(share(3, undefined)).toBeNull();
    expect(formatShare(66.67)).toBe('66,67 %');
    expect(formatShare(50)).toBe('50 %');
    expect(formatShare(null)).toBe('');
  });
});

describe('resultLayout', () => {
  it('lays out a motion as yes / no / abstain against the rule\'s base', () => {
    const l = resultLayout('YES_NO', yesNo);
    expect(l.kind).toBe('YES_NO');
    if (l.kind !== 'YES_NO') return;
    expect(l.bars.map((b) => [b.key, b.count, b.share])).toEqual([
      ['YES', 30, 66.67],
      ['NO', 6, 13.33],
      ['ABSTAIN', 2, 4.44],
    ]);
    expect(l.base).toBe(45);
    expect(l.required).toBe(23);
    expect(chartScale(l)).toBe(45);
  });

  it('lays out an election per candidate with its outcome', () => {
    const l = resultLayout('ELECTION', {
      base: 40,
      required: 21,
      options: [
        { optionId: 31, label: 'Nguyễn Văn An', votes: 30, outcome: 'ELECTED' },
        { optionId: 32, label: 'Trần Thị Bình', votes: 12, outcome: 'NOT_ELECTED' },
      ],
    });
    if (l.kind !== 'ELECTION') throw new Error(l.kind);
    expect(l.bars).toEqual([
      { key: '31', label: 'Nguyễn Văn An', count: 30, share: 75, outcome: 'ELECTED' },
      { key: '32', label: 'Trần Thị Bình', count: 12, share: 30, outcome: 'NOT_ELECTED' },
    ]);
  });

  it('lays out a confidence vote with the three ratings of each person', () => {
    const l = resultLayout('CONFIDENCE', {
      base: 50,
      options: [{ optionId: 5, label: 'Lê Văn Cường', high: 30, medium: 15, low: 5, outcome: 'CONFIDENCE' }],
    });
    if (l.kind !== 'CONFIDENCE') throw new Error(l.kind);
    expect(l.rows[0].counts).toEqual({ HIGH: 30, MEDIUM: 15, LOW: 5 });
    expect(l.rows[0].shares).toEqual({ HIGH: 60, MEDIUM: 30, LOW: 10 });
    expect(l.required).toBeNull();
  });

  it('counts the outcomes the server found', () => {
    expect(
      outcomeCounts({
        options: [{ outcome: 'ELECTED' }, { outcome: 'TIED' }, { outcome: 'TIED' }, { outcome: 'NOT_ELECTED' }, { outcome: 'LOW_CONFIDENCE' }],
      }),
    ).toEqual({ elected: 1, tied: 2, lowConfidence: 1 });
    expect(outcomeCounts({})).toEqual({ elected: 0, tied: 0, lowConfidence: 0 });
  });

  it('scales to the largest count when typed-in figures exceed the base', () => {
    const l = resultLayout('YES_NO', { base: 10, yes: 12, no: 0, abstain: 0 });
    expect(chartScale(l)).toBe(12);
    expect(barWidth(12, 12)).toBe(100);
    expect(barWidth(3, 12)).toBe(25);
    expect(barWidth(3, 0)).toBe(0);
  });

  it('treats missing figures as zero', () => {
    const l = resultLayout('YES_NO', {});
    if (l.kind !== 'YES_NO') throw new Error(l.kind);
    expect(l.bars.map((b) => b.count)).toEqual([0, 0, 0]);
    expect(l.bars[0].share).toBeNull();
  });
});

describe('the receipt check', () => {
  const list: ReceiptList = {
    entries: [
      { receipt: 'K7Q2-M9XD-3T', choice: { value: 'YES' } },
      { receipt: 'A1B2-C3D4-5E', choice: { selected: [32, 31] } },
      { receipt: 'Z9Y8-X7W6-5V', choice: { ratings: { '5': 'HIGH', '6': 'LOW' } } },
    ],
  };

  it('finds a receipt with the choice it was cast with', () => {
    expect(checkReceipt(list, 'K7Q2-M9XD-3T', { value: 'YES' })).toBe('FOUND');
    expect(checkReceipt(list, 'k7q2 m9xd 3t', { value: 'YES' })).toBe('FOUND');
    expect(checkReceipt(list, 'A1B2-C3D4-5E', { selected: [31, 32] })).toBe('FOUND');
    expect(checkReceipt(list, 'Z9Y8-X7W6-5V', { ratings: { '6': 'LOW', '5': 'HIGH' } })).toBe('FOUND');
  });

  it('says when the choice differs or the receipt is not there', () => {
    expect(checkReceipt(list, 'K7Q2-M9XD-3T', { value: 'NO' })).toBe('CHANGED');
    expect(checkReceipt(list, 'Z9Y8-X7W6-5V', { ratings: { '5': 'HIGH', '6': 'MEDIUM' } })).toBe('CHANGED');
    expect(checkReceipt(list, 'QQQQ-QQQQ-QQ', { value: 'YES' })).toBe('MISSING');
    expect(checkReceipt(undefined, 'K7Q2-M9XD-3T', { value: 'YES' })).toBe('MISSING');
  });

  it('compares choices whatever the order', () => {
    expect(sameChoice({ selected: [1, 2] }, { selected: [2, 1] })).toBe(true);
    expect(sameChoice({ selected: [] }, { selected: [] })).toBe(true);
    expect(sameChoice({ value: 'YES' }, { value: 'YES', selected: [] })).toBe(true);
    expect(sameChoice({ selected: [1] }, { selected: [1, 2] })).toBe(false);
    expect(sameChoice(undefined, { value: 'YES' })).toBe(false);
  });
});

const at = (ms: number) => new Date(ms).toISOString();
const NOW = Date.parse('2026-11-23T02:00:00Z');

describe('stagePoll (the room\'s screen)', () => {
  const draft: Poll = { id: 1, state: 'DRAFT' };
  const oldResult: Poll = { id: 2, state: 'PUBLISHED', publishedAt: at(NOW - RESULT_SHOWN_MS - 1000) };
  const newResult: Poll = { id: 3, state: 'PUBLISHED', publishedAt: at(NOW - 60_000) };
  const closed: Poll = { id: 4, state: 'CLOSED', closedAt: at(NOW - 10_000) };
  const open1: Poll = { id: 5, state: 'OPEN', openedAt: at(NOW - 50_000) };
  const open2: Poll = { id: 6, state: 'OPEN', openedAt: at(NOW - 20_000) };

  it('shows the last opened poll first, then a closed one, then a recent result', () => {
    expect(stagePoll([draft, oldResult, newResult, closed, open1, open2], NOW)?.id).toBe(6);
    expect(stagePoll([draft, oldResult, newResult, closed], NOW)?.id).toBe(4);
    expect(stagePoll([draft, oldResult, newResult], NOW)?.id).toBe(3);
  });

  it('shows no draft and no old result', () => {
    expect(stagePoll([draft, oldResult], NOW)).toBeUndefined();
    expect(stagePoll(undefined, NOW)).toBeUndefined();
  });
});

describe('tabletPolls', () => {
  const mine = [{ participantId: 11, voted: false }];
  it('puts the open polls one may vote in above the tabs, then the last result', () => {
    const list: Poll[] = [
      { id: 1, state: 'OPEN', can: { vote: true }, mine },
      { id: 2, state: 'OPEN', can: { vote: false }, mine: [] },
      { id: 3, state: 'PUBLISHED', publishedAt: at(NOW - 5 * 60_000) },
      { id: 4, state: 'PUBLISHED', publishedAt: at(NOW - 60_000) },
      { id: 5, state: 'PUBLISHED', publishedAt: at(NOW - 60 * 60_000) },
    ];
    expect(tabletPolls(list, NOW).map((p) => p.id)).toEqual([1, 4]);
    expect(tabletPolls(list, NOW, false).map((p) => p.id)).toEqual([1]);
  });

  it('keeps an open poll one has voted in (the count, the receipt)', () => {
    expect(tabletPolls([{ id: 1, state: 'OPEN', can: { vote: false }, mine: [{ participantId: 11, voted: true }] }], NOW)).toHaveLength(1);
  });
});

describe('ballots being filled in', () => {
  const election: Poll = { kind: 'ELECTION', seats: 2, electionStyle: 'CHOOSE', options: [{ id: 31 }, { id: 32 }, { id: 33 }] };

  it('chooses the ticked candidates, or those not struck out', () => {
    expect(electionSelection('CHOOSE', [31, 32, 33], new Set([32]))).toEqual([32]);
    expect(electionSelection('STRIKE', [31, 32, 33], new Set([32]))).toEqual([31, 33]);
  });

  it('is whole with a value, at most the seats, or every candidate rated', () => {
    expect(choiceComplete({ kind: 'YES_NO' }, { value: 'YES' })).toBe(true);
    expect(choiceComplete({ kind: 'YES_NO' }, {})).toBe(false);
    expect(choiceComplete(election, { selected: [31, 32] })).toBe(true);
    expect(choiceComplete(election, { selected: [] })).toBe(true);
    expect(choiceComplete(election, { selected: [31, 32, 33] })).toBe(false);
    const confidence: Poll = { kind: 'CONFIDENCE', options: [{ id: 5 }, { id: 6 }] };
    expect(choiceComplete(confidence, { ratings: { '5': 'HIGH' } })).toBe(false);
    expect(choiceComplete(confidence, { ratings: { '5': 'HIGH', '6': 'LOW' } })).toBe(true);
    expect(choiceComplete(confidence, null)).toBe(false);
  });

  it('lists whom one still votes for only while the server allows it', () => {
    const p: Poll = {
      can: { vote: true },
      mine: [
        { participantId: 11, voted: true },
        { participantId: 12, voted: false, proxy: true },
      ],
    };
    expect(pendingVoters(p).map((m) => m.participantId)).toEqual([12]);
    expect(pendingVoters({ ...p, can: { vote: false } })).toEqual([]);
  });

  it('counts down an open poll to its closing time', () => {
    const p: Poll = { state: 'OPEN', closesAt: at(NOW + 42_500) };
    expect(pollRemainingMs(p, NOW)).toBe(42_500);
    expect(pollRemainingMs(p, NOW + 60_000)).toBe(0);
    expect(pollRemainingMs({ state: 'OPEN' }, NOW)).toBeNull();
    expect(pollRemainingMs({ ...p, state: 'CLOSED' }, NOW)).toBeNull();
  });

  it('draws the count of an open poll: the bar, the countdown and its last seconds', () => {
    const p: Poll = { state: 'OPEN', cast: 12, entitled: 48, closesAt: at(NOW + 30_000) };
    expect(pollCount(p, NOW)).toEqual({ cast: 12, entitled: 48, percent: 25, remaining: 30_000, ending: false });
    expect(pollCount(p, NOW + 25_000)).toMatchObject({ remaining: 5_000, ending: true });
    expect(pollCount({ state: 'OPEN', cast: 3 }, NOW)).toEqual({ cast: 3, entitled: 0, percent: 0, remaining: null, ending: false });
    expect(pollCount({ ...p, cast: 50 }, NOW).percent).toBe(100);
  });
});

describe('analog figures', () => {
  it('reads counts typed in', () => {
    expect(parseCount('')).toBe(0);
    expect(parseCount(' 30 ')).toBe(30);
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('3,5')).toBeNull();
    expect(parseCount('abc')).toBeNull();
  });

  it('makes the body of a motion and of an election, naming the bad inputs', () => {
    expect(countBody({ kind: 'YES_NO' }, null, { yes: '30', no: '2', abstain: '', invalid: '1' })).toEqual({
      body: { yes: 30, no: 2, abstain: 0, invalid: 1, ballots: 33 },
    });
    const election: Poll = { kind: 'ELECTION', options: [{ id: 31 }, { id: 32 }] };
    expect(countBody(election, 280, { ballots: '25', 'o31.votes': '20', 'o32.votes': '7' })).toEqual({
      body: {
        endpointId: 280,
        yes: 0,
        no: 0,
        abstain: 0,
        invalid: 0,
        ballots: 25,
        options: { '31': { votes: 20, high: 0, medium: 0, low: 0 }, '32': { votes: 7, high: 0, medium: 0, low: 0 } },
      },
    });
    expect(countBody({ kind: 'YES_NO' }, null, { yes: 'x', no: '-2' })).toEqual({ bad: ['yes', 'no'] });
  });
});
