// Text search in a PDF that also finds words typed without Vietnamese diacritics: both the page's
// text and the query are folded (NFD, combining marks removed, đ → d, lower case, runs of white
// space → one space) and compared; a map from the folded text back to the page's characters turns
// a hit into the text items (and the characters within them) it covers. Pure: no pdf.js, no DOM.

/** One character as search compares it ("Ế" → "e", "Đ" → "d", "A" → "a"); may be "" (a lone mark). */
export function foldChar(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  return c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const SPACE = /\s/u;

/** Folded text with, for each of its characters, the index of the source character it came from. */
export interface FoldedText {
  text: string;
  map: number[];
}

/** Folds `source` character by character, keeping where each folded character came from. */
export function foldWithMap(source: string): FoldedText {
  let text = '';
  const map: number[] = [];
  let lastSpace = true; // no leading space
  // iterate by code point so that a character outside the BMP stays whole
  let i = 0;
  for (const ch of source) {
    if (SPACE.test(ch)) {
      if (!lastSpace) {
        text += ' ';
        map.push(i);
        lastSpace = true;
      }
    } else {
      const folded = foldChar(ch);
      for (const f of folded) {
        text += f;
        map.push(i);
      }
      if (folded) lastSpace = false;
    }
    i += ch.length;
  }
  return { text, map };
}

/** The query as it is compared: folded, trimmed, inner white space collapsed. */
export function foldQuery(query: string): string {
  return foldWithMap(query).text.trim();
}

/** A hit as a range of source characters: [start, end). */
export interface SourceRange {
  start: number;
  end: number;
}

/** Every non-overlapping occurrence of `query` (folded here) in the folded text, as source ranges. */
export function findAll(folded: FoldedText, query: string): SourceRange[] {
  const q = foldQuery(query);
  if (!q) return [];
  const out: SourceRange[] = [];
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(q, from);
    if (at < 0) break;
    const last = at + q.length - 1;
    out.push({ start: folded.map[at] ?? 0, end: (folded.map[last] ?? 0) + 1 });
    from = at + q.length;
  }
  return out;
}

/** A text item as pdf.js's getTextContent gives it (only what search needs). */
export interface TextPiece {
  str: string;
  hasEOL?: boolean;
}

/** A page's text: its items joined (a space after an end of line) and where each item starts. */
export interface PageText {
  source: string;
  /** index in `source` of each item's first character */
  starts: number[];
  folded: FoldedText;
}

export function pageText(items: readonly TextPiece[]): PageText {
  let source = '';
  const starts: number[] = [];
  for (const item of items) {
    starts.push(source.length);
    source += item.str;
    if (item.hasEOL) source += ' ';
  }
  return { source, starts, folded: foldWithMap(source) };
}

/** The part of one text item a hit covers: characters [from, to) of item `item`. */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

export interface PageMatch {
  /** 1-based page number */
  page: number;
  /** position of the hit among the page's hits */
  index: number;
  ranges: ItemRange[];
  /** the words around the hit, as on the page */
  excerpt: string;
}

/** The items (and characters in them) that the source range covers; joins added between items are skipped. */
export function itemRanges(text: PageText, items: readonly TextPiece[], range: SourceRange): ItemRange[] {
  const out: ItemRange[] = [];
  for (let i = 0; i < items.length; i++) {
    const start = text.starts[i] ?? 0;
    const end = start + (items[i]?.str.length ?? 0);
    const from = Math.max(range.start, start);
    const to = Math.min(range.end, end);
    if (to > from) out.push({ item: i, from: from - start, to: to - start });
  }
  return out;
}

const EXCERPT = 40;

/** The hits of `query` on one page. */
export function searchPage(page: number, items: readonly TextPiece[], query: string, text: PageText = pageText(items)): PageMatch[] {
  return findAll(text.folded, query).map((r, index) => {
    const before = text.source.slice(Math.max(0, r.start - EXCERPT), r.start);
    const after = text.source.slice(r.end, r.end + EXCERPT);
    const excerpt = `${r.start > EXCERPT ? '…' : ''}${before}${text.source.slice(r.start, r.end)}${after}${r.end + EXCERPT < text.source.length ? '…' : ''}`;
    return { page, index, ranges: itemRanges(text, items, r), excerpt: excerpt.replace(/\s+/g, ' ') };
  });
}
