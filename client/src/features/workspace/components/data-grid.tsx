import {
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { FlagLegend, useFlagWord } from '../../../components/ui/value-flags';
import {
  describeSeries,
  flagsPresent,
  seriesKey,
  type SeriesDimensions,
} from '../../../lib/series';
import type {
  CityReviews,
  Observation,
  ReviewComment,
  WorkspaceIndicator,
} from '../api/workspace-api';
import {
  byGoal,
  cellKey,
  draftsStorageKey,
  failedEdits,
  reasonCells,
  reportingColumn,
  splitCellKey,
} from '../utils/grid-model';
import { editableNumber } from '../utils/parse-number';
import { CellPanel } from './cell-panel';
import { ConflictDialog } from './conflict-dialog';
import { GridBanner } from './grid-banner';
import { GridCell, type CellWords } from './grid-cell';
import { useGridEditing } from './use-grid-editing';
import { useGridEdits } from './use-grid-edits';
import { useGridPaste } from './use-grid-paste';
import { nameIn, unitIn, useCheckMessage, useYearLocks } from './use-grid-rules';
import { useConflictPause, useGridConflicts, useGridSaving } from './use-grid-saving';
import { useGridSelection, useKeepGridFocus, useScrollToOpenColumn } from './use-grid-selection';

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

/** The review comments on each cell (comments on the whole year are not on a cell). */
function commentsByCell(comments: readonly ReviewComment[]): Map<string, ReviewComment[]> {
  const map = new Map<string, ReviewComment[]>();
  for (const c of comments) {
    if (c.indicator === null) continue;
    const key = cellKey(c.indicator, c.year);
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  return map;
}

/**
 * The grid's state, one hook per concern: the year locks and refusal
 * reasons (use-grid-rules), the edits kept until the server has them
 * (use-grid-edits), saving and conflicts (use-grid-saving), the active cell
 * and the focus (use-grid-selection), the open edit (use-grid-editing) and
 * pasting (use-grid-paste). Longer than most functions because it only wires
 * them together, in the order their inputs need.
 */
function useDataGrid(props: DataGridProps, refs: GridRefs) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { indicators, values, years, locale, city, canEdit, onPendingChange } = props;
  const series = useMemo(() => props.series ?? {}, [props.series]);
  const groups = useMemo(() => byGoal(indicators), [indicators]);
  const rows = useMemo(() => groups.flatMap((g) => g.indicators), [groups]);
  const [announcement, announce] = useState('');
  const locks = useYearLocks(props.reviews, canEdit);
  const checkMessage = useCheckMessage(locale);
  const storageKey = draftsStorageKey(city.slug, seriesKey(series));
  const edits = useGridEdits({
    storageKey,
    rows,
    years,
    values,
    locale,
    checkMessage,
    onPendingChange,
  });
  const conflicts = useGridConflicts();
  const saving = useGridSaving({
    ...{ city: city.slug, series, locale, values, onSaved: props.onSaved, checkMessage },
    ...{ edits, addConflict: conflicts.add, announce },
  });
  // The year being reported is where the grid opens: the latest one the officer can edit.
  const selection = useGridSelection(rows, years, () =>
    reportingColumn(years, (year) => canEdit && !locks.lockedYears.has(year)),
  );
  const indicator = rows[selection.active.row];
  const year = years[selection.active.col]!;
  const key = indicator === undefined ? '' : cellKey(indicator.slug, year);
  const active = { indicator, year, key };
  const common = { locale, cellLocked: locks.cellLocked, save: saving.save, announce };
  const editor = useGridEditing({
    ...{ ...common, cell: active, selection, values, pending: edits.pending, checkMessage },
  });
  const onPaste = useGridPaste({
    ...{ ...common, active: selection.active, rows, years },
    enabled: editor.editing === null && canEdit,
  });
  useKeepGridFocus(refs.table, refs.input, selection, editor.editing);
  useScrollToOpenColumn(refs.scroll, refs.table, props.isVisible ?? true, selection.openColumn);
  useConflictPause(conflicts, editor.editing, selection.active);
  const cellName = (slug: string, y: number): string =>
    `${nameIn(
      rows.find((i) => i.slug === slug)!,
      lang,
    )}, ${y}`;
  /** Drops an unsaved edit (the stored value shows again); the focus goes to its cell. */
  const discard = (cell: string) => {
    const { slug, year: y } = splitCellKey(cell);
    selection.goTo(cell);
    edits.setEdit(cell, null);
    conflicts.dropAt(cell);
    if (rows.some((i) => i.slug === slug))
      announce(t('workspace.grid.discarded', { cell: cellName(slug, y) }));
  };
  return {
    ...{ t, lang, series, groups, rows, announcement, announce, locks, edits, conflicts },
    ...{ saving, selection, active, editor, onPaste },
    ...{ cellName, discard },
  };
}

/** The grid's elements: the scrolled box, the table and the open input. */
interface GridRefs {
  scroll: RefObject<HTMLDivElement | null>;
  table: RefObject<HTMLTableElement | null>;
  input: RefObject<HTMLInputElement | null>;
}

type Grid = ReturnType<typeof useDataGrid>;

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
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const grid = useDataGrid(props, { scroll: scrollRef, table: tableRef, input: inputRef });
  const { t, rows, series, edits, editor } = grid;
  const failed = failedEdits(edits.pending, rows, props.years);
  const commentsAt = useMemo(() => commentsByCell(props.comments), [props.comments]);
  const described = describeSeries(series);
  return (
    <div className="data-grid">
      <p className="hint" id="grid-help">
        {t('workspace.grid.help')}
      </p>
      <GridBanner
        failed={failed}
        cellName={grid.cellName}
        onGoTo={grid.selection.goTo}
        onDiscard={grid.discard}
        onRetryAll={() => grid.saving.retryAll(rows)}
      />
      <div className="table-scroll grid-scroll" ref={scrollRef}>
        <table
          ref={tableRef}
          role="grid"
          aria-label={
            t('workspace.grid.label', { city: props.city.name }) +
            (described === '' ? '' : ` (${described})`)
          }
          aria-describedby="grid-help"
          aria-rowcount={rows.length + 1}
          className="grid"
          onPaste={grid.onPaste}
          data-testid="data-grid"
        >
          <GridHead years={props.years} stateOf={grid.locks.stateOf} />
          <GridBody grid={grid} props={props} commentsAt={commentsAt} inputRef={inputRef} />
        </table>
      </div>
      <FlagLegend flags={flagsPresent([...props.values.values()])} />
      <p className="visually-hidden" role="alert">
        {editor.editing !== null
          ? (editor.editingError ?? '')
          : failed.length > 0
            ? grid.saving.errorAnnouncement
            : ''}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {grid.announcement}
      </p>
      <GridDialogs grid={grid} props={props} commentsAt={commentsAt} />
    </div>
  );
}

