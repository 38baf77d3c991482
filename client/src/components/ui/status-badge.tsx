import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressStatusValue } from '@api/progress.schema';
import { STATUS_META, TREND_META } from './status-meta';

/** A progress status as icon + word (the word can be visually hidden in dense tables, never dropped). */
export function StatusBadge({
  status,
  compact = false,
}: {
  status: ProgressStatusValue | 'stale';
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const meta = STATUS_META[status];
  const label = t(`status.${status}`);
  return (
    <span
      className={`status status--${meta.tone}${compact ? ' status--compact' : ''}`}
      title={compact ? label : undefined}
    >
      <span className="status__icon" aria-hidden="true">
        {meta.icon}
      </span>
      <span className={compact ? 'visually-hidden' : 'status__label'}>{label}</span>
    </span>
  );
}

/** An SDSN trend arrow with its meaning for screen readers and on hover. */
export function TrendArrow({ trend }: { trend: string | null }): ReactNode {
  const { t } = useTranslation();
  if (trend === null)
    return (
      <span className="muted" aria-label={t('trend.none')}>
        –
      </span>
    );
  const label = t(`trend.${trend}`);
  return (
    <span className={`trend trend--${trend}`} title={label}>
      <span aria-hidden="true">{TREND_META[trend]?.icon ?? '?'}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
