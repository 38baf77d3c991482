import type { RowInput } from '../../../domain/import-row';
import type { CatalogueCity, CatalogueIndicator, ImportCatalogue } from '../catalogue';
import {
  columnIndex,
  fieldCountProblem,
  HeaderError,
  type FormatReader,
  type ReadOutcome,
} from './format';

/**
 * Eurostat's City statistics (Urban Audit) files as Eurostat publishes them:
 *
 * - bulk TSV: a first column `indic_ur,unit,cities\time` (itself comma
 *   separated), then one column per year; `:` is "not available"; a value
 *   may carry flags after it (`12.0 b`, `: c`);
 * - SDMX-CSV (the dissemination API): one value per line with `indic_ur`,
 *   `cities`, `TIME_PERIOD`, `OBS_VALUE`, `OBS_FLAG` and the dataset in
 *   `STRUCTURE_ID` (`ESTAT:URB_CTRAN(1.0)`).
 *
 * Cities are matched on their Urban Audit code (any of the city's codes),
 * indicators on the Eurostat code kept in the catalogue (`urb_percep:PS1012V`
 * or `PS1012V`); only the indicators and member cities of the network being
 * imported into are read, everything else in the file (Eurostat's files
 * cover every European city) is left out and counted, never an error.
 */

interface Matcher {
  network: number | null;
  catalogue: ImportCatalogue;
}

/** The catalogue's indicator for a Eurostat code, within the network when one is given. */
function eurostatIndicator(
  { network, catalogue }: Matcher,
  dataset: string | null,
  code: string,
): CatalogueIndicator | undefined {
  const found = catalogue.byEurostatCode(code, dataset);
  return found !== undefined && (network === null || found.networkId === network)
    ? found
    : undefined;
}

function cityOf({ catalogue }: Matcher, code: string): CatalogueCity | undefined {
  return catalogue.city(code);
}

const SKIPPED_INDICATOR = 'indicators this network does not have are left out';
const SKIPPED_CITY = 'cities that are not members of the network are left out';
const SKIPPED_MISSING = 'values marked as not available (n/a, .., -, :) are left out';

/** A Eurostat value cell: "12.0", "12.0 b", ":", ": c" → the number text and the flag letters. */
export function splitEurostatValue(text: string): { value: string; flags: string } {
  const match = /^\s*([^\s]+)\s*([a-z]*)\s*$/i.exec(text);
  if (match === null) return { value: text.trim(), flags: '' };
  return { value: match[1]!, flags: match[2]!.toLowerCase() };
}

export function eurostatTsvReader(
  fields: readonly string[],
  matcher: Matcher,
  dataset: string | null,
): FormatReader {
  const first = (fields[0] ?? '').split(',').map((f) => f.trim().toLowerCase());
  const keyNames = first.map((f) => f.replace(/\\time$/, ''));
  const indic = keyNames.indexOf('indic_ur');
  const cities = keyNames.indexOf('cities');
  if (indic < 0 || cities < 0 || !first[first.length - 1]!.endsWith('\\time'))
    throw new HeaderError(
      'The header does not fit Eurostat’s bulk TSV format (a first column such as "indic_ur,unit,cities\\time", then one column per year).',
    );
  const years = fields.slice(1).map((f) => f.trim());
  return {
    format: 'eurostat-tsv',
    fixedIndicator: null,
    published: true,
    columns: { status: false, source: true, note: false, flags: true },
    *rows(record): Iterable<ReadOutcome> {
      const wrongCount = fieldCountProblem(record, fields.length);
      if (wrongCount !== null) {
        yield { error: wrongCount };
        return;
      }
      const key = record[0]!.split(',').map((f) => f.trim());
      const code = key[indic] ?? '';
      const indicator = eurostatIndicator(matcher, dataset, code);
      if (indicator === undefined) {
        yield { skip: SKIPPED_INDICATOR };
        return;
      }
      const city = cityOf(matcher, key[cities] ?? '');
      if (city === undefined || !matcher.catalogue.isMember(indicator, city)) {
        yield { skip: SKIPPED_CITY };
        return;
      }
      for (const [k, year] of years.entries()) {
        const { value, flags } = splitEurostatValue(record[k + 1]!);
        if (value === ':' || value === '') {
          yield { skip: SKIPPED_MISSING };
          continue;
        }
        yield value_(city, indicator, year, value, flags, dataset);
      }
    },
  };
}

export function eurostatSdmxReader(fields: readonly string[], matcher: Matcher): FormatReader {
  const { names, index } = columnIndex(fields);
  const required = ['indic_ur', 'cities', 'time_period', 'obs_value'];
  const missing = required.filter((c) => index(c) < 0);
  if (missing.length > 0)
    throw new HeaderError(
      `The header does not fit Eurostat’s SDMX-CSV format (missing ${missing.join(', ')}).`,
    );
  const [indic, cities, time, value] = required.map(index) as [number, number, number, number];
  const flag = index('obs_flag');
  const structure = index('structure_id');
  return {
    format: 'eurostat-sdmx',
    fixedIndicator: null,
    published: true,
    columns: { status: false, source: true, note: false, flags: flag >= 0 },
    *rows(record): Iterable<ReadOutcome> {
      const wrongCount = fieldCountProblem(record, names.length);
      if (wrongCount !== null) {
        yield { error: wrongCount };
        return;
      }
      const dataset = structure < 0 ? null : datasetOf(record[structure]!);
      const indicator = eurostatIndicator(matcher, dataset, record[indic]!.trim());
      if (indicator === undefined) {
        yield { skip: SKIPPED_INDICATOR };
        return;
      }
      const city = cityOf(matcher, record[cities]!.trim());
      if (city === undefined || !matcher.catalogue.isMember(indicator, city)) {
        yield { skip: SKIPPED_CITY };
        return;
      }
      const text = record[value]!.trim();
      if (text === '' || text === ':') {
        yield { skip: SKIPPED_MISSING };
        return;
      }
      yield value_(
        city,
        indicator,
        record[time]!,
        text,
        flag < 0 ? '' : record[flag]!.trim().toLowerCase(),
        dataset,
      );
    },
  };
}

/** "ESTAT:URB_CTRAN(1.0)" → "urb_ctran". */
export function datasetOf(structureId: string): string | null {
  const match = /:([A-Za-z0-9_]+)\(/.exec(structureId);
  return match === null ? null : match[1]!.toLowerCase();
}

function value_(
  city: CatalogueCity,
  indicator: CatalogueIndicator,
  year: string,
  value: string,
  flags: string,
  dataset: string | null,
): RowInput {
  return {
    city: { column: 'cities', text: city.slug },
    indicator: { column: 'indic_ur', text: indicator.slug },
    year: { column: 'time', text: year },
    value: { column: 'value', text: value },
    status: null,
    source: {
      column: null,
      text: `Eurostat, City statistics${dataset === null ? '' : ` (${dataset})`}; reshaped by SDG City Monitor`,
    },
    note: null,
    // Eurostat also writes "d" (definition differs) and others: only the five flags are kept.
    flags: { column: 'flag', text: flags.replace(/[^epbuc]/g, '') },
    series: { dimensions: {} },
  };
}

export const EUROSTAT_SKIPS = { SKIPPED_INDICATOR, SKIPPED_CITY, SKIPPED_MISSING };
