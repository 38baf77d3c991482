import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { FlagLegend, FlagMarks, useFlagWord } from '../../../components/ui/value-flags';
import {
  describeSeries,
  flagsPresent,
  seriesKey,
  type SeriesDimensions,
} from '../../../lib/series';
import {
  saveValue,
  deleteValue,
  type CityReviews,
  type Observation,
  type ReviewComment,
  type WorkspaceIndicator,
} from '../api/workspace-api';
import {
  byGoal,
  cellKey,
  checkText,
  createSaveQueue,
  draftsStorageKey,
  pastedBlock,
  readDrafts,
  reportingColumn,
  scrollLeftFor,
  stepPosition,
  writeDrafts,
  type Check,
  type GridPosition,
  type PendingEdit,
  type SaveQueue,
} from '../utils/grid-model';
import { decimalSeparator, editableNumber } from '../utils/parse-number';
import { ConflictDialog, type Conflict } from './conflict-dialog';
import { CellPanel } from './cell-panel';
import { formatStored } from '../../../lib/format';

export interface DataGridProps {
  city: { slug: string; name: string };
  network: string;
  indicators: readonly WorkspaceIndicator[];
  values: ReadonlyMap<string, Observation>;
  years: readonly number[];
  reviews: CityReviews | undefined;
  comments: readonly ReviewComment[];
  locale: string;
  canEdit: boolean;
  /** The series the grid shows and writes ({} = the headline). */
  series?: SeriesDimensions;
  /** A value the server stored (or deleted: null) in a series, to merge into the page's data. */
  onSaved: (
    indicator: string,
    year: number,
    saved: Observation | null,
    series: SeriesDimensions,
  ) => void;
  /** Short titles of the goals, for the group headings. */
  goalTitles?: ReadonlyMap<number, string>;
  /** Reports how many edits the server does not have (for the leave-page guard). */
  onPendingChange: (count: number) => void;
  /** Whether the grid is on screen (its tab shown): it scrolls to the reported year once it is. */
  isVisible?: boolean;
}

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
/** How many failed edits the banner lists by name (the cells show the others). */
const BANNER_LIMIT = 5;

let lastSeq = 0;
/** A number for each edit, increasing across the page's life (see PendingEdit.seq). */
const nextSeq = (): number => ++lastSeq;

const name = (indicator: WorkspaceIndicator, lang: string): string =>
  indicator.translations[lang]?.name ?? indicator.name;
const unitOf = (indicator: WorkspaceIndicator, lang: string): string =>
  indicator.translations[lang]?.unit ?? indicator.unit;
/** An edit that needs the officer: refused as typed, or refused or lost by the server. */
const isError = (edit: PendingEdit | undefined): boolean =>
  edit?.state === 'invalid' || edit?.state === 'failed';

/** The browser's storage for drafts, or null where it is unavailable (private modes, tests). */
function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The officer's data grid: indicators (grouped by goal) × years, edited in
 * place like a spreadsheet. Each cell saves on its own with the value's
 * ETag, through a queue (one save per cell at a time, each sent with the
 * version the previous one returned), so a typist never waits and never
 * loses a value; the focus stays in the grid through saves, errors and the
 * conflict dialog. Refused and failed edits stay in their cells, marked and
 * explained next to them, named in a banner, and kept in the browser until
 * saved or discarded; submitted and approved years are read-only.
 */
