import type { RowInput } from '../../../domain/import-row';
import type { ImportColumns } from '../../../repositories/import.repository';
import type { CatalogueIndicator } from '../catalogue';

export type ImportFormat = 'long' | 'wide' | 'opensdg' | 'eurostat-tsv' | 'eurostat-sdmx';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'long',
  'wide',
  'opensdg',
  'eurostat-tsv',
  'eurostat-sdmx',
];

/** A record the reader leaves out on purpose, with the reason (counted in the report). */
export interface Skip {
  readonly skip: string;
}

/** A record the reader cannot read (e.g. the wrong number of fields): an error of that row. */
export interface RecordError {
  readonly error: string;
  /** The cell the error is about, when it is one cell (its column's header and text). */
  readonly column?: string;
  readonly value?: string;
}

export type ReadOutcome = RowInput | Skip | RecordError;

/** What a format makes of a file once it has read the header. */
export interface FormatReader {
  readonly format: ImportFormat;
  /** Which optional columns the file has: absent ones leave stored content alone. */
  readonly columns: ImportColumns;
  /** For a file of one indicator (Open SDG). */
  readonly fixedIndicator: CatalogueIndicator | null;
  /** Published files: year ranges stand for their first year; n/a, .., -, : mean "no value". */
  readonly published: boolean;
  /**
   * Readers that must see the whole file before reading any value (which of
   * an Open SDG file's series is the headline) get a first pass here.
   */
  scan?(fields: readonly string[]): void;
  /** One record of the file → the values it holds (and what it leaves out). */
  rows(fields: readonly string[]): Iterable<ReadOutcome>;
  /** After the last record: what the reader still holds (e.g. incomplete sums, left out). */
  finish?(): Iterable<ReadOutcome>;
}

/** A header the format cannot read: the whole file is refused with this message (row 1). */
export class HeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeaderError';
  }
}

/** The header's columns by lower-case name, refusing duplicates (linear in the number of columns). */
export function columnIndex(fields: readonly string[]): {
  names: string[];
  index: (name: string) => number;
} {
  const names = fields.map((f) => f.trim());
  const position = new Map<string, number>();
  for (const [i, name] of names.entries()) {
    const lower = name.toLowerCase();
    if (lower === '') continue;
    if (position.has(lower))
      throw new HeaderError(`The column "${lower.slice(0, 200)}" appears twice in the header.`);
    position.set(lower, i);
  }
  return { names, index: (name) => position.get(name) ?? -1 };
}

export const isSkip = (value: ReadOutcome): value is Skip => 'skip' in value;
export const isRecordError = (value: ReadOutcome): value is RecordError => 'error' in value;

/** A row whose number of fields differs from the header's. */
export function fieldCountProblem(fields: readonly string[], expected: number): string | null {
  return fields.length === expected
    ? null
    : `This row has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} but the header has ${expected}.`;
}
