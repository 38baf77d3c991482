import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

/** A column of a values table: its heading, right-aligned when it holds numbers. */
export interface ValuesColumn {
  label: ReactNode;
  num?: boolean;
}

/**
 * The table behind a chart: compact, its caption naming the values and their
 * unit, a heading a column. The rows are the children.
 */
export function ValuesTable({
  caption,
  unit,
  testId,
  columns,
  children,
}: {
  caption: string;
  /** Shown after the caption in brackets; nothing when empty. */
  unit: string;
  testId?: string;
  columns: readonly ValuesColumn[];
  children: ReactNode;
}): ReactNode {
  return (
    <TableScroll label={caption}>
      <table className="table table--compact" data-testid={testId}>
        <caption>
          {caption}
          {unit !== '' && <span className="muted"> ({unit})</span>}
        </caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              // The columns are fixed for a table; their labels need not be strings.
              <th key={i} scope="col" className={column.num === true ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

/** Where a value comes from, or a dash when it says nothing. */
export function SourceCell({ source }: { source: string | null | undefined }): ReactNode {
  return <td className="source-cell">{source ?? <span className="muted">—</span>}</td>;
}
