/**
 * What an Open SDG indicator's metadata (meta/<id>.md front matter,
 * indicator-config/<id>.yml) says about the indicator as this application
 * keeps it, and back. Pure: the caller resolves translation keys and checks
 * SDG codes against the framework.
 *
 * Read (Open SDG names → here):
 * - `indicator_name` (or `graph_title`) → name; a translation key such as
 *   `global_indicators.1-2-1-title` → the UN title of 1.2.1;
 * - `computation_units` → unit; `source_organisation_1` → source;
 * - `indicator_number` / the file's id → SDG indicator; `target_id` → target;
 * - `progress_calculation_options[0]`: `direction` positive/negative →
 *   higher/lower is better (Open SDG's default is negative), `limit` →
 *   natural limit, `base_year`, `target_year`, `target`;
 * - `graph_target_lines` (the lines that apply to the headline: without
 *   unit/series, or with the indicator's unit) → the city's ambition,
 *   target year 2030 unless stated.
 */

export interface OpenSdgDefinition {
  /** null when the metadata names none (the caller falls back to the UN title or the id). */
  name: string | null;
  /** A translation key given as the name (e.g. "global_indicators.1-2-1-title"), to resolve. */
  nameKey: string | null;
  unit: string | null;
  source: string | null;
  /** SDG indicator code (1.2.1) the id or `indicator_number` names, when it looks like one. */
  sdgIndicator: string | null;
  /** SDG target (1.2) from `target_id` or the indicator code. */
  sdgTarget: string | null;
  direction: 'increase' | 'decrease' | null;
  naturalLimit: number | null;
  ambition: {
    baseYear: number;
    targetYear: number;
    targetValue: number;
    label: string | null;
  } | null;
}

const text = (v: unknown): string | null => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
const year = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && Number.isInteger(n) && n >= 1950 && n <= 2100 ? n : null;
};

/**
 * "global_indicators.1-2-1-title", "my_translations.australia": a group of
 * letters, a dot and a key, without spaces. ("PM2.5" is a name.)
 */
export const isTranslationKey = (value: string): boolean =>
  /^[a-z_][a-z_-]*(\.[\w-]+)+$/i.test(value) && /[_]|\.[a-z]/i.test(value);

/** "1-2-1" or "1.2.1" (maybe with a local suffix "11-1-1-c") → SDG codes to try. */
export function sdgCodesOf(id: string): { indicator: string | null; target: string | null } {
  const parts = id.split(/[.-]/);
  if (parts.length < 2 || !/^\d{1,2}$/.test(parts[0]!)) return { indicator: null, target: null };
  const target = `${parts[0]}.${parts[1]}`;
  const indicator =
    parts.length >= 3 && /^\d{1,2}$/.test(parts[2]!) ? `${target}.${parts[2]}` : null;
  return { indicator, target };
}

export function readOpenSdgMeta(
  id: string,
  meta: Readonly<Record<string, unknown>>,
): OpenSdgDefinition {
  const rawName = text(meta.indicator_name) ?? text(meta.graph_title);
  const nameKey = rawName !== null && isTranslationKey(rawName) ? rawName : null;
  const unitText = text(meta.computation_units);
  const unit = unitText !== null && !isTranslationKey(unitText) ? unitText : null;
  const sourceText = text(meta.source_organisation_1) ?? text(meta.source_organisation);
  const numbered = text(meta.indicator_number);
  const codes = sdgCodesOf(numbered ?? id);
  const targetId = text(meta.target_id);
  const options = Array.isArray(meta.progress_calculation_options)
    ? (meta.progress_calculation_options[0] as Record<string, unknown> | undefined)
    : undefined;
  const directionText = text(options?.direction)?.toLowerCase();
  const direction =
    directionText === 'positive' ? 'increase' : directionText === 'negative' ? 'decrease' : null;
  const baseYear = year(options?.base_year) ?? 2015;
  const targetYear = year(options?.target_year) ?? 2030;
  const headlineLine = Array.isArray(meta.graph_target_lines)
    ? (meta.graph_target_lines as unknown[]).find((line): line is Record<string, unknown> => {
        if (line === null || typeof line !== 'object') return false;
        const l = line as Record<string, unknown>;
        const lineUnit = text(l.unit);
        return (
          num(l.value) !== null &&
          text(l.series) === null &&
          (lineUnit === null || (unit !== null && lineUnit.toLowerCase() === unit.toLowerCase()))
        );
      })
    : undefined;
  const targetValue = num(headlineLine?.value) ?? num(options?.target);
  return {
    name: nameKey === null ? rawName : null,
    nameKey,
    unit,
    source: sourceText !== null && !isTranslationKey(sourceText) ? sourceText : null,
    sdgIndicator: codes.indicator,
    sdgTarget:
      targetId !== null && /^\d{1,2}\.[0-9a-z]{1,2}$/.test(targetId) ? targetId : codes.target,
    direction,
    naturalLimit: num(options?.limit),
    ambition:
      targetValue === null
        ? null
        : { baseYear, targetYear, targetValue, label: text(headlineLine?.label_content) },
  };
}

/** The metadata an export writes for an indicator (meta/<id>.md front matter). */
export function writeOpenSdgMeta(def: {
  id: string;
  name: string;
  unit: string;
  source: string | null;
  sdgIndicator: string | null;
  sdgTarget: string | null;
  direction: 'increase' | 'decrease';
  naturalLimit: number | null;
  ambition: { baselineYear: number; targetYear: number; targetValue: number } | null;
}): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    indicator_number: def.sdgIndicator ?? def.id.replace(/-/g, '.'),
    indicator_name: def.name,
    ...(def.sdgTarget === null ? {} : { target_id: def.sdgTarget }),
    ...(def.sdgTarget === null ? {} : { sdg_goal: def.sdgTarget.split('.')[0] }),
    reporting_status: 'complete',
    data_non_statistical: false,
    graph_type: 'line',
    ...(def.unit === '' ? {} : { computation_units: def.unit }),
    ...(def.source === null ? {} : { source_active_1: true, source_organisation_1: def.source }),
  };
  const options: Record<string, unknown> = {
    direction: def.direction === 'increase' ? 'positive' : 'negative',
  };
  if (def.naturalLimit !== null) options.limit = def.naturalLimit;
  if (def.ambition !== null) {
    options.base_year = def.ambition.baselineYear;
    options.target_year = def.ambition.targetYear;
    options.target = def.ambition.targetValue;
    meta.graph_target_lines = [
      { value: def.ambition.targetValue, label_content: `${def.ambition.targetYear} target` },
    ];
  }
  meta.progress_calculation_options = [options];
  return meta;
}
