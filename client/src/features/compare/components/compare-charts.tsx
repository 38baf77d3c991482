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
  type DotItemDotProps,
} from 'recharts';
import { formatNumber, formatTick, formatYear } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import type { BarDatum, Trajectories } from '../utils/compare-shaping';

/** Latest value per city, sorted best first, with each city's own target as a marker. */
export function CompareBarChart({
  bars,
  decimals,
}: {
  bars: readonly BarDatum[];
  decimals: number;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = (v: unknown): string =>
    typeof v === 'number' ? formatNumber(v, lang, decimals) : '';
  return (
    <ComposedChart
      layout="vertical"
      data={bars as BarDatum[]}
      responsive
      style={{ width: '100%', height: Math.max(160, bars.length * 30 + 60) }}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => formatTick(v, lang, decimals)} />
      <YAxis type="category" dataKey="name" width={150} interval={0} />
      <Tooltip formatter={(value: unknown) => format(value)} />
      <Legend />
      <Bar
        name={t('compare.latest')}
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

// Up to ten lines must stay tellable apart without colour: each gets a dash pattern and a marker.
const STYLES: ReadonlyArray<{
  color: string;
  dash: string;
  dot: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
}> = [
  { color: '#0b5cad', dash: '', dot: 'circle' },
  { color: '#b3261e', dash: '8 3', dot: 'square' },
  { color: '#1a7f37', dash: '2 3', dot: 'triangle' },
  { color: '#7a3b00', dash: '12 3 3 3', dot: 'diamond' },
  { color: '#6f42c1', dash: '4 4', dot: 'cross' },
  { color: '#005f73', dash: '', dot: 'square' },
  { color: '#8a1c12', dash: '8 3', dot: 'circle' },
  { color: '#3d4a52', dash: '2 3', dot: 'diamond' },
  { color: '#9e0059', dash: '12 3 3 3', dot: 'triangle' },
  { color: '#4a5a00', dash: '4 4', dot: 'circle' },
];

function marker(shape: (typeof STYLES)[number]['dot'], color: string) {
  return (props: DotItemDotProps): ReactNode => {
    const { cx, cy, index } = props;
    if (cx === undefined || cy === undefined) return null;
    const key = `${String(props.dataKey)}-${index}`;
    const s = 4;
    switch (shape) {
      case 'square':
        return <rect key={key} x={cx - s} y={cy - s} width={2 * s} height={2 * s} fill={color} />;
      case 'triangle':
        return (
          <path
            key={key}
            d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy + s} L${cx - s - 1},${cy + s} Z`}
            fill={color}
          />
        );
      case 'diamond':
        return (
          <path
            key={key}
            d={`M${cx},${cy - s - 1} L${cx + s + 1},${cy} L${cx},${cy + s + 1} L${cx - s - 1},${cy} Z`}
            fill={color}
          />
        );
      case 'cross':
        return (
          <path
            key={key}
            d={`M${cx - s},${cy - s} L${cx + s},${cy + s} M${cx + s},${cy - s} L${cx - s},${cy + s}`}
            stroke={color}
            strokeWidth={2}
          />
        );
      default:
        return <circle key={key} cx={cx} cy={cy} r={s} fill={color} />;
    }
  };
}

/** Every city's series; at most ten highlighted with distinct styles, the rest muted. */
export function TrajectoriesChart({
  data,
  decimals,
}: {
  data: Trajectories;
  decimals: number;
}): ReactNode {
  const lang = useLanguage();
  const format = (v: unknown): string =>
    typeof v === 'number' ? formatNumber(v, lang, decimals) : '';
  let styleIndex = 0;
  return (
    <LineChart
      data={data.rows}
      responsive
      style={{ width: '100%', height: 360 }}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke="#d5dbe1" strokeDasharray="2 4" />
      <XAxis
        dataKey="year"
        type="number"
        domain={['dataMin', 'dataMax']}
        allowDecimals={false}
        tickFormatter={formatYear}
      />
      <YAxis tickFormatter={(v: number) => formatTick(v, lang, decimals)} width={64} />
      <Tooltip
        formatter={(value: unknown) => format(value)}
        labelFormatter={(year: unknown) => String(year)}
      />
      <Legend />
      {data.series.map((series) => {
        if (!series.highlighted) {
          return (
            <Line
              key={series.slug}
              dataKey={series.slug}
              name={series.name}
              stroke="#b8c1ca"
              strokeWidth={1}
              dot={false}
              connectNulls
              legendType="none"
              isAnimationActive={false}
            />
          );
        }
        const style = STYLES[styleIndex++ % STYLES.length]!;
        return (
          <Line
            key={series.slug}
            dataKey={series.slug}
            name={series.name}
            stroke={style.color}
            strokeDasharray={style.dash}
            strokeWidth={2}
            dot={marker(style.dot, style.color)}
            connectNulls
            isAnimationActive={false}
          />
        );
      })}
    </LineChart>
  );
}
