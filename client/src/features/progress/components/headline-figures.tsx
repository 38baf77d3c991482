import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse } from '@api/progress.schema';
import { formatShare, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { freshness, onTrackCount } from '../utils/describe';

/** The figures a mayor quotes: on track, needing acceleration, deteriorating, coverage, freshness. */
export function HeadlineFigures({ progress }: { progress: CityProgressResponse }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { summary } = progress;
  const counts = summary.statusCounts;
  const total = summary.indicatorCount;
  const fresh = freshness(progress.indicators);
  return (
    <dl className="headline" data-testid="headline">
      <div className="headline__item headline__item--good">
        <dt>{t('progress.headlineOnTrack')}</dt>
        <dd>{t('progress.countOf', { count: onTrackCount(counts), total })}</dd>
      </div>
      <div className="headline__item headline__item--warn">
        <dt>{t('progress.headlineAcceleration')}</dt>
        <dd>
          {t('progress.countOf', {
            count: counts.acceleration_needed + counts.limited_progress,
            total,
          })}
        </dd>
      </div>
      <div className="headline__item headline__item--bad">
        <dt>{t('progress.headlineDeterioration')}</dt>
        <dd>{t('progress.countOf', { count: counts.deterioration, total })}</dd>
      </div>
      <div className="headline__item">
        <dt>{t('progress.headlineCoverage')}</dt>
        <dd>
          {t('progress.countOf', { count: summary.currentCount, total })}
          {summary.coverage !== null && (
            <span className="muted small"> ({formatShare(summary.coverage, lang)})</span>
          )}
        </dd>
      </div>
      <div className="headline__item">
        <dt>{t('progress.headlineFreshness')}</dt>
        <dd>
          {fresh.newest === null
            ? '—'
            : fresh.oldest === fresh.newest
              ? formatYear(fresh.newest)
              : t('progress.yearSpan', {
                  first: formatYear(fresh.oldest ?? fresh.newest),
                  last: formatYear(fresh.newest),
                })}
        </dd>
      </div>
    </dl>
  );
}
