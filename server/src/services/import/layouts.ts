import type { RowLayout } from '../../domain/import-row';
import { badRequest } from '../../errors';
import type { ImportCatalogue, CatalogueIndicator } from './catalogue';

export type ImportFormat = 'long' | 'opensdg';

/** What a reader makes of a file's header. */
export interface FileLayout {
  readonly format: ImportFormat;
  readonly row: RowLayout;
  readonly fixedIndicator: CatalogueIndicator | null;
}

/** A header the format cannot read: the whole file is refused with this message (row 1). */
export class HeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeaderError';
  }
}

const LONG_REQUIRED = ['city', 'indicator', 'year', 'value'] as const;
const LONG_OPTIONAL = ['status', 'source', 'note'] as const;
const LONG_KNOWN: ReadonlySet<string> = new Set([...LONG_REQUIRED, ...LONG_OPTIONAL]);
// Open SDG columns that describe the series rather than disaggregate it.
const OPEN_SDG_DESCRIPTIVE: ReadonlySet<string> = new Set([
  'units',
  'unit multiplier',
  'unit_multiplier',
  'series',
  'observation status',
  'comment',
]);
const QUOTED = 200;

/**
 * Reads a header: picks the format (forced, or detected: Year and Value
 * without City is Open SDG) and where each column is. Linear in the number
 * of columns, whatever the file holds.
 */
export function readLayout(
  fields: readonly string[],
  options: { format?: ImportFormat; indicator?: string },
  catalogue: ImportCatalogue,
): FileLayout {
  const names = fields.map((f) => f.trim());
  const lower = names.map((n) => n.toLowerCase());
  const position = new Map<string, number>();
  for (const [i, name] of lower.entries()) {
    if (name === '') continue;
    if (position.has(name))
      throw new HeaderError(`The column "${name.slice(0, QUOTED)}" appears twice in the header.`);
    position.set(name, i);
  }
  const index = (name: string): number => position.get(name) ?? -1;
  const looksOpenSdg = index('year') >= 0 && index('value') >= 0 && index('city') < 0;
  const format = options.format ?? (looksOpenSdg ? 'opensdg' : 'long');
  return format === 'long'
    ? longLayout(names, lower, index)
    : openSdgLayout(names, lower, index, options.indicator, catalogue);
}

function longLayout(names: string[], lower: string[], index: (name: string) => number): FileLayout {
  const missing = LONG_REQUIRED.filter((c) => index(c) < 0);
  const unknown = names.filter((_, i) => !LONG_KNOWN.has(lower[i]!));
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
      `The header does not fit the long format (${parts.join('; ')}). Expected: city,indicator,year,value and optionally status,source,note.`,
    );
  }
  return {
    format: 'long',
    fixedIndicator: null,
    row: {
      columnNames: names,
      city: index('city'),
      indicator: index('indicator'),
      year: index('year'),
      value: index('value'),
      status: index('status'),
      source: index('source'),
      note: index('note'),
      disaggregations: [],
      skipRowsWithoutCity: false,
    },
  };
}

function openSdgLayout(
  names: string[],
  lower: string[],
  index: (name: string) => number,
  indicatorSlug: string | undefined,
  catalogue: ImportCatalogue,
): FileLayout {
  const slug = indicatorSlug?.trim().toLowerCase();
  if (slug === undefined || slug === '') {
    throw badRequest(
      'An Open SDG file holds one indicator: say which with ?indicator=<indicator slug>.',
    );
  }
  const indicator = catalogue.indicators.get(slug);
  if (indicator === undefined) throw badRequest(`There is no indicator "${slug}".`);
  if (indicator.archived)
    throw badRequest(`The indicator "${slug}" is archived; values cannot be added.`);
  const missing = ['year', 'geocode', 'value'].filter((c) => index(c) < 0);
  if (missing.length > 0) {
    throw new HeaderError(
      `The header does not fit the Open SDG format (missing ${missing.map((m) => `"${m}"`).join(', ')}). Expected: Year,GeoCode,Value.`,
    );
  }
  const known = new Set(['year', 'geocode', 'value']);
  return {
    format: 'opensdg',
    fixedIndicator: indicator,
    row: {
      columnNames: names,
      city: index('geocode'),
      indicator: -1,
      year: index('year'),
      value: index('value'),
      status: -1,
      source: -1,
      note: -1,
      disaggregations: lower.flatMap((n, i) =>
        known.has(n) || OPEN_SDG_DESCRIPTIVE.has(n) ? [] : [i],
      ),
      skipRowsWithoutCity: true,
    },
  };
}
