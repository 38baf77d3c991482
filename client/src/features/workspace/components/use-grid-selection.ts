import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { WorkspaceIndicator } from '../api/workspace-api';
import { scrollLeftFor, splitCellKey, stepPosition, type GridPosition } from '../utils/grid-model';

/** Where the focus must go after the next render ('cell': the active cell; 'input': the open edit). */
export type FocusWish = 'cell' | 'input';

/** The active cell and how the officer moves it. */
export interface GridSelection {
  active: GridPosition;
  setActive: (position: GridPosition) => void;
  /** The column the grid opened on (the year being reported). */
  openColumn: number;
  /** Asks for the focus to go to the active cell or the open input after the next render. */
  wantFocus: (where: FocusWish) => void;
  /** The focus asked for since the last render (once: asking again is needed after it). */
  takeFocusWish: () => FocusWish | null;
  /** Moves the active cell a step, kept inside the grid. */
  move: (dr: number, dc: number) => void;
  /** Makes a cell (by key) active and gives it the focus; a cell not in the grid is ignored. */
  goTo: (key: string) => void;
  /** Handles the keys that move the active cell (arrows, Home, End, Tab); true when the key was one. */
  onMoveKey: (event: KeyboardEvent) => boolean;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The active cell (a roving tabindex): it opens on `openColumn`, the year being reported. */
export function useGridSelection(
  rows: readonly WorkspaceIndicator[],
  years: readonly number[],
  openColumn: () => number,
): GridSelection {
  const [active, setActive] = useState<GridPosition>(() => ({ row: 0, col: openColumn() }));
  const [opened] = useState(active.col);
  const focusRef = useRef<FocusWish | null>(null);
  const move = (dr: number, dc: number) =>
    setActive((p) => stepPosition(p, dr, dc, rows.length, years.length));

  const onMoveKey = (event: KeyboardEvent): boolean => {
    const step = ARROWS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      move(step[0], step[1]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const col = event.key === 'Home' ? 0 : years.length - 1;
      setActive((p) => ({ ...p, col }));
    } else if (event.key === 'Tab') {
      // Tab moves along the row; at its end it leaves the grid as usual.
      const back = event.shiftKey;
      if ((back && active.col > 0) || (!back && active.col < years.length - 1)) {
        event.preventDefault();
        move(0, back ? -1 : 1);
      }
    } else return false;
    return true;
  };

  const goTo = (key: string) => {
    const { slug, year } = splitCellKey(key);
    const row = rows.findIndex((i) => i.slug === slug);
    const col = years.indexOf(year);
    if (row < 0 || col < 0) return;
    focusRef.current = 'cell';
    setActive({ row, col });
  };

  const wantFocus = (where: FocusWish) => {
    focusRef.current = where;
  };
  const takeFocusWish = () => {
    const wish = focusRef.current;
    focusRef.current = null;
    return wish;
  };
  return { active, setActive, openColumn: opened, wantFocus, takeFocusWish, move, goTo, onMoveKey };
}

/**
 * The focus follows the active cell (roving tabindex) or the open input, and
 * is never left on the page's body while the officer works in the grid: a
 * save, a refused value, a closed dialog or a discarded edit must not swallow
 * the next keystrokes.
 */
export function useKeepGridFocus(
  tableRef: RefObject<HTMLTableElement | null>,
  inputRef: RefObject<HTMLInputElement | null>,
  { takeFocusWish, active }: Pick<GridSelection, 'takeFocusWish' | 'active'>,
  editing: string | null,
): void {
  /** Whether the officer is working in the grid (the focus was last in it, not elsewhere on the page). */
  const inGridRef = useRef(false);
  useLayoutEffect(() => {
    const table = tableRef.current;
    const want = takeFocusWish();
    if (table === null) return;
    const focused = document.activeElement;
    const lost = focused === null || focused === document.body;
    const owns = want !== null || table.contains(focused) || (lost && inGridRef.current);
    if (!owns) return;
    if (editing !== null) {
      if (focused !== inputRef.current) inputRef.current?.focus();
      return;
    }
    const cell = table.querySelector<HTMLElement>(`[data-pos="${active.row}:${active.col}"]`);
    if (cell !== null && focused !== cell) cell.focus();
  });

  // Whether the officer works in the grid: focus in it, or a click elsewhere on the page.
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      inGridRef.current = tableRef.current?.contains(event.target as Node) ?? false;
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!(tableRef.current?.contains(event.target as Node) ?? false)) inGridRef.current = false;
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [tableRef]);
}

/** Opening: the reported year in view, right of the sticky indicator column (once the grid shows). */
export function useScrollToOpenColumn(
  scrollRef: RefObject<HTMLDivElement | null>,
  tableRef: RefObject<HTMLTableElement | null>,
  isVisible: boolean,
  openColumn: number,
): void {
  const scrolledRef = useRef(false);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const table = tableRef.current;
    if (!isVisible || scrolledRef.current || scroller === null || table === null) return;
    const head = table.querySelector<HTMLElement>(`thead th[data-col="${openColumn}"]`);
    const sticky = table.querySelector<HTMLElement>('thead th:first-child');
    if (head === null || sticky === null || scroller.clientWidth === 0) return;
    scrolledRef.current = true;
    scroller.scrollLeft = scrollLeftFor({
      columnLeft:
        head.getBoundingClientRect().left -
        scroller.getBoundingClientRect().left +
        scroller.scrollLeft,
      stickyWidth: sticky.getBoundingClientRect().width,
      viewportWidth: scroller.clientWidth,
      contentWidth: scroller.scrollWidth,
    });
  }, [isVisible, openColumn, scrollRef, tableRef]);
}
