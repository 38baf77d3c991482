import type { Notification, NotificationKind } from '../api/notifications-api';

/** The i18n key of each kind's sentence ("{{actor}} returned {{city}}’s {{year}} figures…"). */
export const SENTENCE_KEY = {
  'review.submitted': 'notifications.sentence.submitted',
  'review.withdrawn': 'notifications.sentence.withdrawn',
  'review.returned': 'notifications.sentence.returned',
  'review.approved': 'notifications.sentence.approved',
  'review.reopened': 'notifications.sentence.reopened',
} as const satisfies Record<NotificationKind, string>;

/**
 * Where the reader acts on a notification: a coordinator (told of a
 * submission or withdrawal) goes to the network's review queue; an editor
 * (told of a return, approval or reopening) to the review of that year in
 * the city's workspace.
 */
export function notificationTarget(n: Notification): string {
  const enc = encodeURIComponent;
  switch (n.kind) {
    case 'review.submitted':
    case 'review.withdrawn':
      return `/networks/${enc(n.network.slug)}/review`;
    case 'review.returned':
    case 'review.approved':
    case 'review.reopened':
      return `/cities/${enc(n.city.slug)}/workspace?network=${enc(n.network.slug)}&tab=review&year=${n.year}`;
  }
}
