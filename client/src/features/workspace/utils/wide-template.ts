// The server's CSV rules, imported from where csv.ts re-exports them (this file stays free of the DOM).
import { csvLine, toTextCell } from '../../../../../server/src/domain/csv';

/** What the template says about an indicator (its line's first columns). */
export interface TemplateIndicator {
  readonly slug: string;
  readonly name: string;
  readonly unit: string;
}

/**
 * The import template, wide like the grid: one line per indicator (its name
 * and unit for the person filling it in, its code for the import, the city),
 * one column per year, the stored values filled in. Numbers are written as
 * stored — a dot decimal, no rounding, no thousands separator — so the file
 * as downloaded imports back with every value unchanged. CSV as the server
 * reads it (server/src/domain/csv.ts); names and units cannot run as
 * spreadsheet formulas.
 */
export function wideTemplate(
  city: string,
  indicators: readonly TemplateIndicator[],
  years: readonly number[],
  valueOf: (indicator: string, year: number) => number | undefined,
): string {
  let csv = csvLine(['name', 'unit', 'indicator', 'city', ...years.map(String)]);
  for (const indicator of indicators)
    csv += csvLine([
      toTextCell(indicator.name),
      toTextCell(indicator.unit),
      indicator.slug,
      city,
      ...years.map((year) => {
        const value = valueOf(indicator.slug, year);
        return value === undefined ? '' : String(value);
      }),
    ]);
  return csv;
}
