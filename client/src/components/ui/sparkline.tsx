import type { ReactNode } from 'react';

export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * A tiny line chart in plain SVG (no chart library, so the first screens stay
 * light). Decorative to assistive technology apart from its label: the same
 * numbers are always available as text or in a table next to it.
 */
export function Sparkline({
  points,
  label,
  width = 96,
  height = 28,
}: {
  points: readonly SparkPoint[];
  label: string;
  width?: number;
  height?: number;
}): ReactNode {
  if (points.length < 2) return <span className="sparkline sparkline--empty" aria-hidden="true" />;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const pad = 3;
  const sx = (x: number): number => pad + ((x - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
  const sy = (y: number): number => height - pad - ((y - y0) / (y1 - y0 || 1)) * (height - 2 * pad);
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
    .join(' ');
  const last = points[points.length - 1]!;
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx={sx(last.x)} cy={sy(last.y)} r="2.5" fill="currentColor" />
    </svg>
  );
}
