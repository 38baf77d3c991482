import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button';
import { LocalLink } from '../../components/ui/local-link';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useSession } from '../../features/auth/api/auth-api';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
} from '../../features/notifications/api/notifications-api';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { useLanguage } from '../../lib/i18n/use-language';
import { useSearchParam } from '../../lib/url-state';

/**
 * The reader's notifications of review steps (issue 17, item 11): newest
 * first, unread ones marked, each linking to where to act; "Only unread"
 * is in the URL (`?unread=true`), so a copied link keeps it.
 */
export function NotificationsPage(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const [unreadParam, setUnreadParam] = useSearchParam('unread');
  // The box follows a click at once: the URL changes a moment later (a router navigation),
  // and a controlled box would otherwise spring back until it has.
  // The click is remembered with the URL it was made on; once the URL has changed, it decides.
  const [choice, setChoice] = useState<{ on: string | null; value: boolean } | null>(null);
  const unreadOnly =
    choice !== null && choice.on === unreadParam ? choice.value : unreadParam === 'true';
  const signedIn = (session.data?.user ?? null) !== null;
  const list = useNotifications(unreadOnly, signedIn);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useDocumentTitle(t('notifications.title'));

  if (session.data?.user === null)
    return (
      <>
        <h1>{t('notifications.title')}</h1>
        <p>
          {t('notifications.signInFirst')}{' '}
          <LocalLink to={`/sign-in?next=${encodeURIComponent('/notifications')}`}>
            {t('auth.signIn')}
          </LocalLink>
        </p>
      </>
    );

  const unread = list.data?.unread ?? 0;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p className="lead">{t('notifications.lead')}</p>
      <div className="notifications-toolbar">
        <label className="notifications-toolbar__filter">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => {
              setChoice({ on: unreadParam, value: event.target.checked });
              setUnreadParam(event.target.checked ? 'true' : undefined);
            }}
          />
          {t('notifications.onlyUnread')}
        </label>
        <Button
          variant="secondary"
          size="small"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => {
            setMessage(null);
            markAll.mutate(undefined, {
              onSuccess: () => setMessage({ text: t('notifications.allRead'), error: false }),
              onError: (err) => setMessage({ text: err.message, error: true }),
            });
          }}
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <p
        role={message?.error === true ? 'alert' : 'status'}
        className={message?.error === true ? 'field-error' : 'notifications-status'}
      >
        {message?.text ??
          (list.data === undefined ? '' : t('notifications.unreadCount', { count: unread }))}
      </p>
      {list.isPending ? (
        <LoadingState lines={4} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>
          {unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}
        </EmptyState>
      ) : (
        <NotificationList
          items={list.data.items}
          locale={lang}
          onOpen={(n) => markRead.mutate(n.id)}
        />
      )}
    </>
  );
}
