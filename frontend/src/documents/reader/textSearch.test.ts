import { describe, expect, it } from 'vitest';
import { findAll, foldChar, foldQuery, foldWithMap, pageText, searchPage } from './textSearch';

describe('folding', () => {
  it('drops Vietnamese diacritics, đ becomes d, lower case', () => {
    expect(foldChar('Ế')).toBe('e');
    expect(foldChar('ữ')).toBe('u');
    expect(foldChar('Đ')).toBe('d');
    expect(foldChar('đ')).toBe('d');
    expect(foldQuery('  Ủy   ban NHÂN dân ')).toBe('uy ban nhan dan');
    expect(foldQuery('Đồng Tháp')).toBe('dong thap');
  });

  it('maps folded characters back to the source, also for decomposed text (NFD input)', () => {
    const nfd = 'Hà Nội'.normalize('NFD');
    const f = foldWithMap(nfd);
    expect(f.text).toBe('ha noi');
    expect(f.map).toHaveLength(f.text.length);
    // "noi" starts where "N" is in the source
    expect(nfd[f.map[3] ?? -1]).toBe('N');
  });

  it('collapses white space and keeps no leading space', () => {
    expect(foldWithMap('  a \n\t b').text).toBe('a b');
  });
});

describe('findAll', () => {
  it('finds a word typed without diacritics, returning the source range', () => {
    const source = 'Báo cáo tình hình kinh tế - xã hội năm 2026';
    const hits = findAll(foldWithMap(source), 'kinh te');
    expect(hits).toHaveLength(1);
    expect(source.slice(hits[0]?.start, hits[0]?.end)).toBe('kinh tế');
  });

  it('finds typed diacritics too, and every occurrence', () => {
    const source = 'Nghị quyết số 12; nghị quyết số 13; NGHỊ QUYẾT';
    expect(findAll(foldWithMap(source), 'nghị quyết')).toHaveLength(3);
    expect(findAll(foldWithMap(source), 'NGHI QUYET')).toHaveLength(3);
  });

  it('finds nothing for an empty query', () => {
    expect(findAll(foldWithMap('abc'), '   ')).toEqual([]);
  });

  it('matches đ typed as d and as đ', () => {
    const source = 'Đại biểu Hội đồng nhân dân';
    expect(findAll(foldWithMap(source), 'dai bieu hoi dong')).toHaveLength(1);
    expect(findAll(foldWithMap(source), 'Hội Đồng')).toHaveLength(1);
  });
});

describe('searchPage', () => {
  const items = [{ str: 'Ủy ban nhân dân', hasEOL: true }, { str: 'tỉnh Đồng Tháp' }, { str: ' báo cáo' }];

  it('joins lines with a space and names the items a hit spans', () => {
    const text = pageText(items);
    expect(text.source).toBe('Ủy ban nhân dân tỉnh Đồng Tháp báo cáo');
    const hits = searchPage(3, items, 'dan tinh dong');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.page).toBe(3);
    expect(hits[0]?.ranges).toEqual([
      { item: 0, from: 12, to: 15 },
      { item: 1, from: 0, to: 9 },
    ]);
    expect(hits[0]?.excerpt).toContain('dân tỉnh Đồng');
  });

  it('finds nothing where the words are not', () => {
    expect(searchPage(1, items, 'ha noi')).toEqual([]);
  });
});
