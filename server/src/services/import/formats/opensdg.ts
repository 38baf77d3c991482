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
  const homeCity = options.city === undefined ? undefined : catalogue.city(options.city);
  const year = index('year');
  const value = index('value');
  const geocode = index('geocode');
  const identity: Array<{ i: number; name: string }> = [];
  const breakdowns: Array<{ i: number; name: string }> = [];
  let status = -1;
  let note = -1;
  for (const [i, raw] of names.entries()) {
    const lower = raw.toLowerCase();
    if (i === year || i === value || i === geocode || lower === '' || IGNORED.has(lower)) continue;
    if (lower in IDENTITY) identity.push({ i, name: IDENTITY[lower]! });
    else if (STATUS_COLUMNS.has(lower)) status = i;
    else if (NOTE_COLUMNS.has(lower)) note = i;
    else breakdowns.push({ i, name: dimensionName(raw) });
  }
  if (options.city !== undefined && homeCity === undefined)
    throw badRequest(`There is no city "${options.city.trim().toLowerCase()}".`);
  if (geocode < 0 && homeCity === undefined)
    throw badRequest(
      'This Open SDG file has no GeoCode column: say which city it is about with ?city=<city>.',
    );

  const isTotal = (record: readonly string[]): boolean =>
    breakdowns.every(({ i }) => record[i]!.trim() === '');
  const identityOf = (record: readonly string[]): string[] =>
    identity.map(({ i }) => record[i]!.trim());
  /** Identity values of total rows, in order of appearance (first pass). */
  const totals: string[][] = [];
  const seen = new Set<string>();
  let headline: string[] | null = null;
  const chooseHeadline = (): string[] => {
    if (headline !== null) return headline;
    const unit = indicator.unit.trim().toLowerCase();
    const unitsAt = identity.findIndex((c) => c.name === 'units');
    headline =
      (unitsAt >= 0 ? totals.find((t) => t[unitsAt]!.toLowerCase() === unit) : undefined) ??
      totals[0] ??
      [];
    return headline;
  };

  return {
    format: 'opensdg',
    fixedIndicator: indicator,
    published: true,
    columns: { status: false, source: false, note: note >= 0, flags: status >= 0 },
    scan(record) {
      if (record.length !== names.length || !isTotal(record)) return;
      const values = identityOf(record);
      const key = values.join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        totals.push(values);
      }
    },
    *rows(record): Iterable<ReadOutcome> {
      const wrongCount = fieldCountProblem(record, names.length);
      if (wrongCount !== null) {
        yield { error: wrongCount };
        return;
      }
      const dimensions: Record<string, string> = {};
      for (const { i, name } of breakdowns) {
        const text = record[i]!.trim();
        if (text !== '') dimensions[name] = text;
      }
      const main = chooseHeadline();
      identityOf(record).forEach((text, k) => {
        if (text !== '' && text !== (main[k] ?? '')) dimensions[identity[k]!.name] = text;
      });
      const code = geocode < 0 ? '' : record[geocode]!.trim();
      let city: Cell;
      if (code === '') {
        if (homeCity === undefined) {
          yield { skip: 'rows without GeoCode (totals for a wider area) are not stored' };
          return;
        }
        city = { column: null, text: homeCity.slug };
      } else {
        const named: CatalogueCity | undefined = catalogue.city(code);
        if (named !== undefined) city = { column: names[geocode]!, text: named.slug };
        else if (homeCity !== undefined && Object.keys(dimensions).length > 0) {
          // A ward's or district's code on a breakdown row: the area, within the city.
          dimensions.geocode = code;
          city = { column: null, text: homeCity.slug };
        } else if (homeCity !== undefined) {
          yield {
            error: `GeoCode "${code.slice(0, 40)}" is not a code of ${homeCity.slug} or of another city. If it is ${homeCity.slug}'s, add it to the city's codes (e.g. {"ons": "${code.slice(0, 40)}"}) and import again.`,
          };
          return;
        } else city = { column: names[geocode]!, text: code };
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
