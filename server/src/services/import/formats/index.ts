import type { ImportCatalogue } from '../catalogue';
import { eurostatSdmxReader, eurostatTsvReader } from './eurostat';
import { HeaderError, type FormatReader, type ImportFormat } from './format';
import { longReader } from './long';
import { openSdgReader } from './opensdg';
import { wideReader } from './wide';

export interface ReaderOptions {
  /** Forced format; detected from the header when absent. */
  format?: ImportFormat;
  /** Open SDG: the indicator every row belongs to. */
  indicator?: string;
  /** Open SDG and wide files: the city rows without GeoCode (or a city column) belong to. */
  city?: string;
  /** Eurostat: only this network's indicators and member cities are read. */
  networkId?: number | null;
  /** Eurostat TSV: the dataset (urb_percep…), when the file does not say. */
  dataset?: string;
  /** The formats this import takes (a route for Eurostat files takes only those). */
  accept?: readonly ImportFormat[];
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  long: 'the long format (city, indicator, year, value)',
  wide: 'the wide format (indicator, then one column per year)',
  opensdg: 'an Open SDG data file',
  'eurostat-tsv': 'a Eurostat bulk TSV file',
  'eurostat-sdmx': 'a Eurostat SDMX-CSV file',
};

/** The format a header is written in (the long format unless it looks like another). */
export function detectFormat(fields: readonly string[]): ImportFormat {
  const lower = fields.map((f) => f.trim().toLowerCase());
  if (lower[0]?.includes('\\time') === true) return 'eurostat-tsv';
  if (lower.includes('obs_value') && lower.includes('time_period')) return 'eurostat-sdmx';
  // The template's shape: indicator, then years (no year or value column).
  if (lower.includes('indicator') && !lower.includes('year') && !lower.includes('value'))
    return 'wide';
  if (lower.includes('year') && lower.includes('value') && !lower.includes('city'))
    return 'opensdg';
  return 'long';
}

/** The reader for a file, from its header. Throws HeaderError (the file is refused) or a 400. */
export function readerFor(
  fields: readonly string[],
  options: ReaderOptions,
  catalogue: ImportCatalogue,
): FormatReader {
  const format = options.format ?? detectFormat(fields);
  if (options.accept !== undefined && !options.accept.includes(format))
    throw new HeaderError(
      `This file looks like ${FORMAT_NAMES[format]}; here only ${options.accept.map((f) => FORMAT_NAMES[f]).join(' or ')} can be imported.`,
    );
  const matcher = { catalogue, network: options.networkId ?? null };
  switch (format) {
    case 'long':
      return longReader(fields);
    case 'wide':
      return wideReader(fields, options, catalogue);
    case 'opensdg':
      return openSdgReader(fields, options, catalogue);
    case 'eurostat-tsv':
      return eurostatTsvReader(fields, matcher, options.dataset?.toLowerCase() ?? null);
    case 'eurostat-sdmx':
      return eurostatSdmxReader(fields, matcher);
  }
}

export { HeaderError };
export type { FormatReader, ImportFormat };
