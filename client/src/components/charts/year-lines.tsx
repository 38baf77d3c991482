import type { LineProps, XAxisProps } from 'recharts';
import { formatYear } from '../../lib/format';
import { marker, type LINE_STYLES } from './line-styles';

/** The x axis of a chart over years: whole years from the first to the last value. */
export const YEAR_AXIS = {
  dataKey: 'year',
  type: 'number',
  domain: ['dataMin', 'dataMax'],
  allowDecimals: false,
  tickFormatter: formatYear,
} satisfies XAxisProps;

/** A year in a tooltip's title: "2030", never "2,030". */
export const yearTitle = (year: unknown): string =>
  typeof year === 'number' ? formatYear(year) : String(year ?? '');

/** A line kept as context behind the highlighted ones: thin, grey, not in the legend. */
export const CONTEXT_LINE = {
  stroke: '#b8c1ca',
  strokeWidth: 1,
  dot: false,
  connectNulls: true,
  legendType: 'none',
  isAnimationActive: false,
} satisfies Partial<LineProps>;

/** A highlighted line in one of the styles that tell lines apart without colour. */
export function styledLine(style: (typeof LINE_STYLES)[number]): Partial<LineProps> {
  return {
    stroke: style.color,
    strokeDasharray: style.dash,
    strokeWidth: 2,
    dot: marker(style.dot, style.color),
    connectNulls: true,
    isAnimationActive: false,
  };
}
