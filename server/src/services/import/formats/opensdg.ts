import type { Cell } from '../../../domain/import-row';
import { badRequest } from '../../../errors';
import { dimensionName, type SeriesDimensions } from '../../../domain/series';
import type { CatalogueCity, CatalogueIndicator, ImportCatalogue } from '../catalogue';
import {
  columnIndex,
  fieldCountProblem,
  HeaderError,
  type FormatReader,
  type ReadOutcome,
  type RecordError,
  type Skip,
} from './format';

/**
 * An Open SDG data file as cities publish it (one indicator per file):
 * `Year`, `Value`, maybe `GeoCode`, and any number of other columns.
 *
 * - Columns that describe a series rather than break it down (sdg-build's
 *   defaults) are never breakdowns: `Units`, `Series`, `Unit measure`,
 *   `Unit multiplier` tell series apart (two series are never merged);
 *   `Observation status` gives the value's flags; `COMMENT_OBS` its note;
 *   `COMMENT_TS` and `DATA_LAST_UPDATE` are ignored.
 * - Every other column is a breakdown dimension (Sex, Age, Ward, …); a row
 *   where all of them are empty belongs to the headline series.
 * - Which units/series is the headline: the one named like the indicator's
 *   unit, else the first one of a row without breakdown (a first pass over
 *   the file decides, so the rule does not depend on row order).
 * - `GeoCode`: empty → the city the import is for; a code of a city → that
 *   city; another code on a breakdown row → the area's code (`geocode`
 *   dimension: a ward, a district), so that a map can draw it.
 * - `Year` may be a period (`2016/17`, `2009–2010`: its first year), `Value`
 *   may say n/a, .., - or : (left out and counted).
 */

/** sdg-build's non-disaggregation columns, by what they mean here. */
const IDENTITY: Readonly<Record<string, string>> = {
  units: 'units',
  unit: 'units',
  series: 'series',
  'unit measure': 'unit measure',
  unit_measure: 'unit measure',
  'unit multiplier': 'unit multiplier',
  unit_multiplier: 'unit multiplier',
};
const STATUS_COLUMNS = new Set(['observation status', 'obs_status', 'observation_status']);
const NOTE_COLUMNS = new Set(['comment_obs']);
const IGNORED = new Set(['comment_ts', 'data_last_update', 'time_detail']);

/** SDMX observation status codes that are flags here (A, normal, and the rest are not). */
const STATUS_FLAGS: Readonly<Record<string, string>> = {
  e: 'e',
  estimated: 'e',
  p: 'p',
  provisional: 'p',
  b: 'b',
  'break in series': 'b',
  u: 'u',
  'low reliability': 'u',
  c: 'c',
  confidential: 'c',
  d: 'd',
  'definition differs': 'd',
};

/** An `Observation status` cell → flag letters: one status, or several separated by commas ("estimated, break in series"). */
function statusFlags(text: string): string {
  const whole = STATUS_FLAGS[text];
  if (whole !== undefined) return whole;
  return text
    .split(/[,;]/)
    .map((part) => STATUS_FLAGS[part.trim()] ?? '')
    .join('');
}

/** Where an Open SDG file's columns are (-1 when absent). */
interface OpenSdgLayout {
  year: number;
  value: number;
  geocode: number;
  /** Columns that tell series apart (Units, Series, …). */
  identity: Array<{ i: number; name: string }>;
  /** Breakdown dimensions (every other column). */
  breakdowns: Array<{ i: number; name: string }>;
  status: number;
  note: number;
}

/** The columns of the header by what they mean (see the module comment). */
function layoutOf(names: readonly string[], index: (name: string) => number): OpenSdgLayout {
  const layout: OpenSdgLayout = {
    year: index('year'),
    value: index('value'),
    geocode: index('geocode'),
    identity: [],
    breakdowns: [],
    status: -1,
    note: -1,
  };
  for (const [i, raw] of names.entries()) {
    const lower = raw.toLowerCase();
    if (
      i === layout.year ||
      i === layout.value ||
      i === layout.geocode ||
      lower === '' ||
      IGNORED.has(lower)
    )
      continue;
    if (lower in IDENTITY) layout.identity.push({ i, name: IDENTITY[lower]! });
    else if (STATUS_COLUMNS.has(lower)) layout.status = i;
    else if (NOTE_COLUMNS.has(lower)) layout.note = i;
    else layout.breakdowns.push({ i, name: dimensionName(raw) });
  }
  return layout;
}

/**
 * The city of a row from its GeoCode (see the module comment), or what to
 * report instead. A district's code on a breakdown row is added to
 * `dimensions` as its `geocode`.
 */
function cityOf(
  code: string,
  dimensions: Record<string, string>,
  geocodeColumn: string | undefined,
  homeCity: CatalogueCity | undefined,
  catalogue: ImportCatalogue,
): Cell | Skip | RecordError {
  if (code === '') {
    if (homeCity === undefined)
      return { skip: 'rows without GeoCode (totals for a wider area) are not stored' };
    return { column: null, text: homeCity.slug };
  }
  const named: CatalogueCity | undefined = catalogue.city(code);
  if (named !== undefined) return { column: geocodeColumn!, text: named.slug };
  if (homeCity !== undefined && Object.keys(dimensions).length > 0) {
    // A ward's or district's code on a breakdown row: the area, within the city.
    dimensions.geocode = code;
    return { column: null, text: homeCity.slug };
  }
  if (homeCity !== undefined)
    return {
      error: `GeoCode "${code.slice(0, 40)}" is not a code of ${homeCity.slug} or of another city. If it is ${homeCity.slug}'s, add it to the city's codes (e.g. {"ons": "${code.slice(0, 40)}"}) and import again.`,
    };
  return { column: geocodeColumn!, text: code };
}

