import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '@api/observation.schema';
import { ChartFigure } from '../../../components/ui/chart-frame';
import { EmptyState } from '../../../components/ui/query-state';
import { TableScroll } from '../../../components/ui/table-scroll';
import { SourceCell, ValuesTable } from '../../../components/ui/values-table';
import { FlagLegend, FlagMarks } from '../../../components/ui/value-flags';
import { formatNumber, formatValue, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import {
  describeSeries,
  dimensionsOf,
  flagsPresent,
  HEADLINE_KEY,
  type SeriesDimensions,
  type SeriesGroup,
} from '../../../lib/series';
import {
  AREA_CODE_DIMENSION,
  barsHeight,
  breakdown,
  contextFor,
  withoutPairedCodes,
  type Breakdown,
} from '../utils/breakdown';
import {
  LazyBreakdownBarsChart as LazyBarsChart,
  LazyBreakdownLinesChart as LazyLinesChart,
} from './lazy-breakdown-charts';

interface IndicatorInfo {
  name: string;
  unit: string;
  decimals: number;
  direction: 'increase' | 'decrease';
}

function LinesTable({
  data,
  decimals,
  caption,
}: {
  data: Breakdown<Observation>;
  decimals: number;
  caption: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <details className="table-details">
      <summary>{t('chart.showTable')}</summary>
      <TableScroll label={caption}>
        <table className="table table--compact" data-testid="breakdown-lines-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{data.dimension}</th>
              {data.years.map((year) => (
                <th key={year} scope="col" className="num">
                  {formatYear(year)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.members.map((member) => (
              <tr key={member.key}>
                <th scope="row">{member.label}</th>
                {data.years.map((year) => {
                  const v = member.values.find((value) => value.year === year);
                  return (
                    <td key={year} className="num">
                      {v === undefined ? (
                        ''
                      ) : (
                        <>
                          {formatNumber(v.value, lang, decimals)}
                          <FlagMarks flags={v.flags} />
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

function BarsTable({
  data,
  indicator,
  caption,
}: {
  data: Breakdown<Observation>;
  indicator: IndicatorInfo;
  caption: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const number = (v: number): string => formatNumber(v, lang, indicator.decimals);
  return (
    <ValuesTable
      caption={caption}
      unit={indicator.unit}
      testId="breakdown-bars-table"
      columns={[
        { label: t('series.rank'), num: true },
        { label: data.dimension },
        { label: t('series.value'), num: true },
        { label: t('series.source') },
      ]}
    >
      {data.latest.map(({ member, value }, i) => (
        <tr key={member.key}>
          <td className="num">{i + 1}</td>
          <th scope="row">{member.label}</th>
          <td className="num">
            {number(value.value)}
            <FlagMarks flags={value.flags} />
          </td>
          <SourceCell source={value.source} />
        </tr>
      ))}
      {data.missingLatest.map((member) => (
        <tr key={member.key}>
          <td className="num">—</td>
          <th scope="row">{member.label}</th>
          <td className="num muted">
            {t('series.noValueIn', { year: formatYear(data.latestYear ?? 0) })}
          </td>
          <td />
        </tr>
      ))}
      {data.headline !== null && (
        <tr className="reference-row">
          <td className="num" />
          <th scope="row">{t('series.headline')}</th>
          <td className="num">
            {number(data.headline.value)}
            <FlagMarks flags={data.headline.flags} />
          </td>
          <SourceCell source={data.headline.source} />
        </tr>
      )}
    </ValuesTable>
  );
}

/**
 * Breakdowns of an indicator by one dimension (chosen when there are
 * several): its values as lines over the years, and the latest year across
 * them as bars, best first — each with the same numbers as a table.
 */
export function BreakdownSection({
  groups: allGroups,
  chosen: chosenSeries,
  dimension: requested,
  onDimensionChange,
  indicator,
  cityName,
}: {
  groups: ReadonlyArray<SeriesGroup<Observation>>;
  chosen: SeriesDimensions;
  dimension: string | null;
  onDimensionChange: (dimension: string) => void;
  indicator: IndicatorInfo;
  cityName: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  // A district's code beside its name is not a dimension of its own: every
  // district is shown side by side (as on the district map), not one at a time.
  const groups = withoutPairedCodes(allGroups);
  const chosen =
    groups === allGroups
      ? chosenSeries
      : Object.fromEntries(
          Object.entries(chosenSeries).filter(([name]) => name !== AREA_CODE_DIMENSION),
        );
  const dimensions = dimensionsOf(groups.filter((g) => g.key !== HEADLINE_KEY));
  if (dimensions.length === 0) return null;
  const dimension =
    dimensions.find((d) => d.name === requested)?.name ??
    Object.keys(chosen).find((name) => dimensions.some((d) => d.name === name)) ??
    dimensions[0]!.name;
  const context = contextFor(groups, dimension, chosen);
  const data = breakdown(groups, dimension, context, indicator.direction);
  const contextText = describeSeries(context);
  const value = (v: number): string => formatValue(v, lang, indicator.decimals, indicator.unit);
  const lines = [...data.latest.map((l) => l.member), ...data.missingLatest].map((m) => ({
    id: m.id,
    label: m.label,
  }));
  const best = data.latest[0];
  const worst = data.latest[data.latest.length - 1];
  const allValues = data.members.flatMap((m) => m.values);

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="breakdown">
      <h2 id={`${id}-heading`}>{t('series.breakdownHeading')}</h2>
      <p className="muted small">{t('series.breakdownIntro')}</p>
      {dimensions.length > 1 && (
        <div className="field field--inline">
          <label htmlFor={`${id}-dimension`}>{t('series.breakdownBy')}</label>
          <select
            id={`${id}-dimension`}
            value={dimension}
            onChange={(event) => onDimensionChange(event.target.value)}
          >
            {dimensions.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {contextText !== '' && (
        <p className="small" data-testid="breakdown-context">
          {t('series.heldAt', { dimensions: contextText })}
        </p>
      )}
      {data.members.length === 0 || data.latestYear === null ? (
        <EmptyState>{t('series.noBreakdownValues')}</EmptyState>
      ) : (
        <>
          <h3>{t('series.overTimeHeading', { dimension })}</h3>
          <ChartFigure
            testId="breakdown-lines"
            caption={t('series.linesCaption', {
              count: data.members.length,
              dimension,
              first: formatYear(data.years[0]!),
              last: formatYear(data.latestYear),
            })}
            height={320}
            chart={<LazyLinesChart rows={data.rows} lines={lines} decimals={indicator.decimals} />}
            table={
              <LinesTable
                data={data}
                decimals={indicator.decimals}
                caption={t('series.linesTableCaption', {
                  indicator: indicator.name,
                  city: cityName,
                  dimension,
                })}
              />
            }
          />
          <h3>{t('series.latestHeading', { dimension, year: formatYear(data.latestYear) })}</h3>
          <ChartFigure
            testId="breakdown-bars"
            caption={
              best === undefined || worst === undefined
                ? t('series.noBreakdownValues')
                : t('series.barsCaption', {
                    count: data.latest.length,
                    dimension,
                    year: formatYear(data.latestYear),
                    best: `${best.member.label} (${value(best.value.value)})`,
                    worst: `${worst.member.label} (${value(worst.value.value)})`,
                  }) +
                  (data.headline === null
                    ? ''
                    : ` ${t('series.headlineLine', { value: value(data.headline.value) })}`)
            }
            height={barsHeight(data.latest.length)}
            chart={
              <LazyBarsChart
                bars={data.latest.map((l) => ({ label: l.member.label, value: l.value.value }))}
                decimals={indicator.decimals}
                headline={data.headline?.value ?? null}
              />
            }
            table={
              <BarsTable
                data={data}
                indicator={indicator}
                caption={t('series.barsTableCaption', {
                  indicator: indicator.name,
                  city: cityName,
                  dimension,
                  year: formatYear(data.latestYear),
                })}
              />
            }
          />
          <FlagLegend flags={flagsPresent(allValues)} />
        </>
      )}
    </section>
  );
}
