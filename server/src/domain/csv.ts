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

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Guesses the delimiter from the first line: the most frequent of comma,
 * semicolon and tab outside quotes (comma when none appears).
 */
export function detectDelimiter(firstLine: string): Delimiter {
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
  /** Records completed so far (including the header), for error messages. */
  recordCount = 0;

  constructor(delimiter: Delimiter) {
    this.delimiter = delimiter.charCodeAt(0);
  }

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
    this.afterQuote = false;
    this.recordHasContent = false;
  }
}

const NEEDS_QUOTES = /[",\r\n;\t]|^\s|\s$/;

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (comma-separated, LF-terminated). */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
