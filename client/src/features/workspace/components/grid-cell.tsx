import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { useTranslation } from 'react-i18next';
import { formatStored } from '../../../lib/format';
import { FlagMarks, type useFlagWord } from '../../../components/ui/value-flags';
import type { Observation, ReviewComment, WorkspaceIndicator } from '../api/workspace-api';
import { cellKey, isErrorEdit, type PendingEdit } from '../utils/grid-model';
import { nameIn, unitIn } from './use-grid-rules';

/** What a grid cell shows: its stored value, the officer's edit and the marks on it. */
export interface CellState {
  indicator: WorkspaceIndicator;
  year: number;
  row: number;
  col: number;
  value: Observation | undefined;
  edit: PendingEdit | undefined;
  comments: readonly ReviewComment[] | undefined;
  isActive: boolean;
  /** The year is submitted or approved. */
  isLocked: boolean;
  canEdit: boolean;
  /** The edit's reason shows next to the cell. */
  showReason: boolean;
  /** Why typing here did nothing (a locked cell), shown at the cell. */
  lockedNote: string | undefined;
}

/** The open edit, when the cell is being edited. */
export interface CellInputProps {
  text: string;
  error: string | null;
  onChange: (text: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

/**
 * The grid's words, passed down once rather than looked up in each of its
 * hundreds of cells (each re-renders on every keystroke of a typist).
 */
export interface CellWords {
  t: ReturnType<typeof useTranslation>['t'];
  lang: string;
  flagWord: ReturnType<typeof useFlagWord>;
}

/** The text a cell shows: the officer's edit, else the stored value. */
function shownText(cell: CellState, locale: string): string {
  if (cell.edit !== undefined) return cell.edit.text;
  return cell.value === undefined
    ? ''
    : formatStored(cell.value.value, locale, cell.indicator.decimals);
}

/** The cell as a screen reader says it: name, value or edit, flag, comments, lock. */
function cellLabel(cell: CellState, shown: string, { t, lang, flagWord }: CellWords): string {
  const { edit, value, indicator, year } = cell;
  const flagged = value?.flag ?? null;
  const unit = unitIn(indicator, lang);
  return [
    `${nameIn(indicator, lang)}, ${year}`,
    edit !== undefined && isErrorEdit(edit)
      ? `${edit.text}: ${t('workspace.grid.notSavedShort')} ${edit.message ?? ''}`
      : edit?.state === 'saving'
        ? `${edit.text}: ${t('workspace.grid.saving')}`
        : value === undefined
          ? t('workspace.grid.empty')
          : [`${shown} ${unit}`, ...value.flags.map(flagWord)].join(', '),
    flagged === null ? '' : `${t('workspace.grid.flagged')}: ${flagged.message}`,
    cell.comments === undefined
      ? ''
      : t('workspace.grid.hasComments', { count: cell.comments.length }),
    cell.isLocked ? t('workspace.grid.lockedShort') : '',
  ]
    .filter((part) => part !== '')
    .join('. ');
}

/** One cell of the grid: its value and marks, or the open input when it is being edited. */
export function GridCell(props: {
  cell: CellState;
  locale: string;
  words: CellWords;
  input: CellInputProps | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onClick: () => void;
  onDoubleClick: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}): ReactNode {
  const { cell, input } = props;
  const { edit, isActive, row, col } = cell;
  const isEditing = input !== null;
  const shown = shownText(cell, props.locale);
  const label = cellLabel(cell, shown, props.words);
  const bubbleId = `cell-reason-${row}-${col}`;
  const reason = !isEditing && cell.showReason && isErrorEdit(edit) ? edit : undefined;
  return (
    <td
      role="gridcell"
      data-pos={`${row}:${col}`}
      data-cell={cellKey(cell.indicator.slug, cell.year)}
      tabIndex={isActive && !isEditing ? 0 : -1}
      aria-label={isEditing ? undefined : label}
      aria-describedby={
        reason !== undefined || cell.lockedNote !== undefined ? bubbleId : undefined
      }
      aria-selected={isActive}
      aria-readonly={cell.isLocked || !cell.canEdit ? true : undefined}
      aria-invalid={isErrorEdit(edit) ? true : undefined}
      className={[
        'cell',
        isActive ? 'active' : '',
        edit !== undefined ? `pending-${edit.state}` : '',
        (cell.value?.flag ?? null) !== null ? 'flagged' : '',
        cell.isLocked ? 'locked' : '',
      ].join(' ')}
      onClick={props.onClick}
      onDoubleClick={props.onDoubleClick}
      onKeyDown={props.onKeyDown}
    >
      {input !== null ? (
        <CellInput cell={cell} input={input} inputRef={props.inputRef} lang={props.words.lang} />
      ) : (
        <CellContent cell={cell} shown={shown} reason={reason} bubbleId={bubbleId} />
      )}
    </td>
  );
}

function CellInput(props: {
  cell: CellState;
  input: CellInputProps;
  inputRef: RefObject<HTMLInputElement | null>;
  lang: string;
}): ReactNode {
  const { cell, input, lang, inputRef } = props;
  const { indicator, year } = cell;
  return (
    <>
      <input
        ref={inputRef}
        className="cell-input"
        inputMode="decimal"
        aria-label={`${nameIn(indicator, lang)}, ${year} (${unitIn(indicator, lang)})`}
        aria-invalid={input.error !== null}
        aria-describedby={input.error !== null ? 'cell-error' : undefined}
        value={input.text}
        onChange={(e) => input.onChange(e.target.value)}
        onKeyDown={input.onKeyDown}
        onBlur={input.onBlur}
      />
      {input.error !== null && (
        <span id="cell-error" className="cell-bubble" data-testid="cell-error">
          {input.error}
        </span>
      )}
    </>
  );
}

function CellContent(props: {
  cell: CellState;
  shown: string;
  reason: PendingEdit | undefined;
  bubbleId: string;
}): ReactNode {
  const { cell, reason, bubbleId } = props;
  const { value, edit, comments, lockedNote } = cell;
  const flagged = value?.flag ?? null;
  return (
    <>
      <span className="cell-value">{props.shown}</span>
      {value !== undefined && edit === undefined && <FlagMarks flags={value.flags} />}
      {edit?.state === 'saving' && <span aria-hidden="true"> …</span>}
      {edit !== undefined && isErrorEdit(edit) && (
        <span className="cell-mark error-mark" aria-hidden="true" title={edit.message ?? ''}>
          !
        </span>
      )}
      {flagged !== null && edit === undefined && (
        <span className="cell-mark flag-mark" aria-hidden="true" title={flagged.message}>
          ⚠
        </span>
      )}
      {comments !== undefined && (
        <span className="cell-mark comment-mark" aria-hidden="true">
          ✉
        </span>
      )}
      {reason !== undefined && (
        <span id={bubbleId} className="cell-bubble beside" data-testid="cell-reason">
          {reason.message}
        </span>
      )}
      {reason === undefined && lockedNote !== undefined && (
        <span id={bubbleId} className="cell-bubble cell-bubble--locked" data-testid="cell-locked">
          {lockedNote}
        </span>
      )}
    </>
  );
}
