import type { ReactNode } from 'react';
import { ColumnHeads, type Column } from './column-heads';
import { TableScroll } from './table-scroll';

/**
 * A table that becomes a card a row on a phone (`stack-table`): the explicit
 * roles keep it a table for screen readers once CSS changes its display. The
 * rows are the children; their cells carry `role` and `data-label` themselves.
 */
export function StackTable({
  label,
  tall = false,
  className,
  testId,
  caption,
  columns,
  children,
}: {
  /** Names the scrolling region. */
  label: string;
  tall?: boolean;
  /** Classes between `table table--data` and `stack-table`. */
  className?: string;
  testId?: string;
  caption?: ReactNode;
  columns: readonly Column[];
  children: ReactNode;
}): ReactNode {
  return (
    <TableScroll label={label} tall={tall}>
      <table
        data-testid={testId}
        className={['table table--data', className, 'stack-table'].filter(Boolean).join(' ')}
        role="table"
      >
        {caption !== undefined && <caption>{caption}</caption>}
        <thead role="rowgroup">
          <tr role="row">
            <ColumnHeads columns={columns} roles />
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
      </table>
    </TableScroll>
  );
}
