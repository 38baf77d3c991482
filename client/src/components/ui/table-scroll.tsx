import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen without widening the
 * page. Keyboard users can focus and scroll it; its label names the table.
 */
export function TableScroll({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}): ReactNode {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
