import type { Observation, WorkspaceIndicator } from '../api/workspace-api';
import { parseLocaleNumber } from './parse-number';

/** The key of a cell: indicator slug and year. */
export const cellKey = (indicator: string, year: number): string => `${indicator}|${year}`;

/** An edit the server does not have yet. */
export interface PendingEdit {
  /** What the officer typed (kept verbatim so nothing is lost). */
  text: string;
  /** `invalid`: refused before sending; `saving`; `failed`: the server refused or could not be reached. */
  state: 'invalid' | 'saving' | 'failed';
  message: string | null;
  /** A failure worth retrying (network, 5xx) rather than one to fix. */
  retryable: boolean;
  /**
   * Which edit of the cell this is (increasing): a save that ends clears only
   * its own edit, never a newer one typed into the same cell meanwhile.
   */
  seq: number;
}

export type Check =
  { ok: true; value: number | null } | { ok: false; reason: 'number' | 'min' | 'max' | 'range' };

/** Checks typed text against the indicator: a number in the locale and within the allowed range; empty = delete. */
export function checkText(text: string, indicator: WorkspaceIndicator, locale: string): Check {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseLocaleNumber(text, locale);
  if (value === null) return { ok: false, reason: 'number' };
  const { allowedMin: min, allowedMax: max } = indicator;
  if ((min !== null && value < min) || (max !== null && value > max))
    return {
      ok: false,
      reason: min !== null && max !== null ? 'range' : min !== null ? 'min' : 'max',
    };
  return { ok: true, value };
}

/** The years shown: the last `count` up to the latest of last year and the latest value. */
export function gridYears(values: readonly Observation[], now: Date, count = 11): number[] {
  const last = Math.max(now.getFullYear() - 1, ...values.map((v) => v.year));
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** Indicators grouped by primary goal (unmapped last), in catalogue order. */
export function byGoal(
  indicators: readonly WorkspaceIndicator[],
): Array<{ goal: number | null; indicators: WorkspaceIndicator[] }> {
  const groups = new Map<number | null, WorkspaceIndicator[]>();
  const sorted = [...indicators].sort(
    (a, b) =>
      (a.goal ?? 99) - (b.goal ?? 99) || a.sortOrder - b.sortOrder || a.slug.localeCompare(b.slug),
  );
  for (const indicator of sorted) {
    const list = groups.get(indicator.goal) ?? [];
    list.push(indicator);
    groups.set(indicator.goal, list);
  }
  return [...groups].map(([goal, list]) => ({ goal, indicators: list }));
}

/** Per goal: how many indicators have a value for the year. */
export function reportingStatus(
  groups: ReadonlyArray<{ goal: number | null; indicators: WorkspaceIndicator[] }>,
  values: ReadonlyMap<string, Observation>,
  year: number,
): Array<{ goal: number | null; total: number; reported: number; missing: string[] }> {
  return groups.map(({ goal, indicators }) => {
    const missing = indicators.filter((i) => !values.has(cellKey(i.slug, year)));
    return {
      goal,
      total: indicators.length,
      reported: indicators.length - missing.length,
      missing: missing.map((i) => i.slug),
    };
  });
}

/** A block of cells pasted from a spreadsheet: rows by line, cells by tab. */
export function pastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}

/** A cell's position in the grid: row (indicator) and column (year). */
export interface GridPosition {
  row: number;
  col: number;
}

/** The position one step away, kept inside a grid of `rows` × `cols`. */
export function stepPosition(
  from: GridPosition,
  dr: number,
  dc: number,
  rows: number,
  cols: number,
): GridPosition {
  return {
    row: Math.max(0, Math.min(rows - 1, from.row + dr)),
    col: Math.max(0, Math.min(cols - 1, from.col + dc)),
  };
}

/**
 * The column of the year being reported: the latest year the officer can
 * still edit, or the last column when none is editable (readers, locked years).
 */
export function reportingColumn(
  years: readonly number[],
  isEditable: (year: number) => boolean,
): number {
  for (let col = years.length - 1; col >= 0; col--) if (isEditable(years[col]!)) return col;
  return Math.max(0, years.length - 1);
}

/**
 * How far to scroll the grid sideways so that a column shows just right of
 * the sticky indicator column, with as many later years as fit after it (the
 * last column ends at the right edge). Lengths in pixels, `columnLeft` from
 * the start of the scrolled content.
 */