/** The year columns' headings: the year and its review state. */
function GridHead(props: {
  years: readonly number[];
  stateOf: (year: number) => string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('workspace.grid.indicator')}</th>
        {props.years.map((year, col) => {
          const state = props.stateOf(year);
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
  );
}

interface BodyProps {
  grid: Grid;
  props: DataGridProps;
  commentsAt: ReadonlyMap<string, readonly ReviewComment[]>;
}

/** The indicator rows, a group per goal under its heading. */
function GridBody({
  inputRef,
  ...body
}: BodyProps & { inputRef: RefObject<HTMLInputElement | null> }): ReactNode {
  const { grid, props } = body;
  const { t, lang, groups } = grid;
  const rowOf = new Map(grid.rows.map((indicator, row) => [indicator.slug, row]));
  const renderCell = useCellRenderer(body, inputRef);
  return groups.map((group) => (
    <tbody key={group.goal ?? 'none'}>
      <tr className="goal-row">
        <th scope="colgroup" colSpan={props.years.length + 1}>
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
        const unit = unitIn(indicator, lang);
        return (
          <tr key={indicator.slug}>
            <th
              scope="row"
              className="indicator-head"
              title={`${nameIn(indicator, lang)} (${unit})`}
            >
              <span className="indicator-label">
                <span className="indicator-name">{nameIn(indicator, lang)}</span>
                <span className="unit">{unit}</span>
              </span>
            </th>
            {props.years.map((year, col) =>
              renderCell(indicator, rowOf.get(indicator.slug)!, year, col),
            )}
          </tr>
        );
      })}
    </tbody>
  ));
}