export function DataGrid(props: DataGridProps): ReactNode {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { indicators, values, years, locale, city, canEdit } = props;
  const isVisible = props.isVisible ?? true;
  const series = useMemo(() => props.series ?? {}, [props.series]);
  const storageKey = draftsStorageKey(city.slug, seriesKey(series));
  const flagWord = useFlagWord();
  const groups = useMemo(() => byGoal(indicators), [indicators]);
  const rows = useMemo(() => groups.flatMap((g) => g.indicators), [groups]);

  const lockedYears = useMemo(() => {
    const map = new Map<number, string>();
    for (const y of props.reviews?.years ?? []) if (y.locked) map.set(y.year, y.state);
    return map;
  }, [props.reviews]);
  const stateOf = useCallback(
    (year: number): string => props.reviews?.years.find((y) => y.year === year)?.state ?? 'draft',
    [props.reviews],
  );
  const commentsAt = useMemo(() => {
    const map = new Map<string, ReviewComment[]>();
    for (const c of props.comments) {
      if (c.indicator === null) continue;
      const key = cellKey(c.indicator, c.year);
      map.set(key, [...(map.get(key) ?? []), c]);
    }
    return map;
  }, [props.comments]);

  const checkMessage = useCallback(
    (check: Check, indicator: WorkspaceIndicator): string | null => {
      if (check.ok) return null;
      const unit = unitOf(indicator, lang);
      const min =
        indicator.allowedMin === null
          ? ''
          : formatNumber(indicator.allowedMin, locale, indicator.decimals);
      const max =
        indicator.allowedMax === null
          ? ''
          : formatNumber(indicator.allowedMax, locale, indicator.decimals);
      switch (check.reason) {
        case 'number':
          return t('workspace.grid.notANumber', {
            example: decimalSeparator(locale) === ',' ? '12,5' : '12.5',
          });
        case 'range':
          return t('workspace.grid.outOfRange', { min, max, unit });
        case 'min':
          return t('workspace.grid.belowMin', { min, unit });
        case 'max':
          return t('workspace.grid.aboveMax', { max, unit });
      }
    },
    [lang, locale, t],
  );

  // The year being reported is where the grid opens: the latest one the officer can edit.
  const [active, setActive] = useState<GridPosition>(() => ({
    row: 0,
    col: reportingColumn(years, (year) => canEdit && !lockedYears.has(year)),
  }));
  const [openColumn] = useState(active.col);
  const [editing, setEditing] = useState<string | null>(null);
  // Edits kept from an earlier visit come back as they were left: refused ones with their reason.
  const [restored] = useState(() => {
    const edits = new Map<string, PendingEdit>();
    const hidden = new Map<string, string>();
    for (const [key, text] of readDrafts(browserStorage(), storageKey)) {
      const [slug, yearText] = key.split('|');
      const indicator = rows.find((i) => i.slug === slug);
      const year = Number(yearText);
      if (indicator === undefined || !years.includes(year)) {
        // Not in this grid now (another network's indicator, an older year): kept, untouched.
        hidden.set(key, text);
        continue;
      }
      const check = checkText(text, indicator, locale);
      const current = values.get(key);
      if (
        check.ok &&
        (check.value === null ? current === undefined : current?.value === check.value)
      )
        continue; // the server has it after all
      edits.set(
        key,
        check.ok
          ? {
              text,
              state: 'failed',
              message: t('workspace.grid.restored'),
              retryable: true,
              seq: nextSeq(),
            }
          : {
              text,
              state: 'invalid',
              message: checkMessage(check, indicator),
              retryable: false,
              seq: nextSeq(),
            },
      );
    }
    return { edits, hidden };
  });
  const [pending, setPending] = useState<ReadonlyMap<string, PendingEdit>>(restored.edits);
  // The cell that was refused last: its reason stays next to it while the typist goes on.
  const [lastFailed, setLastFailed] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  const [isConflictOpen, setConflictOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Typing into a locked cell: why nothing happens, at the cell, until the active cell changes.
  const [refused, setRefused] = useState<{ at: GridPosition; message: string } | null>(null);
  const [errorAnnouncement, setErrorAnnouncement] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** Where the focus must go after the next render ('cell': the active cell). */
  const focusRef = useRef<'cell' | 'input' | null>(null);
  /** Whether the officer is working in the grid (the focus was last in it, not elsewhere on the page). */
  const inGridRef = useRef(false);
  /** Whether an edit is open: commits once (Enter, then the input's blur as it goes, must not save twice). */
  const editOpenRef = useRef(false);
  const valuesRef = useRef(values);
  /** What each save returned: newer than `values` until the page's data catches up. */
  const savedRef = useRef(new Map<string, Observation | null>());
  const runRef = useRef<(key: string, job: SaveJob) => Promise<void>>(async () => undefined);
  const queueRef = useRef<SaveQueue<SaveJob> | null>(null);
  /** The grid's save queue, made on the first save (it calls the latest `runSave`). */
  const saveQueue = (): SaveQueue<SaveJob> =>
    (queueRef.current ??= createSaveQueue<SaveJob>((key, job) => runRef.current(key, job), 4));

  const { onPendingChange } = props;
  useEffect(() => onPendingChange(pending.size), [pending, onPendingChange]);
  useLayoutEffect(() => {
    valuesRef.current = values;
  }, [values]);

  // Every unsaved edit is kept in the browser until saved or discarded, so a reload keeps it.
  useEffect(() => {
    const drafts = new Map(restored.hidden);
    for (const [key, edit] of pending) drafts.set(key, edit.text);
    writeDrafts(browserStorage(), storageKey, drafts);
  }, [pending, restored, storageKey]);

  /** The latest stored value of a cell this page knows: its own saves first, unless the page has a newer one. */
  const currentOf = (key: string): Observation | null => {
    const shown = valuesRef.current.get(key) ?? null;
    if (!savedRef.current.has(key)) return shown;
    const kept = savedRef.current.get(key) ?? null;
    if (kept !== null && shown !== null && shown.version > kept.version) return shown;
    return kept;
  };

  const setEdit = useCallback((key: string, edit: PendingEdit | null) => {
    setPending((old) => {
      if (edit === null && !old.has(key)) return old;
      const next = new Map(old);
      if (edit === null) next.delete(key);
      else next.set(key, edit);
      return next;
    });
  }, []);

  /** Changes a cell's edit only if it is still the edit `seq` (a newer one typed meanwhile wins). */
  const settleEdit = useCallback((key: string, seq: number, edit: PendingEdit | null) => {
    setPending((old) => {
      if (old.get(key)?.seq !== seq) return old;
      const next = new Map(old);
      if (edit === null) next.delete(key);
      else next.set(key, edit);
      return next;
    });
  }, []);

  const addConflict = useCallback((conflict: Conflict) => {
    setConflicts((old) => [
      ...old.filter(
        (c) => !(c.indicator.slug === conflict.indicator.slug && c.year === conflict.year),
      ),
      conflict,
    ]);
  }, []);

  const cellName = useCallback(
    (indicator: WorkspaceIndicator, year: number) => `${name(indicator, lang)}, ${year}`,
    [lang],
  );

  /** Sends one queued save; keeps the typed text on any failure. */
  const runSave = async (key: string, job: SaveJob): Promise<void> => {
    const { indicator, year, value, seq } = job;
    const current = job.force !== undefined ? job.force : currentOf(key);
    // Nothing to send: no value to delete, or (unless overwriting theirs) the same value.
    if (
      (value === null && current === null) ||
      (job.force === undefined &&
        value !== null &&
        current !== null &&
        Object.is(current.value, value))
    ) {
      settleEdit(key, seq, null);
      return;
    }
    try {
      let saved: Observation | null = null;
      if (value === null) {
        await deleteValue(city.slug, indicator.slug, year, current!.etag, series);
      } else {
        saved = await saveValue(
          city.slug,
          indicator.slug,
          year,
          { value },
          current?.etag ?? null,
          series,
        );
      }
      // Known at once, before the page re-renders: the next save of this cell sends this version.
      savedRef.current.set(key, saved);
      props.onSaved(indicator.slug, year, saved, series);
      settleEdit(key, seq, null);
      setAnnouncement(t('workspace.grid.saved', { indicator: name(indicator, lang), year }));
    } catch (err) {
      const error = err instanceof ApiError ? err : null;
      const conflict = error?.status === 412;
      const message = conflict
        ? t('workspace.grid.conflictShort')
        : (error?.message ?? t('workspace.grid.unknownError'));
      settleEdit(key, seq, {
        text: job.text,
        state: 'failed',
        message,
        retryable: !conflict && (error === null || error.isTransient),
        seq,
      });
      setLastFailed(key);
      setErrorAnnouncement(
        `${t('workspace.grid.notSaved', { indicator: name(indicator, lang), year })} ${message}`,
      );
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

  /**
   * Checks an edit and queues its save. A refused edit stays in the cell,
   * marked, with its reason next to it and named in the banner.
   */
  const save = (
    indicator: WorkspaceIndicator,
    year: number,
    text: string,
    force?: Observation | null,
  ): void => {
    const key = cellKey(indicator.slug, year);
    const check = checkText(text, indicator, locale);
    const seq = nextSeq();
    if (!check.ok) {
      const message = checkMessage(check, indicator);
      setEdit(key, { text, state: 'invalid', message, retryable: false, seq });
      setLastFailed(key);
      setErrorAnnouncement(
        `${t('workspace.grid.notSaved', { indicator: name(indicator, lang), year })} ${message ?? ''}`,
      );
      return;
    }
    if (force === undefined && !saveQueue().has(key)) {
      const current = currentOf(key);
      const unchanged =
        check.value === null
          ? current === null
          : current !== null && Object.is(current.value, check.value);
      if (unchanged) {
        setEdit(key, null);
        return;
      }
    }
    setEdit(key, { text, state: 'saving', message: null, retryable: false, seq });
    saveQueue().enqueue(key, { indicator, year, text, value: check.value, seq, force });
  };

  // The focus follows the active cell (roving tabindex) or the open input, and is never left
  // on the page's body while the officer works in the grid: a save, a refused value, a closed
  // dialog or a discarded edit must not swallow the next keystrokes.
  useLayoutEffect(() => {
    const table = tableRef.current;
    const want = focusRef.current;
    focusRef.current = null;
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
  }, []);

  // Opening: the reported year in view, right of the sticky indicator column.
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
  }, [isVisible, openColumn]);

  // A conflict opens its dialog once the typist pauses: a modal that took the focus in the
  // middle of a column would swallow the values typed after it.
  useEffect(() => {
    if (conflicts.length === 0 || isConflictOpen || editing !== null) return;
    const timer = setTimeout(() => setConflictOpen(true), CONFLICT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [conflicts.length, isConflictOpen, editing, active]);

  const activeIndicator = rows[active.row];
  const activeYear = years[active.col]!;
  const activeKey = activeIndicator === undefined ? '' : cellKey(activeIndicator.slug, activeYear);

  const cellLocked = (year: number): string | null => {
    if (!canEdit) return t('workspace.grid.readOnly');
    const state = lockedYears.get(year);
    return state === undefined
      ? null
      : t(`workspace.grid.locked.${state}` as 'workspace.grid.locked.approved', { year });
  };

  const move = (dr: number, dc: number) =>
    setActive((p) => stepPosition(p, dr, dc, rows.length, years.length));

  const startEdit = (initial?: string) => {
    if (activeIndicator === undefined) return;
    const locked = cellLocked(activeYear);
    if (locked !== null) {
      setAnnouncement(locked);
      setRefused({ at: active, message: locked });
      return;
    }
    const current = values.get(activeKey);
    const draft = pending.get(activeKey);
    editOpenRef.current = true;
    focusRef.current = 'input';
    // At once, not on the next frame: the typist's next key must already land in the input.
    flushSync(() =>
      setEditing(
        initial ??
          draft?.text ??
          (current === undefined ? '' : editableNumber(current.value, locale)),
      ),
    );
  };

  /**
   * Saves the open edit and moves. From the keyboard the next cell takes the
   * focus before this handler returns, so the next keystroke lands there; a
   * blur (a click elsewhere) leaves the focus where the officer put it.
   */
  const commitEdit = (dr: number, dc: number, via: 'key' | 'blur') => {
    if (!editOpenRef.current || editing === null || activeIndicator === undefined) return;
    editOpenRef.current = false;
    const text = editing;
    const indicator = activeIndicator;
    const year = activeYear;
    if (via === 'blur') {
      setEditing(null);
      save(indicator, year, text);
      return;
    }
    focusRef.current = 'cell';
    flushSync(() => {
      setEditing(null);
      save(indicator, year, text);
      move(dr, dc);
    });
  };

  const cancelEdit = () => {
    editOpenRef.current = false;
    focusRef.current = 'cell';
    flushSync(() => setEditing(null));
  };

  const onCellKey = (event: KeyboardEvent) => {
    // Keys typed in the open input bubble up here: they are the input's.
    if (editing !== null || event.target !== event.currentTarget) return;
    const keys: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = keys[event.key];
    if (step !== undefined) {
      event.preventDefault();
      move(step[0], step[1]);
    } else if (event.key === 'Home') {
      event.preventDefault();
      setActive((p) => ({ ...p, col: 0 }));
    } else if (event.key === 'End') {
      event.preventDefault();
      setActive((p) => ({ ...p, col: years.length - 1 }));
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit();
    } else if (event.key === 'Tab') {
      if (
        (event.shiftKey && active.col > 0) ||
        (!event.shiftKey && active.col < years.length - 1)
      ) {
        event.preventDefault();
        move(0, event.shiftKey ? -1 : 1);
      }
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      if (
        activeIndicator !== undefined &&
        cellLocked(activeYear) === null &&
        (values.has(activeKey) || pending.has(activeKey))
      )
        save(activeIndicator, activeYear, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(event.key);
    }
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitEdit(event.shiftKey ? -1 : 1, 0, 'key');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commitEdit(0, event.shiftKey ? -1 : 1, 'key');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancelEdit();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      commitEdit(event.key === 'ArrowUp' ? -1 : 1, 0, 'key');
    }
  };

  const onPaste = (event: ClipboardEvent) => {
    if (editing !== null || !canEdit) return;
    const text = event.clipboardData.getData('text/plain');
    if (text === '') return;
    event.preventDefault();
    const block = pastedBlock(text);
    let count = 0;
    let skipped = 0;
    block.forEach((cells, r) =>
      cells.forEach((cellText, c) => {
        const indicator = rows[active.row + r];
        const year = years[active.col + c];
        if (indicator === undefined || year === undefined || cellLocked(year) !== null) {
          skipped++;
          return;
        }
        count++;
        // The queue sends a few at a time: a pasted column of 60 values does not open 60 requests.
        save(indicator, year, cellText.trim());
      }),
    );
    setAnnouncement(t('workspace.grid.pasted', { count, skipped }));
  };

  const indicatorOf = (key: string): WorkspaceIndicator | undefined => {
    const slug = key.split('|')[0];
    return rows.find((i) => i.slug === slug);
  };

  const retryAll = () => {
    for (const [key, edit] of pending) {
      if (edit.state !== 'failed' || !edit.retryable) continue;
      const indicator = indicatorOf(key);
      if (indicator !== undefined) save(indicator, Number(key.split('|')[1]), edit.text);
    }
  };

  const goTo = (key: string) => {
    const [slug, yearText] = key.split('|');
    const row = rows.findIndex((i) => i.slug === slug);
    const col = years.indexOf(Number(yearText));
    if (row < 0 || col < 0) return;
    focusRef.current = 'cell';
    setActive({ row, col });
  };

  /** Drops an unsaved edit (the stored value shows again); the focus goes to its cell. */
  const discard = (key: string) => {
    const indicator = indicatorOf(key);
    goTo(key);
    setEdit(key, null);
    const rest = conflicts.filter((c) => cellKey(c.indicator.slug, c.year) !== key);
    setConflicts(rest);
    if (rest.length === 0) setConflictOpen(false);
    if (indicator !== undefined)
      setAnnouncement(
        t('workspace.grid.discarded', { cell: cellName(indicator, Number(key.split('|')[1])) }),
      );
  };

  /** The officer chose: the next conflict (if any) follows at once, else the focus goes back to the grid. */
  const closeConflict = (conflict: Conflict) => {
    const rest = conflicts.filter((c) => c !== conflict);
    focusRef.current = 'cell';
    setConflicts(rest);
    if (rest.length === 0) setConflictOpen(false);
  };

  const editingCheck =
    editing === null || activeIndicator === undefined
      ? null
      : checkText(editing, activeIndicator, locale);
  const editingError =
    editingCheck === null || activeIndicator === undefined
      ? null
      : checkMessage(editingCheck, activeIndicator);
  const rowOf = new Map(rows.map((indicator, row) => [indicator.slug, row]));
  const failed = [...pending]
    .filter((entry): entry is [string, PendingEdit] => isError(entry[1]))
    .map(([key, edit]) => {
      const [slug, yearText] = key.split('|');
      return { key, edit, slug: slug!, year: Number(yearText) };
    })
    .filter((f) => rowOf.has(f.slug) && years.includes(f.year))
    .sort((a, b) => rowOf.get(a.slug)! - rowOf.get(b.slug)! || a.year - b.year);
  // Reasons shown next to cells: the active cell's, and the one refused last.
  const bubbleKeys = new Set<string>();
  if (editing === null && isError(pending.get(activeKey))) bubbleKeys.add(activeKey);
  if (lastFailed !== null && isError(pending.get(lastFailed)) && lastFailed !== activeKey)
    bubbleKeys.add(lastFailed);
  const conflict = isConflictOpen ? conflicts[0] : undefined;

  return (
    <div className="data-grid">
      <p className="hint" id="grid-help">
        {t('workspace.grid.help')}
      </p>
      {failed.length > 0 && (
        <div
          className="notice notice-warning grid-banner"
          data-testid="unsaved-notice"
          role="region"
          aria-labelledby="grid-banner-title"
        >
          <p id="grid-banner-title" className="grid-banner-title">
            <span aria-hidden="true" className="grid-banner-icon">
              !
            </span>{' '}
            {t('workspace.grid.unsaved', { count: failed.length })}
          </p>
          <ul className="grid-banner-list">
            {failed.slice(0, BANNER_LIMIT).map(({ key, edit, slug, year }) => {
              const indicator = rows[rowOf.get(slug)!]!;
              return (
                <li key={key}>
                  <span>
                    {t('workspace.grid.errorAt', {
                      cell: cellName(indicator, year),
                      text: edit.text,
                      reason: edit.message ?? '',
                    })}
                  </span>{' '}
                  <span className="grid-banner-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('workspace.grid.goToLabel', {
                        cell: cellName(indicator, year),
                      })}
                      onClick={() => goTo(key)}
                    >
                      {t('workspace.grid.goTo')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('workspace.grid.discardLabel', {
                        cell: cellName(indicator, year),
                      })}
                      onClick={() => discard(key)}
                    >
                      {t('workspace.grid.discard')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          {failed.length > BANNER_LIMIT && (
            <p>{t('workspace.grid.more', { count: failed.length - BANNER_LIMIT })}</p>
          )}
          {failed.some((f) => f.edit.retryable) && (
            <button type="button" className="button button--small" onClick={retryAll}>
              {t('workspace.grid.retryAll')}
            </button>
          )}
        </div>
      )}
      <div className="table-scroll grid-scroll" ref={scrollRef}>
        <table
          ref={tableRef}
          role="grid"
          aria-label={
            t('workspace.grid.label', { city: city.name }) +
            (describeSeries(series) === '' ? '' : ` (${describeSeries(series)})`)
          }
          aria-describedby="grid-help"
          aria-rowcount={rows.length + 1}
          className="grid"
          onPaste={onPaste}
          data-testid="data-grid"
        >
          <thead>
            <tr>
              <th scope="col">{t('workspace.grid.indicator')}</th>
              {years.map((year, col) => {
                const state = stateOf(year);
                return (
                  <th scope="col" key={year} data-col={col} className={`year-head state-${state}`}>
                    <span className="year">{year}</span>
                    <span className="review-state">
                      {t(`workspace.state.${state}` as 'workspace.state.draft')}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.goal ?? 'none'}>
              <tr className="goal-row">
                <th scope="colgroup" colSpan={years.length + 1}>
                  <span>
                    {group.goal === null
                      ? t('workspace.grid.noGoal')
                      : t('workspace.grid.goal', { goal: group.goal })}
                    {group.goal !== null && props.goalTitles?.has(group.goal) === true
                      ? ` · ${props.goalTitles.get(group.goal)}`
                      : ''}
                  </span>
                </th>
              </tr>
              {group.indicators.map((indicator) => {
                const row = rowOf.get(indicator.slug)!;
                const unit = unitOf(indicator, lang);
                return (
                  <tr key={indicator.slug}>
                    <th
                      scope="row"
                      className="indicator-head"
                      title={`${name(indicator, lang)} (${unit})`}
                    >
                      <span className="indicator-label">
                        <span className="indicator-name">{name(indicator, lang)}</span>
                        <span className="unit">{unit}</span>
                      </span>
                    </th>
                    {years.map((year, col) => {
                      const key = cellKey(indicator.slug, year);
                      const value = values.get(key);
                      const edit = pending.get(key);
                      const isActive = active.row === row && active.col === col;
                      const isEditing = isActive && editing !== null;
                      const flagged = value?.flag ?? null;
                      const comments = commentsAt.get(key);
                      const shown =
                        edit !== undefined
                          ? edit.text
                          : value === undefined
                            ? ''
                            : formatStored(value.value, locale, indicator.decimals);
                      const label = [
                        `${name(indicator, lang)}, ${year}`,
                        edit !== undefined && isError(edit)
                          ? `${edit.text}: ${t('workspace.grid.notSavedShort')} ${edit.message ?? ''}`
                          : edit?.state === 'saving'
                            ? `${edit.text}: ${t('workspace.grid.saving')}`
                            : value === undefined
                              ? t('workspace.grid.empty')
                              : [`${shown} ${unit}`, ...value.flags.map(flagWord)].join(', '),
                        flagged === null
                          ? ''
                          : `${t('workspace.grid.flagged')}: ${flagged.message}`,
                        comments === undefined
                          ? ''
                          : t('workspace.grid.hasComments', { count: comments.length }),
                        lockedYears.has(year) ? t('workspace.grid.lockedShort') : '',
                      ]
                        .filter((part) => part !== '')
                        .join('. ');
                      const bubbleId = `cell-reason-${row}-${col}`;
                      const bubble =
                        !isEditing && bubbleKeys.has(key) && isError(edit) ? edit : undefined;
                      const lockedNote =
                        isActive && refused !== null && refused.at === active
                          ? refused.message
                          : undefined;
                      return (
                        <td
                          key={year}
                          role="gridcell"
                          data-pos={`${row}:${col}`}
                          data-cell={key}
                          tabIndex={isActive && !isEditing ? 0 : -1}
                          aria-label={isEditing ? undefined : label}
                          aria-describedby={
                            bubble !== undefined || lockedNote !== undefined ? bubbleId : undefined
                          }
                          aria-selected={isActive}
                          aria-readonly={lockedYears.has(year) || !canEdit ? true : undefined}
                          aria-invalid={isError(edit) ? true : undefined}
                          className={[
                            'cell',
                            isActive ? 'active' : '',
                            edit !== undefined ? `pending-${edit.state}` : '',
                            flagged !== null ? 'flagged' : '',
                            lockedYears.has(year) ? 'locked' : '',
                          ].join(' ')}
                          onClick={() => setActive({ row, col })}
                          onDoubleClick={() => startEdit()}
                          onKeyDown={onCellKey}
                        >
                          {isEditing ? (
                            <>
                              <input
                                ref={inputRef}
                                className="cell-input"
                                inputMode="decimal"
                                aria-label={`${name(indicator, lang)}, ${year} (${unit})`}
                                aria-invalid={editingError !== null}
                                aria-describedby={editingError !== null ? 'cell-error' : undefined}
                                value={editing}
                                onChange={(e) => setEditing(e.target.value)}
                                onKeyDown={onInputKey}
                                onBlur={() => {
                                  // The window losing focus (another app) is not the officer leaving the cell.
                                  if (document.hasFocus()) commitEdit(0, 0, 'blur');
                                }}
                              />
                              {editingError !== null && (
                                <span
                                  id="cell-error"
                                  className="cell-bubble"
                                  data-testid="cell-error"
                                >
                                  {editingError}
                                </span>
                              )}
                            </>
                          ) : (
                            <>
                              <span className="cell-value">{shown}</span>
                              {value !== undefined && edit === undefined && (
                                <FlagMarks flags={value.flags} />
                              )}
                              {edit?.state === 'saving' && <span aria-hidden="true"> …</span>}
                              {edit !== undefined && isError(edit) && (
                                <span
                                  className="cell-mark error-mark"
                                  aria-hidden="true"
                                  title={edit.message ?? ''}
                                >
                                  !
                                </span>
                              )}
                              {flagged !== null && edit === undefined && (
                                <span
                                  className="cell-mark flag-mark"
                                  aria-hidden="true"
                                  title={flagged.message}
                                >
                                  ⚠
                                </span>
                              )}
                              {comments !== undefined && (
                                <span className="cell-mark comment-mark" aria-hidden="true">
                                  ✉
                                </span>
                              )}
                              {bubble !== undefined && (
                                <span
                                  id={bubbleId}
                                  className="cell-bubble beside"
                                  data-testid="cell-reason"
                                >
                                  {bubble.message}
                                </span>
                              )}
                              {bubble === undefined && lockedNote !== undefined && (
                                <span
                                  id={bubbleId}
                                  className="cell-bubble cell-bubble--locked"
                                  data-testid="cell-locked"
                                >
                                  {lockedNote}
                                </span>
                              )}
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <FlagLegend flags={flagsPresent([...values.values()])} />
      <p className="visually-hidden" role="alert">
        {editing !== null ? (editingError ?? '') : failed.length > 0 ? errorAnnouncement : ''}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {activeIndicator !== undefined && (
        <CellPanel
          key={activeKey}
          city={city}
          network={props.network}
          indicator={activeIndicator}
          year={activeYear}
          value={values.get(activeKey) ?? null}
          pending={pending.get(activeKey) ?? null}
          comments={commentsAt.get(activeKey) ?? []}
          locked={cellLocked(activeYear)}
          locale={locale}
          series={series}
          onSaved={(saved) => {
            savedRef.current.set(activeKey, saved);
            props.onSaved(activeIndicator.slug, activeYear, saved, series);
            setEdit(activeKey, null);
          }}
          onConflict={(theirs, mine) => {
            addConflict({ indicator: activeIndicator, year: activeYear, mine, theirs });
            setConflictOpen(true);
          }}
          onRetry={() => {
            const edit = pending.get(activeKey);
            if (edit !== undefined) save(activeIndicator, activeYear, edit.text);
          }}
          onDiscard={() => discard(activeKey)}
        />
      )}
      {conflict !== undefined && (
        <ConflictDialog
          key={`${conflict.indicator.slug}|${conflict.year}`}
          conflict={conflict}
          locale={locale}
          onKeepMine={() => {
            closeConflict(conflict);
            save(
              conflict.indicator,
              conflict.year,
              conflict.mine === null ? '' : editableNumber(conflict.mine, locale),
              conflict.theirs,
            );
          }}
          onKeepTheirs={() => {
            closeConflict(conflict);
            const key = cellKey(conflict.indicator.slug, conflict.year);
            savedRef.current.set(key, conflict.theirs);
            props.onSaved(conflict.indicator.slug, conflict.year, conflict.theirs, series);
            setEdit(key, null);
          }}
        />
      )}
    </div>
  );
}
