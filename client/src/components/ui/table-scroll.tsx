import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen without widening the
 * page. Keyboard users can focus and scroll it; its label names the table.
 * A `tall` table scrolls inside a box of 70 % of the window's height on wider
 * screens, its header (with `table--sticky`) staying in view.
 */
export function TableScroll({
  label,
  tall = false,
  children,
}: {
  label: string;
  tall?: boolean;
  children: ReactNode;
}): ReactNode {
  return (
    <div
      className={tall ? 'table-scroll table-scroll--tall' : 'table-scroll'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
