import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NetworkScoresResponse } from '../../server/src/schemas/progress.schema';
import { MethodologyPage } from '../../client/src/app/routes/methodology-page';
import { NetworkPage } from '../../client/src/app/routes/network-page';
import {
  colourDiffersFromScore,
  colourReasons,
} from '../../client/src/features/networks/utils/colour-reason';
import { goalList } from './fixtures';
import { networkScores } from './progress-fixtures';
import { fakeApi, renderPage } from './render';
import type { NetworkDetail } from '../../server/src/schemas/network.schema';

type Colour = 'green' | 'yellow' | 'orange' | 'red';

const ref = (slug: string, name: string, goal: number) => ({
  slug,
  name,
  unit: '%',
  decimals: 1,
  goal,
  direction: 'increase' as const,
  bestBound: 100,
  worstBound: 0,
  thresholds: null,
});

const score = (indicator: string, normalised: number, colour: Colour) => ({
  indicator,
  year: 2024,
  value: normalised,
  normalised,
  colour,
});

/**
 * Espoo as in issue 17: goal 3 scores 86.2 but is orange (two of its three
 * indicators are orange by the network's thresholds); goal 11 scores 57.2 and
 * is green (its two indicators reach their green thresholds).
 */
function scoresWithReasons(): NetworkScoresResponse {
  const base = networkScores();
  return {
    ...base,
    indicators: [
      ref('life-expectancy', 'Life expectancy', 3),
      ref('road-deaths', 'Road deaths', 3),
      ref('obesity', 'Adult obesity', 3),
      ref('recycling', 'Recycling rate', 11),
      ref('pm25', 'PM2.5', 11),
    ],
    cities: base.cities.map((city) =>
      city.slug === 'espoo'
        ? {
            ...city,
            goals: [
              {
                goal: 3,
                score: 86.2,
                colour: 'orange',
                trend: 'on_track',
                indicatorCount: 3,
              },
              {
                goal: 11,
                score: 57.2,
                colour: 'green',
                trend: 'on_track',
                indicatorCount: 2,
              },
            ],
            indicators: [
              score('life-expectancy', 99, 'green'),
              score('road-deaths', 80, 'orange'),
              score('obesity', 79.6, 'orange'),
              score('recycling', 60, 'green'),
              score('pm25', 54.4, 'green'),
            ],
          }
        : city.slug === 'tallinn'
          ? {
              ...city,
              goals: city.goals.map((g) =>
                g.goal === 3 ? { ...g, score: 80, colour: 'green' as const } : g,
              ),
            }
          : city,
    ),
  };
}

const network: NetworkDetail = {
  slug: 'demo-net',
  name: 'Demo network',
  description: 'A demo.',
  isPublic: true,
  dataKind: 'synthetic',
  citation: null,
  licence: null,
  cityCount: 3,
  indicatorCount: 5,
  dataYears: { first: 2015, last: 2024 },
  version: 1,
  etag: '"1.1"',
  updatedAt: '2026-01-01T00:00:00.000Z',
  members: [],
  goals: [3, 11],
};

describe('what decides a goal colour (issue 17, item 13)', () => {
  it('finds the two weakest indicators of each goal from the scores payload', () => {
    const reasons = colourReasons(scoresWithReasons()).get('espoo');
    expect(reasons?.get(3)).toEqual({
      count: 3,
      weakest: [
        { slug: 'obesity', name: 'Adult obesity', colour: 'orange' },
        { slug: 'road-deaths', name: 'Road deaths', colour: 'orange' },
      ],
    });
    expect(reasons?.get(11)?.weakest.map((w) => w.name)).toEqual(['PM2.5', 'Recycling rate']);
    expect(colourDiffersFromScore('orange', 86.2)).toBe(true);
    expect(colourDiffersFromScore('green', 57.2)).toBe(true);
    expect(colourDiffersFromScore('green', 80)).toBe(false);
  });

  it('names the deciding indicators in every coloured cell and explains the rule beside the legend', async () => {
    fakeApi({
      '/api/v1/networks/demo-net': network,
      '/api/v1/networks/demo-net/scores': scoresWithReasons(),
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(NetworkPage, { path: '/networks/demo-net', pattern: '/networks/:network' });
    const heatmap = await screen.findByTestId('heatmap');
    const espoo = within(heatmap).getByRole('row', { name: /Espoo/ });
    const [goal3, goal11] = within(espoo).getAllByRole('cell') as [HTMLElement, HTMLElement];

    // 86.2 in orange: a "?" whose description names the two orange indicators and the mean.
    const why = within(goal3).getByRole('button', { name: /colour of this cell/ });
    expect(why).toHaveAccessibleDescription(
      'Colour: orange, because the two weakest of its 3 indicators, Adult obesity and Road deaths, are orange. The score 86.2 is the mean of all 3. How it is computed',
    );
    await userEvent.hover(why);
    expect(within(goal3).getByRole('link', { name: 'How it is computed' })).toHaveAttribute(
      'href',
      '/methodology?lang=en#goal-colour',
    );
    // 57.2 in green: the same, with the green pair.
    expect(
      within(goal11).getByRole('button', { name: /colour of this cell/ }),
    ).toHaveAccessibleDescription(/PM2\.5 and Recycling rate, are green\. The score 57\.2/);

    // A cell whose colour matches its number still says why, in its tooltip and in words.
    const tallinn = within(heatmap).getByRole('row', { name: /Tallinn/ });
    const plain = within(tallinn).getAllByRole('cell')[0]!;
    expect(within(plain).queryByRole('button')).toBeNull();
    expect(plain).toHaveAttribute('title', expect.stringMatching(/^Colour: green, set by/));
    expect(plain).toHaveTextContent('Colour: green, set by the goal’s two weakest indicators');

    const rule = screen.getByTestId('colour-rule');
    expect(rule).toHaveTextContent('the goal’s two weakest indicators (SDSN rule)');
    expect(within(rule).getByRole('link')).toHaveAttribute(
      'href',
      '/methodology?lang=en#goal-colour',
    );
  });

  it('says the rule beside the map too when it shows a goal’s colours', async () => {
    fakeApi({
      '/api/v1/networks/demo-net': network,
      '/api/v1/networks/demo-net/scores': scoresWithReasons(),
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(NetworkPage, {
      path: '/networks/demo-net?map=goal-3',
      pattern: '/networks/:network',
    });
    await screen.findByTestId('heatmap');
    const notes = screen.getAllByTestId('colour-rule');
    expect(notes).toHaveLength(2);
    expect(
      within(screen.getByTestId('network-map-section')).getByTestId('colour-rule'),
    ).toHaveTextContent('the city’s page lists the indicators');
  });

  it('explains the rule on the methodology page at #goal-colour, in German too', async () => {
    await renderPage(MethodologyPage, {
      path: '/methodology',
      pattern: '/methodology',
      language: 'de',
    });
    const heading = screen.getByRole('heading', {
      name: 'Warum die Farbe eines Ziels von seinem Wert abweichen kann',
    });
    expect(heading).toHaveAttribute('id', 'goal-colour');
    expect(heading.nextElementSibling).toHaveTextContent('zwei schwächsten Indikatoren');
  });
});
