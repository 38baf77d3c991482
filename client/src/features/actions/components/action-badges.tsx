import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, ActionStatus } from '../api/actions-api';

// Icon and word always go with the tone: status is never colour alone.
const STATUS_LOOK: Readonly<Record<ActionStatus, { icon: string; tone: string }>> = {
  planned: { icon: '\u25CB', tone: 'insufficient' }, // ○
  in_progress: { icon: '\u25D0', tone: 'acceleration' }, // ◐
  done: { icon: '\u2714', tone: 'on-track' }, // ✔
  delayed: { icon: '!', tone: 'limited' },
  cancelled: { icon: '\u2715', tone: 'stale' }, // ✕
};

export const ACTION_STATUSES: readonly ActionStatus[] = [
  'planned',
  'in_progress',
  'done',
  'delayed',
  'cancelled',
];

/** Where an action stands, as icon + word. */
export function ActionStatusBadge({ status }: { status: ActionStatus }): ReactNode {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <span className={`status status--${look.tone}`} data-testid="action-status">
      <span className="status__icon" aria-hidden="true">
        {look.icon}
      </span>
      <span className="status__label">{t(`actions.status.${status}`)}</span>
    </span>
  );
}

/** The review state members see: draft (not public yet), submitted, returned. Nothing when published as is. */
export function ReviewBadge({ action }: { action: Action }): ReactNode {
  const { t } = useTranslation();
  const { state, draft } = action.review;
  if (state === 'approved' && !draft) return null;
  const key = state === 'submitted' ? 'submitted' : state === 'returned' ? 'returned' : 'draft';
  return (
    <span className="badge badge--review" data-testid="review-badge">
      {t(`actions.review.${key}`)}
    </span>
  );
}
