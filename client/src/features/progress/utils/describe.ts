import type { IndicatorProgress } from '@api/progress.schema';
import { formatNumber, formatShare, formatStoredValue, formatValue } from '../../../lib/format';

type Trend = 'compound' | 'linear' | null;

/**
 * A rate of change with its sign, before "per year" is added: a percentage for
 * compound trends ("+1.2 %"), units for linear ones ("−0.40 µg/m³").
 */
export function formatRate(
  rate: number,
  trend: Trend,
  unit: string,
  decimals: number,
  locale: string,
  percentagePoints = 'pp',
): string {
  if (trend === 'linear') {
    const number = formatNumber(rate, locale, decimals + 1);
    const signed = rate > 0 ? `+${number}` : number;
    // A linear change of a percentage is in percentage points, not per cent.
    const shownUnit = unit === '%' ? percentagePoints : unit;
    return shownUnit === '' ? signed : `${signed}\u00a0${shownUnit}`;
  }
  const share = formatShare(rate, locale, 1);
  return rate > 0 ? `+${share}` : share;
}

/**
 * A difference between two values of the indicator (a gap): in the
 * indicator's unit, except that a difference of percentages is in percentage
 * points ("5.2 pp", not "5.2 %").
 */
export function formatDifference(
  indicator: Pick<IndicatorProgress, 'unit' | 'decimals'>,
  value: number,
  locale: string,
  percentagePoints: string,
): string {
  if (indicator.unit !== '%') return formatValue(value, locale, indicator.decimals, indicator.unit);
  return `${formatNumber(value, locale, indicator.decimals)}\u00a0${percentagePoints}`;
}

/** A pace ratio as "2.4×" in the reader's locale. */
export function formatPace(ratio: number, locale: string): string {
  return `${formatNumber(ratio, locale, 1)}\u00d7`;
}

/** The indicator's value with its unit and decimals. */
export function formatIndicatorValue(
  indicator: Pick<IndicatorProgress, 'unit' | 'decimals'>,
  value: number,
  locale: string,
): string {
  return formatValue(value, locale, indicator.decimals, indicator.unit);
}

/**
 * A stored value of the indicator (latest, baseline, target): its decimals, or
 * more when the value has more (a 40.5 of a whole-number indicator is not "41").
 */
export function formatStoredIndicatorValue(
  indicator: Pick<IndicatorProgress, 'unit' | 'decimals'>,
  value: number,
  locale: string,
): string {
  return formatStoredValue(value, locale, indicator.decimals, indicator.unit);
}

/** Points of an indicator's sparkline. */
export function sparkPoints(series: ReadonlyArray<{ year: number; value: number }>) {
  return series.map((p) => ({ x: p.year, y: p.value }));
}

/**
 * Latest year of data across the indicators and the oldest "latest" year: how
 * fresh the city's figures are.
 */
export function freshness(indicators: readonly Pick<IndicatorProgress, 'latest'>[]): {
  newest: number | null;
  oldest: number | null;
} {
  const years = indicators.flatMap((i) => (i.latest === null ? [] : [i.latest.year]));
  if (years.length === 0) return { newest: null, oldest: null };
  return { newest: Math.max(...years), oldest: Math.min(...years) };
}

/** Every year that appears in any series, for a year selector. */
export function seriesYears(
  indicators: readonly { series: ReadonlyArray<{ year: number }> }[],
): number[] {
  const years = new Set<number>();
  for (const i of indicators) for (const p of i.series) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

/** Indicators with a good status: achieved or on track. */
export function onTrackCount(counts: { target_achieved: number; on_track: number }): number {
  return counts.target_achieved + counts.on_track;
}
