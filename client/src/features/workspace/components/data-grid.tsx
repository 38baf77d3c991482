import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { FlagLegend, FlagMarks, useFlagWord } from '../../../components/ui/value-flags';
import { describeSeries, flagsPresent, type SeriesDimensions } from '../../../lib/series';
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
  pastedBlock,
  type Check,
  type PendingEdit,
} from '../utils/grid-model';
import { decimalSeparator, editableNumber } from '../utils/parse-number';
import { ConflictDialog, type Conflict } from './conflict-dialog';
import { CellPanel } from './cell-panel';

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
}

interface Position {
  row: number;
  col: number;
}

const name = (indicator: WorkspaceIndicator, lang: string): string =>
  indicator.translations[lang]?.name ?? indicator.name;
const unitOf = (indicator: WorkspaceIndicator, lang: string): string =>
  indicator.translations[lang]?.unit ?? indicator.unit;

/**
 * The officer's data grid: indicators (grouped by goal) × years, edited in
 * place like a spreadsheet. Each cell saves on its own with the value's
 * ETag; a conflict opens a dialog with both values; failed saves stay in the
 * grid, marked, until retried; submitted and approved years are read-only.
 */
export function DataGrid(props: DataGridProps): ReactNode {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { indicators, values, years, locale, city, canEdit } = props;
  const series = useMemo(() => props.series ?? {}, [props.series]);
  const flagWord = useFlagWord();
  const groups = useMemo(() => byGoal(indicators), [indicators]);
  const rows = useMemo(() => groups.flatMap((g) => g.indicators), [groups]);
  const [active, setActive] = useState<Position>({ row: 0, col: years.length - 1 });
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, PendingEdit>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const { onPendingChange } = props;
  useEffect(() => onPendingChange(pending.size), [pending, onPendingChange]);

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

  const setEdit = useCallback((key: string, edit: PendingEdit | null) => {
    setPending((old) => {
      const next = new Map(old);
      if (edit === null) next.delete(key);
      else next.set(key, edit);
      return next;
    });
  }, []);

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

  /** Sends one cell to the server; keeps the typed text on any failure. */
  const save = useCallback(
    async (
      indicator: WorkspaceIndicator,
      year: number,
      text: string,
      force?: Observation | null,
    ) => {
      const key = cellKey(indicator.slug, year);
      const check = checkText(text, indicator, locale);
      if (!check.ok) {
        setEdit(key, {
          text,
          state: 'invalid',
          message: checkMessage(check, indicator),
          retryable: false,
        });
        return;
      }
      const current = force !== undefined ? force : (values.get(key) ?? null);
      if (check.value === null && current === null) {
        setEdit(key, null);
        return;
      }
      if (
        check.value !== null &&
        current !== null &&
        Object.is(current.value, check.value) &&
        force === undefined
      ) {
        setEdit(key, null);
        return;
      }
      setEdit(key, { text, state: 'saving', message: null, retryable: false });
      try {
        if (check.value === null) {
          await deleteValue(city.slug, indicator.slug, year, current!.etag, series);
          props.onSaved(indicator.slug, year, null, series);
        } else {
          const saved = await saveValue(
            city.slug,
            indicator.slug,
            year,
            { value: check.value },
            current?.etag ?? null,
            series,
          );
          props.onSaved(indicator.slug, year, saved, series);
        }
        setEdit(key, null);
        setAnnouncement(t('workspace.grid.saved', { indicator: name(indicator, lang), year }));
      } catch (err) {
        const error = err instanceof ApiError ? err : null;
        if (error?.status === 412) {
          const theirs =
            (error.details as { current?: Observation | null } | undefined)?.current ?? null;
          setEdit(key, {
            text,
            state: 'failed',
            message: t('workspace.grid.conflictShort'),
            retryable: false,
          });
          setConflict({ indicator, year, mine: check.value, theirs });
          return;
        }
        setEdit(key, {
          text,
          state: 'failed',
          message: error?.message ?? t('workspace.grid.unknownError'),
          retryable: error === null || error.isTransient,
        });
        setAnnouncement(t('workspace.grid.notSaved', { indicator: name(indicator, lang), year }));
      }
    },
    [checkMessage, city.slug, lang, locale, props, series, setEdit, t, values],
  );

  const move = useCallback(
    (dr: number, dc: number) => {
      setActive((p) => ({
        row: Math.max(0, Math.min(rows.length - 1, p.row + dr)),
        col: Math.max(0, Math.min(years.length - 1, p.col + dc)),
      }));
    },
    [rows.length, years.length],
  );

  // Keep the focus on the active cell (roving tabindex), unless editing.
  useEffect(() => {
    if (editing !== null) {
      inputRef.current?.focus();
      return;
    }
    const cell = tableRef.current?.querySelector<HTMLElement>(
      `[data-pos="${active.row}:${active.col}"]`,
    );
    if (cell !== null && cell !== undefined && tableRef.current?.contains(document.activeElement))
      cell.focus();
  }, [active, editing]);

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

  const startEdit = (initial?: string) => {
    if (activeIndicator === undefined) return;
    const locked = cellLocked(activeYear);
    if (locked !== null) {
      setAnnouncement(locked);
      return;
    }
    const current = values.get(activeKey);
    const draft = pending.get(activeKey);
    setEditing(
      initial ??
        draft?.text ??
        (current === undefined ? '' : editableNumber(current.value, locale)),
    );
  };

  const commitEdit = (dr: number, dc: number) => {
    if (editing === null || activeIndicator === undefined) return;
    const text = editing;
    setEditing(null);
    void save(activeIndicator, activeYear, text);
    move(dr, dc);
  };

  const onCellKey = (event: KeyboardEvent) => {
    if (editing !== null) return;
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
      if (activeIndicator !== undefined && cellLocked(activeYear) === null && values.has(activeKey))
        void save(activeIndicator, activeYear, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(event.key);
    }
  };

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitEdit(event.shiftKey ? -1 : 1, 0);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commitEdit(0, event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      tableRef.current
        ?.querySelector<HTMLElement>(`[data-pos="${active.row}:${active.col}"]`)
        ?.focus();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      commitEdit(event.key === 'ArrowUp' ? -1 : 1, 0);
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
    const jobs: Array<() => Promise<void>> = [];
    block.forEach((cells, r) =>
      cells.forEach((cellText, c) => {
        const indicator = rows[active.row + r];
        const year = years[active.col + c];
        if (indicator === undefined || year === undefined) {
          skipped++;
          return;
        }
        if (cellLocked(year) !== null) {
          skipped++;
          return;
        }
        count++;
        jobs.push(() => save(indicator, year, cellText.trim()));
      }),
    );
    setAnnouncement(t('workspace.grid.pasted', { count, skipped }));
    // A few at a time: a pasted column of 60 values should not open 60 requests at once.
    const run = async () => {
      for (let i = 0; i < jobs.length; i += 4)
        await Promise.all(jobs.slice(i, i + 4).map((job) => job()));
    };
    void run();
  };

  const retryAll = () => {
    for (const [key, edit] of pending) {
      if (edit.state !== 'failed' || !edit.retryable) continue;
      const [slug, yearText] = key.split('|');
      const indicator = rows.find((i) => i.slug === slug);
      if (indicator !== undefined) void save(indicator, Number(yearText), edit.text);
    }
  };

  const editingCheck =
    editing === null || activeIndicator === undefined
      ? null
      : checkText(editing, activeIndicator, locale);
  const editingError =
    editingCheck === null || activeIndicator === undefined
      ? null
      : checkMessage(editingCheck, activeIndicator);
  const failed = [...pending.values()].filter((e) => e.state !== 'saving');

  return (
    <div className="data-grid">
      <p className="hint" id="grid-help">
        {t('workspace.grid.help')}
      </p>
      {failed.length > 0 && (
        <div className="notice notice-warning" role="status" data-testid="unsaved-notice">
          <p>{t('workspace.grid.unsaved', { count: failed.length })}</p>
          {failed.some((e) => e.retryable) && (
            <button type="button" onClick={retryAll}>
              {t('workspace.grid.retryAll')}
            </button>
          )}
        </div>
      )}
      <div className="table-scroll grid-scroll">
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
              {years.map((year) => {
                const state = stateOf(year);
                return (
                  <th scope="col" key={year} className={`year-head state-${state}`}>
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
                const row = rows.indexOf(indicator);
                const unit = unitOf(indicator, lang);
                return (
                  <tr key={indicator.slug}>
                    <th scope="row" className="indicator-head">
                      <span>{name(indicator, lang)}</span>
                      <span className="unit">{unit}</span>
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
                            : formatNumber(value.value, locale, indicator.decimals);
                      const label = [
                        `${name(indicator, lang)}, ${year}`,
                        edit?.state === 'invalid' || edit?.state === 'failed'
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
                      return (
                        <td
                          key={year}
                          role="gridcell"
                          data-pos={`${row}:${col}`}
                          data-cell={key}
                          tabIndex={isActive && !isEditing ? 0 : -1}
                          aria-label={isEditing ? undefined : label}
                          aria-selected={isActive}
                          aria-readonly={lockedYears.has(year) || !canEdit ? true : undefined}
                          aria-invalid={
                            edit?.state === 'invalid' || edit?.state === 'failed' ? true : undefined
                          }
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
                            <input
                              ref={inputRef}
                              className="cell-input"
                              inputMode="decimal"
                              aria-label={`${name(indicator, lang)}, ${year} (${unit})`}
                              aria-invalid={editingError !== null}
                              aria-describedby="cell-error"
                              value={editing}
                              onChange={(e) => setEditing(e.target.value)}
                              onKeyDown={onInputKey}
                              onBlur={() => commitEdit(0, 0)}
                            />
                          ) : (
                            <>
                              <span className="cell-value">{shown}</span>
                              {value !== undefined && edit === undefined && (
                                <FlagMarks flags={value.flags} />
                              )}
                              {edit?.state === 'saving' && <span aria-hidden="true"> …</span>}
                              {(edit?.state === 'invalid' || edit?.state === 'failed') && (
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
      <p id="cell-error" className="field-error" role="alert" data-testid="cell-error">
        {editingError ??
          (pending.get(activeKey)?.state !== 'saving'
            ? (pending.get(activeKey)?.message ?? '')
            : '')}
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
            props.onSaved(activeIndicator.slug, activeYear, saved, series);
            setEdit(activeKey, null);
          }}
          onConflict={(theirs, mine) =>
            setConflict({ indicator: activeIndicator, year: activeYear, mine, theirs })
          }
          onRetry={() => {
            const edit = pending.get(activeKey);
            if (edit !== undefined) void save(activeIndicator, activeYear, edit.text);
          }}
          onDiscard={() => setEdit(activeKey, null)}
        />
      )}
      {conflict !== null && (
        <ConflictDialog
          conflict={conflict}
          locale={locale}
          onKeepMine={() => {
            const c = conflict;
            setConflict(null);
            void save(
              c.indicator,
              c.year,
              c.mine === null ? '' : editableNumber(c.mine, locale),
              c.theirs,
            );
          }}
          onKeepTheirs={() => {
            const c = conflict;
            setConflict(null);
            props.onSaved(c.indicator.slug, c.year, c.theirs, series);
            setEdit(cellKey(c.indicator.slug, c.year), null);
          }}
        />
      )}
    </div>
  );
}
