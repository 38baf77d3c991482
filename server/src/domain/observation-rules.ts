/**
 * What makes an observation acceptable, in words a city officer understands.
 * Used by single writes and imports alike, so both say the same thing.
 */

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;
export const MAX_SOURCE_LENGTH = 500;
export const MAX_NOTE_LENGTH = 2000;
export const OBSERVATION_STATUSES = ['provisional', 'final'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export interface RangeRule {
  name: string;
  unit: string;
  allowedMin: number | null;
  allowedMax: number | null;
}

/** Formats a bound for a message without float noise (0.30000000000000004 → 0.3). */
function show(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** Describes the allowed range of an indicator, e.g. "from 0 to 100 %". */
export function describeRange(rule: RangeRule): string {
  const unit = rule.unit === '' ? '' : ` ${rule.unit}`;
  if (rule.allowedMin !== null && rule.allowedMax !== null) {
    return `from ${show(rule.allowedMin)} to ${show(rule.allowedMax)}${unit}`;
  }
  if (rule.allowedMin !== null) return `${show(rule.allowedMin)}${unit} or more`;
  if (rule.allowedMax !== null) return `${show(rule.allowedMax)}${unit} or less`;
  return 'any number';
}

/**
 * Checks a numeric value against the indicator: finite, not negative zero,
 * inside the allowed range. Returns a message, or null when the value is fine.
 */
export function checkValue(value: number, rule: RangeRule): string | null {
  if (!Number.isFinite(value)) return 'The value must be a finite number.';
  if (Object.is(value, -0)) return 'The value -0 is ambiguous; enter 0.';
  const below = rule.allowedMin !== null && value < rule.allowedMin;
  const above = rule.allowedMax !== null && value > rule.allowedMax;
  if (below || above) {
    return `${String(value)} is outside the allowed range for "${rule.name}": ${describeRange(rule)}.`;
  }
  return null;
}

/** Checks a year; returns a message or null. */
export function checkYear(year: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return `The year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}.`;
  }
  return null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a number typed in a file or a form. Accepts "12.5", "-3", "1e3";
 * with `decimalComma` (files separated by ";" or tabs, as European
 * spreadsheets write them) also "12,5". Refuses thousands separators, spaces
 * inside, "NaN", "Infinity" and anything JavaScript would half-parse.
 */
export function parseNumber(text: string, decimalComma = false): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'A number is required.' };
  let normalised = trimmed;
  if (decimalComma && /^[+-]?\d*,\d+$/.test(trimmed)) normalised = trimmed.replace(',', '.');
  if (!PLAIN_NUMBER.test(normalised)) {
    const hint = /^[+-]?\d+,\d+$/.test(trimmed)
      ? ' Use a point as the decimal separator (12.5), or separate columns with ";" to use a comma.'
      : /\d[ ,']\d{3}/.test(trimmed)
        ? ' Remove thousands separators.'
        : '';
    return { ok: false, message: `"${trimmed}" is not a number.${hint}` };
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is too large to store.` };
  return { ok: true, value };
}

/** Parses a year written as digits only ("2021"). */
export function parseYear(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) {
    return {
      ok: false,
      message: `"${trimmed}" is not a year; write it with four digits, e.g. 2021.`,
    };
  }
  const year = Number(trimmed);
  const problem = checkYear(year);
  return problem === null ? { ok: true, value: year } : { ok: false, message: problem };
}

/** Parses an observation status; empty means "final". */
export function parseStatus(text: string): Parsed<ObservationStatus> {
  const lower = text.trim().toLowerCase();
  if (lower === '') return { ok: true, value: 'final' };
  if ((OBSERVATION_STATUSES as readonly string[]).includes(lower)) {
    return { ok: true, value: lower as ObservationStatus };
  }
  return { ok: false, message: `Status "${text.trim()}" is unknown; use provisional or final.` };
}

/** Checks optional text against a length limit; empty text is stored as null. */
export function parseOptionalText(text: string, max: number, what: string): Parsed<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (trimmed.length > max)
    return { ok: false, message: `The ${what} is longer than ${max} characters.` };
  return { ok: true, value: trimmed };
}
