import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { LINE_STYLES } from '../../../components/charts/line-styles';
import {
  CONTEXT_LINE,
  styledLine,
  YEAR_AXIS,
  yearTitle,
} from '../../../components/charts/year-lines';
import { ChartTooltipContent } from '../../../components/charts/chart-tooltip';
import { formatNumber, formatTick } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { barsHeight } from '../utils/breakdown';

/** At most this many lines get a style of their own; the rest are drawn muted. */
export const MAX_STYLED_LINES = LINE_STYLES.length;

const LABEL_CHARS = 22;
const shortLabel = (label: string): string =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}\u2026` : label;

/**
 * The values of a breakdown dimension over the years, one line each. The
 * first ten (in the caller's order) differ by dash and marker, not only
 * colour; any further ones are drawn thin and grey (the table has them all).
 */
export function BreakdownLinesChart({
  rows,
  lines,
  decimals,
  height = 320,
  label,
}: {
  rows: ReadonlyArray<Record<string, number>>;
  lines: ReadonlyArray<{ id: string; label: string }>;
  decimals: number;
  height?: number;
  /** The chart's accessible name (the table beside it has the numbers). */
  label?: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = (v: number): string => formatNumber(v, lang, decimals);
  return (
    <LineChart
      data={rows as Array<Record<string, number>>}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      role="img"
      aria-label={label ?? t('chartNames.named', { title: t('chartNames.breakdownLines') })}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" />
      <XAxis {...YEAR_AXIS} padding={{ left: 8, right: 8 }} />
      <YAxis tickFormatter={(v: number) => formatTick(v, lang, decimals)} width={56} />
      <Tooltip content={<ChartTooltipContent format={format} title={yearTitle} />} />
      <Legend />
      {lines.map((line, i) => {
        if (i >= MAX_STYLED_LINES)
          return <Line key={line.id} dataKey={line.id} name={line.label} {...CONTEXT_LINE} />;
        const style = LINE_STYLES[i]!;
        return <Line key={line.id} dataKey={line.id} name={line.label} {...styledLine(style)} />;
      })}
    </LineChart>
  );
}

/**
 * One year across a dimension's values as horizontal bars, in the order
 * given (best first), with the headline value as a reference line.
 */
export function BreakdownBarsChart({
  bars,
  decimals,
  headline,
  label,
}: {
  bars: ReadonlyArray<{ label: string; value: number }>;
  decimals: number;
  headline: number | null;
  /** The chart's accessible name (the table beside it has the numbers). */
  label?: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = (v: number): string => formatNumber(v, lang, decimals);
  const longest = Math.max(...bars.map((b) => shortLabel(b.label).length), 4);
  return (
    <BarChart
      layout="vertical"
      data={bars.map((b) => ({ label: b.label, value: b.value }))}
      responsive
      style={{ width: '100%', height: barsHeight(bars.length) }}
      margin={{ top: headline === null ? 8 : 24, right: 24, bottom: 8, left: 0 }}
      role="img"
      aria-label={label ?? t('chartNames.named', { title: t('chartNames.breakdownBars') })}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" horizontal={false} />
      <XAxis
        type="number"
        tickFormatter={(v: number) => formatTick(v, lang, decimals)}
        domain={[(min: number) => Math.min(0, min), 'auto']}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={Math.min(170, Math.round(longest * 8.5) + 16)}
        interval={0}
        tickFormatter={shortLabel}
      />
      <Tooltip content={<ChartTooltipContent format={format} skip={['label']} />} />
      <Bar
        name={t('series.value')}
        dataKey="value"
        fill="#0b5cad"
        barSize={16}
        isAnimationActive={false}
      />
      {headline !== null && (
        <ReferenceLine
          x={headline}
          stroke="#1b1f24"
          strokeDasharray="4 3"
          strokeWidth={2}
          ifOverflow="extendDomain"
          label={{ value: t('series.headlineShort'), position: 'top', fill: '#1b1f24' }}
        />
      )}
    </BarChart>
  );
}
