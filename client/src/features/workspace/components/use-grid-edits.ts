import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation, WorkspaceIndicator } from '../api/workspace-api';
import { readDrafts, restoreDrafts, writeDrafts, type PendingEdit } from '../utils/grid-model';
import type { CheckMessage } from './use-grid-rules';

let lastSeq = 0;
/** A number for each edit, increasing across the page's life (see PendingEdit.seq). */
export const nextSeq = (): number => ++lastSeq;

/** The browser's storage for drafts, or null where it is unavailable (private modes, tests). */
function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The grid's unsaved edits, and how to change them. */
export interface GridEdits {
  pending: ReadonlyMap<string, PendingEdit>;
  /** Sets (or, with null, drops) a cell's edit. */
  setEdit: (key: string, edit: PendingEdit | null) => void;
  /** Changes a cell's edit only if it is still the edit `seq` (a newer one typed meanwhile wins). */
  settleEdit: (key: string, seq: number, edit: PendingEdit | null) => void;
}

/**
 * The edits the server does not have, kept locally: restored from the
 * browser on opening (refused ones with their reason), written back to it on
 * every change until saved or discarded (so a reload keeps them), and
 * counted for the page's leave guard.
 */
export function useGridEdits(options: {
  storageKey: string;
  rows: readonly WorkspaceIndicator[];
  years: readonly number[];
  values: ReadonlyMap<string, Observation>;
  locale: string;
  checkMessage: CheckMessage;
  onPendingChange: (count: number) => void;
}): GridEdits {
  const { t } = useTranslation();
  const { storageKey, onPendingChange } = options;
  const [restored] = useState(() =>
    restoreDrafts(
      readDrafts(browserStorage(), storageKey),
      options,
      { restored: t('workspace.grid.restored'), refused: options.checkMessage },
      nextSeq,
    ),
  );
  const [pending, setPending] = useState<ReadonlyMap<string, PendingEdit>>(restored.edits);

  useEffect(() => onPendingChange(pending.size), [pending, onPendingChange]);
  useEffect(() => {
    const drafts = new Map(restored.hidden);
    for (const [key, edit] of pending) drafts.set(key, edit.text);
    writeDrafts(browserStorage(), storageKey, drafts);
  }, [pending, restored, storageKey]);

  const setEdit = useCallback((key: string, edit: PendingEdit | null) => {
    setPending((old) => {
      if (edit === null && !old.has(key)) return old;
      return withEdit(old, key, edit);
    });
  }, []);
  const settleEdit = useCallback((key: string, seq: number, edit: PendingEdit | null) => {
    setPending((old) => (old.get(key)?.seq !== seq ? old : withEdit(old, key, edit)));
  }, []);
  return { pending, setEdit, settleEdit };
}

function withEdit(
  old: ReadonlyMap<string, PendingEdit>,
  key: string,
  edit: PendingEdit | null,
): Map<string, PendingEdit> {
  const next = new Map(old);
  if (edit === null) next.delete(key);
  else next.set(key, edit);
  return next;
}
