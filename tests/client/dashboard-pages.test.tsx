import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { CityPage } from '../../client/src/app/routes/city-page';
import { ComparePage } from '../../client/src/app/routes/compare-page';
import { NetworkPage } from '../../client/src/app/routes/network-page';
import { goalList } from './fixtures';
import {
  cityProgress,
  comparison,
  indicatorDetail,
  indicatorProgress,
  networkScores,
  peers,
} from './progress-fixtures';
import { fakeApi, renderPage } from './render';
import { apiError } from './api-contract';

describe('city overview (the mayor\u2019s page)', () => {
  it('shows headline figures, 17 goal tiles with icon and word, the largest gaps and every indicator', async () => {
    const fetchMock = fakeApi({
      '/api/v1/cities/espoo/progress': cityProgress(60),
      '/api/v1/sdg/goals': goalList(),
    });
    const started = performance.now();
    await renderPage(CityPage, { path: '/cities/espoo', pattern: '/cities/:city' });
    await screen.findByRole('heading', { level: 1, name: 'Espoo' });
    const rows = await screen.findAllByRole('row');
    // A figure for the record (jsdom is far slower than a browser); not a timed assertion.
    // eslint-disable-next-line no-console
    console.info(
      `city overview with 60 indicators rendered in ${Math.round(performance.now() - started)} ms (jsdom)`,
    );
    expect(rows).toHaveLength(61);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/cities/espoo/progress?lang=en');

    const headline = screen.getByTestId('headline');
    // 60 indicators cycle through six statuses: 10 achieved + 10 on track.
    expect(within(headline).getByText('On track or target achieved').nextSibling).toHaveTextContent(
      '20 of 60 indicators',
    );

    const tiles = await screen.findAllByTestId('city-goal-tile');
    expect(tiles).toHaveLength(17);
    for (const tile of tiles) {
      // Never colour alone: every tile names its status in words.
      expect(tile.querySelector('.status__label')?.textContent).toMatch(/\w/);
    }
    expect(
      within(tiles[10]!).getByRole('link', { name: 'Goal 11: Short title 11' }),
    ).toHaveAttribute('href', '/cities/espoo/goals/11?lang=en');

    const gaps = within(screen.getByTestId('largest-gaps')).getAllByRole('listitem');
    expect(gaps).toHaveLength(5);
    expect(gaps[0]).toHaveTextContent(
      `At today\u2019s pace 46.2% in 2030, target 65.0% \u2014 needs 2.4\u00d7 the current pace.`,
    );
    expect(screen.getByTestId('print-brief')).toHaveAttribute(
      'href',
      '/cities/espoo/brief?lang=en',
    );
    expect(document.title).toBe('Espoo \u00b7 SDG City Monitor');
  });

  it('keeps the chosen year in the URL and asks the API for it', async () => {
    const fetchMock = fakeApi({
      '/api/v1/cities/espoo/progress': cityProgress(6),
      '/api/v1/sdg/goals': goalList(),
    });
    const { router } = await renderPage(CityPage, {
      path: '/cities/espoo',
      pattern: '/cities/:city',
    });
    await userEvent.selectOptions(await screen.findByLabelText('Data year'), '2019');
    await waitFor(() => expect(router.state.location.search).toBe('?year=2019'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain(
        '/api/v1/cities/espoo/progress?year=2019&lang=en',
      ),
    );
  });

  it('shows the server\u2019s message with a retry that recovers', async () => {
    let calls = 0;
    fakeApi({
      '/api/v1/cities/espoo/progress': () =>
        ++calls === 1
          ? apiError('service_unavailable', 'The database is restarting.')
          : { status: 200, body: cityProgress(6) },
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(CityPage, { path: '/cities/espoo', pattern: '/cities/:city' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is restarting.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Espoo' })).toBeVisible();
  });
});

describe('indicator page', () => {
  const routes = () => ({
    '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/progress': indicatorDetail(),
    '/api/v1/cities/espoo/peers': peers(),
    '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/observations/2023/history': {
      events: [
        {
          id: 7,
          at: '2024-03-01T10:00:00.000Z',
          actor: 'officer@espoo.fi',
          action: 'observation.updated',
          entity: 'espoo/municipal-waste-recycling-rate/2023',
          before: { value: 37.5 },
          after: { value: 38 },
          comment: 'Corrected after audit',
          importId: null,
        },
      ],
      nextBefore: null,
    },
  });
  const path = '/cities/espoo/indicators/municipal-waste-recycling-rate';
  const pattern = '/cities/:city/indicators/:indicator';

  it('tells the chart in words and gives its numbers in a table', async () => {
    fakeApi(routes());
    await renderPage(CityIndicatorPage, { path, pattern });
    expect(await screen.findByTestId('progress-summary')).toHaveTextContent(
      'Latest value: 38.0% in 2023. Target: 65.0% by 2030 (baseline 30.0% in 2015). At today\u2019s pace 46.2% in 2030, target 65.0% \u2014 needs 2.4\u00d7 the current pace.',
    );
    const table = screen.getByTestId('gap-table');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells).toEqual([
      ['2015', '30.0', '30.0', '', ''],
      ['2019', '34.0', '36.8', '', ''],
      ['2023', '38.0', '45.8', '38.0', ''],
      ['2030', '', '65.0', '46.2', '65.0'],
    ]);
  });

  it('explains how the status was computed, with the thresholds', async () => {
    fakeApi(routes());
    await renderPage(CityIndicatorPage, { path, pattern });
    const explanation = await screen.findByTestId('status-explanation');
    expect(explanation).toHaveTextContent('Limited progress');
    // Rates in the data's own direction, the observed one with better or worse in words (issue 17, item 15).
    expect(explanation).toHaveTextContent('Observed change');
    expect(explanation).toHaveTextContent('+3.0% a year \u2714 better');
    expect(explanation).toHaveTextContent('Change required from the baseline+5.3% a year');
    expect(explanation).toHaveTextContent('Observed ÷ required (R)0.57');
    expect(explanation).toHaveTextContent('0.60 ≤ R < 0.95');
    // A gap of percentages is in percentage points (issue 17, item 16).
    expect(screen.getByTestId('action-gap-figures')).toHaveTextContent(
      `Projected value in 2030${'46.2%'}Gap at the target year`,
    );
    expect(screen.getByTestId('action-gap-figures')).toHaveTextContent(
      '18.8 pp (54% of the ambition',
    );
  });

  it('lists peers and opens a peer\u2019s chart on request; shows the value history', async () => {
    const detailOfTallinn = { ...indicatorDetail(), city: { slug: 'tallinn', name: 'Tallinn' } };
    fakeApi({
      ...routes(),
      '/api/v1/cities/tallinn/indicators/municipal-waste-recycling-rate/progress': detailOfTallinn,
      // History is for signed-in members.
      '/api/v1/auth/session': {
        user: { id: 1, email: 'officer@espoo.fi', displayName: 'Espoo officer' },
        roles: [],
        csrfToken: 'token',
        expiresAt: '2026-11-24T00:00:00.000Z',
        idleTimeoutSeconds: 1800,
        heldBackRoles: [],
        secondFactorChallenge: null,
      },
    });
    await renderPage(CityIndicatorPage, { path, pattern });
    const peerList = await screen.findByTestId('peers');
    expect(peerList).toHaveTextContent('Tallinn+6.1% a year');
    const button = within(peerList).getByRole('button', { name: 'Show chart Tallinn' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(await within(peerList).findByTestId('progress-summary')).toHaveTextContent(
      'Latest value: 38.0% in 2023.',
    );
    const history = await screen.findByTestId('value-history');
    expect(await within(history).findByText('Corrected after audit')).toBeVisible();
    expect(history).toHaveTextContent('officer@espoo.fi');
    expect(history).toHaveTextContent('Value changed');
    expect(history).toHaveTextContent('37.538.0');
  });

  it('tells visitors who are not signed in that the value history is for members', async () => {
    fakeApi(routes());
    await renderPage(CityIndicatorPage, { path, pattern });
    const note = await screen.findByText(/shown to members of the city\u2019s networks/);
    expect(within(note).getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  it('invites an ambition when none is set', async () => {
    const detail = indicatorDetail();
    detail.progress = indicatorProgress({ ambition: null, actionGap: null, status: 'on_track' });
    detail.chart = detail.chart
      .filter((point) => point.observed !== null)
      .map((point) => ({ ...point, required: null, projected: null, target: null }));
    fakeApi({
      ...routes(),
      '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/progress': detail,
    });
    await renderPage(CityIndicatorPage, { path, pattern });
    expect(await screen.findByText(/No ambition set yet for this indicator/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Set an ambition' })).toBeVisible();
    // Without an ambition the table has only the observations.
    const headers = within(screen.getByTestId('gap-table')).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Year', 'Observed']);
  });
});

describe('compare page', () => {
  it('sorts cities best first and switches to normalised scores through the URL', async () => {
    fakeApi({
      '/api/v1/networks/demo-net/indicators/municipal-waste-recycling-rate/comparison':
        comparison(),
    });
    const { router } = await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate',
      pattern: '/networks/:network/compare/:indicator',
    });
    const table = await screen.findByTestId('compare-table');
    const names = within(table)
      .getAllByRole('rowheader')
      .map((c) => c.textContent);
    expect(names).toEqual(['Tallinn', 'Espoo', 'Braga']);
    expect(
      screen.getByText(/3 cities with a value, best first: Tallinn leads, Braga comes last/),
    ).toBeVisible();
    await userEvent.click(screen.getByRole('radio', { name: 'Scores 0–100' }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=normalised'));
    expect(screen.getByText(/Scores put every city on the same 0–100 scale/)).toBeVisible();
  });

  it('highlights at most ten cities, chosen by the reader and kept in the URL', async () => {
    fakeApi({
      '/api/v1/networks/demo-net/indicators/municipal-waste-recycling-rate/comparison':
        comparison(),
    });
    const { router } = await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate',
      pattern: '/networks/:network/compare/:indicator',
    });
    const group = await screen.findByRole('group', { name: 'Highlight cities (at most 10)' });
    const braga = within(group).getByRole('checkbox', { name: 'Braga' });
    expect(braga).toBeChecked();
    await userEvent.click(braga);
    await waitFor(() => expect(router.state.location.search).toBe('?highlight=espoo%2Ctallinn'));
    expect(within(group).getByRole('checkbox', { name: 'Braga' })).not.toBeChecked();
  });
});

describe('network overview', () => {
  it('ranks cities, marks the unranked, and reads the heatmap as a table with words for colours', async () => {
    fakeApi({
      '/api/v1/networks/demo-net': {
        slug: 'demo-net',
        name: 'Demo network',
        description: 'A demo.',
        isPublic: true,
        dataKind: 'synthetic',
        citation: null,
        licence: null,
        cityCount: 3,
        indicatorCount: 1,
        dataYears: { first: 2015, last: 2024 },
        version: 1,
        etag: '"1.1"',
        updatedAt: '2026-01-01T00:00:00.000Z',
        members: [],
        goals: [3, 11],
      },
      '/api/v1/networks/demo-net/scores': networkScores(),
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(NetworkPage, { path: '/networks/demo-net', pattern: '/networks/:network' });
    const ranking = await screen.findByTestId('ranking');
    const rows = within(ranking).getAllByRole('row').slice(1, 4);
    expect(rows.map((r) => r.textContent)).toEqual([
      '1Espoo FI70.3100%',
      '2Tallinn FI61.5100%',
      '—Not ranked: more than 20 % of the indicators are missingGabrovo FI40.070%',
    ]);
    expect(screen.getByText('Synthetic demo data.')).toBeVisible();
    expect(screen.getByText('Scores for 2024')).toBeVisible();
    const heatmap = screen.getByTestId('heatmap');
    const espoo = within(heatmap).getAllByRole('row')[1]!;
    expect(espoo).toHaveTextContent('Espoo');
    // 73.3 is green although its band is yellow: a "?" with the reason sits after the score.
    expect(within(espoo).getAllByRole('cell')[0]).toHaveTextContent(
      /^73\.3\?Colour: green.*●Green: goal achieved↗Moderately improving$/,
    );
    expect(within(heatmap).getByRole('link', { name: 'Goal 11: Short title 11' })).toBeVisible();
    expect(within(heatmap).getAllByRole('row').at(-1)).toHaveTextContent('Network average53.061.0');
  });
});
