import { sumTerms } from '../../../domain/eurostat-codes';
import type { RowInput } from '../../../domain/import-row';
import type {
  CatalogueCity,
  CatalogueIndicator,
  EurostatTerm,
  ImportCatalogue,
} from '../catalogue';
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
 * or `PS1012V`, a sum `PS1012V+PS1013V`, survey waves `PS3290V|PS3514V`: see
 * domain/eurostat-codes.ts); only the indicators and member cities of the
 * network being imported into are read, everything else in the file
 * (Eurostat's files cover every European city) is left out and counted,
 * never an error.
 */

interface Matcher {
  network: number | null;
  catalogue: ImportCatalogue;
}

/**
 * What a Eurostat code stands for in the catalogue: within the network being
 * imported into; without one, the only network that reads it (several is
 * ambiguous, and left out with a reason).
 */
function eurostatTerm(
  { network, catalogue }: Matcher,
  dataset: string | null,
  code: string,
): EurostatTerm | typeof AMBIGUOUS | undefined {
  const found = catalogue.byEurostatCode(code, dataset);
  if (network !== null) return found.find((e) => e.indicator.networkId === network);
  if (found.length > 1) return AMBIGUOUS;
  return found[0];
}

const AMBIGUOUS = Symbol('several networks');
const SKIPPED_AMBIGUOUS =
  'codes that indicators of several networks read are left out: name the network (?network=)';

function cityOf({ catalogue }: Matcher, code: string): CatalogueCity | undefined {
  return catalogue.city(code);
}

const SKIPPED_INDICATOR = 'indicators this network does not have are left out';
const SKIPPED_CITY = 'cities that are not members of the network are left out';
const SKIPPED_MISSING = 'values marked as not available (n/a, .., -, :) are left out';
const SKIPPED_PARTIAL_SUM =
  'sums (such as "very" + "rather satisfied") with a term not available for that city and year are left out';

/**
 * Reads the values of a file's codes: a code that is a whole indicator at
 * once, the terms of sums waiting for the others, by indicator, city and
 * year. A sum is read at the row of its last term; the ones never completed
 * are left out (counted by `leftOut`).
 */
class PendingSums {
  private readonly pending = new Map<
    string,
    { parts: Map<string, { value: number; flags: string }>; code: string }
  >();

  /**
   * The value of one code for one city and year: its row, or for a term of a
   * sum, the completed sum's row, an error, or null while terms are missing.
   */
  read(
    term: EurostatTerm,
    code: string,
    city: CatalogueCity,
    year: string,
    text: string,
    flags: string,
    dataset: string | null,
  ): ReadOutcome | null {
    if (term.terms.length === 1) return value_(city, term.indicator, year, text, flags, dataset);
    const value = Number(text);
    if (!Number.isFinite(value) || text === '')
      return {
        error: `${code} for ${city.slug}, ${year}: "${text.slice(0, 40)}" is not a number.`,
      };
    const key = `${term.indicator.slug}\u0000${city.slug}\u0000${year}`;
    const entry = this.pending.get(key) ?? { parts: new Map(), code };
    if (entry.parts.has(code.toUpperCase()))
      return {
        error: `${code} for ${city.slug}, ${year} appears twice; each value may appear once.`,
      };
    entry.parts.set(code.toUpperCase(), { value, flags });
    if (entry.parts.size < term.terms.length) {
      this.pending.set(key, entry);
      return null;
    }
    this.pending.delete(key);
    const parts = [...entry.parts.values()];
    return value_(
      city,
      term.indicator,
      year,
      String(sumTerms(parts.map((p) => p.value))),
      [...new Set(parts.flatMap((p) => [...p.flags]))].join(''),
      dataset,
    );
  }

  /** One skip per sum that never got all its terms. */
  *leftOut(): Iterable<ReadOutcome> {
    for (let i = 0; i < this.pending.size; i++) yield { skip: SKIPPED_PARTIAL_SUM };
    this.pending.clear();
  }
}

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
  const keyNames = first.map((f) => f.replace(/\\time(_period)?$/, ''));
  const indic = keyNames.indexOf('indic_ur');
  const cities = keyNames.indexOf('cities');
  if (indic < 0 || cities < 0 || !/\\time(_period)?$/.test(first[first.length - 1]!))
    throw new HeaderError(
      'The header does not fit Eurostat’s bulk TSV format (a first column such as "indic_ur,unit,cities\\time", then one column per year).',
    );
  const years = fields.slice(1).map((f) => f.trim());
  const sums = new PendingSums();
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
      const term = eurostatTerm(matcher, dataset, code);
      if (term === undefined || term === AMBIGUOUS) {
        yield { skip: term === AMBIGUOUS ? SKIPPED_AMBIGUOUS : SKIPPED_INDICATOR };
        return;
      }
      const city = cityOf(matcher, key[cities] ?? '');
      if (city === undefined || !matcher.catalogue.isMember(term.indicator, city)) {
        yield { skip: SKIPPED_CITY };
        return;
      }
      for (const [k, year] of years.entries()) {
        const { value, flags } = splitEurostatValue(record[k + 1]!);
        if (value === ':' || value === '') {
          yield { skip: SKIPPED_MISSING };
          continue;
        }
        const read = sums.read(term, code, city, year, value, flags, dataset);
        if (read !== null) yield read;
      }
    },
    finish: () => sums.leftOut(),
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
  const sums = new PendingSums();
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
      const code = record[indic]!.trim();
      const term = eurostatTerm(matcher, dataset, code);
      if (term === undefined || term === AMBIGUOUS) {
        yield { skip: term === AMBIGUOUS ? SKIPPED_AMBIGUOUS : SKIPPED_INDICATOR };
        return;
      }
      const city = cityOf(matcher, record[cities]!.trim());
      if (city === undefined || !matcher.catalogue.isMember(term.indicator, city)) {
        yield { skip: SKIPPED_CITY };
        return;
      }
      const text = record[value]!.trim();
      if (text === '' || text === ':') {
        yield { skip: SKIPPED_MISSING };
        return;
      }
      const flags = flag < 0 ? '' : record[flag]!.trim().toLowerCase();
      const read = sums.read(term, code, city, record[time]!.trim(), text, flags, dataset);
      if (read !== null) yield read;
    },
    finish: () => sums.leftOut(),
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
    // Eurostat's other letters (n not significant, z not applicable…) are not kept.
    flags: { column: 'flag', text: flags.replace(/[^epbucd]/g, '') },
    series: { dimensions: {} },
  };
}

export const EUROSTAT_SKIPS = {
  SKIPPED_INDICATOR,
  SKIPPED_CITY,
  SKIPPED_MISSING,
  SKIPPED_PARTIAL_SUM,
};
