import { useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Observation, WorkspaceIndicator } from '../api/workspace-api';
import { checkText, type GridPosition, type PendingEdit } from '../utils/grid-model';
import { editableNumber } from '../utils/parse-number';
import type { GridSaving } from './use-grid-saving';
import type { GridSelection } from './use-grid-selection';
import type { CheckMessage } from './use-grid-rules';

/** The active cell: its indicator, year and key (no indicator in an empty grid). */
export interface ActiveCell {
  indicator: WorkspaceIndicator | undefined;
  year: number;
  key: string;
}

/** The open edit of the active cell. */
export interface GridEditing {
  /** The text in the open input (null: no edit open). */
  editing: string | null;
  setEditing: (text: string) => void;
  /** Why the text typed so far would be refused, shown while typing (null: it would not). */
  editingError: string | null;
  /** Typing into a locked cell: why nothing happens, at the cell, until the active cell changes. */
  refused: { at: GridPosition; message: string } | null;
  /** Opens the active cell's edit (with a first key typed, or its draft or stored value). */
  startEdit: (initial?: string) => void;
  /** Saves the open edit; from the keyboard it also moves (the input's blur only saves). */
  commitEdit: (dr: number, dc: number, via: 'key' | 'blur') => void;
  onInputKey: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** Handles the keys on the active cell that edit it (Enter, F2, Delete, a character). */
  onEditKey: (event: KeyboardEvent) => void;
}

/**
 * Editing in place, spreadsheet-like: Enter, F2, a double click or a typed
 * character opens the active cell; Enter, Tab and the arrows save and move;
 * Escape cancels. The text is checked as it is typed. Longer than ~60 lines:
 * its functions share the open edit and its refs, each of them short.
 */
export function useGridEditing(options: {
  cell: ActiveCell;
  selection: GridSelection;
  values: ReadonlyMap<string, Observation>;
  pending: ReadonlyMap<string, PendingEdit>;
  locale: string;
  checkMessage: CheckMessage;
  cellLocked: (year: number) => string | null;
  save: GridSaving['save'];
  announce: (text: string) => void;
}): GridEditing {
  const { cell, selection, values, pending, locale, cellLocked, save } = options;
  const [editing, setEditing] = useState<string | null>(null);
  const [refused, setRefused] = useState<GridEditing['refused']>(null);
  /** Whether an edit is open: commits once (Enter, then the input's blur as it goes, must not save twice). */
  const editOpenRef = useRef(false);
  const { wantFocus } = selection;

  const startEdit = (initial?: string) => {
    if (cell.indicator === undefined) return;
    const locked = cellLocked(cell.year);
    if (locked !== null) {
      options.announce(locked);
      setRefused({ at: selection.active, message: locked });
      return;
    }
    const current = values.get(cell.key);
    const draft = pending.get(cell.key);
    editOpenRef.current = true;
    wantFocus('input');
    // At once, not on the next frame: the typist's next key must already land in the input.
    flushSync(() =>
      setEditing(
        initial ??
          draft?.text ??
          (current === undefined ? '' : editableNumber(current.value, locale)),
      ),
    );
  };

  // From the keyboard the next cell takes the focus before this returns, so the next keystroke
  // lands there; a blur (a click elsewhere) leaves the focus where the officer put it.
  const commitEdit = (dr: number, dc: number, via: 'key' | 'blur') => {
    if (!editOpenRef.current || editing === null || cell.indicator === undefined) return;
    editOpenRef.current = false;
    const { indicator, year } = cell;
    const text = editing;
    if (via === 'blur') {
      setEditing(null);
      save(indicator, year, text);
      return;
    }
    wantFocus('cell');
    flushSync(() => {
      setEditing(null);
      save(indicator, year, text);
      selection.move(dr, dc);
    });
  };

  const cancelEdit = () => {
    editOpenRef.current = false;
    wantFocus('cell');
    flushSync(() => setEditing(null));
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    const back = event.shiftKey ? -1 : 1;
    if (event.key === 'Enter') {
      event.preventDefault();
      commitEdit(back, 0, 'key');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commitEdit(0, back, 'key');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancelEdit();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      commitEdit(event.key === 'ArrowUp' ? -1 : 1, 0, 'key');
    }
  };

  const onEditKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const { indicator, year, key } = cell;
      if (
        indicator !== undefined &&
        cellLocked(year) === null &&
        (values.has(key) || pending.has(key))
      )
        save(indicator, year, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(event.key);
    }
  };

  const editingCheck =
    editing === null || cell.indicator === undefined
      ? null
      : checkText(editing, cell.indicator, locale);
  const editingError =
    editingCheck === null || cell.indicator === undefined
      ? null
      : options.checkMessage(editingCheck, cell.indicator);

  return {
    editing,
    setEditing,
    editingError,
    refused,
    startEdit,
    commitEdit,
    onInputKey,
    onEditKey,
  };
}
