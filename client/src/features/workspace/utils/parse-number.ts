/**
 * Reads a number typed or pasted by an officer in their own locale:
 * "12,5" in French or German, "12.5" in English, "1 234,5" and "1.234,5"
 * with grouping, a true minus sign or a hyphen. Returns null for anything
 * that is not one number ("abc", "12,5,3", "1e", "").
 */
export function parseLocaleNumber(input: string, locale: string): number | null {
  const decimal = decimalSeparator(locale);
  const group = decimal === ',' ? '.' : ',';
  let text = input
    .trim()
    .replace(/[\u00a0\u202f\u2009' ]/g, '')
    .replace(/^\u2212/, '-');
  if (text === '') return null;
  if (decimal === ',') {
    // "12.5" in a comma locale: a lone point not followed by exactly three digits is a decimal point.
    if (!text.includes(',') && /^-?\d+\.\d+$/.test(text) && !/^-?\d{1,3}\.\d{3}$/.test(text))
      text = text.replace('.', ',');
    // Grouping points only between groups of three digits.
    if (text.includes('.') && !/^-?\d{1,3}(\.\d{3})+(,\d*)?$/.test(text)) return null;
    text = text.split(group).join('').replace(',', '.');
  } else {
    if (text.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return null;
    text = text.split(group).join('');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The decimal separator of a locale: "," for fr, de, es, it; "." for en. */
export function decimalSeparator(locale: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value ?? '.';
}

/** A value as an officer would type it back: no grouping, the locale's decimal separator. */
export function editableNumber(value: number, locale: string): string {
  const text = String(value);
  return decimalSeparator(locale) === ',' ? text.replace('.', ',') : text;
}
