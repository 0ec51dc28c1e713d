import { describe, expect, it } from 'vitest';
import type { MinutesDiffLine } from '../api/types';
import { diffRows, wordDiff } from './diffRows';

const eq = (t: string): MinutesDiffLine => ({ kind: 'EQUAL', before: t, after: t });

describe('diffRows', () => {
  const lines: MinutesDiffLine[] = [
    eq('BIÊN BẢN'),
    eq('Họp giao ban'),
    eq('1. Thời gian'),
    eq('2. Địa điểm'),
    eq('3. Thành phần'),
    { kind: 'CHANGE', before: 'Đồng chí phát biểu […]', after: 'Đồng chí phát biểu về tiến độ giải ngân.' },
    { kind: 'INSERT', after: 'Đoạn thêm' },
    eq('4. Kết luận'),
    eq('5. Bế mạc'),
    eq('6. Ký'),
    { kind: 'DELETE', before: 'Nơi nhận: Lưu: VT' },
  ];

  it('folds unchanged lines far from a change and keeps those near it', () => {
    const rows = diffRows(lines, 2);
    expect(rows.map((r) => (r.type === 'fold' ? `fold ${r.from}+${r.count}` : `${r.kind} ${r.index}`))).toEqual([
      'fold 0+3',
      'EQUAL 3',
      'EQUAL 4',
      'CHANGE 5',
      'INSERT 6',
      'EQUAL 7',
      'EQUAL 8',
      'EQUAL 9',
      'DELETE 10',
    ]);
  });

  it('unfolds a fold that is open', () => {
    const rows = diffRows(lines, 2, new Set([0]));
    expect(rows.filter((r) => r.type === 'fold')).toEqual([]);
    expect(rows).toHaveLength(lines.length);
  });

  it('shows a single far line rather than folding it', () => {
    const rows = diffRows([eq('a'), eq('b'), eq('c'), { kind: 'INSERT', after: 'd' }], 2);
    expect(rows.map((r) => r.type)).toEqual(['line', 'line', 'line', 'line']);
  });

  it('marks the words of a changed line', () => {
    const row = diffRows(lines, 2).find((r) => r.type === 'line' && r.kind === 'CHANGE');
    expect(row && row.type === 'line' && row.words).toEqual({
      before: [
        { text: 'Đồng chí phát biểu ', kind: 'same' },
        { text: '[…]', kind: 'del' },
      ],
      after: [
        { text: 'Đồng chí phát biểu ', kind: 'same' },
        { text: 'về tiến độ giải ngân.', kind: 'ins' },
      ],
    });
  });

  it('reads a line of unknown kind from its sides', () => {
    const rows = diffRows([{ kind: 'X', after: 'mới' }, { kind: 'X', before: 'cũ' }, { kind: 'X', before: 'a', after: 'b' }]);
    expect(rows.map((r) => (r.type === 'line' ? r.kind : r.type))).toEqual(['INSERT', 'DELETE', 'CHANGE']);
  });

  it('has nothing to show for nothing', () => {
    expect(diffRows([])).toEqual([]);
  });
});

describe('wordDiff', () => {
  it('keeps what both share and marks the rest on each side', () => {
    expect(wordDiff('giao Sở Tài chính', 'giao Sở Kế hoạch')).toEqual({
      before: [
        { text: 'giao Sở ', kind: 'same' },
        { text: 'Tài chính', kind: 'del' },
      ],
      after: [
        { text: 'giao Sở ', kind: 'same' },
        { text: 'Kế hoạch', kind: 'ins' },
      ],
    });
  });

  it('rebuilds each side exactly', () => {
    const a = 'Đồng chí  Nguyễn Văn An chủ trì cuộc họp';
    const b = 'Đồng chí Trần Thị Bình chủ trì  phiên họp';
    const d = wordDiff(a, b);
    expect(d.before.map((s) => s.text).join('')).toBe(a);
    expect(d.after.map((s) => s.text).join('')).toBe(b);
    expect(d.before.every((s) => s.kind !== 'ins')).toBe(true);
    expect(d.after.every((s) => s.kind !== 'del')).toBe(true);
  });

  it('gives up on words for very long lines', () => {
    const long = Array.from({ length: 600 }, (_, i) => `w${i}`).join(' ');
    const other = Array.from({ length: 600 }, (_, i) => `v${i}`).join(' ');
    expect(wordDiff(long, other)).toEqual({ before: [{ text: long, kind: 'del' }], after: [{ text: other, kind: 'ins' }] });
  });
});
