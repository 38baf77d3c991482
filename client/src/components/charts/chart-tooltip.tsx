import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';

export interface TooltipRow {
  key: string;
  name: string;
  value: string;
  color?: string;
}

interface PayloadEntryLike {
  dataKey?: unknown;
  name?: unknown;
  value?: unknown;
  color?: string;
  stroke?: string;
  fill?: string;
}

/**
 * The rows a chart tooltip shows: one per series with a number, never the
 * x axis's own key (a scatter's entries carry the year as a "value", which
 * gave a bogus "year : 2,030.0 per 100,000 inhabitants" line) and never a
 * series twice.
 */
export function tooltipRows(
  payload: readonly PayloadEntryLike[] | undefined,
  format: (value: number) => string,
  skip: readonly string[] = ['year'],
): TooltipRow[] {
  const seen = new Set<string>();
  const rows: TooltipRow[] = [];
  for (const entry of payload ?? []) {
    const key = typeof entry.dataKey === 'string' ? entry.dataKey : String(entry.name ?? '');
    if (skip.includes(key) || seen.has(key)) continue;
    if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) continue;
    seen.add(key);
    rows.push({
      key,
      name: typeof entry.name === 'string' ? entry.name : key,
      value: format(entry.value),
      color: entry.color ?? entry.stroke ?? entry.fill,
    });
  }
  return rows;
}

/** A chart tooltip's box: a title (the year or the city) and one row per series; wraps on a phone. */
export function ChartTooltipBox({
  title,
  rows,
}: {
  title: string;
  rows: readonly TooltipRow[];
}): ReactNode {
  if (rows.length === 0) return null;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <p className="chart-tooltip__title">{title}</p>
      <ul className="chart-tooltip__rows">
        {rows.map((row) => (
          <li key={row.key}>
            {row.color !== undefined && (
              <span
                className="chart-tooltip__swatch"
                style={{ background: row.color }}
                aria-hidden="true"
              />
            )}
            {row.name}: <strong>{row.value}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A recharts tooltip content, passed as an element (`content={<ChartTooltipContent format={…} />}`):
 * recharts adds `active`, `payload` and `label`. The label is formatted by
 * `title`, the series' values by `format`; the x axis's key is left out.
 */
export function ChartTooltipContent({
  active,
  payload,
  label,
  format,
  title = (l) => String(l ?? ''),
  skip = ['year'],
}: Partial<Pick<TooltipContentProps, 'active' | 'payload' | 'label'>> & {
  format: (value: number) => string;
  title?: (label: unknown) => string;
  skip?: readonly string[];
}): ReactNode {
  if (active !== true) return null;
  return <ChartTooltipBox title={title(label)} rows={tooltipRows(payload, format, skip)} />;
}
