import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { MeetingPage, MeetingSummary } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';

export type MeetingListParams = {
  scope?: 'mine' | 'all';
  q?: string;
  status?: string;
  unitId?: string;
  /** yyyy-MM-dd: meetings ending on or after */
  from?: string;
  /** yyyy-MM-dd: meetings starting on or before */
  to?: string;
  page?: number;
  size?: number;
};

/** GET /api/meetings (sorted by start, ascending). */
export const meetingsQuery = (params: MeetingListParams) =>
  queryOptions({
    queryKey: queryKeys.meetings.list(params),
    queryFn: ({ signal }) => api.get<MeetingPage>('/api/meetings', params, signal),
    placeholderData: keepPreviousData,
  });

/**
 * One page of meetings, newest first ("Đã qua"). The API sorts by start ascending, so the page is
 * cut out of the end of the list (at most two server pages) and reversed.
 */
export async function fetchNewestFirst(query: Query, page: number, size: number, signal?: AbortSignal): Promise<MeetingPage> {
  const head = await api.get<MeetingPage>('/api/meetings', { ...query, page: 0, size: 1 }, signal);
  const total = head.total ?? 0;
  const end = total - page * size; // exclusive, ascending index
  const start = Math.max(0, end - size);
  if (end <= 0) return { items: [], total, page, size };
  const first = Math.floor(start / size);
  const last = Math.floor((end - 1) / size);
  const items: MeetingSummary[] = [];
  for (let p = first; p <= last; p++) {
    const part = await api.get<MeetingPage>('/api/meetings', { ...query, page: p, size }, signal);
    const offset = p * size;
    (part.items ?? []).forEach((m, i) => {
      const idx = offset + i;
      if (idx >= start && idx < end) items.push(m);
    });
  }
  return { items: items.reverse(), total, page, size };
}

/** A page of {@link fetchNewestFirst}. */
export const meetingsNewestFirstQuery = (params: MeetingListParams & { page: number; size: number }) =>
  queryOptions({
    queryKey: queryKeys.meetings.list({ ...params, order: 'newest' }),
    queryFn: ({ signal }) => {
      const { page, size, ...query } = params;
      return fetchNewestFirst(query, page, size, signal);
    },
    placeholderData: keepPreviousData,
  });
