import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { PAGE_SIZES } from './Pager';

const DEFAULT_SIZE = 50;

/**
 * List state (q, filters, page, size) kept in the address bar, so a reload or a shared link shows
 * the same page. Changing a filter goes back to the first page.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const rawSize = Number.parseInt(params.get('size') ?? '', 10);
  const size = (PAGE_SIZES as readonly number[]).includes(rawSize) ? rawSize : DEFAULT_SIZE;
  const get = useCallback((name: string): string => params.get(name) ?? '', [params]);

  const update = useCallback(
    (changes: Record<string, string | number | null | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null || v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (!('page' in changes)) next.delete('page');
          if (next.get('page') === '0') next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { page, size, get, update };
}
