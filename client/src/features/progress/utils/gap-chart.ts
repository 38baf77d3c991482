import type { GapChartPoint, IndicatorProgress } from '@api/progress.schema';

/** Rows of the action-gap data table: every year that has at least one figure. */
export function gapTableRows(points: readonly GapChartPoint[]): GapChartPoint[] {
  return points.filter(
    (p) =>
      p.observed !== null ||
      p.required !== null ||
      p.projected !== null ||
      p.target !== null ||
      (p.withActions ?? null) !== null,
  );
}

export interface MiniGapGeometry {
  width: number;
  height: number;
  observed: string;
  required: string;
  projected: string;
  /** The projection with the planned actions; '' when no action's effect is counted. */
  withActions: string;
  target: { x: number; y: number } | null;
  /** The gap at the target year: from the projection to the target. */
  gap: { x: number; y1: number; y2: number } | null;
}

function path(points: Array<{ x: number; y: number }>): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
}

/**
 * Geometry of the small action-gap chart on the city overview (plain SVG):
 * observed line, required path, projection, the path with planned actions
 * (when an action counts), target point and the gap marker.
 */
export function miniGapGeometry(
  points: readonly GapChartPoint[],
  width: number,
  height: number,
): MiniGapGeometry | null {
  if (points.length < 2) return null;
  const values = points.flatMap((p) =>
    [p.observed, p.required, p.projected, p.target, p.withActions ?? null].filter(
      (v): v is number => v !== null,
    ),
  );
  if (values.length === 0) return null;
  const [x0, x1] = [points[0]!.year, points[points.length - 1]!.year];
  let [y0, y1] = [Math.min(...values), Math.max(...values)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = 4;
  const sx = (year: number): number => pad + ((year - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
  const sy = (v: number): number => height - pad - ((v - y0) / (y1 - y0)) * (height - 2 * pad);
  const series = (key: 'observed' | 'required' | 'projected' | 'withActions') =>
    points.flatMap((p) => {
      const v = p[key] ?? null;
      return v === null ? [] : [{ x: sx(p.year), y: sy(v) }];
    });
  const targetPoint = points.find((p) => p.target !== null);
  const projectedAtTarget =
    targetPoint === undefined
      ? null
      : (points.find((p) => p.year === targetPoint.year)?.projected ?? null);
  return {
    width,
    height,
    observed: path(series('observed')),
    required: path(series('required')),
    projected: path(series('projected')),
    withActions: path(series('withActions')),
    target:
      targetPoint === undefined ? null : { x: sx(targetPoint.year), y: sy(targetPoint.target!) },
    gap:
      targetPoint === undefined || projectedAtTarget === null
        ? null
        : { x: sx(targetPoint.year), y1: sy(projectedAtTarget), y2: sy(targetPoint.target!) },
  };
}

export interface GapSentenceParts {
  name: string;
  projected: number;
  targetValue: number;
  targetYear: number;
  paceRatio: number | null;
  unit: string;
  decimals: number;
  /** The projection reaches or beats the target (the action gap is 0). */
  ahead: boolean;
}

/**
 * The figures of the plain sentence for one gap ("Recycling: at today's pace
 * 46 % in 2030, target 65 % — needs 2.4× the current pace"); null when the
 * indicator has no gap to tell.
 */
export function gapSentenceParts(indicator: IndicatorProgress): GapSentenceParts | null {
  const gap = indicator.actionGap;
  if (gap === null || gap.projectedValue === null || indicator.ambition === null) return null;
  return {
    name: indicator.name,
    projected: gap.projectedValue,
    targetValue: indicator.ambition.targetValue,
    targetYear: indicator.ambition.targetYear,
    paceRatio: gap.paceRatio,
    unit: indicator.unit,
    decimals: indicator.decimals,
    // The projection reaches or beats the target: no gap to speak of.
    ahead: gap.gap === 0,
  };
}

export type GapSeries = 'observed' | 'required' | 'projected' | 'withActions' | 'target';

/** The series that have at least one value (no ambition: only the observations; no counted action: no path with actions). */
export function presentSeries(points: readonly GapChartPoint[]): Record<GapSeries, boolean> {
  const has = (key: GapSeries): boolean => points.some((p) => (p[key] ?? null) !== null);
  return {
    observed: has('observed'),
    required: has('required'),
    projected: has('projected'),
    withActions: has('withActions'),
    target: has('target'),
  };
}
