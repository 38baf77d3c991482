import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  Scatter,
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
import type { BarDatum, Trajectories } from '../utils/compare-shaping';

/** Latest value per city, sorted best first, with each city's own target as a marker. */
export function CompareBarChart({
  bars,
  decimals,
  valueName,
  label,
}: {
  bars: readonly BarDatum[];
  decimals: number;
  /** The bars' legend entry: "Latest value", or "Score 0–100" in the scores view. */
  valueName?: string;
  /** The chart's accessible name (the table beside it has the numbers). */
  label: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = (v: number): string => formatNumber(v, lang, decimals);
  // A city whose figures include drafts says so in its label: a word, not a colour.
  const labelled = bars.map((b) => ({
    ...b,
    label: b.draft ? t('drafts.chartName', { city: b.name }) : b.name,
  }));
  return (
    <ComposedChart
      layout="vertical"
      data={labelled}
      responsive
      style={{ width: '100%', height: Math.max(160, bars.length * 30 + 60) }}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      role="img"
      aria-label={label}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => formatTick(v, lang, decimals)} />
      <YAxis type="category" dataKey="label" width={150} interval={0} />
      <Tooltip content={<ChartTooltipContent format={format} skip={['label']} />} />
      <Legend />
      <Bar
        name={valueName ?? t('compare.latest')}
        dataKey="value"
        fill="#0b5cad"
        barSize={16}
        isAnimationActive={false}
      />
      {bars.some((b) => b.target !== null) && (
        <Scatter
          name={t('compare.target')}
          dataKey="target"
          fill="#1a7f37"
          shape="diamond"
          legendType="diamond"
          isAnimationActive={false}
        />
      )}
    </ComposedChart>
  );
}

/** Every city's series; at most ten highlighted with distinct styles, the rest muted. */
export function TrajectoriesChart({
  data,
  decimals,
  label,
}: {
  data: Trajectories;
  decimals: number;
  /** The chart's accessible name (the table beside it has the numbers). */
  label: string;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const nameOf = (s: Trajectories['series'][number]): string =>
    s.draft ? t('drafts.chartName', { city: s.name }) : s.name;
  const format = (v: number): string => formatNumber(v, lang, decimals);
  let styleIndex = 0;
  return (
    <LineChart
      data={data.rows}
      responsive
      style={{ width: '100%', height: 360 }}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      role="img"
      aria-label={label}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" />
      <XAxis {...YEAR_AXIS} />
      <YAxis tickFormatter={(v: number) => formatTick(v, lang, decimals)} width={64} />
      <Tooltip content={<ChartTooltipContent format={format} title={yearTitle} />} />
      <Legend />
      {data.series.map((series) => {
        if (!series.highlighted) {
          return (
            <Line key={series.slug} dataKey={series.slug} name={nameOf(series)} {...CONTEXT_LINE} />
          );
        }
        const style = LINE_STYLES[styleIndex++ % LINE_STYLES.length]!;
        return (
          <Line
            key={series.slug}
            dataKey={series.slug}
            name={nameOf(series)}
            {...styledLine(style)}
          />
        );
      })}
    </LineChart>
  );
}
