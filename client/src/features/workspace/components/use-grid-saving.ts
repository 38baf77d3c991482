import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import type { SeriesDimensions } from '../../../lib/series';
import {
  deleteValue,
  saveValue,
  type Observation,
  type WorkspaceIndicator,
} from '../api/workspace-api';
import {
  cellKey,
  checkText,
  createSaveQueue,
  isUnchanged,
  latestStored,
  splitCellKey,
  type GridPosition,
  type SaveQueue,
} from '../utils/grid-model';
import type { Conflict } from './conflict-dialog';
import { nextSeq, type GridEdits } from './use-grid-edits';
import { nameIn, type CheckMessage } from './use-grid-rules';

/** One save waiting in the queue: the checked value and the edit it comes from. */
interface SaveJob {
  indicator: WorkspaceIndicator;
  year: number;
  text: string;
  value: number | null;
  seq: number;
  /** The stored value to overwrite (the officer kept theirs in a conflict); absent: the latest known. */
  force?: Observation | null;
}

/** A conflict waits this long after the typist's last move before its dialog takes the focus. */
const CONFLICT_DELAY_MS = 1000;
/** How many saves the grid sends at once (a pasted column of 60 values does not open 60 requests). */
const CONCURRENCY = 4;

/** The conflicts waiting for the officer, the first shown in the dialog once it is open. */
export interface GridConflicts {
  conflicts: readonly Conflict[];
  isOpen: boolean;
  setOpen: (open: boolean) => void;
  /** Adds a cell's conflict (replacing an earlier one of the same cell). */
  add: (conflict: Conflict) => void;
  /** Drops the conflicts of a cell whose edit was discarded. */
  dropAt: (key: string) => void;
  /** The officer chose in a conflict: the next one (if any) follows at once. */
  close: (conflict: Conflict) => void;
}

export function useGridConflicts(): GridConflicts {
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  const [isOpen, setOpen] = useState(false);
  const add = useCallback((conflict: Conflict) => {
    setConflicts((old) => [
      ...old.filter(
        (c) => !(c.indicator.slug === conflict.indicator.slug && c.year === conflict.year),
      ),
      conflict,
    ]);
  }, []);
  const keep = (rest: readonly Conflict[]) => {
    setConflicts(rest);
    if (rest.length === 0) setOpen(false);
  };
  return {
    conflicts,
    isOpen,
    setOpen,
    add,
    dropAt: (key) => keep(conflicts.filter((c) => cellKey(c.indicator.slug, c.year) !== key)),
    close: (conflict) => keep(conflicts.filter((c) => c !== conflict)),
  };
}

/**
 * A conflict opens its dialog once the typist pauses: a modal that took the
 * focus in the middle of a column would swallow the values typed after it.
 * Every change of the open edit or the active cell restarts the wait.
 */
