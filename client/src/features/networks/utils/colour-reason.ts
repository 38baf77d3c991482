import type { NetworkScoresResponse } from '@api/progress.schema';

export type Colour = 'green' | 'yellow' | 'orange' | 'red';

const COLOUR_RANK: Readonly<Record<Colour, number>> = { red: 0, orange: 1, yellow: 2, green: 3 };

/** One of the indicators that decided a goal's colour. */
export interface DecidingIndicator {
  slug: string;
  name: string;
  colour: Colour;
}

/**
 * Why a goal cell has its colour (docs/methodology.md, "A goal's colour"): the
 * goal's two weakest indicators (worst colour first, then lowest score) and how
 * many indicators the goal's score is the mean of.
 */
export interface ColourReason {
  weakest: DecidingIndicator[];
  count: number;
}

/**
 * The SDSN rule read back from what the scores send: for every city and goal,
 * the (at most two) weakest of the city's scored indicators of that goal.
 * Keyed by city slug, then goal.
 */
export function colourReasons(
  scores: Pick<NetworkScoresResponse, 'indicators' | 'cities'>,
): Map<string, Map<number, ColourReason>> {
  const refs = new Map(scores.indicators.map((i) => [i.slug, i]));
  const out = new Map<string, Map<number, ColourReason>>();
  for (const city of scores.cities) {
    const byGoal = new Map<number, Array<DecidingIndicator & { normalised: number }>>();
    for (const score of city.indicators) {
      const ref = refs.get(score.indicator);
      if (ref === undefined || ref.goal === null || score.colour === null) continue;
      const list = byGoal.get(ref.goal) ?? [];
      list.push({
        slug: ref.slug,
        name: ref.name,
        colour: score.colour,
        normalised: score.normalised,
      });
      byGoal.set(ref.goal, list);
    }
    const reasons = new Map<number, ColourReason>();
    for (const [goal, list] of byGoal) {
      list.sort(
        (a, b) =>
          COLOUR_RANK[a.colour] - COLOUR_RANK[b.colour] ||
          a.normalised - b.normalised ||
          a.name.localeCompare(b.name),
      );
      reasons.set(goal, {
        weakest: list.slice(0, 2).map(({ slug, name, colour }) => ({ slug, name, colour })),
        count: list.length,
      });
    }
    out.set(city.slug, reasons);
  }
  return out;
}

/** The colour a 0–100 score would have on its own (the project's default bands: 75, 50, 25). */
export function scoreBand(score: number): Colour {
  if (score >= 75) return 'green';
  if (score >= 50) return 'yellow';
  if (score >= 25) return 'orange';
  return 'red';
}

/**
 * The cell's colour is not the one its number alone suggests (an 86.2 in
 * orange): the reader needs the reason at hand.
 */
export function colourDiffersFromScore(colour: Colour, score: number): boolean {
  return scoreBand(score) !== colour;
}

/** The sentence that says what decided a cell's colour. */
export function colourReasonText(
  t: (key: string, options?: Record<string, unknown>) => string,
  colour: Colour,
  score: string,
  reason: ColourReason | undefined,
): string {
  const word = (c: Colour): string => t(`colourWhy.word.${c}`);
  if (reason === undefined || reason.weakest.length === 0)
    return t('colourWhy.general', { colour: word(colour), score });
  const [first, second] = reason.weakest as [DecidingIndicator, DecidingIndicator | undefined];
  if (second === undefined)
    return t('colourWhy.one', { colour: word(colour), first: first.name, score });
  if (first.colour === second.colour)
    return t('colourWhy.same', {
      colour: word(colour),
      first: first.name,
      second: second.name,
      both: word(first.colour),
      total: reason.count,
      score,
    });
  return t('colourWhy.mixed', {
    colour: word(colour),
    first: first.name,
    firstColour: word(first.colour),
    second: second.name,
    secondColour: word(second.colour),
    total: reason.count,
    score,
  });
}
