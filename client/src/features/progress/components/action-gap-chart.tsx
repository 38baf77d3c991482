import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { GapChartPoint } from '@api/progress.schema';
import { presentSeries } from '../utils/gap-chart';
import { formatNumber, formatTick } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { ChartTooltipContent } from '../../../components/charts/chart-tooltip';
import { YEAR_AXIS, yearTitle } from '../../../components/charts/year-lines';

/**
 * The action-gap chart (docs/methodology.md#3-the-action-gap): observations, the required path, the
 * projection and the target on one time axis, the gap at the target year
 * marked. Lines differ by dash pattern and markers, not only colour. The
 * caller puts the text summary and the data table next to it.
 */
export default function ActionGapChart({
  points,
  decimals,
  unit,
  height = 320,
  direction,
  withActionsLabel,
}: {
  points: readonly GapChartPoint[];
  decimals: number;
  unit: string;
  height?: number;
  /** The indicator's direction: when the projection beats the target, the mark says "ahead", not "gap". */
  direction?: 'increase' | 'decrease';
  /** The "with planned actions" line's legend entry (the action form's preview names itself). */
  withActionsLabel?: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = (value: unknown): string =>
    typeof value === 'number'
      ? `${formatNumber(value, lang, decimals)}${unit === '' ? '' : `\u00a0${unit}`}`
      : '';
  const targetPoint = points.find((p) => p.target !== null) ?? null;
  const projectedAtTarget =
    targetPoint === null
      ? null
      : (points.find((p) => p.year === targetPoint.year)?.projected ?? null);
  const ahead =
    direction !== undefined &&
    targetPoint !== null &&
    targetPoint.target !== null &&
    projectedAtTarget !== null &&
    (direction === 'increase'
      ? projectedAtTarget >= targetPoint.target
      : projectedAtTarget <= targetPoint.target);
  const data = points as GapChartPoint[];
  const present = presentSeries(points);
  return (
    <ComposedChart
      data={data}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 24, right: 40, bottom: 10, left: 8 }}
      title={t('chart.gapTitle')}
      // One name for the picture; its numbers are in the table next to it.
      role="img"
      aria-label={t('chart.gapTitle')}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" />
      <XAxis {...YEAR_AXIS} padding={{ left: 8, right: 24 }} />
      <YAxis tickFormatter={(v: number) => formatTick(v, lang, decimals)} width={64} />
      <Tooltip
        content={<ChartTooltipContent format={format} title={yearTitle} />}
        wrapperStyle={{ zIndex: 5 }}
      />
      <Legend />
      {targetPoint !== null && (
        <ReferenceLine
          x={targetPoint.year}
          stroke="#4f5863"
          strokeDasharray="4 2"
          label={<TargetYearLabel text={t('chart.targetYear')} />}
        />
      )}
      {present.required && (
        <Line
          name={t('chart.required')}
          dataKey="required"
          stroke="#4f5863"
          strokeDasharray="8 4"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      )}
      {present.projected && (
        <Line
          name={t('chart.projected')}
          dataKey="projected"
          stroke="#b3261e"
          strokeDasharray="2 3"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      )}
      {present.withActions && (
        // Dash-dot, apart from the projection's dots and the required path's dashes.
        <Line
          name={withActionsLabel ?? t('actions.chartLine')}
          dataKey="withActions"
          stroke="#6f42c1"
          strokeDasharray="10 4 2 4"
          strokeWidth={2.5}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
      )}
      <Line
        name={t('chart.observed')}
        dataKey="observed"
        stroke="#0b5cad"
        strokeWidth={2.5}
        dot={{ r: 3.5, fill: '#0b5cad' }}
        connectNulls
        isAnimationActive={false}
      />
      {present.target && (
        <Scatter
          name={t('chart.target')}
          dataKey="target"
          fill="#1a7f37"
          shape="star"
          legendType="star"
          isAnimationActive={false}
        />
      )}
      {targetPoint !== null && projectedAtTarget !== null && (
        <ReferenceLine
          segment={[
            { x: targetPoint.year, y: projectedAtTarget },
            { x: targetPoint.year, y: targetPoint.target! },
          ]}
          stroke={ahead ? '#1a7f37' : '#b3261e'}
          strokeWidth={4}
          strokeDasharray={ahead ? '3 2' : undefined}
          ifOverflow="extendDomain"
          label={{
            value: ahead ? t('chart.ahead') : t('chart.gap'),
            position: 'left',
            fill: ahead ? '#14632b' : '#8a1c12',
          }}
        />
      )}
    </ComposedChart>
  );
}

/**
 * "Target year" above the plot, ending at the target year's line: centred on
 * it, the label ran past the chart's right edge (the target year is usually
 * the last one).
 */
function TargetYearLabel({
  text,
  viewBox,
}: {
  text: string;
  viewBox?: { x?: number; y?: number };
}): ReactNode {
  if (viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text
      x={viewBox.x - 4}
      y={viewBox.y - 8}
      textAnchor="end"
      fill="#1b1f24"
      fontSize={14}
      data-testid="target-year-label"
    >
      {text}
    </text>
  );
}
