import {
  columnIndex,
  fieldCountProblem,
  HeaderError,
  type FormatReader,
  type ReadOutcome,
} from './format';

const REQUIRED = ['city', 'indicator', 'year', 'value'] as const;
const OPTIONAL = ['status', 'source', 'note', 'series', 'flags'] as const;
const KNOWN: ReadonlySet<string> = new Set([...REQUIRED, ...OPTIONAL]);

/** Refuses a header without the required columns or with unknown ones, naming them. */
function checkHeader(names: readonly string[], index: (name: string) => number): void {
  const missing = REQUIRED.filter((c) => index(c) < 0);
  const unknown = names.filter((name) => !KNOWN.has(name.toLowerCase()));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.map((m) => `"${m}"`).join(', ')}`);
    if (unknown.length > 0)
      parts.push(
        `unknown ${unknown
          .slice(0, 5)
          .map((u) => `"${u.slice(0, 80)}"`)
          .join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
      );
    throw new HeaderError(
      `The header does not fit the long format (${parts.join('; ')}). Expected: city,indicator,year,value and optionally series,status,flags,source,note.`,
    );
  }
}

/**
 * The application's own long format (what exports write): one value per
 * line, `city,indicator,year,value` and optionally `series` (the breakdown
 * as JSON, empty for the headline), `status`, `flags`, `source`, `note`.
 */
export function longReader(fields: readonly string[]): FormatReader {
  const { names, index } = columnIndex(fields);
  checkHeader(names, index);
  const at = (name: string) => {
    const i = index(name);
    return { i, column: i < 0 ? null : names[i]! };
  };
  const [city, indicator, year, value, status, source, note, series, flags] = [
    ...REQUIRED,
    ...OPTIONAL,
  ].map(at) as [
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
    ReturnType<typeof at>,
  ];
  const cell = (position: { i: number; column: string | null }, fields: readonly string[]) =>
    position.i < 0 ? null : { column: position.column, text: fields[position.i]! };
  return {
    format: 'long',
    fixedIndicator: null,
    published: false,
    columns: {
      status: status.i >= 0,
      source: source.i >= 0,
      note: note.i >= 0,
      flags: flags.i >= 0,
    },
    *rows(record): Iterable<ReadOutcome> {
      const wrongCount = fieldCountProblem(record, names.length);
      if (wrongCount !== null) {
        yield { error: wrongCount };
        return;
      }
      yield {
        city: cell(city, record)!,
        indicator: cell(indicator, record)!,
        year: cell(year, record)!,
        value: cell(value, record)!,
        status: cell(status, record),
        source: cell(source, record),
        note: cell(note, record),
        flags: cell(flags, record),
        series: series.i < 0 ? { dimensions: {} } : { json: cell(series, record)! },
      };
    },
  };
}
