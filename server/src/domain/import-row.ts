import {
  checkValue,
  MAX_NOTE_LENGTH,
  MAX_SOURCE_LENGTH,
  parseNumber,
  parseOptionalText,
  parseStatus,
  parseYear,
  type ObservationStatus,
  type Parsed,
  type RangeRule,
} from './observation-rules';
import { fromTextCell } from './csv';
import {
  flagLetters,
  seriesKey,
  seriesProblems,
  VALUE_FLAGS,
  type SeriesDimensions,
} from './series';

/**
 * One value read from an import file, checked against the catalogue: pure
 * (the catalogue and the importer's rights come in as lookups), synchronous
 * (it runs a million times for a large file) and the same for every format.
 * Each format's reader turns its records into `RowInput`s — a long-format
 * line into one, a Eurostat line into one per year — and this decides.
 */

/** One cell as the file wrote it, with the column it came from (for messages). */
export interface Cell {
  readonly column: string | null;
  readonly text: string;
}

/** A value as a reader found it, before any check. */
export interface RowInput {
  /** The city's slug or one of its codes (Urban Audit, ONS, …). */
  readonly city: Cell;
  /** null: every row belongs to the context's fixed indicator (an Open SDG file). */
  readonly indicator: Cell | null;
  readonly year: Cell;
  readonly value: Cell;
  readonly status: Cell | null;
  readonly source: Cell | null;
  readonly note: Cell | null;
  /** Flag letters (e, p, b, u, c) or words (estimated, provisional, …). */
  readonly flags: Cell | null;
  /** The breakdown: dimensions the reader found, or a cell holding them as JSON (long format). */
  readonly series: { readonly dimensions: SeriesDimensions } | { readonly json: Cell };
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
  /** For a file with one indicator (Open SDG). */
  readonly fixedIndicator: I | null;
  /** `;` and tab separated files write numbers with a decimal comma. */
  readonly decimalComma: boolean;
  /** Year ranges such as 2016/17 or 2009–2010 stand for their first year (published files). */
  readonly yearRanges: boolean;
  /** Texts that mean "no value" besides an empty cell (published files: n/a, .., -, :). */
  readonly missingMarkers: ReadonlySet<string>;
  city(cell: string): C | undefined;
  indicator(cell: string): I | undefined;
  isMember(indicator: I, city: C): boolean;
  mayEdit(city: C): boolean;
}

/** A row ready to stage. */
export interface ValidRow<C, I> {
  readonly city: C;
  readonly indicator: I;
  /** The series' canonical key ('' for the headline). */
  readonly series: string;
  readonly year: number;
  readonly value: number;
  readonly status: ObservationStatus | null;
  readonly source: string | null;
  readonly note: string | null;
  /** Flag letters, or null when the file has no flags column. */
  readonly flags: string | null;
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
  markedMissing: 'values marked as not available (n/a, .., -, :) are left out',
  noCity: 'rows without GeoCode (totals for the whole area) are not stored',
  breakdown: (column: string) => `disaggregated rows (by ${column}) are not stored`,
} as const;

/**
 * The first year of a published period: "2016/17", "2017-18", "2009–2010",
 * "2000 - 02", "2004-2013" → the first four digits (sdg-build's rule).
 */
export function firstYearOf(text: string): string {
  const match = /^\s*(\d{4})\s*(?:[/\-–—]\s*\d{2}(?:\d{2})?)?\s*$/.exec(text);
  return match === null ? text : match[1]!;
}

/** Reads a flags cell: letters (e, p, b, u, c, in any order) or words, separated by anything. */
export function parseFlags(
  text: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const words = text
    .toLowerCase()
    .split(/[\s,;|]+/)
    .filter((w) => w !== '');
  const letters: string[] = [];
  const known = Object.entries(VALUE_FLAGS) as Array<[string, string]>;
  for (const word of words) {
    const named = known.find(([, name]) => name === word || name.replace(/-/g, ' ') === word);
    if (named !== undefined) letters.push(named[0]);
    else if (/^[epbucd]+$/.test(word)) letters.push(...word);
    else
      return {
        ok: false,
        message: `"${word}" is not a flag; use e (estimated), p (provisional), b (break in series), u (low reliability), c (confidential) or d (definition differs).`,
      };
  }
  return { ok: true, value: flagLetters(letters.join('')) };
}

