/**
 * A small streaming CSV reader and writer (RFC 4180: quoted fields, doubled
 * quotes, CRLF or LF line ends, newlines inside quotes). Written for imports
 * of millions of rows: it scans character codes once and never holds more
 * than the current chunk and one unfinished record.
 */

export type Delimiter = ',' | ';' | '\t';

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based record number (the header is record 1). */
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Bounds that keep a hostile file from costing more than a normal one per byte. */
export interface CsvLimits {
  /** Most fields in one record (columns). */
  readonly maxFields: number;
  /** Longest field, in characters. */
  readonly maxFieldLength: number;
  /** Longest record (line), in characters. */
  readonly maxRecordLength: number;
  /** Longest first record (the header), in characters. */
  readonly maxHeaderLength: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = Object.freeze({
  maxFields: 1000,
  maxFieldLength: 10_000,
  maxRecordLength: 1_048_576,
  maxHeaderLength: 65_536,
});

/** A file beyond the limits: reading stops at once (a 4xx, never a long computation). */
export class CsvLimitError extends CsvSyntaxError {
  constructor(message: string, record: number) {
    super(message, record);
    this.name = 'CsvLimitError';
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Guesses the delimiter from the first line: the most frequent of comma,
 * semicolon and tab outside quotes (comma when none appears).
 */
export function detectDelimiter(firstLine: string): Delimiter {
  // Eurostat's bulk TSV: "indic_ur,unit,cities\time<TAB>2019…" (or "…\TIME_PERIOD") has commas inside its first field.
  if (/^[a-z_,]*\\time(_period)?\s*\t/i.test(firstLine)) return '\t';
  let inQuotes = false;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Incremental parser: `push(chunk)` returns the records completed by the
 * chunk; `finish()` returns the last one. Empty lines are skipped.
 */
export class CsvReader {
  private readonly delimiter: number;
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** Just closed a quoted field: only a delimiter or line end may follow. */
  private afterQuote = false;
  /** The previous chunk ended inside a quoted field on a quote (maybe the first of a doubled pair). */
  private pendingQuote = false;
  private recordHasContent = false;
  private skipLf = false;
  /** Characters of the current record's completed fields. */
  private recordLength = 0;
  /** Records completed so far (including the header), for error messages. */
  recordCount = 0;

  constructor(
    delimiter: Delimiter,
    private readonly limits: CsvLimits = DEFAULT_CSV_LIMITS,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Checks the record being read against the limits (called at field ends and chunk ends). */
  private checkLimits(): void {
    const { maxFields, maxFieldLength, maxRecordLength, maxHeaderLength } = this.limits;
    const row = this.recordCount + 1;
    const where = row === 1 ? 'The header (row 1)' : `Row ${row}`;
    if (this.record.length >= maxFields)
      throw new CsvLimitError(
        `${where} has more than ${maxFields.toLocaleString('en')} columns; an import may have at most ${maxFields.toLocaleString('en')}.`,
        row,
      );
    if (this.field.length > maxFieldLength)
      throw new CsvLimitError(
        `${where} has a cell longer than ${maxFieldLength.toLocaleString('en')} characters (column ${this.record.length + 1}); no cell may be longer.`,
        row,
      );
    const limit = row === 1 ? maxHeaderLength : maxRecordLength;
    if (this.recordLength + this.field.length > limit)
      throw new CsvLimitError(
        `${where} is longer than ${limit.toLocaleString('en')} characters; ${row === 1 ? 'a header' : 'a line'} may be at most that long.`,
        row,
      );
  }

  // Long on purpose: the tokenizer's hot loop, one state machine over every character of the
  // file; split into calls per character it would cost a million-row import real time.
  push(chunk: string): string[][] {
    const out: string[][] = [];
    const d = this.delimiter;
    let i = 0;
    const n = chunk.length;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (n > 0 && chunk.charCodeAt(0) === QUOTE) {
        this.field += '"';
        i = 1;
      } else {
        this.inQuotes = false;
        this.afterQuote = true;
      }
    }
    let start = i;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          start = i;
          continue;
        }
      }
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += chunk.slice(start, i);
          if (i + 1 >= n) {
            this.pendingQuote = true;
            this.checkLimits();
            return out;
          }
          if (chunk.charCodeAt(i + 1) === QUOTE) {
            this.field += '"';
            i += 2;
          } else {
            this.inQuotes = false;
            this.afterQuote = true;
            i++;
          }
          start = i;
          continue;
        }
        i++;
        continue;
      }
      if (c === d) {
        this.field += chunk.slice(start, i);
        this.checkLimits();
        this.recordLength += this.field.length + 1;
        this.record.push(this.field);
        this.field = '';
        this.afterQuote = false;
        this.recordHasContent = true;
        i++;
        start = i;
        continue;
      }
      if (c === LF || c === CR) {
        this.field += chunk.slice(start, i);
        this.checkLimits();
        this.endRecord(out);
        if (c === CR) this.skipLf = true;
        i++;
        start = i;
        continue;
      }
      if (this.afterQuote) {
        throw new CsvSyntaxError(
          'A quoted field must be followed by a separator or the end of the line.',
          this.recordCount + 1,
        );
      }
      if (c === QUOTE) {
        if (this.field.length > 0 || i > start) {
          throw new CsvSyntaxError(
            'A quote may only open a field (write "" inside a quoted field).',
            this.recordCount + 1,
          );
        }
        this.inQuotes = true;
        this.recordHasContent = true;
        i++;
        start = i;
        continue;
      }
      i++;
    }
    if (start < n) this.field += chunk.slice(start, n);
    this.checkLimits();
    return out;
  }

  finish(): string[][] {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
      this.afterQuote = true;
    }
    if (this.inQuotes)
      throw new CsvSyntaxError('A quoted field is never closed.', this.recordCount + 1);
    const out: string[][] = [];
    this.endRecord(out);
    return out;
  }

  private endRecord(out: string[][]): void {
    if (this.recordHasContent || this.field.length > 0 || this.record.length > 0) {
      this.record.push(this.field);
      out.push(this.record);
      this.recordCount++;
    }
    this.record = [];
    this.field = '';
    this.recordLength = 0;
    this.afterQuote = false;
    this.recordHasContent = false;
  }
}

const NEEDS_QUOTES = /[",\r\n;\t]|^\s|\s$/;

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell a spreadsheet would read as a formula (or that hides one), after any apostrophes. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A free-text cell made safe to open in a spreadsheet (OWASP "CSV
 * injection"): text that starts like a formula gets a leading apostrophe,
 * which spreadsheets show as text. `fromTextCell` undoes it on import, so
 * exports round-trip. Numbers are written by us and never pass through here.
 */
export function toTextCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Reads a free-text cell written by `toTextCell`: one apostrophe before a formula character goes. */
export function fromTextCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** One CSV line (comma-separated, LF-terminated). */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
