const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A number in the reader's locale with a fixed number of decimals ("12,5" in French). */
export function formatNumber(value: number, locale: string, decimals = 0): string {
  return formatter(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A count or population with grouping ("314 000" in French, "314,000" in English). */
export function formatInteger(value: number, locale: string): string {
  return formatter(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Years are labels, never grouped numbers: 2025, not "2,025". */
export function formatYear(year: number): string {
  return String(year);
}
