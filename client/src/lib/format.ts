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

const NBSP = '\u00a0';

/** A number in the reader's locale with a fixed number of decimals ("12,5" in French). */
export function formatNumber(value: number, locale: string, decimals = 0): string {
  return withMinus(
    formatter(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value),
  );
}

/**
 * The decimals to show a stored value with: the indicator's, or more when the
 * value has more (at most four). A German "40,5" typed for a whole-number
 * indicator is stored as 40.5 and must read "40,5", not "41" (issue 17, item 18d).
 */
export function storedDecimals(value: number, decimals: number): number {
  const text = String(value);
  if (/e/i.test(text)) return decimals;
  const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return Math.max(decimals, Math.min(4, places));
}

/** A stored (observed or entered) value: the indicator's decimals, never fewer than it has. */
export function formatStored(value: number, locale: string, decimals: number): string {
  return formatNumber(value, locale, storedDecimals(value, decimals));
}

/** A true minus sign (U+2212) instead of the hyphen some locales use. */
function withMinus(text: string): string {
  return text.replace('-', '\u2212');
}

/** A count or population with grouping ("314 000" in French, "314,000" in English). */
export function formatInteger(value: number, locale: string): string {
  return formatter(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A value with its unit, kept on one line: "12.5 µg/m³", "41 %". */
export function formatValue(value: number, locale: string, decimals: number, unit: string): string {
  // Percentages follow the locale's own convention: "41%" in English, "41 %" in French.
  if (unit === '%') return formatShare(value / 100, locale, decimals);
  const number = formatNumber(value, locale, decimals);
  return unit === '' ? number : `${number}${NBSP}${unit}`;
}

/** A stored value with its unit: the indicator's decimals, never fewer than the value has. */
export function formatStoredValue(
  value: number,
  locale: string,
  decimals: number,
  unit: string,
): string {
  return formatValue(value, locale, storedDecimals(value, decimals), unit);
}

/** A share (0.42) as a percentage in the reader's locale ("42 %" in French). */
export function formatShare(share: number, locale: string, decimals = 0): string {
  return withMinus(
    formatter(locale, {
      style: 'percent',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(share),
  );
}

/** A change with its sign: "+1.9", "−0.4" (a true minus sign). */
export function formatSigned(value: number, locale: string, decimals: number): string {
  return formatter(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'exceptZero',
  })
    .format(value)
    .replace('-', '\u2212');
}

/** A score or index on the 0–100 scale, one decimal. */
export function formatScore(score: number, locale: string): string {
  return formatNumber(score, locale, 1);
}

/** Years are labels, never grouped numbers: 2025, not "2,025". */
export function formatYear(year: number): string {
  return String(year);
}

/** An axis tick: whole numbers without decimals ("45", not "45.0"), others as the data. */
export function formatTick(value: number, locale: string, decimals: number): string {
  return formatNumber(value, locale, Number.isInteger(value) ? 0 : decimals);
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/**
 * The tag dates are formatted with: English as written in Europe, day first
 * ("30 Nov 2026", en-GB, not the US "Nov 30, 2026"); other languages as they are.
 */
export function dateLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/**
 * A moment in the reader's locale, day first for English as in Europe
 * ("30 Nov 2026, 19:35"; "30.11.2026, 19:35" in German).
 */
export function formatDateTime(iso: string, locale: string): string {
  const tag = dateLocale(locale);
  let f = dateTimes.get(tag);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimes.set(tag, f);
  }
  return f.format(new Date(iso));
}
