import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressStatusValue } from '@api/progress.schema';
import { STATUS_META, STATUS_ORDER } from './status-meta';

export type StatusCounts = Record<ProgressStatusValue | 'stale', number>;

/**
 * The distribution of statuses as a stacked bar (decorative) and, always, as
 * text: icon, count and word for each status present.
 */
export function DistributionBar({
  counts,
  showLegend = true,
}: {
  counts: StatusCounts;
  showLegend?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const total = STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
  const present = STATUS_ORDER.filter((s) => counts[s] > 0);
  if (total === 0) return <p className="muted small">{t('progress.noIndicators')}</p>;
  return (
    <div className="distribution">
      <div className="distribution__bar" aria-hidden="true">
        {present.map((s) => (
          <span
            key={s}
            className={`distribution__segment status--${STATUS_META[s].tone}`}
            style={{ flexGrow: counts[s] }}
          />
        ))}
      </div>
      <ul className={showLegend ? 'distribution__legend' : 'visually-hidden'}>
        {present.map((s) => (
          <li key={s}>
            <span aria-hidden="true" className={`status__icon status--${STATUS_META[s].tone}`}>
              {STATUS_META[s].icon}
            </span>{' '}
            {t('progress.countStatus', { count: counts[s], status: t(`status.${s}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
