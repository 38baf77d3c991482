import { act, renderHook } from '@testing-library/react';
import type { KeyboardEvent } from 'react';
import { describe, expect, it } from 'vitest';
import type { WorkspaceIndicator } from '../../client/src/features/workspace/api/workspace-api';
import { useGridSelection } from '../../client/src/features/workspace/components/use-grid-selection';
import { indicatorDefinition } from './series-fixtures';

const rows: WorkspaceIndicator[] = ['a', 'b', 'c'].map((slug) => indicatorDefinition({ slug }));
const years = [2022, 2023, 2024];

/** A key pressed on the active cell; records whether the grid took it from the browser. */
function press(key: string, shiftKey = false) {
  const event = { key, shiftKey, defaultPrevented: false, preventDefault() {} };
  event.preventDefault = () => {
    event.defaultPrevented = true;
  };
  return event as unknown as KeyboardEvent & { defaultPrevented: boolean };
}

describe('grid selection', () => {
  it('opens on the given column and moves with the arrows, Home and End, inside the grid', () => {
    const { result } = renderHook(() => useGridSelection(rows, years, () => 2));
    expect(result.current.active).toEqual({ row: 0, col: 2 });
    expect(result.current.openColumn).toBe(2);
    act(() => void result.current.onMoveKey(press('ArrowDown')));
    act(() => void result.current.onMoveKey(press('ArrowRight')));
    expect(result.current.active).toEqual({ row: 1, col: 2 });
    act(() => void result.current.onMoveKey(press('Home')));
    expect(result.current.active).toEqual({ row: 1, col: 0 });
    act(() => void result.current.onMoveKey(press('End')));
    expect(result.current.active).toEqual({ row: 1, col: 2 });
    expect(result.current.openColumn).toBe(2);
  });

  it('moves along the row with Tab and lets Tab leave the grid at the row’s end', () => {
    const { result } = renderHook(() => useGridSelection(rows, years, () => 1));
    const tab = press('Tab');
    act(() => void result.current.onMoveKey(tab));
    expect(tab.defaultPrevented).toBe(true);
    expect(result.current.active).toEqual({ row: 0, col: 2 });
    const leave = press('Tab');
    let handled = false;
    act(() => {
      handled = result.current.onMoveKey(leave);
    });
    expect(handled).toBe(true);
    expect(leave.defaultPrevented).toBe(false);
    act(() => void result.current.onMoveKey(press('Tab', true)));
    expect(result.current.active).toEqual({ row: 0, col: 1 });
  });

  it('leaves editing keys to the editor', () => {
    const { result } = renderHook(() => useGridSelection(rows, years, () => 0));
    for (const key of ['Enter', 'F2', 'Delete', '7']) {
      const event = press(key);
      expect(result.current.onMoveKey(event)).toBe(false);
      expect(event.defaultPrevented).toBe(false);
    }
  });

  it('goes to a cell by key and asks for the focus there once; ignores cells not in the grid', () => {
    const { result } = renderHook(() => useGridSelection(rows, years, () => 0));
    act(() => result.current.goTo('c|2023'));
    expect(result.current.active).toEqual({ row: 2, col: 1 });
    expect(result.current.takeFocusWish()).toBe('cell');
    expect(result.current.takeFocusWish()).toBeNull();
    act(() => result.current.goTo('gone|2023'));
    act(() => result.current.goTo('a|1999'));
    expect(result.current.active).toEqual({ row: 2, col: 1 });
    expect(result.current.takeFocusWish()).toBeNull();
  });
});
