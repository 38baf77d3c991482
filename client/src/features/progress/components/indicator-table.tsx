import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@api/progress.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { Sparkline } from '../../../components/ui/sparkline';
import { StatusBadge } from '../../../components/ui/status-badge';
import { formatShare, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import {
  formatDifference,
  formatIndicatorValue,
  sparkPoints,
  formatStoredIndicatorValue,
} from '../utils/describe';
import { Term } from '../../../components/ui/term';
import { TableScroll } from '../../../components/ui/table-scroll';
import { SyntheticBadge } from '../../../components/ui/synthetic-badge';
import { FlagLegend } from '../../../components/ui/value-flags';
import { flagsPresent, type ValueFlag } from '../../../lib/series';
import { LatestCell, TargetCell } from './value-cells';

/** The action gap at the target year in units and as a share of the ambition. */
export function GapCell({ indicator }: { indicator: IndicatorProgress }): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const gap = indicator.actionGap;
  if (indicator.ambition === null) return <span className="muted">{t('progress.noTarget')}</span>;
  if (gap === null || gap.gap === null) return <span className="muted">—</span>;
  if (gap.gap <= 0) return <>{t('progress.noGap')}</>;
  return (
    <>
      {formatDifference(indicator, gap.gap, lang, t('terms.ppShort'))}
      {gap.gapShare !== null && (
        <span className="muted small">
          {' '}
          ({t('progress.ofAmbition', { share: formatShare(gap.gapShare, lang) })})
        </span>
      )}
    </>
  );
}

/**
 * Indicators as a table: latest value, target, status, trend and action gap —
 * the same numbers as the charts, readable without them.
 */
export function IndicatorTable({
  city,
  indicators,
  year,
  caption,
  showGoal = false,
  synthetic,
  flagsOf,
}: {
  city: string;
  indicators: readonly IndicatorProgress[];
  year: number | undefined;
  caption: string;
  showGoal?: boolean;
  /** Indicators to mark as synthetic. */
  synthetic?: ReadonlySet<string>;
  /** The statistical flags of a value, shown after it. */
  flagsOf?: (indicator: string, year: number) => readonly ValueFlag[];
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sparklineLabel = (indicator: IndicatorProgress): string => {
    const first = indicator.series[0];
    const last = indicator.series[indicator.series.length - 1];
    if (first === undefined || last === undefined) return t('progress.noData');
    return t('progress.sparklineLabel', {
      from: formatIndicatorValue(indicator, first.value, lang),
      fromYear: formatYear(first.year),
      to: formatIndicatorValue(indicator, last.value, lang),
      toYear: formatYear(last.year),
    });
  };
  const latestFlags = (indicator: IndicatorProgress): readonly ValueFlag[] =>
    indicator.latest === null || flagsOf === undefined
      ? []
      : flagsOf(indicator.slug, indicator.latest.year);
  return (
    <>
      <TableScroll label={caption}>
        <table className="table indicator-table" data-testid="indicator-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress.indicator')}</th>
              {showGoal && (
                <th scope="col" className="num">
                  {t('progress.goal')}
                </th>
              )}
              <th scope="col" className="num">
                {t('progress.latest')}
              </th>
              <th scope="col" className="num">
                {t('progress.target')}
              </th>
              <th scope="col">{t('progress.status')}</th>
              <th scope="col">{t('progress.trend')}</th>
              <th scope="col" className="num">
                <Term
                  term={t('progress.gapAtTarget')}
                  explanation={t('terms.gap')}
                  anchor="reading-gap"
                >
                  {t('progress.gapAtTarget')}
                </Term>
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.slug}>
                <th scope="row">
                  <LocalLink to={withYear(`/cities/${city}/indicators/${indicator.slug}`, year)}>
                    {indicator.name}
                  </LocalLink>
                  {indicator.unit !== '' && (
                    <span className="muted small"> ({indicator.unit})</span>
                  )}
                  {synthetic?.has(indicator.slug) === true && (
                    <>
                      {' '}
                      <SyntheticBadge />
                    </>
                  )}
                </th>
                {showGoal && <td className="num">{indicator.goal ?? '—'}</td>}
                <LatestCell
                  latest={indicator.latest}
                  format={(v) => formatStoredIndicatorValue(indicator, v, lang)}
                  flags={latestFlags(indicator)}
                  stale={indicator.stale}
                />
                <TargetCell
                  ambition={indicator.ambition}
                  format={(v) => formatStoredIndicatorValue(indicator, v, lang)}
                />
                <td>
                  <StatusBadge status={indicator.status} />
                </td>
                <td>
                  <Sparkline
                    points={sparkPoints(indicator.series)}
                    label={sparklineLabel(indicator)}
                  />
                </td>
                <td className="num">
                  <GapCell indicator={indicator} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <FlagLegend flags={flagsPresent(indicators.map((i) => ({ flags: latestFlags(i) })))} />
    </>
  );
}
