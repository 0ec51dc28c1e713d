import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, pathId } from '../../api/client';
import type { AppNotification, Id, NotificationPage } from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';

/**
 * The bell listens to the personal live channel (/ws/me), which says when the notifications change;
 * while that channel is down it asks for the unread count this often instead.
 */
export const UNREAD_FALLBACK_MS = 60_000;
const LIST_PARAMS = { size: 20 };

/** GET /api/notifications/unread-count */
export const unreadCountQuery = () =>
  queryOptions({
    queryKey: queryKeys.notifications.unreadCount(),
    queryFn: ({ signal }) => api.get<{ unread?: number }>('/api/notifications/unread-count', undefined, signal),
    select: (r) => r?.unread ?? 0,
  });

/** GET /api/notifications?size=20: the latest notifications, loaded when the bell opens. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: queryKeys.notifications.list(LIST_PARAMS),
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/notifications', LIST_PARAMS, signal),
  });

type Patch = (n: AppNotification) => AppNotification;

/** Apply a change to the cached list and count at once (the server is told in the background). */
function patchCache(queryClient: ReturnType<typeof useQueryClient>, patch: Patch, unread: (n: number) => number) {
  queryClient.setQueryData(queryKeys.notifications.list(LIST_PARAMS), (page: NotificationPage | undefined) =>
    page ? { ...page, items: page.items?.map(patch), unread: unread(page.unread ?? 0) } : page,
  );
  queryClient.setQueryData(queryKeys.notifications.unreadCount(), (r: { unread?: number } | undefined) =>
    r ? { ...r, unread: unread(r.unread ?? 0) } : r,
  );
}

/** POST /api/notifications/{id}/read; the bell shows it read at once. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id | undefined) => api.post(`/api/notifications/${pathId(id)}/read`),
    onMutate: (id) =>
      patchCache(queryClient, (n) => (n.id === id ? { ...n, read: true } : n), (c) => Math.max(0, c - 1)),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all() }),
  });
}

/** POST /api/notifications/read-all. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => patchCache(queryClient, (n) => ({ ...n, read: true }), () => 0),
  });
}