/** Draws one cell from the grid's state: its value, edit, marks and (when active) the open input. */
function useCellRenderer(
  { grid, props, commentsAt }: BodyProps,
  inputRef: RefObject<HTMLInputElement | null>,
) {
  const { selection, editor, edits } = grid;
  const { active } = selection;
  const words: CellWords = { t: grid.t, lang: grid.lang, flagWord: useFlagWord() };
  const reasons = reasonCells(
    edits.pending,
    grid.active.key,
    grid.saving.lastFailed,
    editor.editing !== null,
  );
  const { refused } = editor;
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed in the open input bubble up here: they are the input's.
    if (editor.editing !== null || event.target !== event.currentTarget) return;
    if (!selection.onMoveKey(event)) editor.onEditKey(event);
  };
  return (indicator: WorkspaceIndicator, row: number, year: number, col: number): ReactNode => {
    const key = cellKey(indicator.slug, year);
    const isActive = active.row === row && active.col === col;
    const isEditing = isActive && editor.editing !== null;
    const input = !isEditing
      ? null
      : {
          text: editor.editing!,
          error: editor.editingError,
          onChange: editor.setEditing,
          onKeyDown: editor.onInputKey,
          onBlur: () => {
            // The window losing focus (another app) is not the officer leaving the cell.
            if (document.hasFocus()) editor.commitEdit(0, 0, 'blur');
          },
        };
    const cell = {
      ...{ indicator, year, row, col, isActive, canEdit: props.canEdit },
      value: props.values.get(key),
      edit: edits.pending.get(key),
      comments: commentsAt.get(key),
      isLocked: grid.locks.lockedYears.has(year),
      showReason: reasons.has(key),
      lockedNote:
        isActive && refused !== null && refused.at === active ? refused.message : undefined,
    };
    return (
      <GridCell
        key={year}
        cell={cell}
        locale={props.locale}
        words={words}
        input={input}
        inputRef={inputRef}
        onClick={() => selection.setActive({ row, col })}
        onDoubleClick={() => editor.startEdit()}
        onKeyDown={onKeyDown}
      />
    );
  };
}

/** The active cell's panel (history, comments, retry) and the conflict dialog when it is open. */
function GridDialogs({ grid, props, commentsAt }: BodyProps): ReactNode {
  const { edits, saving, conflicts, selection } = grid;
  const { indicator, year, key } = grid.active;
  const conflict = conflicts.isOpen ? conflicts.conflicts[0] : undefined;
  return (
    <>
      {indicator !== undefined && (
        <CellPanel
          key={key}
          city={props.city}
          network={props.network}
          indicator={indicator}
          year={year}
          value={props.values.get(key) ?? null}
          pending={edits.pending.get(key) ?? null}
          comments={commentsAt.get(key) ?? []}
          locked={grid.locks.cellLocked(year)}
          locale={props.locale}
          series={grid.series}
          onSaved={(saved) => saving.stored(indicator, year, saved)}
          onConflict={(theirs, mine) => {
            conflicts.add({ indicator, year, mine, theirs });
            conflicts.setOpen(true);
          }}
          onRetry={() => {
            const edit = edits.pending.get(key);
            if (edit !== undefined) saving.save(indicator, year, edit.text);
          }}
          onDiscard={() => grid.discard(key)}
        />
      )}
      {conflict !== undefined && (
        <ConflictDialog
          key={`${conflict.indicator.slug}|${conflict.year}`}
          conflict={conflict}
          locale={props.locale}
          onKeepMine={() => {
            selection.wantFocus('cell');
            conflicts.close(conflict);
            saving.save(
              conflict.indicator,
              conflict.year,
              conflict.mine === null ? '' : editableNumber(conflict.mine, props.locale),
              conflict.theirs,
            );
          }}
          onKeepTheirs={() => {
            selection.wantFocus('cell');
            conflicts.close(conflict);
            saving.stored(conflict.indicator, conflict.year, conflict.theirs);
          }}
        />
      )}
    </>
  );
}
