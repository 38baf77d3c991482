import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Notification,
  NotificationCount,
  NotificationKind,
  NotificationList,
} from '@api/notification.schema';
import { apiFetch, withQuery } from '../../../lib/api-client';

export type { Notification, NotificationCount, NotificationKind, NotificationList };

/** How many notifications the page asks for (the server's default). */
export const NOTIFICATION_LIMIT = 50;

/** How often the header asks for the unread count while the page is open. */
export const UNREAD_POLL_MS = 60_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (unreadOnly: boolean, limit: number) =>
    [...notificationKeys.lists(), { unreadOnly, limit }] as const,
};

/**
 * The header's unread count: polled every minute and refetched when the
 * window gets focus again (the app's default is not to), so a step someone
 * else took shows up without a reload. Polling stops after a failure (signed
 * out elsewhere) until the next focus.
 */
export const useUnreadCount = (enabled: boolean) =>
  useQuery(
    queryOptions({
      queryKey: notificationKeys.unread(),
      queryFn: ({ signal }) =>
        apiFetch<NotificationCount>('/api/v1/notifications/unread', { signal }),
      enabled,
      staleTime: 10_000,
      refetchInterval: (query) => (query.state.status === 'error' ? false : UNREAD_POLL_MS),
      refetchOnWindowFocus: true,
    }),
  );

/** The reader's notifications, newest first (only the unread ones when asked). */
export const useNotifications = (unreadOnly: boolean, enabled = true, limit = NOTIFICATION_LIMIT) =>
  useQuery(
    queryOptions({
      queryKey: notificationKeys.list(unreadOnly, limit),
      queryFn: ({ signal }) =>
        apiFetch<NotificationList>(
          withQuery('/api/v1/notifications', { unread: unreadOnly ? 'true' : undefined, limit }),
          { signal },
        ),
      enabled,
      refetchOnWindowFocus: true,
    }),
  );

/**
 * Marks one notification (or all) read. The answer is the new unread count:
 * the header shows it at once, and the lists are fetched again. The
 * callbacks live here, not in `mutate()`, so they run even when the page
 * that marked it has been left (opening an item navigates away).
 */
function useMarkMutation<I>(path: (input: I) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) =>
      apiFetch<NotificationCount>(path(input), { method: 'POST', body: {} }),
    onSuccess: (count) => client.setQueryData(notificationKeys.unread(), count),
    // After a failure the count may be stale too: fetch it again with the lists.
    onSettled: (_count, error) =>
      client.invalidateQueries({
        queryKey: error === null ? notificationKeys.lists() : notificationKeys.all,
      }),
  });
}

export const useMarkRead = () =>
  useMarkMutation((id: number) => `/api/v1/notifications/${id}/read`);

export const useMarkAllRead = () => useMarkMutation((_: void) => '/api/v1/notifications/read-all');
