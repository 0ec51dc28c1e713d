import { useState } from 'react';

/** Rows per page of the lists inside a meeting's tabs (people, rooms, roll call). */
export const TAB_PAGE_SIZE = 20;

export type PagedFilters = Record<string, string>;

/**
 * Search, filters and paging of a list inside a meeting tab. The server pages and filters; this
 * only keeps the choices (in memory: a tab holds several lists, the address bar keeps the tab).
 * Any change other than the page itself goes back to the first page.
 */
export function usePagedList<F extends PagedFilters>(initial: F, size = TAB_PAGE_SIZE) {
  const [state, setState] = useState({ filters: initial, page: 0, size });
  return {
    filters: state.filters,
    page: state.page,
    size: state.size,
    /** the list query's parameters (empty filters left out) */
    params: {
      ...Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v !== '')),
      page: state.page,
      size: state.size,
    } as Partial<F> & { page: number; size: number },
    setFilter: (name: keyof F, value: string) =>
      setState((s) => (s.filters[name] === value ? s : { ...s, filters: { ...s.filters, [name]: value }, page: 0 })),
    setPage: (page: number) => setState((s) => ({ ...s, page })),
    setSize: (next: number) => setState((s) => ({ ...s, size: next, page: 0 })),
  };
}
