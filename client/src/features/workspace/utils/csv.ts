/** One CSV field, quoted when it must be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

/**
 * Splits CSV or tab-separated text into rows of fields (quotes honoured),
 * as the server reads it: the delimiter is the one the header uses most.
 */
export function splitRows(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  const delimiter =
    count('\t') > count(',') && count('\t') >= count(';')
      ? '\t'
      : count(';') > count(',')
        ? ';'
        : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The rows of a file that have errors, with the header and an "error" column,
 * so an officer can fix them in a spreadsheet and import them again. Row
 * numbers are the server's: the header is row 1.
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
  let out = csvLine([...header, 'error']);
  for (const [row, messages] of [...byRow].sort((a, b) => a[0] - b[0])) {
    if (row < 2) continue;
    out += csvLine([...(rows[row - 1] ?? []), messages.join(' | ')]);
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
