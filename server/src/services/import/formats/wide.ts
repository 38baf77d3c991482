import type { Cell } from '../../../domain/import-row';
import { parseYear } from '../../../domain/observation-rules';
import { badRequest } from '../../../errors';
import type { ImportCatalogue } from '../catalogue';
import {
  columnIndex,
  fieldCountProblem,
  HeaderError,
  type FormatReader,
  type ReadOutcome,
  type RecordError,
} from './format';

/** Columns of a wide file besides the years: `name` and `unit` are for people and ignored. */
const FOR_PEOPLE: ReadonlySet<string> = new Set(['name', 'unit']);

export const EMPTY_CELLS = 'empty cells (no value) are left out';

/**
 * The wide format, as the workspace's template writes it and a spreadsheet
 * keeps it: one line per indicator, one column per year, like the grid.
 *
 *   name,unit,indicator,city,2022,2023,2024
 *   Recycling rate,%,recycling,espoo,38.5,41.2,
 *
 * - `indicator` (the indicator's slug or code) is required; `name` and `unit`
 *   are there for the people filling it in and are not read.
 * - `city` (its slug or a code) is optional: without it, or where it is
 *   empty, the values belong to the city the import is for (`?city=`).
 * - Every other column is a year written with four digits; a cell is the
 *   headline value of that indicator in that year. An empty cell is "no
 *   value" (left out and counted, never a deletion).
 * - Each filled cell becomes one value, the same as a long-format line, so
 *   validation, plausibility, all-or-nothing, the dry run and the history
 *   are the same. Numbers as in the long format: a decimal comma only in a
 *   `;` or tab separated file.
 */
export function wideReader(
  fields: readonly string[],
  options: { city?: string },
  catalogue: ImportCatalogue,
): FormatReader {
  const { names, index } = columnIndex(fields);
  const indicatorAt = index('indicator');
  if (indicatorAt < 0)
    throw new HeaderError(
      'The header does not fit the wide format (missing "indicator"). Expected: indicator, optionally name, unit and city, then one column per year (e.g. 2024).',
    );
  const cityAt = index('city');
  const { years, unnamed } = yearColumns(names, indicatorAt, cityAt);
  const home = homeOf(options.city, cityAt >= 0, catalogue);
  const indicatorColumn = names[indicatorAt]!;

  return {
    format: 'wide',
    fixedIndicator: null,
    published: false,
    columns: { status: false, source: false, note: false, flags: false },
    *rows(record): Iterable<ReadOutcome> {
      const wrongCount = fieldCountProblem(record, names.length);
      if (wrongCount !== null) {
        yield { error: wrongCount };
        return;
      }
      const filled = years.filter(({ i }) => record[i]!.trim() !== '');
      const code = record[indicatorAt]!.trim();
      const stray = unnamed.find((i) => record[i]!.trim() !== '');
      if (stray !== undefined) {
        yield {
          error: `Column ${stray + 1} has no header but this row has "${record[stray]!.trim().slice(0, 40)}" in it: give the column a year as its header, or empty it.`,
        };
        return;
      }
      if (filled.length === 0) {
        // A line without values (an indicator left blank) says nothing, whatever its indicator.
        for (let k = 0; k < years.length; k++) yield { skip: EMPTY_CELLS };
        return;
      }
      // The indicator is checked once per line (not once per year): one error names it.
      const problem = indicatorProblem(code, indicatorColumn, catalogue);
      if (problem !== null) {
        yield problem;
        return;
      }
      const cityText = cityAt < 0 ? '' : record[cityAt]!.trim();
      const city: Cell =
        cityText === ''
          ? { column: cityAt < 0 ? null : names[cityAt]!, text: home ?? '' }
          : { column: names[cityAt]!, text: cityText };
      yield* lineValues(record, years, city, { column: indicatorColumn, text: code });
    },
  };
}

/** One filled cell of a line → one value (its year's column); an empty one is left out. */
function* lineValues(
  record: readonly string[],
  years: ReadonlyArray<{ i: number; column: string }>,
  city: Cell,
  indicator: Cell,
): Iterable<ReadOutcome> {
  for (const { i, column } of years) {
    if (record[i]!.trim() === '') {
      yield { skip: EMPTY_CELLS };
      continue;
    }
    yield {
      city,
      indicator,
      year: { column, text: column },
      value: { column, text: record[i]! },
      status: null,
      source: null,
      note: null,
      flags: null,
      series: { dimensions: {} },
    };
  }
}

/**
 * The year columns of the header (every column besides indicator, city,
 * name and unit) and the columns without a header; a column that is not a
 * year, or no year at all, refuses the header.
 */
function yearColumns(
  names: readonly string[],
  indicatorAt: number,
  cityAt: number,
): { years: Array<{ i: number; column: string }>; unnamed: number[] } {
  const years: Array<{ i: number; column: string }> = [];
  const unnamed: number[] = [];
  for (const [i, raw] of names.entries()) {
    const lower = raw.toLowerCase();
    if (i === indicatorAt || i === cityAt || FOR_PEOPLE.has(lower)) continue;
    if (lower === '') {
      unnamed.push(i);
      continue;
    }
    const year = parseYear(raw);
    if (!year.ok)
      throw new HeaderError(
        /^\d{4}$/.test(raw)
          ? `The column "${raw}" is not a year values can be stored for: ${year.message}`
          : `The column "${raw.slice(0, 80)}" is not a year. In a wide file every column besides indicator, name, unit and city is a year written with four digits (e.g. 2024).`,
      );
    years.push({ i, column: raw });
  }
  if (years.length === 0)
    throw new HeaderError(
      'The wide file has no year columns: add one column per year, headed with the year (e.g. 2024).',
    );
  return { years, unnamed };
}

/** The city the import is for (?city=, trimmed): it must exist, and is required without a city column. */
function homeOf(
  city: string | undefined,
  hasCityColumn: boolean,
  catalogue: ImportCatalogue,
): string | undefined {
  const home = city?.trim();
  if (home !== undefined && home !== '' && catalogue.city(home) === undefined)
    throw badRequest(`There is no city "${home.toLowerCase()}".`);
  if (!hasCityColumn && (home === undefined || home === ''))
    throw new HeaderError(
      'This wide file has no city column: add one (the city’s slug on every line) or import it from the city’s workspace.',
    );
  return home;
}

/** Why a line's indicator cannot take values (missing, unknown or archived), or null. */
function indicatorProblem(
  code: string,
  indicatorColumn: string,
  catalogue: ImportCatalogue,
): RecordError | null {
  if (code === '')
    return { error: 'The indicator is missing.', column: indicatorColumn, value: '' };
  const indicator = catalogue.indicator(code);
  if (indicator === undefined)
    return {
      error: `There is no indicator "${code.slice(0, 80)}". Use the indicator's code as in the template (the "indicator" column).`,
      column: indicatorColumn,
      value: code,
    };
  if (indicator.archived)
    return {
      error: `The indicator "${indicator.slug}" is archived; values cannot be added.`,
      column: indicatorColumn,
      value: code,
    };
  return null;
}
