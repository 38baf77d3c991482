import type { ReactNode } from 'react';
import { ColumnHeads, type Column } from './column-heads';
import { TableScroll } from './table-scroll';

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
  columns: readonly Column[];
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
            <ColumnHeads columns={columns} />
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
