import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProgressResponse, IndicatorProgress } from '@api/progress.schema';
import { EmptyState } from '../../../components/ui/query-state';
import { LocalLink } from '../../../components/ui/local-link';
import { StatusBadge } from '../../../components/ui/status-badge';
import { SyntheticBadge } from '../../../components/ui/synthetic-badge';
import { FLAG_LETTER } from '../../../components/ui/value-flags';
import type { ValueFlag } from '../../../lib/series';
import { formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import { formatStoredIndicatorValue } from '../utils/describe';
import { RateChange } from './rate-change';
import { AmbitionPendingMark } from './ambition-pending';
import { GapSentence } from './gap-sentence';
import { MiniGapChart, MiniGapLegend } from './mini-gap-chart';
import { WithActionsSentence } from './progress-summary';

/** A value with its flags' letters ("38.0% e"): inside a sentence, the legend explains them. */
function withLetters(text: string, flags: readonly ValueFlag[]): string {
  return flags.length === 0 ? text : `${text}\u00a0${flags.map((f) => FLAG_LETTER[f]).join('')}`;
}

function bySlug(progress: CityProgressResponse): Map<string, IndicatorProgress> {
  return new Map(progress.indicators.map((i) => [i.slug, i]));
}

/**
 * The largest action gaps: a small chart and one plain sentence each, with
 * what the planned actions change where one counts (on the city page; the
 * brief lists the actions themselves).
 */
export function LargestGaps({
  progress,
  year,
  compact = false,
  synthetic,
}: {
  progress: CityProgressResponse;
  year: number | undefined;
  compact?: boolean;
  /** Indicators to mark as synthetic. */
  synthetic?: ReadonlySet<string>;
}): ReactNode {
  const { t } = useTranslation();
  const indicators = bySlug(progress);
  const charts = new Map(progress.gapCharts.map((c) => [c.indicator, c.points]));
  const gaps = progress.largestGaps.flatMap((slug) => {
    const indicator = indicators.get(slug);
    return indicator === undefined ? [] : [indicator];
  });
  if (gaps.length === 0) return <EmptyState>{t('progress.noGaps')}</EmptyState>;
  const withActions = gaps.some((i) =>
    (charts.get(i.slug) ?? []).some((p) => (p.withActions ?? null) !== null),
  );
  return (
    <>
      <MiniGapLegend withActions={withActions} />
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
                    to={withYear(
                      `/cities/${progress.city.slug}/indicators/${indicator.slug}`,
                      year,
                    )}
                  >
                    {indicator.name}
                  </LocalLink>
                )}
                {synthetic?.has(indicator.slug) === true && (
                  <>
                    {' '}
                    <SyntheticBadge />
                  </>
                )}
              </h3>
              <p className="gap-card__sentence">
                <GapSentence indicator={indicator} withName={false} />
                {!(indicator.ambition?.approved ?? true) && (
                  <>
                    {' '}
                    <AmbitionPendingMark ambition={indicator.ambition} />
                  </>
                )}
                {!compact && (
                  <>
                    {' '}
                    <WithActionsSentence progress={indicator} />
                  </>
                )}
              </p>
              <StatusBadge status={indicator.status} />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The strongest improvements: growth per year in the desired direction. */
export function StrongestImprovements({
  progress,
  year,
  compact = false,
  synthetic,
  flagsOf,
}: {
  progress: CityProgressResponse;
  year: number | undefined;
  compact?: boolean;
  /** Indicators to mark as synthetic. */
  synthetic?: ReadonlySet<string>;
  /** The statistical flags of a value, shown as letters after it. */
  flagsOf?: (indicator: string, year: number) => readonly ValueFlag[];
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const indicators = bySlug(progress);
  const items = progress.strongestImprovements.flatMap((slug) => {
    const indicator = indicators.get(slug);
    return indicator === undefined ? [] : [indicator];
  });
  if (items.length === 0) return <EmptyState>{t('progress.noImprovements')}</EmptyState>;
  const flags = (slug: string, y: number): readonly ValueFlag[] => flagsOf?.(slug, y) ?? [];
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
          {synthetic?.has(indicator.slug) === true && (
            <>
              {' '}
              <SyntheticBadge />
            </>
          )}
          {': '}
          {indicator.components.baselineYear !== null &&
          indicator.components.baselineValue !== null &&
          indicator.latest !== null
            ? t('rates.fromTo', {
                from: withLetters(
                  formatStoredIndicatorValue(indicator, indicator.components.baselineValue, lang),
                  flags(indicator.slug, indicator.components.baselineYear),
                ),
                fromYear: formatYear(indicator.components.baselineYear),
                to: withLetters(
                  formatStoredIndicatorValue(indicator, indicator.latest.value, lang),
                  flags(indicator.slug, indicator.latest.year),
                ),
                toYear: formatYear(indicator.latest.year),
              })
            : null}
          {indicator.components.observedRate !== null && (
            <>
              {' '}
              <RateChange
                rate={indicator.components.observedRate}
                trend={indicator.trend}
                unit={indicator.unit}
                decimals={indicator.decimals}
                direction={indicator.direction}
              />
            </>
          )}{' '}
          <StatusBadge status={indicator.status} />
        </li>
      ))}
    </ol>
  );
}
