import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse, IndicatorProgress } from '@api/progress.schema';
import { EmptyState } from '../../../components/ui/query-state';
import { LocalLink } from '../../../components/ui/local-link';
import { StatusBadge } from '../../../components/ui/status-badge';
import { formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import { formatIndicatorValue, formatRate } from '../utils/describe';
import { GapSentence } from './gap-sentence';
import { MiniGapChart } from './mini-gap-chart';

function bySlug(progress: CityProgressResponse): Map<string, IndicatorProgress> {
  return new Map(progress.indicators.map((i) => [i.slug, i]));
}

/** The largest action gaps: a small chart and one plain sentence each. */
export function LargestGaps({
  progress,
  year,
  compact = false,
}: {
  progress: CityProgressResponse;
  year: number | undefined;
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const indicators = bySlug(progress);
  const charts = new Map(progress.gapCharts.map((c) => [c.indicator, c.points]));
  const gaps = progress.largestGaps.flatMap((slug) => {
    const indicator = indicators.get(slug);
    return indicator === undefined ? [] : [indicator];
  });
  if (gaps.length === 0) return <EmptyState>{t('progress.noGaps')}</EmptyState>;
  return (
    <ol className="gap-list" data-testid="largest-gaps">
      {gaps.map((indicator) => (
        <li key={indicator.slug} className="gap-card">
          <MiniGapChart
            points={charts.get(indicator.slug) ?? []}
            width={compact ? 96 : 160}
            height={compact ? 40 : 64}
          />
          <div className="gap-card__text">
            <h3 className="gap-card__title">
              {compact ? (
                indicator.name
              ) : (
                <LocalLink
                  to={withYear(`/cities/${progress.city.slug}/indicators/${indicator.slug}`, year)}
                >
                  {indicator.name}
                </LocalLink>
              )}
            </h3>
            <p className="gap-card__sentence">
              <GapSentence indicator={indicator} withName={false} />
            </p>
            <StatusBadge status={indicator.status} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The strongest improvements: growth per year in the desired direction. */
export function StrongestImprovements({
  progress,
  year,
  compact = false,
}: {
  progress: CityProgressResponse;
  year: number | undefined;
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const indicators = bySlug(progress);
  const items = progress.strongestImprovements.flatMap((slug) => {
    const indicator = indicators.get(slug);
    return indicator === undefined ? [] : [indicator];
  });
  if (items.length === 0) return <EmptyState>{t('progress.noImprovements')}</EmptyState>;
  return (
    <ol className="improvement-list" data-testid="strongest-improvements">
      {items.map((indicator) => (
        <li key={indicator.slug}>
          {compact ? (
            <strong>{indicator.name}</strong>
          ) : (
            <LocalLink
              to={withYear(`/cities/${progress.city.slug}/indicators/${indicator.slug}`, year)}
            >
              {indicator.name}
            </LocalLink>
          )}
          {': '}
          {indicator.components.baselineYear !== null &&
          indicator.components.baselineValue !== null &&
          indicator.latest !== null
            ? t('progress.improvementSentence', {
                from: formatIndicatorValue(indicator, indicator.components.baselineValue, lang),
                fromYear: formatYear(indicator.components.baselineYear),
                to: formatIndicatorValue(indicator, indicator.latest.value, lang),
                toYear: formatYear(indicator.latest.year),
                rate:
                  indicator.components.observedRate === null
                    ? '—'
                    : formatRate(
                        indicator.components.observedRate,
                        indicator.trend,
                        indicator.unit,
                        indicator.decimals,
                        lang,
                        t('progress.percentagePoints'),
                      ),
              })
            : null}{' '}
          <StatusBadge status={indicator.status} />
        </li>
      ))}
    </ol>
  );
}
