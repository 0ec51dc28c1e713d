// The comparison of two versions of the minutes as the screen shows it: the server's lines (one a
// block of text: EQUAL, INSERT, DELETE, CHANGE) turned into rows, long runs of unchanged lines
// folded away, and inside a changed line the words that changed marked. Pure functions.

import type { MinutesDiffLine } from '../api/types';

export type LineKind = 'EQUAL' | 'INSERT' | 'DELETE' | 'CHANGE';

/** A piece of a changed line: kept, taken out (only in the old text) or put in (only in the new). */
export interface Segment {
  text: string;
  kind: 'same' | 'del' | 'ins';
}

export type DiffRow =
  | {
      type: 'line';
      /** the line's place in the server's list (a stable key) */
      index: number;
      kind: LineKind;
      before: string;
      after: string;
      /** for a CHANGE: the old line's and the new line's pieces */
      words?: { before: Segment[]; after: Segment[] };
    }
  | {
      type: 'fold';
      /** the first folded line's place in the server's list (the fold's key, to unfold it) */
      from: number;
      count: number;
    };

const KINDS: readonly LineKind[] = ['EQUAL', 'INSERT', 'DELETE', 'CHANGE'];

function kindOf(line: MinutesDiffLine): LineKind {
  const k = KINDS.find((x) => x === line.kind);
  if (k) return k;
  // an unknown kind: read it from which side has text
  if (line.before == null) return 'INSERT';
  if (line.after == null) return 'DELETE';
  return line.before === line.after ? 'EQUAL' : 'CHANGE';
}

/**
 * The rows of a comparison. Unchanged lines more than `context` lines away from a change are folded
 * into one row (unless their fold is in `open`, by its `from`); a fold of a single line is not worth
 * it and shows the line.
 */
export function diffRows(lines: readonly MinutesDiffLine[], context = 2, open: ReadonlySet<number> = new Set()): DiffRow[] {
  const kinds = lines.map(kindOf);
  const near = new Array<boolean>(lines.length).fill(false);
  kinds.forEach((k, i) => {
    if (k === 'EQUAL') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) near[j] = true;
  });
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < lines.length) {
    if (kinds[i] === 'EQUAL' && !near[i]) {
      let j = i;
      while (j < lines.length && kinds[j] === 'EQUAL' && !near[j]) j++;
      if (j - i > 1 && !open.has(i)) {
        rows.push({ type: 'fold', from: i, count: j - i });
        i = j;
        continue;
      }
      for (; i < j; i++) rows.push(lineRow(lines[i], kinds[i], i));
      continue;
    }
    rows.push(lineRow(lines[i], kinds[i], i));
    i++;
  }
  return rows;
}

function lineRow(line: MinutesDiffLine, kind: LineKind, index: number): DiffRow {
  const before = line.before ?? '';
  const after = line.after ?? '';
  if (kind === 'CHANGE') return { type: 'line', index, kind, before, after, words: wordDiff(before, after) };
  return { type: 'line', index, kind, before, after };
}

/** Beyond this many word pairs a changed line is shown as a whole (old struck out, new added). */
const MAX_CELLS = 250_000;

/**
 * Words, each with the spaces after it (so that spacing survives, and a space alone never counts
 * as what two different sentences share).
 */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function push(out: Segment[], text: string, kind: Segment['kind']): void {
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ text, kind });
}

/**
 * The words two versions of a line share and those that differ (longest common subsequence over
 * words): the old line's pieces (kept / taken out) and the new line's (kept / put in).
 */
export function wordDiff(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    return {
      before: before ? [{ text: before, kind: 'del' }] : [],
      after: after ? [{ text: after, kind: 'ins' }] : [],
    };
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const left: Segment[] = [];
  const right: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(left, a[i], 'same');
      push(right, b[j], 'same');
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
      push(left, a[i++], 'del');
    } else {
      push(right, b[j++], 'ins');
    }
  }
  for (; i < a.length; i++) push(left, a[i], 'del');
  for (; j < b.length; j++) push(right, b[j], 'ins');
  return { before: left, after: right };
}
