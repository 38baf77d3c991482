import type { Observation, WorkspaceIndicator } from '../api/workspace-api';
import { parseLocaleNumber } from './parse-number';

/** The key of a cell: indicator slug and year. */
export const cellKey = (indicator: string, year: number): string => `${indicator}|${year}`;

/** An edit the server does not have yet. */
export interface PendingEdit {
  /** What the officer typed (kept verbatim so nothing is lost). */
  text: string;
  /** `invalid`: refused before sending; `saving`; `failed`: the server refused or could not be reached. */
  state: 'invalid' | 'saving' | 'failed';
  message: string | null;
  /** A failure worth retrying (network, 5xx) rather than one to fix. */
  retryable: boolean;
}

export type Check =
  { ok: true; value: number | null } | { ok: false; reason: 'number' | 'min' | 'max' | 'range' };

/** Checks typed text against the indicator: a number in the locale and within the allowed range; empty = delete. */
export function checkText(text: string, indicator: WorkspaceIndicator, locale: string): Check {
  if (text.trim() === '') return { ok: true, value: null };
  const value = parseLocaleNumber(text, locale);
  if (value === null) return { ok: false, reason: 'number' };
  const { allowedMin: min, allowedMax: max } = indicator;
  if ((min !== null && value < min) || (max !== null && value > max))
    return {
      ok: false,
      reason: min !== null && max !== null ? 'range' : min !== null ? 'min' : 'max',
    };
  return { ok: true, value };
}

/** The years shown: the last `count` up to the latest of last year and the latest value. */
export function gridYears(values: readonly Observation[], now: Date, count = 11): number[] {
  const last = Math.max(now.getFullYear() - 1, ...values.map((v) => v.year));
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** Indicators grouped by primary goal (unmapped last), in catalogue order. */
export function byGoal(
  indicators: readonly WorkspaceIndicator[],
): Array<{ goal: number | null; indicators: WorkspaceIndicator[] }> {
  const groups = new Map<number | null, WorkspaceIndicator[]>();
  const sorted = [...indicators].sort(
    (a, b) =>
      (a.goal ?? 99) - (b.goal ?? 99) || a.sortOrder - b.sortOrder || a.slug.localeCompare(b.slug),
  );
  for (const indicator of sorted) {
    const list = groups.get(indicator.goal) ?? [];
    list.push(indicator);
    groups.set(indicator.goal, list);
  }
  return [...groups].map(([goal, list]) => ({ goal, indicators: list }));
}

/** Per goal: how many indicators have a value for the year. */
export function reportingStatus(
  groups: ReadonlyArray<{ goal: number | null; indicators: WorkspaceIndicator[] }>,
  values: ReadonlyMap<string, Observation>,
  year: number,
): Array<{ goal: number | null; total: number; reported: number; missing: string[] }> {
  return groups.map(({ goal, indicators }) => {
    const missing = indicators.filter((i) => !values.has(cellKey(i.slug, year)));
    return {
      goal,
      total: indicators.length,
      reported: indicators.length - missing.length,
      missing: missing.map((i) => i.slug),
    };
  });
}

/** A block of cells pasted from a spreadsheet: rows by line, cells by tab. */
export function pastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}
