import type { ReactNode } from 'react';

/** A column of a table: its heading, right-aligned when it holds numbers. */
export interface Column {
  label: ReactNode;
  num?: boolean;
}

/**
 * The heading cells of a table's columns. `roles` spells out the column
 * header role for tables whose display CSS changes (stack tables).
 */
export function ColumnHeads({
  columns,
  roles = false,
}: {
  columns: readonly Column[];
  roles?: boolean;
}): ReactNode {
  // The columns are fixed for a table and their labels need not be strings: keyed by position.
  return columns.map((column, i) => (
    <th
      key={i}
      scope="col"
      role={roles ? 'columnheader' : undefined}
      className={column.num === true ? 'num' : undefined}
    >
      {column.label}
    </th>
  ));
}
