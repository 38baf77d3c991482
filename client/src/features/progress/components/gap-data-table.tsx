import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapChartPoint } from '@api/progress.schema';
import { formatNumber, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { gapTableRows, presentSeries, type GapSeries } from '../utils/gap-chart';
import { ValuesTable } from '../../../components/ui/values-table';
import { FlagLegend, FlagMarks } from '../../../components/ui/value-flags';
import { FLAG_ORDER, type ValueFlag } from '../../../lib/series';
import { AmbitionPendingMark } from './ambition-pending';

/** The action-gap chart's numbers as a table: the same points the chart draws. */
export function GapDataTable({
  points,
  decimals,
  unit,
  caption,
  flags,
  withActionsLabel,
  targetPending = false,
}: {
  points: readonly GapChartPoint[];
  decimals: number;
  unit: string;
  caption: string;
  /** The observed values' flags by year (shown after them, with a legend). */
  flags?: ReadonlyMap<number, readonly ValueFlag[]>;
  /** The "with planned actions" column's header (the action form's preview names itself). */
  withActionsLabel?: string;
  /** The target is the working copy members see, not yet approved (marked in the header). */
  targetPending?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cell = (v: number | null | undefined): string =>
    v === null || v === undefined ? '' : formatNumber(v, lang, decimals);
  const present = presentSeries(points);
  const rows = gapTableRows(points);
  const shownFlags = [
    ...new Set(rows.flatMap((p) => (p.observed === null ? [] : (flags?.get(p.year) ?? [])))),
  ];
  const columns = (['observed', 'required', 'projected', 'withActions', 'target'] as const).filter(
    (key: GapSeries) => present[key],
  );
  return (
    <>
      <ValuesTable
        caption={caption}
        unit={unit}
        testId="gap-table"
        columns={[
          { label: t('chart.year') },
          ...columns.map((key) => ({
            num: true,
            label: (
              <>
                {key === 'withActions'
                  ? (withActionsLabel ?? t('actions.chartLine'))
                  : t(`chart.${key}`)}
                {key === 'target' && targetPending && (
                  <>
                    {' '}
                    <AmbitionPendingMark ambition={{ approved: false }} short />
                  </>
                )}
              </>
            ),
          })),
        ]}
      >
        {rows.map((p) => (
          <tr key={p.year}>
            <th scope="row">{formatYear(p.year)}</th>
            {columns.map((key) => (
              <td key={key} className="num">
                {cell(p[key])}
                {key === 'observed' && p.observed !== null && (
                  <FlagMarks flags={flags?.get(p.year) ?? []} />
                )}
              </td>
            ))}
          </tr>
        ))}
      </ValuesTable>
      <FlagLegend flags={FLAG_ORDER.filter((f) => shownFlags.includes(f))} />
    </>
  );
}