/** The city the file is for (?city=), required when it has no GeoCode column. */
function homeCityOf(
  slug: string | undefined,
  hasGeocode: boolean,
  catalogue: ImportCatalogue,
): CatalogueCity | undefined {
  const homeCity = slug === undefined ? undefined : catalogue.city(slug);
  if (slug !== undefined && homeCity === undefined)
    throw badRequest(`There is no city "${slug.trim().toLowerCase()}".`);
  if (!hasGeocode && homeCity === undefined)
    throw badRequest(
      'This Open SDG file has no GeoCode column: say which city it is about with ?city=<city>.',
    );
  return homeCity;
}

/** A row's series: its breakdowns, and the identity values that differ from the headline's. */
function dimensionsOf(
  record: readonly string[],
  breakdowns: ReadonlyArray<{ i: number; name: string }>,
  identity: ReadonlyArray<{ i: number; name: string }>,
  main: readonly string[],
): Record<string, string> {
  const dimensions: Record<string, string> = {};
  for (const { i, name } of breakdowns) {
    const text = record[i]!.trim();
    if (text !== '') dimensions[name] = text;
  }
  identity.forEach(({ i, name }, k) => {
    const text = record[i]!.trim();
    if (text !== '' && text !== (main[k] ?? '')) dimensions[name] = text;
  });
  return dimensions;
}

/**
 * The identity values (Units, Series, …) of the total rows, in order of
 * appearance (the first pass), and the headline chosen from them once the
 * rows are read: the one named like the indicator's unit, else the first.
 */
function headlineTotals(
  indicator: CatalogueIndicator,
  identity: ReadonlyArray<{ name: string }>,
): { add(values: string[]): void; headline(): string[] } {
  const totals: string[][] = [];
  const seen = new Set<string>();
  let headline: string[] | null = null;
  return {
    add(values) {
      const key = values.join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        totals.push(values);
      }
    },
    headline() {
      if (headline !== null) return headline;
      const unit = indicator.unit.trim().toLowerCase();
      const unitsAt = identity.findIndex((c) => c.name === 'units');
      headline =
        (unitsAt >= 0 ? totals.find((t) => t[unitsAt]!.toLowerCase() === unit) : undefined) ??
        totals[0] ??
        [];
      return headline;
    },
  };
}

const isCell = (c: Cell | Skip | RecordError): c is Cell => 'text' in c;

export function openSdgReader(
  fields: readonly string[],
  options: { indicator?: string; city?: string },
  catalogue: ImportCatalogue,
): FormatReader {
  const { names, index } = columnIndex(fields);
  const missing = ['year', 'value'].filter((c) => index(c) < 0);
  if (missing.length > 0)
    throw new HeaderError(
      `The header does not fit the Open SDG format (missing ${missing.map((m) => `"${m}"`).join(', ')}). Expected: Year, Value and optionally GeoCode, Units, Series and breakdown columns.`,
    );
  const indicator = fixedIndicator(options.indicator, catalogue);
  const homeCity = homeCityOf(options.city, index('geocode') >= 0, catalogue);
  const { year, value, geocode, identity, breakdowns, status, note } = layoutOf(names, index);

  const isTotal = (record: readonly string[]): boolean =>
    breakdowns.every(({ i }) => record[i]!.trim() === '');
  const identityOf = (record: readonly string[]): string[] =>
    identity.map(({ i }) => record[i]!.trim());
  const totals = headlineTotals(indicator, identity);

  return {
    format: 'opensdg',
    fixedIndicator: indicator,
    published: true,
    columns: { status: false, source: false, note: note >= 0, flags: status >= 0 },
    scan(record) {
      if (record.length !== names.length || !isTotal(record)) return;
      totals.add(identityOf(record));
    },
    *rows(record): Iterable<ReadOutcome> {
      const wrongCount = fieldCountProblem(record, names.length);
      if (wrongCount !== null) {
        yield { error: wrongCount };
        return;
      }
      const dimensions = dimensionsOf(record, breakdowns, identity, totals.headline());
      const code = geocode < 0 ? '' : record[geocode]!.trim();
      const city = cityOf(code, dimensions, names[geocode], homeCity, catalogue);
      if (!isCell(city)) {
        yield city;
        return;
      }
      const statusText = status < 0 ? '' : record[status]!.trim().toLowerCase();
      yield {
        city,
        indicator: null,
        year: { column: names[year]!, text: record[year]! },
        value: { column: names[value]!, text: record[value]! },
        status: null,
        source: null,
        note: note < 0 ? null : { column: names[note]!, text: record[note]! },
        flags: status < 0 ? null : { column: names[status]!, text: statusFlags(statusText) },
        series: { dimensions: dimensions as SeriesDimensions },
      };
    },
  };
}

function fixedIndicator(slug: string | undefined, catalogue: ImportCatalogue): CatalogueIndicator {
  const wanted = slug?.trim().toLowerCase();
  if (wanted === undefined || wanted === '')
    throw badRequest(
      'An Open SDG file holds one indicator: say which with ?indicator=<indicator slug>.',
    );
  const indicator = catalogue.indicators.get(wanted);
  if (indicator === undefined) throw badRequest(`There is no indicator "${wanted}".`);
  if (indicator.archived)
    throw badRequest(`The indicator "${wanted}" is archived; values cannot be added.`);
  return indicator;
}
