/**
 * An indicator's Eurostat code, as kept in its `codes.eurostat`:
 *
 *   urb_ctran:TT1010V                      one code of one dataset
 *   urb_percep:PS1012V+PS1013V             a sum ("very" + "rather satisfied")
 *   urb_percep:PS3290V|PS3514V             the same question under the codes of
 *                                          different survey waves (alternatives)
 *
 * Alternatives are separated by `|` (or spaces); each may name its dataset,
 * otherwise it takes the one named before it. A sum's value for a city and a
 * year exists only when every term has one; its flags are those of the terms.
 */

export interface EurostatCode {
  /** Lower case (`urb_percep`), null when the code names none. */
  readonly dataset: string | null;
  /** Upper-case terms, summed (one for a plain code). */
  readonly terms: readonly string[];
}

/** An indicator code such as PS1012V, TT1060I (letters, digits, underscores, at least one digit). */
const TERM = /^(?=[A-Z_]*[0-9])[A-Z0-9_]{2,40}$/;
const DATASET = /^[a-z0-9_]{1,40}$/;

/** Parses `codes.eurostat`; null when it is not written as above. */
export function parseEurostatCodes(text: string): EurostatCode[] | null {
  const alternatives = text
    .trim()
    .split(/[\s|]+/)
    .filter((a) => a !== '');
  if (alternatives.length === 0 || alternatives.length > 20) return null;
  const codes: EurostatCode[] = [];
  let dataset: string | null = null;
  for (const alternative of alternatives) {
    const colon = alternative.indexOf(':');
    if (colon >= 0) {
      dataset = alternative.slice(0, colon).toLowerCase();
      if (!DATASET.test(dataset)) return null;
    }
    const terms = alternative
      .slice(colon + 1)
      .split('+')
      .map((t) => t.toUpperCase());
    if (terms.length > 10 || !terms.every((t) => TERM.test(t))) return null;
    if (new Set(terms).size !== terms.length) return null;
    codes.push({ dataset, terms });
  }
  return codes;
}

/** The message for a `codes.eurostat` that does not parse. */
export const EUROSTAT_CODE_HELP =
  'Write the Eurostat code as dataset:CODE (e.g. urb_ctran:TT1010V); a sum as urb_percep:PS1012V+PS1013V; the codes of different survey waves separated by "|".';

/** Sums terms' values written with up to `decimals` places without binary noise (28.2 + 25.2 = 53.4). */
export function sumTerms(values: readonly number[]): number {
  const decimals = Math.max(
    0,
    ...values.map((v) => {
      const text = String(v);
      const dot = text.indexOf('.');
      return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
    }),
  );
  const sum = values.reduce((a, b) => a + b, 0);
  return Number(sum.toFixed(Math.min(decimals, 12)));
}
