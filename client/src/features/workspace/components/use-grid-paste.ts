import type { ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceIndicator } from '../api/workspace-api';
import { pastedBlock, pasteTargets, type GridPosition } from '../utils/grid-model';
import type { GridSaving } from './use-grid-saving';

/**
 * Pasting a block from a spreadsheet onto the grid (not into an open edit):
 * each cell from the active one down and right is saved through the queue,
 * cells outside the grid or in a locked year are skipped, and the count said.
 */
export function useGridPaste(options: {
  enabled: boolean;
  active: GridPosition;
  rows: readonly WorkspaceIndicator[];
  years: readonly number[];
  cellLocked: (year: number) => string | null;
  save: GridSaving['save'];
  announce: (text: string) => void;
}): (event: ClipboardEvent) => void {
  const { t } = useTranslation();
  return (event) => {
    if (!options.enabled) return;
    const text = event.clipboardData.getData('text/plain');
    if (text === '') return;
    event.preventDefault();
    const { targets, skipped } = pasteTargets(
      pastedBlock(text),
      options.active,
      options.rows,
      options.years,
      (year) => options.cellLocked(year) !== null,
    );
    // The queue sends a few at a time: a pasted column of 60 values does not open 60 requests.
    for (const { indicator, year, text: cellText } of targets)
      options.save(indicator, year, cellText);
    options.announce(t('workspace.grid.pasted', { count: targets.length, skipped }));
  };
}
