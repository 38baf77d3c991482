import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapChartPoint } from '@api/progress.schema';
import { miniGapGeometry } from '../utils/gap-chart';

/**
 * The small action-gap chart of the city overview and the brief, in plain SVG
 * (no chart library on the first screen), in the indicator page chart's line
 * styles, the path with planned actions included. Decorative: the sentences
 * next to it say the same, and the indicator page has the full chart and
 * table.
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
      {g.withActions !== '' && <path d={g.withActions} className="mini-gap__with-actions" />}
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

/** One legend entry's sample: a short stretch of the line, or the target's diamond. */
function Sample({
  kind,
}: {
  kind: 'observed' | 'required' | 'projected' | 'with-actions' | 'target';
}): ReactNode {
  return (
    <svg className="mini-gap mini-gap--sample" width={24} height={10} viewBox="0 0 24 10">
      {kind === 'target' ? (
        <path className="mini-gap__target" d="M12,1 L16,5 L12,9 L8,5 Z" />
      ) : (
        <path className={`mini-gap__${kind}`} d="M1,5 L23,5" />
      )}
    </svg>
  );
}

/**
 * The key to the small charts, with the indicator page chart's names for the
 * lines; "with planned actions" only where a chart draws that path. Hidden
 * from screen readers like the charts it explains (their sentences say it all).
 */
export function MiniGapLegend({ withActions }: { withActions: boolean }): ReactNode {
  const { t } = useTranslation();
  const entries = [
    ['observed', t('chart.observed')],
    ['required', t('chart.required')],
    ['projected', t('chart.projected')],
    ...(withActions ? [['with-actions', t('actions.chartLine')]] : []),
    ['target', t('chart.target')],
  ] as Array<[Parameters<typeof Sample>[0]['kind'], string]>;
  return (
    <ul className="mini-gap-legend" aria-hidden="true" data-testid="mini-gap-legend">
      {entries.map(([kind, label]) => (
        <li key={kind}>
          <Sample kind={kind} /> {label}
        </li>
      ))}
    </ul>
  );
}
