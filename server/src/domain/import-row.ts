import {
  checkValue,
  MAX_NOTE_LENGTH,
  MAX_SOURCE_LENGTH,
  parseNumber,
  parseOptionalText,
  parseStatus,
  parseYear,
  type ObservationStatus,
  type RangeRule,
} from './observation-rules';
import { fromTextCell } from './csv';

/**
 * One data row of an import file, checked against the catalogue: pure (the
 * catalogue and the importer's rights come in as lookups), synchronous (it
 * runs a million times for a large file) and the same for every format —
 * each format's reader only says which column holds what.
 */

/** Where each field of a row is: a column index, or -1 when the file has no such column. */
export interface RowLayout {
  readonly columnNames: readonly string[];
  readonly city: number;
  /** -1 when every row belongs to `fixedIndicator` (an Open SDG file). */
  readonly indicator: number;
  readonly year: number;
  readonly value: number;
  readonly status: number;
  readonly source: number;
  readonly note: number;
  /** Columns whose filled cell makes the row a breakdown, which is not stored. */
  readonly disaggregations: readonly number[];
  /** A row without a city is a total for a wider area (Open SDG): skipped, not an error. */
  readonly skipRowsWithoutCity: boolean;
}

export interface RowCity {
  readonly id: number;
  readonly slug: string;
}

export interface RowIndicator extends RangeRule {
  readonly id: number;
  readonly slug: string;
  readonly networkId: number;
  readonly networkSlug: string;
  readonly archived: boolean;
}

/** What the validator may ask: the catalogue as the importer sees it, and the importer's rights. */
export interface RowContext<C extends RowCity, I extends RowIndicator> {
  readonly layout: RowLayout;
  /** For a file with one indicator (Open SDG). */
  readonly fixedIndicator: I | null;
  /** `;` and tab separated files write numbers with a decimal comma. */
  readonly decimalComma: boolean;
  city(cell: string): C | undefined;
  indicator(cell: string): I | undefined;
  isMember(indicator: I, city: C): boolean;
  mayEdit(city: C): boolean;
}

/** A row ready to stage. */
export interface ValidRow<C, I> {
  readonly city: C;
  readonly indicator: I;
  readonly year: number;
  readonly value: number;
  readonly status: ObservationStatus | null;
  readonly source: string | null;
  readonly note: string | null;
}

export interface RowProblem {
  readonly column: string | null;
  readonly value: string | null;
  readonly message: string;
}

export type RowOutcome<C, I> =
  | { readonly kind: 'valid'; readonly row: ValidRow<C, I> }
  | { readonly kind: 'skipped'; readonly reason: string }
  | {
      readonly kind: 'invalid';
      readonly problems: readonly RowProblem[];
      /** The row names a city the importer may not change (the whole file is then refused). */
      readonly forbiddenCity: C | null;
    };

export const SKIP_REASONS = {
  noValue: 'rows without a value (empty cells) are left out',
  noCity: 'rows without GeoCode (totals for the whole area) are not stored',
  breakdown: (column: string) => `disaggregated rows (by ${column}) are not stored`,
} as const;

/** Checks one row against the catalogue and the rules of a value. */
export function validateRow<C extends RowCity, I extends RowIndicator>(
  fields: readonly string[],
  context: RowContext<C, I>,
): RowOutcome<C, I> {
  const { layout } = context;
  const names = layout.columnNames;
  const cell = (index: number): string => fields[index]!;
  if (fields.length !== names.length) {
    return invalid([
      {
        column: null,
        value: null,
        message: `This row has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} but the header has ${names.length}.`,
      },
    ]);
  }
  for (const i of layout.disaggregations) {
    if (cell(i).trim() !== '')
      return { kind: 'skipped', reason: SKIP_REASONS.breakdown(names[i]!) };
  }
  if (layout.skipRowsWithoutCity && cell(layout.city).trim() === '')
    return { kind: 'skipped', reason: SKIP_REASONS.noCity };
  // An empty value cell is no value (a template's unfilled cells): left out, and counted.
  if (cell(layout.value).trim() === '') return { kind: 'skipped', reason: SKIP_REASONS.noValue };

  const problems: RowProblem[] = [];
  const problem = (column: number, value: string | null, message: string): void => {
    problems.push({ column: column < 0 ? null : names[column]!, value, message });
  };

  const city = context.city(cell(layout.city));
  let forbiddenCity: C | null = null;
  if (city === undefined) {
    const text = cell(layout.city).trim();
    problem(
      layout.city,
      cell(layout.city),
      text === '' ? 'The city is missing.' : `There is no city "${text}".`,
    );
  } else if (!context.mayEdit(city)) {
    forbiddenCity = city;
  }

  const indicator = readIndicator(fields, context, problem);
  if (city !== undefined && indicator !== undefined && !context.isMember(indicator, city)) {
    problem(
      layout.city,
      cell(layout.city),
      `"${city.slug}" is not a member of the network that owns "${indicator.slug}" (${indicator.networkSlug}).`,
    );
  }

  const year = parseYear(cell(layout.year));
  if (!year.ok) problem(layout.year, cell(layout.year), year.message);
  const number = parseNumber(cell(layout.value), context.decimalComma);
  if (!number.ok) problem(layout.value, cell(layout.value), number.message);
  else if (indicator !== undefined) {
    const rangeProblem = checkValue(number.value, indicator);
    if (rangeProblem !== null) problem(layout.value, cell(layout.value), rangeProblem);
  }

  const status = layout.status < 0 ? null : parseStatus(cell(layout.status));
  if (status !== null && !status.ok) problem(layout.status, cell(layout.status), status.message);
  const text = (column: number, max: number, what: string) => {
    if (column < 0) return null;
    const parsed = parseOptionalText(fromTextCell(cell(column)), max, what);
    if (!parsed.ok) problem(column, cell(column).slice(0, 80), parsed.message);
    return parsed;
  };
  const source = text(layout.source, MAX_SOURCE_LENGTH, 'source');
  const note = text(layout.note, MAX_NOTE_LENGTH, 'note');

  if (
    problems.length > 0 ||
    forbiddenCity !== null ||
    city === undefined ||
    indicator === undefined ||
    !year.ok ||
    !number.ok
  )
    return { kind: 'invalid', problems, forbiddenCity };
  return {
    kind: 'valid',
    row: {
      city,
      indicator,
      year: year.value,
      value: number.value,
      status: status?.ok === true ? status.value : null,
      source: source?.ok === true ? source.value : null,
      note: note?.ok === true ? note.value : null,
    },
  };
}

function readIndicator<C extends RowCity, I extends RowIndicator>(
  fields: readonly string[],
  context: RowContext<C, I>,
  problem: (column: number, value: string | null, message: string) => void,
): I | undefined {
  const { layout } = context;
  if (layout.indicator < 0) return context.fixedIndicator ?? undefined;
  const cell = fields[layout.indicator]!;
  const indicator = context.indicator(cell);
  if (indicator === undefined) {
    const text = cell.trim();
    problem(
      layout.indicator,
      cell,
      text === '' ? 'The indicator is missing.' : `There is no indicator "${text}".`,
    );
    return undefined;
  }
  if (indicator.archived) {
    problem(
      layout.indicator,
      cell,
      `The indicator "${indicator.slug}" is archived; values cannot be added.`,
    );
    return undefined;
  }
  return indicator;
}

function invalid<C, I>(problems: RowProblem[]): RowOutcome<C, I> {
  return { kind: 'invalid', problems, forbiddenCity: null };
}
