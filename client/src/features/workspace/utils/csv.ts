import {
  CsvReader,
  csvLine,
  detectDelimiter,
  toTextCell,
} from '../../../../../server/src/domain/csv';

/*
 * The CSV rules are the server's own (server/src/domain/csv.ts): the same
 * reader, delimiter choice, quoting and formula escaping on both sides, so a
 * file the dashboard writes reads back on the server exactly.
 */
export { csvLine, toTextCell };

/** A cell that reads as a plain number (kept as is; every other text cell is formula-escaped). */
const NUMBER_LIKE = /^\s*-?\d+([.,]\d+)?\s*$/;

/** A cell written from text we do not control: escaped when a spreadsheet would run it as a formula. */
export function safeCell(text: string): string {
  return NUMBER_LIKE.test(text) ? text : toTextCell(text);
}

/**
 * Splits CSV or tab-separated text into rows of fields exactly as the server
 * reads it (same reader, same delimiter rule, same row numbers); empty when
 * the text is not valid CSV (the server's report says where).
 */
export function splitRows(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const reader = new CsvReader(detectDelimiter(firstLine));
  try {
    return [...reader.push(text.replace(/^\uFEFF/, '')), ...reader.finish()];
  } catch {
    return [];
  }
}

/**
 * The rows of a file that have errors, with the header and an "error" column,
 * so an officer can fix them in a spreadsheet and import them again. Row
 * numbers are the server's: the header is row 1. Cells that would run as
 * formulas in a spreadsheet are escaped.
 */
export function errorRowsCsv(
  text: string,
  errors: ReadonlyArray<{ row: number; column: string | null; message: string }>,
): string {
  const rows = splitRows(text);
  const header = rows[0] ?? [];
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column === null ? e.message : `${e.column}: ${e.message}`);
    byRow.set(e.row, list);
  }
  let out = csvLine([...header, 'error'].map(safeCell));
  for (const [row, messages] of [...byRow].sort((a, b) => a[0] - b[0])) {
    if (row < 2) continue;
    out += csvLine([...(rows[row - 1] ?? []), messages.join(' | ')].map(safeCell));
  }
  return out;
}

/** Starts a download of a text file in the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