export function scrollLeftFor(layout: {
  columnLeft: number;
  stickyWidth: number;
  viewportWidth: number;
  contentWidth: number;
}): number {
  const max = Math.max(0, layout.contentWidth - layout.viewportWidth);
  return Math.round(Math.max(0, Math.min(max, layout.columnLeft - layout.stickyWidth)));
}

/** Saves of grid cells: one at a time per cell, a few cells at a time in all. */
export interface SaveQueue<J> {
  /**
   * Queues a save of a cell. A save of the same cell still waiting is
   * replaced (only the latest text needs to reach the server) and keeps its
   * place; one already sent is never overtaken: this one waits for it, so it
   * is sent with the version that save returns.
   */
  enqueue(key: string, job: J): void;
  /** Whether a save of the cell is waiting or in flight. */
  has(key: string): boolean;
  /** Saves waiting or in flight. */
  size(): number;
  /** Resolves once nothing is waiting or in flight. */
  idle(): Promise<void>;
}

/**
 * A queue that runs `run` for each save, in the order typed, at most
 * `concurrency` at once and never two of the same cell at once. `run` handles
 * its own failures (it marks the cell); one that throws anyway does not stop
 * the queue.
 */
export function createSaveQueue<J>(
  run: (key: string, job: J) => Promise<void>,
  concurrency = 4,
): SaveQueue<J> {
  const waiting = new Map<string, J>();
  const running = new Set<string>();
  let waiters: Array<() => void> = [];

  const settle = () => {
    if (waiting.size > 0 || running.size > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const pump = () => {
    for (const [key, job] of waiting) {
      if (running.size >= concurrency) break;
      if (running.has(key)) continue;
      waiting.delete(key);
      running.add(key);
      void Promise.resolve()
        .then(() => run(key, job))
        .catch(() => undefined)
        .finally(() => {
          running.delete(key);
          pump();
          settle();
        });
    }
  };

  return {
    enqueue(key, job) {
      waiting.set(key, job);
      pump();
    },
    has: (key) => waiting.has(key) || running.has(key),
    size: () => waiting.size + running.size,
    idle: () =>
      waiting.size === 0 && running.size === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

/** What the browser keeps of a grid's unsaved edits: the typed text by cell. */
export type Drafts = ReadonlyMap<string, string>;

/** Where a city's unsaved edits of one series are kept in the browser. */
export const draftsStorageKey = (city: string, series: string): string =>
  `sdg-city-monitor:grid-drafts:v1:${city}:${series}`;

/**
 * The unsaved edits kept for a grid (none when storage is unavailable or
 * holds something else: a broken entry must never break the grid).
 */
export function readDrafts(storage: Pick<Storage, 'getItem'> | null, key: string): Drafts {
  const drafts = new Map<string, string>();
  try {
    const raw = storage?.getItem(key) ?? null;
    if (raw === null) return drafts;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return drafts;
    const cells = (parsed as { cells?: unknown }).cells;
    if (typeof cells !== 'object' || cells === null) return drafts;
    for (const [cell, text] of Object.entries(cells))
      if (typeof text === 'string' && /^[^|]+\|\d{4}$/.test(cell)) drafts.set(cell, text);
  } catch {
    // Unreadable: start without drafts.
  }
  return drafts;
}

/** Keeps a grid's unsaved edits in the browser (removes the entry when there are none). */
export function writeDrafts(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  key: string,
  drafts: Drafts,
): void {
  try {
    if (drafts.size === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ cells: Object.fromEntries(drafts) }));
  } catch {
    // Full or forbidden storage: the edits still stay on screen and behind the leave guard.
  }
}

/** A cell key's parts: indicator slug and year. */
export function splitCellKey(key: string): { slug: string; year: number } {
  const [slug, yearText] = key.split('|');
  return { slug: slug ?? '', year: Number(yearText) };
}

/** An edit that needs the officer: refused as typed, or refused or lost by the server. */
export const isErrorEdit = (edit: PendingEdit | undefined): boolean =>
  edit?.state === 'invalid' || edit?.state === 'failed';

/** Whether a checked value is what the server already has (null: no value, and none stored). */
export function isUnchanged(value: number | null, current: Observation | null): boolean {
  return value === null ? current === null : current !== null && Object.is(current.value, value);
}

/**
 * The latest stored value of a cell: the one the page shows, unless this
 * grid's own save (`saved`, present when `hasSaved`) is newer.
 */
export function latestStored(
  shown: Observation | null,
  hasSaved: boolean,
  saved: Observation | null,
): Observation | null {
  if (!hasSaved) return shown;
  if (saved !== null && shown !== null && shown.version > saved.version) return shown;
  return saved;
}

/**
 * Drafts kept from an earlier visit, as edits of this grid: a draft the
 * server has meanwhile is dropped, a valid one comes back failed (to retry),
 * a refused one invalid with its reason; drafts of cells not in this grid
 * (another network's indicator, an older year) are kept aside untouched.
 */
export function restoreDrafts(
  drafts: Drafts,
  grid: {
    rows: readonly WorkspaceIndicator[];
    years: readonly number[];
    values: ReadonlyMap<string, Observation>;
    locale: string;
  },
  messages: {
    restored: string;
    refused: (check: Check, indicator: WorkspaceIndicator) => string | null;
  },
  nextSeq: () => number,
): { edits: Map<string, PendingEdit>; hidden: Map<string, string> } {
  const edits = new Map<string, PendingEdit>();
  const hidden = new Map<string, string>();
  for (const [key, text] of drafts) {
    const { slug, year } = splitCellKey(key);
    const indicator = grid.rows.find((i) => i.slug === slug);
    if (indicator === undefined || !grid.years.includes(year)) {
      hidden.set(key, text);
      continue;
    }
    const check = checkText(text, indicator, grid.locale);
    const current = grid.values.get(key);
    // The server has it after all (compared with ===, unlike a save: 0 and -0 are one here).
    if (check.ok && (check.value === null ? current === undefined : current?.value === check.value))
      continue;
    edits.set(
      key,
      check.ok
        ? { text, state: 'failed', message: messages.restored, retryable: true, seq: nextSeq() }
        : {
            text,
            state: 'invalid',
            message: messages.refused(check, indicator),
            retryable: false,
            seq: nextSeq(),
          },
    );
  }
  return { edits, hidden };
}

/** One edit the officer must look at (refused or failed), for the banner. */
export interface FailedEdit {
  key: string;
  edit: PendingEdit;
  slug: string;
  year: number;
}

/** The refused and failed edits of cells in the grid, in the grid's order (row, then year). */
export function failedEdits(
  pending: ReadonlyMap<string, PendingEdit>,
  rows: readonly WorkspaceIndicator[],
  years: readonly number[],
): FailedEdit[] {
  const rowOf = new Map(rows.map((indicator, row) => [indicator.slug, row]));
  return [...pending]
    .filter((entry): entry is [string, PendingEdit] => isErrorEdit(entry[1]))
    .map(([key, edit]) => ({ key, edit, ...splitCellKey(key) }))
    .filter((f) => rowOf.has(f.slug) && years.includes(f.year))
    .sort((a, b) => rowOf.get(a.slug)! - rowOf.get(b.slug)! || a.year - b.year);
}

/**
 * The cells whose reason shows next to them: the active cell's (unless it is
 * being edited), and the one refused last.
 */
export function reasonCells(
  pending: ReadonlyMap<string, PendingEdit>,
  activeKey: string,
  lastFailed: string | null,
  isEditing: boolean,
): Set<string> {
  const keys = new Set<string>();
  if (!isEditing && isErrorEdit(pending.get(activeKey))) keys.add(activeKey);
  if (lastFailed !== null && isErrorEdit(pending.get(lastFailed)) && lastFailed !== activeKey)
    keys.add(lastFailed);
  return keys;
}

/**
 * Where each cell of a pasted block goes, from the active cell down and
 * right: the cells that fall outside the grid or on a locked year are
 * skipped (counted).
 */
export function pasteTargets(
  block: readonly (readonly string[])[],
  at: GridPosition,
  rows: readonly WorkspaceIndicator[],
  years: readonly number[],
  isLocked: (year: number) => boolean,
): {
  targets: Array<{ indicator: WorkspaceIndicator; year: number; text: string }>;
  skipped: number;
} {
  const targets: Array<{ indicator: WorkspaceIndicator; year: number; text: string }> = [];
  let skipped = 0;
  block.forEach((cells, r) =>
    cells.forEach((cellText, c) => {
      const indicator = rows[at.row + r];
      const year = years[at.col + c];
      if (indicator === undefined || year === undefined || isLocked(year)) skipped++;
      else targets.push({ indicator, year, text: cellText.trim() });
    }),
  );
  return { targets, skipped };
}
