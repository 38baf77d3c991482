import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkScoresResponse, RankedCity } from '@api/progress.schema';
import type { SdgGoal } from '@api/sdg.schema';
import { LocalLink } from '../../../components/ui/local-link';
import { COLOUR_META } from '../../../components/ui/status-meta';
import { TrendArrow } from '../../../components/ui/status-badge';
import { Term } from '../../../components/ui/term';
import { formatScore } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { withYear } from '../../../lib/url-state';
import { rankedCities } from '../utils/network-shaping';
import {
  colourDiffersFromScore,
  colourReasonText,
  colourReasons,
  type ColourReason,
} from '../utils/colour-reason';
import { TableScroll } from '../../../components/ui/table-scroll';
import { DraftMarker } from './drafts-switch';

type GoalScoreCell = RankedCity['goals'][number];

/**
 * Cities × goals, SDSN style: each cell has the goal score, the dashboard
 * colour (also as a glyph and, for screen readers, a word) and the trend arrow.
 * It is a real table, so it reads as one.
 */
export function GoalHeatmap({
  scores,
  goals,
  year,
}: {
  scores: NetworkScoresResponse;
  goals: readonly SdgGoal[];
  year: number | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const goalInfo = new Map(goals.map((g) => [g.goal, g]));
  const cities = rankedCities(scores.cities);
  // What decided each cell's colour (the goal's two weakest indicators), from the payload.
  const reasons = colourReasons(scores);
  const caption = t('scores.heatmapCaption', { network: scores.network.name });
  return (
    <TableScroll label={caption}>
      <table className="table heatmap" data-testid="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.city')}</th>
            {scores.goals.map((goal) => (
              <GoalHeader key={goal} goal={goal} info={goalInfo.get(goal)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => {
            const byGoal = new Map(city.goals.map((g) => [g.goal, g]));
            const why = reasons.get(city.slug);
            return (
              <tr key={city.slug}>
                <th scope="row">
                  <LocalLink to={withYear(`/cities/${city.slug}`, year)}>{city.name}</LocalLink>
                  {scores.includesDrafts && city.hasDrafts && <DraftMarker name={city.name} />}
                </th>
                {scores.goals.map((goal) => (
                  <GoalCell key={goal} cell={byGoal.get(goal)} reason={why?.get(goal)} />
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('scores.networkAverage')}</th>
            <GoalAverageCells goals={scores.goals} averages={scores.averages.goals} />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

/**
 * One goal's cell: the score, the colour as a glyph and a word, the trend arrow,
 * and what decided the colour (the goal's two weakest indicators, `reason`; a
 * general sentence where the payload does not name them). The colour and the
 * number can disagree (an 86.2 in orange): such a cell has a "?" that shows
 * the reason on hover, focus or a tap; every other cell has it as its tooltip
 * and, for screen readers, in words.
 */
export function GoalCell({
  cell,
  reason,
}: {
  cell: GoalScoreCell | undefined;
  reason?: ColourReason | undefined;
}): ReactNode {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (cell === undefined || cell.score === null)
    return (
      <td className="heatmap__cell heatmap__cell--none">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">{t('colour.none')}</span>
      </td>
    );
  const colour = cell.colour;
  const score = formatScore(cell.score, lang);
  const why = colour === null ? null : colourReasonText(t, colour, score, reason);
  const differs = colour !== null && colourDiffersFromScore(colour, cell.score);
  return (
    <td
      className={`heatmap__cell${colour === null ? '' : ` heatmap__cell--${colour}`}`}
      title={why !== null && !differs ? why : undefined}
      data-colour-differs={differs ? 'true' : undefined}
    >
      <span className="heatmap__score">
        {why !== null && differs ? (
          <Term term={t('colourWhy.term')} explanation={why} anchor="goal-colour">
            {score}
          </Term>
        ) : (
          score
        )}
      </span>
      {colour !== null && (
        <>
          <span className="heatmap__glyph" aria-hidden="true">
            {COLOUR_META[colour].glyph}
          </span>
          <span className="visually-hidden">{t(`colour.${colour}`)}</span>
        </>
      )}
      <TrendArrow trend={cell.trend} />
      {why !== null && !differs && <span className="visually-hidden">{why}</span>}
    </td>
  );
}

/**
 * The one sentence that reconciles colour and number (near the legend), with
 * the methodology's section. `named`: the cells name their deciding indicators
 * (the full scores do; a page of a large network's ranking does not send them).
 */
export function ColourRuleNote({ named = true }: { named?: boolean }): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="small colour-rule" data-testid="colour-rule">
      {t(named ? 'colourWhy.rule' : 'colourWhy.rulePaged')}{' '}
      <LocalLink to="/methodology#goal-colour">{t('colourWhy.ruleLink')}</LocalLink>
    </p>
  );
}

/** A goal's column header: its number and colour chip, linked to the goal. */
export function GoalHeader({ goal, info }: { goal: number; info: SdgGoal | undefined }): ReactNode {
  const { t } = useTranslation();
  return (
    <th scope="col" className="heatmap__goal">
      <LocalLink
        to={`/sdg/goals/${goal}`}
        title={info?.shortTitle}
        aria-label={
          info === undefined
            ? t('sdg.goal', { goal })
            : t('sdg.goalLabel', { goal, title: info.shortTitle })
        }
      >
        <span
          className="heatmap__goal-chip"
          style={{ backgroundColor: info?.colour }}
          aria-hidden="true"
        />
        {goal}
      </LocalLink>
    </th>
  );
}

/** The network's average score per goal, one cell each (a table's footer row). */
export function GoalAverageCells({
  goals,
  averages,
}: {
  goals: readonly number[];
  averages: ReadonlyArray<{ goal: number; score: number | null }>;
}): ReactNode {
  const lang = useLanguage();
  const byGoal = new Map(averages.map((g) => [g.goal, g.score]));
  return goals.map((goal) => {
    const score = byGoal.get(goal) ?? null;
    return (
      <td key={goal} className="heatmap__cell num">
        {score === null ? '—' : formatScore(score, lang)}
      </td>
    );
  });
}

/** What the four colours and the arrows mean, as text. */
export function HeatmapLegend(): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="legend" data-testid="heatmap-legend">
      <ul aria-label={t('scores.colourLegend')}>
        {(['green', 'yellow', 'orange', 'red'] as const).map((c) => (
          <li key={c}>
            <span className={`legend__swatch heatmap__cell--${c}`} aria-hidden="true">
              {COLOUR_META[c].glyph}
            </span>{' '}
            {t(`colour.${c}`)}
          </li>
        ))}
      </ul>
      <ul aria-label={t('scores.trendLegend')}>
        {(['on_track', 'moderately_improving', 'stagnating', 'decreasing'] as const).map((a) => (
          <li key={a}>
            <TrendArrow trend={a} /> <span aria-hidden="true">{t(`trend.${a}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