/** Checks one value against the catalogue and the rules of a value. */
export function validateRow<C extends RowCity, I extends RowIndicator>(
  input: RowInput,
  context: RowContext<C, I>,
): RowOutcome<C, I> {
  const valueText = input.value.text.trim();
  // An empty value cell is no value (a template's unfilled cells): left out, and counted.
  if (valueText === '') return { kind: 'skipped', reason: SKIP_REASONS.noValue };
  if (context.missingMarkers.has(valueText.toLowerCase()))
    return { kind: 'skipped', reason: SKIP_REASONS.markedMissing };

  const problems: RowProblem[] = [];
  const problem = (cell: Cell, message: string, quoted: string | null = cell.text): void => {
    problems.push({ column: cell.column, value: quoted, message });
  };

  const city = readCity(input.city, context, problem);
  const forbiddenCity: C | null = city !== undefined && !context.mayEdit(city) ? city : null;

  const indicator = readIndicator(input.indicator, context, problem);
  if (city !== undefined && indicator !== undefined && !context.isMember(indicator, city)) {
    problem(
      input.city,
      `"${city.slug}" is not a member of the network that owns "${indicator.slug}" (${indicator.networkSlug}).`,
    );
  }

  const series = readSeries(input.series, problem);
  const yearText = context.yearRanges ? firstYearOf(input.year.text) : input.year.text;
  const year = parseYear(yearText);
  if (!year.ok) problem(input.year, year.message);
  const number = readNumber(input.value, indicator, context.decimalComma, problem);

  const status = readCell(input.status, parseStatus, problem);
  const flags = readCell(input.flags, parseFlags, problem);
  const source = readText(input.source, MAX_SOURCE_LENGTH, 'source', problem);
  const note = readText(input.note, MAX_NOTE_LENGTH, 'note', problem);

  if (
    problems.length > 0 ||
    forbiddenCity !== null ||
    city === undefined ||
    indicator === undefined ||
    series === undefined ||
    !year.ok ||
    !number.ok
  )
    return { kind: 'invalid', problems, forbiddenCity };
  return {
    kind: 'valid',
    row: {
      city,
      indicator,
      series,
      year: year.value,
      value: number.value,
      status: status?.ok === true ? status.value : null,
      source: source?.ok === true ? source.value : null,
      note: note?.ok === true ? note.value : null,
      flags: flags?.ok === true ? flags.value : null,
    },
  };
}

/** An optional cell parsed (null when the format has no such column); a problem is reported. */
function readCell<T>(
  cell: Cell | null,
  parse: (text: string) => Parsed<T>,
  problem: (cell: Cell, message: string) => void,
): Parsed<T> | null {
  if (cell === null) return null;
  const parsed = parse(cell.text);
  if (!parsed.ok) problem(cell, parsed.message);
  return parsed;
}

/** An optional text cell (source, note); a problem quotes at most 80 characters of it. */
function readText(
  cell: Cell | null,
  max: number,
  what: string,
  problem: (cell: Cell, message: string, quoted: string | null) => void,
): Parsed<string | null> | null {
  if (cell === null) return null;
  const parsed = parseOptionalText(fromTextCell(cell.text), max, what);
  if (!parsed.ok) problem(cell, parsed.message, cell.text.slice(0, 80));
  return parsed;
}

function readCity<C extends RowCity, I extends RowIndicator>(
  cell: Cell,
  context: RowContext<C, I>,
  problem: (cell: Cell, message: string) => void,
): C | undefined {
  const city = context.city(cell.text);
  if (city === undefined) {
    const text = cell.text.trim();
    problem(cell, text === '' ? 'The city is missing.' : `There is no city "${text}".`);
  }
  return city;
}

/** The value as a number, checked against the indicator's allowed range when there is one. */
function readNumber(
  cell: Cell,
  indicator: RowIndicator | undefined,
  decimalComma: boolean,
  problem: (cell: Cell, message: string) => void,
): ReturnType<typeof parseNumber> {
  const number = parseNumber(cell.text, decimalComma);
  if (!number.ok) problem(cell, number.message);
  else if (indicator !== undefined) {
    const rangeProblem = checkValue(number.value, indicator);
    if (rangeProblem !== null) problem(cell, rangeProblem);
  }
  return number;
}

function readIndicator<C extends RowCity, I extends RowIndicator>(
  cell: Cell | null,
  context: RowContext<C, I>,
  problem: (cell: Cell, message: string) => void,
): I | undefined {
  if (cell === null) return context.fixedIndicator ?? undefined;
  const indicator = context.indicator(cell.text);
  if (indicator === undefined) {
    const text = cell.text.trim();
    problem(cell, text === '' ? 'The indicator is missing.' : `There is no indicator "${text}".`);
    return undefined;
  }
  if (indicator.archived) {
    problem(cell, `The indicator "${indicator.slug}" is archived; values cannot be added.`);
    return undefined;
  }
  return indicator;
}

/** The series' key; a JSON cell (long format) is parsed and checked. */
function readSeries(
  series: RowInput['series'],
  problem: (cell: Cell, message: string) => void,
): string | undefined {
  if ('dimensions' in series) return seriesKey(series.dimensions);
  const cell = series.json;
  const text = cell.text.trim();
  if (text === '' || text === '{}') return seriesKey({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problem(cell, 'The series must be JSON, e.g. {"sex":"female"} (empty for the headline).');
    return undefined;
  }
  const problems = seriesProblems(parsed);
  if (problems.length > 0) {
    problem(cell, problems[0]!);
    return undefined;
  }
  return seriesKey(parsed as Record<string, string>);
}
