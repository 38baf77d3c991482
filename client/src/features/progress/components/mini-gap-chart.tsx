import type { ReactNode } from 'react';
import type { GapChartPoint } from '@api/progress.schema';
import { miniGapGeometry } from '../utils/gap-chart';

/**
 * The small action-gap chart of the city overview and the brief, in plain SVG
 * (no chart library on the first screen). Decorative: the sentence next to it
 * says the same, and the indicator page has the full chart and table.
 */
export function MiniGapChart({
  points,
  width = 160,
  height = 64,
}: {
  points: readonly GapChartPoint[];
  width?: number;
  height?: number;
}): ReactNode {
  const g = miniGapGeometry(points, width, height);
  if (g === null) return null;
  return (
    <svg
      className="mini-gap"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      <path d={g.required} className="mini-gap__required" />
      <path d={g.projected} className="mini-gap__projected" />
      <path d={g.observed} className="mini-gap__observed" />
      {g.gap !== null && (
        <line x1={g.gap.x} x2={g.gap.x} y1={g.gap.y1} y2={g.gap.y2} className="mini-gap__gap" />
      )}
      {g.target !== null && (
        <path
          className="mini-gap__target"
          d={`M${g.target.x},${g.target.y - 5} L${g.target.x + 5},${g.target.y} L${g.target.x},${g.target.y + 5} L${g.target.x - 5},${g.target.y} Z`}
        />
      )}
    </svg>
  );
}
