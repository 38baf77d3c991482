import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from '../../../components/ui/local-link';
import { formatDateTime, formatYear } from '../../../lib/format';
import type { Notification } from '../api/notifications-api';
import { notificationTarget, SENTENCE_KEY } from '../utils/notification-target';

/**
 * The reader's notifications, newest first: one sentence per step, linking
 * to where to act (opening it marks it read), with the comment given and the
 * date. Unread ones say so in words and bold, with a dot beside them.
 */
export function NotificationList(props: {
  items: readonly Notification[];
  locale: string;
  onOpen: (notification: Notification) => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <ol className="notification-list" data-testid="notification-list">
      {props.items.map((n) => (
        <li
          key={n.id}
          className={`notification${n.read ? '' : ' notification--unread'}`}
          data-testid="notification"
        >
          <p className="notification__meta">
            {!n.read && (
              <span className="notification__unread">
                <span className="notification__dot" aria-hidden="true">
                  ●
                </span>
                {t('notifications.unread')}
              </span>
            )}
            <time dateTime={n.at}>{formatDateTime(n.at, props.locale)}</time>
          </p>
          <p className="notification__text">
            <LocalLink
              to={notificationTarget(n)}
              className="notification__link"
              onClick={() => {
                if (!n.read) props.onOpen(n);
              }}
            >
              {t(SENTENCE_KEY[n.kind], {
                actor: n.actor,
                city: n.city.name,
                year: formatYear(n.year),
                network: n.network.name,
              })}
            </LocalLink>
            {n.comment !== null && n.comment !== '' && (
              <span className="notification__comment">
                {t('notifications.comment', { comment: n.comment })}
              </span>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
