import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEurostatCodes } from '../domain/eurostat-codes';
import { EUROSTAT_SUGGESTIONS, type EurostatSuggestion } from '../domain/eurostat-suggestions';

/**
 * Eurostat's code list of City statistics indicators (`indic_ur`, shipped in
 * seeds/data/eurostat/dic_indic_ur.tsv, CC BY 4.0), searched by the
 * workspace's catalogue step, and what an indicator made from a code looks
 * like (name, unit, dataset).
 */

const DICTIONARY = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../seeds/data/eurostat/dic_indic_ur.tsv',
);

/** The dataset a code's domain is published in (the code list does not say). */
const DATASET_OF_DOMAIN: Readonly<Record<string, string>> = {
  PS: 'urb_percep',
  TT: 'urb_ctran',
  EN: 'urb_cenv',
};

let labels: ReadonlyMap<string, string> | undefined;

/** Code → label, read once. */
export function eurostatLabels(): ReadonlyMap<string, string> {
  if (labels === undefined) {
    const map = new Map<string, string>();
    for (const line of fs.readFileSync(DICTIONARY, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) map.set(line.slice(0, tab).trim().toUpperCase(), line.slice(tab + 1).trim());
    }
    labels = map;
  }
  return labels;
}

export interface EurostatEntry {
  /** As kept in `codes.eurostat`: "urb_ctran:TT1010V", or a sum / survey waves for a suggestion. */
  code: string;
  label: string;
  dataset: string | null;
  /** Target, direction, name and unit to start from (curated for the codes that measure an SDG target). */
  suggestion: EurostatSuggestion | null;
}

/** A code as the catalogue names it: "TT1010V" → "urb_ctran:TT1010V". */
export function qualified(code: string): string {
  const upper = code.toUpperCase();
  const dataset = DATASET_OF_DOMAIN[upper.slice(0, 2)];
  return dataset === undefined ? upper : `${dataset}:${upper}`;
}

/**
 * Searches the code list: every word of the query in the code or label (any
 * order, any case). Suggested indicators come first (as their sum or waves),
 * then plain codes in code order.
 */
export function searchEurostat(query: string, limit: number): EurostatEntry[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const matches = (text: string): boolean => words.every((w) => text.toLowerCase().includes(w));
  const found: EurostatEntry[] = [];
  for (const s of EUROSTAT_SUGGESTIONS) {
    const parsed = parseEurostatCodes(s.eurostat) ?? [];
    const texts = parsed.flatMap((c) =>
      c.terms.map((t) => `${t} ${eurostatLabels().get(t) ?? ''}`),
    );
    if (matches(`${s.eurostat} ${s.name} ${texts.join(' ')}`))
      found.push({
        code: s.eurostat,
        label: s.name,
        dataset: parsed[0]?.dataset ?? null,
        suggestion: s,
      });
  }
  for (const [code, label] of eurostatLabels()) {
    if (found.length >= limit) break;
    if (!matches(`${code} ${label}`)) continue;
    const name = qualified(code);
    found.push({
      code: name,
      label,
      dataset: name.includes(':') ? name.slice(0, name.indexOf(':')) : null,
      suggestion: null,
    });
  }
  return found.slice(0, limit);
}

/** The catalogue entry a code starts from: its suggestion, or a name and unit from its label. */
export function describeEurostat(code: string): {
  name: string;
  unit: string;
  suggestion: EurostatSuggestion | null;
  missing: string[];
} {
  const parsed = parseEurostatCodes(code) ?? [];
  const canonical = (text: string): string =>
    (parseEurostatCodes(text) ?? [])
      .map((c) => `${c.dataset ?? ''}:${c.terms.join('+')}`)
      .join('|');
  const suggestion = EUROSTAT_SUGGESTIONS.find((s) => canonical(s.eurostat) === canonical(code));
  const terms = parsed.flatMap((c) => c.terms);
  const missing = terms.filter((t) => !eurostatLabels().has(t));
  if (suggestion !== undefined)
    return { name: suggestion.name, unit: suggestion.unit, suggestion, missing };
  const first = parsed[0]?.terms ?? [];
  const termLabels = first.map((t) => eurostatLabels().get(t) ?? t);
  return {
    name: sumName(termLabels),
    unit: unitOf(termLabels[0] ?? '', first[0] ?? ''),
    suggestion: null,
    missing,
  };
}

/** "Q: very satisfied" + "Q: rather satisfied" → "Q: very satisfied or rather satisfied". */
function sumName(termLabels: readonly string[]): string {
  if (termLabels.length <= 1) return stripUnit(termLabels[0] ?? '');
  const colon = termLabels[0]!.lastIndexOf(': ');
  const stem = colon < 0 ? '' : termLabels[0]!.slice(0, colon + 2);
  if (stem !== '' && termLabels.every((l) => l.startsWith(stem)))
    return `${stem}${termLabels.map((l) => l.slice(stem.length)).join(' or ')}`;
  return termLabels.map(stripUnit).join(' + ');
}

const stripUnit = (label: string): string => label.replace(/\s*-\s*(%|EUR|km|minutes)\s*$/i, '');

/** The unit an indicator's label ends with ("… -%", "… - EUR", "per 10000 pop."). */
function unitOf(label: string, code: string): string {
  if (code.startsWith('PS')) return '% of respondents';
  const end = /-\s*(%|EUR|km|minutes)\s*$/i.exec(label);
  if (end !== null) return end[1]!;
  const per = /per (\d+) pop\.?$/i.exec(label);
  if (per !== null) return `per ${Number(per[1]).toLocaleString('en')} inhabitants`;
  return '';
}
