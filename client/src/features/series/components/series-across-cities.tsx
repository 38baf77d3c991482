import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '@api/observation.schema';
import { ChartFigure } from '../../../components/ui/chart-frame';
import { LocalLink } from '../../../components/ui/local-link';
import { EmptyState } from '../../../components/ui/query-state';
import { SourceCell, ValuesTable } from '../../../components/ui/values-table';
import { FlagLegend, FlagMarks } from '../../../components/ui/value-flags';
import { formatNumber, formatValue, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { flagsPresent, seriesParam, type SeriesDimensions } from '../../../lib/series';
import { withYear } from '../../../lib/url-state';
import { latestByCity } from '../utils/across-cities';
import { barsHeight } from '../utils/breakdown';
import { LazyBreakdownBarsChart } from './lazy-breakdown-charts';

/**
 * One series of an indicator compared across cities: each city's latest
 * value of it as bars, best first, and as a table with flags and sources.
 */
export function SeriesAcrossCities({
  values,
  series,
  seriesName,
  indicator,
  cityName,
  year,
}: {
  values: readonly Observation[];
  series: SeriesDimensions;
  seriesName: string;
  indicator: {
    slug: string;
    name: string;
    unit: string;
    decimals: number;
    direction: 'increase' | 'decrease';
  };
  cityName: (slug: string) => string;
  year: number | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { ranked, without } = latestByCity(values, indicator.direction, year, cityName);
  if (ranked.length === 0) return <EmptyState>{t('compare.noValues')}</EmptyState>;
  const value = (v: number): string => formatValue(v, lang, indicator.decimals, indicator.unit);
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  const param = seriesParam(series);
  const link = (city: string): string =>
    withYear(
      `/cities/${city}/indicators/${indicator.slug}${param === undefined ? '' : `?series=${encodeURIComponent(param)}`}`,
      year,
    );
  const caption = t('compare.seriesTableCaption', {
    indicator: indicator.name,
    series: seriesName,
  });
  return (
    <ChartFigure
      testId="compare-series"
      caption={t('compare.seriesCaption', {
        count: ranked.length,
        series: seriesName,
        best: `${cityName(best.city)} (${value(best.value)})`,
        worst: `${cityName(worst.city)} (${value(worst.value)})`,
      })}
      height={barsHeight(ranked.length)}
      chart={
        <LazyBreakdownBarsChart
          bars={ranked.map((v) => ({ label: cityName(v.city), value: v.value }))}
          decimals={indicator.decimals}
          headline={null}
          label={t('chartNames.named', { title: caption })}
        />
      }
      table={
        <>
          <ValuesTable
            caption={caption}
            unit={indicator.unit}
            testId="compare-series-table"
            columns={[
              { label: t('series.rank'), num: true },
              { label: t('network.city') },
              { label: t('series.value'), num: true },
              { label: t('chart.year'), num: true },
              { label: t('series.source') },
            ]}
          >
            {ranked.map((v, i) => (
              <tr key={v.city}>
                <td className="num">{i + 1}</td>
                <th scope="row">
                  <LocalLink to={link(v.city)}>{cityName(v.city)}</LocalLink>
                </th>
                <td className="num">
                  {formatNumber(v.value, lang, indicator.decimals)}
                  <FlagMarks flags={v.flags} />
                </td>
                <td className="num">{formatYear(v.year)}</td>
                <SourceCell source={v.source} />
              </tr>
            ))}
            {without.map((city) => (
              <tr key={city}>
                <td className="num">—</td>
                <th scope="row">{cityName(city)}</th>
                <td className="num muted" colSpan={2}>
                  {t('compare.noValueUntil', { year: formatYear(year ?? 0) })}
                </td>
                <td />
              </tr>
            ))}
          </ValuesTable>
          <FlagLegend flags={flagsPresent(ranked)} />
        </>
      }
    />
  );
}
