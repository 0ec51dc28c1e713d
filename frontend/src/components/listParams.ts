import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { PAGE_SIZES } from './Pager';

export const DEFAULT_PAGE_SIZE = 50;

export type ListChanges = Record<string, string | number | null | undefined>;

/** Page (from 0) and page size of the address bar; unknown sizes fall back to the default. */
export function readPaging(params: URLSearchParams): { page: number; size: number } {
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const rawSize = Number.parseInt(params.get('size') ?? '', 10);
  const size = (PAGE_SIZES as readonly number[]).includes(rawSize) ? rawSize : DEFAULT_PAGE_SIZE;
  return { page, size };
}

/**
 * The address bar after `changes`: empty values are removed, and any change other than the page
 * itself goes back to the first page (page 0 is not written).
 */
export function applyListChanges(prev: URLSearchParams, changes: ListChanges): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
  }
  if (!('page' in changes)) next.delete('page');
  if (next.get('page') === '0') next.delete('page');
  return next;
}

/**
 * List state (q, filters, page, size) kept in the address bar, so a reload or a shared link shows
 * the same page. Changing a filter goes back to the first page.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const { page, size } = readPaging(params);
  const get = useCallback((name: string): string => params.get(name) ?? '', [params]);
  const update = useCallback(
    (changes: ListChanges) => setParams((prev) => applyListChanges(prev, changes), { replace: true }),
    [setParams],
  );
  return { page, size, get, update };
}
