import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, applyListChanges, readPaging } from './listParams';

const params = (s: string) => new URLSearchParams(s);

describe('readPaging', () => {
  it('reads page and size from the address bar', () => {
    expect(readPaging(params('page=3&size=100'))).toEqual({ page: 3, size: 100 });
  });

  it('falls back to the first page and the default size', () => {
    expect(readPaging(params(''))).toEqual({ page: 0, size: DEFAULT_PAGE_SIZE });
    expect(readPaging(params('page=-2&size=7'))).toEqual({ page: 0, size: DEFAULT_PAGE_SIZE });
    expect(readPaging(params('page=abc&size=xyz'))).toEqual({ page: 0, size: DEFAULT_PAGE_SIZE });
  });
});

describe('applyListChanges', () => {
  it('sets and removes filters and goes back to the first page', () => {
    const next = applyListChanges(params('q=dong&page=4&unitId=7'), { q: 'thieu', unitId: '' });
    expect(next.toString()).toBe('q=thieu');
  });

  it('keeps the other filters when only the page changes', () => {
    expect(applyListChanges(params('q=dong&active=true'), { page: 2 }).toString()).toBe('q=dong&active=true&page=2');
  });

  it('does not write page 0', () => {
    expect(applyListChanges(params('q=a&page=3'), { page: 0 }).toString()).toBe('q=a');
  });

  it('treats null and undefined as removal and numbers as text', () => {
    expect(applyListChanges(params('role=CHAIR&size=20'), { role: null, size: undefined, unitId: 12 }).toString()).toBe('unitId=12');
  });

  it('leaves the previous parameters untouched', () => {
    const prev = params('q=a');
    applyListChanges(prev, { q: 'b' });
    expect(prev.toString()).toBe('q=a');
  });
});
