import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalNavLink } from '../../../components/ui/local-link';
import { useLanguage } from '../../../lib/i18n/use-language';
import { formatInteger } from '../../../lib/format';
import { useSession } from '../../auth/api/auth-api';
import { useUnreadCount } from '../api/notifications-api';

/** A bell, drawn so it looks the same everywhere (no emoji font needed). */
export function BellIcon(): ReactNode {
  return (
    <svg
      className="notifications-link__icon"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 16a.7.7 0 0 0 .6 1h14.2a.7.7 0 0 0 .6-1L18 12.6V9a6 6 0 0 0-6-6Zm-2.4 15.5a2.5 2.5 0 0 0 4.8 0Z"
        fill="currentColor"
      />
    </svg>
  );
}

/**
 * Header link to the notifications page, for a signed-in reader: a bell with
 * the unread count as a number in a badge (not a colour), the count also in
 * the link's name and tooltip ("Notifications, 3 unread").
 */
export function NotificationsLink(): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const signedIn = (session.data?.user ?? null) !== null;
  const count = useUnreadCount(signedIn);
  if (!signedIn) return null;
  const unread = count.data?.unread ?? 0;
  const name =
    unread === 0 ? t('notifications.linkNone') : t('notifications.linkUnread', { count: unread });
  return (
    <LocalNavLink
      to="/notifications"
      className="notifications-link"
      aria-label={name}
      title={name}
      data-testid="notifications-link"
    >
      <BellIcon />
      {/* The header has no room for the word next to the account in every language: the bell,
          the number and the tooltip show it; the link's name says it all. */}
      {unread > 0 && (
        <span className="notifications-link__badge" data-testid="notifications-badge">
          {unread > 99 ? '99+' : formatInteger(unread, lang)}
        </span>
      )}
    </LocalNavLink>
  );
}