export function useConflictPause(
  { conflicts, isOpen, setOpen }: GridConflicts,
  editing: string | null,
  active: GridPosition,
): void {
  useEffect(() => {
    if (conflicts.length === 0 || isOpen || editing !== null) return;
    const timer = setTimeout(() => setOpen(true), CONFLICT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [conflicts.length, isOpen, setOpen, editing, active]);
}

/** Writes one value (null: deletes it) with the stored value's ETag; the server's answer. */
async function send(
  city: string,
  job: SaveJob,
  current: Observation | null,
  series: SeriesDimensions,
): Promise<Observation | null> {
  const { indicator, year, value } = job;
  if (value === null) {
    await deleteValue(city, indicator.slug, year, current!.etag, series);
    return null;
  }
  return saveValue(city, indicator.slug, year, { value }, current?.etag ?? null, series);
}

/** The grid's saving: what a save does with each edit, and what it says. */
export interface GridSaving {
  /**
   * Checks an edit and queues its save. A refused edit stays in the cell,
   * marked, with its reason next to it and named in the banner.
   * `force`: the stored value to overwrite (the officer keeps theirs in a conflict).
   */
  save: (
    indicator: WorkspaceIndicator,
    year: number,
    text: string,
    force?: Observation | null,
  ) => void;
  /** A value the server now has for a cell (saved elsewhere, or theirs kept): the cell's edit goes. */
  stored: (indicator: WorkspaceIndicator, year: number, saved: Observation | null) => void;
  /** Saves again every failed edit worth retrying. */
  retryAll: (rows: readonly WorkspaceIndicator[]) => void;
  /** The cell refused last: its reason stays next to it while the typist goes on. */
  lastFailed: string | null;
  /** What the screen reader hears of the last refusal. */
  errorAnnouncement: string;
}

/**
 * Saves through a queue (one save per cell at a time, each sent with the
 * version the previous one returned, a few cells at once), so a typist never
 * waits and never loses a value; keeps the typed text on any failure, and
 * hands a 412 to the conflicts. Longer than ~60 lines: its functions share
 * the queue and the refs of what was saved, each of them short.
 */
export function useGridSaving(options: {
  city: string;
  series: SeriesDimensions;
  locale: string;
  values: ReadonlyMap<string, Observation>;
  onSaved: (
    indicator: string,
    year: number,
    saved: Observation | null,
    series: SeriesDimensions,
  ) => void;
  checkMessage: CheckMessage;
  edits: GridEdits;
  addConflict: (conflict: Conflict) => void;
  announce: (text: string) => void;
}): GridSaving {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { city, series, locale, values, checkMessage, addConflict, announce } = options;
  const { pending, setEdit, settleEdit } = options.edits;
  const [lastFailed, setLastFailed] = useState<string | null>(null);
  const [errorAnnouncement, setErrorAnnouncement] = useState('');
  const valuesRef = useRef(values);
  /** What each save returned: newer than `values` until the page's data catches up. */
  const savedRef = useRef(new Map<string, Observation | null>());
  const runRef = useRef<(key: string, job: SaveJob) => Promise<void>>(async () => undefined);
  const queueRef = useRef<SaveQueue<SaveJob> | null>(null);
  /** The grid's save queue, made on the first save (it calls the latest `runSave`). */
  const saveQueue = (): SaveQueue<SaveJob> =>
    (queueRef.current ??= createSaveQueue<SaveJob>(
      (key, job) => runRef.current(key, job),
      CONCURRENCY,
    ));
  useLayoutEffect(() => {
    valuesRef.current = values;
  }, [values]);

  /** The latest stored value of a cell this page knows: its own saves first, unless the page has a newer one. */
  const currentOf = (key: string): Observation | null =>
    latestStored(
      valuesRef.current.get(key) ?? null,
      savedRef.current.has(key),
      savedRef.current.get(key) ?? null,
    );

  const refuse = (key: string, indicator: WorkspaceIndicator, year: number, message: string) => {
    setLastFailed(key);
    setErrorAnnouncement(
      `${t('workspace.grid.notSaved', { indicator: nameIn(indicator, lang), year })} ${message}`,
    );
  };

  const stored = (indicator: WorkspaceIndicator, year: number, saved: Observation | null) => {
    // Known at once, before the page re-renders: the next save of this cell sends this version.
    savedRef.current.set(cellKey(indicator.slug, year), saved);
    options.onSaved(indicator.slug, year, saved, series);
  };

  /** Sends one queued save; keeps the typed text on any failure. */
  const runSave = async (key: string, job: SaveJob): Promise<void> => {
    const { indicator, year, value, seq } = job;
    const current = job.force !== undefined ? job.force : currentOf(key);
    // Nothing to send: no value to delete, or (unless overwriting theirs) the same value.
    if (isUnchanged(value, current) && (job.force === undefined || value === null)) {
      settleEdit(key, seq, null);
      return;
    }
    try {
      stored(indicator, year, await send(city, job, current, series));
      settleEdit(key, seq, null);
      announce(t('workspace.grid.saved', { indicator: nameIn(indicator, lang), year }));
    } catch (err) {
      const error = err instanceof ApiError ? err : null;
      const conflict = error?.status === 412;
      const message = conflict
        ? t('workspace.grid.conflictShort')
        : (error?.message ?? t('workspace.grid.unknownError'));
      const retryable = !conflict && (error === null || error.isTransient);
      settleEdit(key, seq, { text: job.text, state: 'failed', message, retryable, seq });
      refuse(key, indicator, year, message);
      if (conflict) {
        const theirs =
          (error.details as { current?: Observation | null } | undefined)?.current ?? null;
        addConflict({ indicator, year, mine: value, theirs });
      }
    }
  };
  useLayoutEffect(() => {
    runRef.current = runSave;
  });

  const save: GridSaving['save'] = (indicator, year, text, force) => {
    const key = cellKey(indicator.slug, year);
    const check = checkText(text, indicator, locale);
    const seq = nextSeq();
    if (!check.ok) {
      const message = checkMessage(check, indicator);
      setEdit(key, { text, state: 'invalid', message, retryable: false, seq });
      refuse(key, indicator, year, message ?? '');
      return;
    }
    if (force === undefined && !saveQueue().has(key) && isUnchanged(check.value, currentOf(key))) {
      setEdit(key, null);
      return;
    }
    setEdit(key, { text, state: 'saving', message: null, retryable: false, seq });
    saveQueue().enqueue(key, { indicator, year, text, value: check.value, seq, force });
  };

  const retryAll = (rows: readonly WorkspaceIndicator[]) => {
    for (const [key, edit] of pending) {
      if (edit.state !== 'failed' || !edit.retryable) continue;
      const { slug, year } = splitCellKey(key);
      const indicator = rows.find((i) => i.slug === slug);
      if (indicator !== undefined) save(indicator, year, edit.text);
    }
  };

  return {
    save,
    stored: (indicator, year, saved) => {
      stored(indicator, year, saved);
      setEdit(cellKey(indicator.slug, year), null);
    },
    retryAll,
    lastFailed,
    errorAnnouncement,
  };
}
