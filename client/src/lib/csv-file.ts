import { csvLine, toTextCell } from '../../../server/src/domain/csv';

/** A cell of a downloaded table: text, a number (written as is, dot decimal) or nothing. */
export type CsvCell = string | number | null | undefined;

/** UTF-8 byte order mark: without it Excel reads "Košice" as "KoÅ¡ice". */
export const BOM = '\uFEFF';

/**
 * A number as a spreadsheet reads it everywhere: no grouping, a dot as the
 * decimal separator, no exponent for ordinary values, never "-0".
 */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Object.is(value, -0) || value === 0) return '0';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // 1e21 and beyond are whole numbers; 1e-7 and the like are written out (trailing zeros dropped).
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return csvNumber(value);
  // Text we do not control (names, sources) never runs as a formula in a spreadsheet.
  return toTextCell(value);
}

/**
 * A table as a CSV file for people (and their spreadsheets): the UTF-8 BOM,
 * a header row, RFC 4180 quoting (the server's own writer), numbers unformatted.
 */
export function csvFile(
  header: readonly string[],
  rows: ReadonlyArray<readonly CsvCell[]>,
): string {
  return BOM + csvLine(header.map(cell)) + rows.map((row) => csvLine(row.map(cell))).join('');
}

/** A file name part: "Košice – Air quality" → "kosice-air-quality". */
export function fileSlug(...parts: ReadonlyArray<string | number | null | undefined>): string {
  return parts
    .filter((p): p is string | number => p !== null && p !== undefined && p !== '')
    .map((p) =>
      String(p)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p !== '')
    .join('-')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Starts a download of `blob` under `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Starts a download of a CSV text (already with its BOM). */
export function downloadCsv(fileName: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}
