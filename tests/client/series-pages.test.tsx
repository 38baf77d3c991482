import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { indicatorDetail, peers } from './progress-fixtures';
import { fakeApi, renderPage } from './render';
import { indicatorDefinition, observation, recyclingBySex } from './series-fixtures';

const calls = (fetchMock: ReturnType<typeof fakeApi>): URL[] =>
  fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://localhost'));

const rowsOf = (table: HTMLElement): string[][] =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));

describe('indicator page: series, breakdowns and flags', () => {
  const slug = 'municipal-waste-recycling-rate';
  const path = `/cities/espoo/indicators/${slug}`;
  const pattern = '/cities/:city/indicators/:indicator';
  const routes = (observations = recyclingBySex(), synthetic = false, dataKind = 'mixed') => {
    const detail = indicatorDetail();
    detail.network = { ...detail.network, dataKind: dataKind as 'mixed' };
    return {
      [`/api/v1/cities/espoo/indicators/${slug}/progress`]: detail,
      '/api/v1/cities/espoo/peers': peers(),
      '/api/v1/cities/espoo/observations': { observations },
      [`/api/v1/indicators/${slug}`]: indicatorDefinition({ synthetic }),
    };
  };

  it('asks for every series, lists the headline first and shows the chosen series with flags and sources', async () => {
    const fetchMock = fakeApi(routes());
    const { router } = await renderPage(CityIndicatorPage, { path, pattern });
    const select = await screen.findByLabelText('Series');
    const observationsCall = calls(fetchMock).find(
      (u) => u.pathname === '/api/v1/cities/espoo/observations',
    );
    expect(observationsCall?.searchParams.get('indicator')).toBe(slug);
    expect(observationsCall?.searchParams.get('series')).toBe('*');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Headline series (used for progress)', 'sex: female', 'sex: male']);

    // The headline's values, newest first, each with its flags and source.
    const values = screen.getByTestId('series-values');
    expect(values).toHaveAccessibleName(
      /^Municipal waste recycling rate in Espoo, Headline series \(used for progress\): values and where they come from ?\(%\)$/,
    );
    const rows = rowsOf(values);
    expect(rows.map((r) => r[0])).toEqual(['2023', '2019', '2015']);
    expect(rows[0]![1]).toBe('38.0e (estimated)');
    expect(rows[0]![2]).toBe('Eurostat, City statistics (urb_percep)');
    const mark = within(values).getByTitle('estimated');
    expect(mark).toHaveTextContent('e');
    // The letter is for the eye; screen readers hear the word.
    expect(mark.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^e$/);
    const legends = screen.getAllByTestId('flag-legend');
    expect(legends[0]).toHaveTextContent('Flags:e estimated');

    // The action-gap table marks the estimated value too.
    const gapRows = rowsOf(screen.getByTestId('gap-table'));
    expect(gapRows[2]).toEqual(['2023', '38.0e (estimated)', '45.8', '38.0', '']);

    // Choosing a breakdown series: kept in the URL, its values and note shown.
    await userEvent.selectOptions(select, 'sex: male');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('series')).toBe(
        '{"sex":"male"}',
      ),
    );
    const male = screen.getByTestId('series-values');
    expect(male).toHaveAccessibleName(
      /^Municipal waste recycling rate in Espoo, sex: male: values and where they come from ?\(%\)$/,
    );
    expect(rowsOf(male)).toEqual([
      ['2023', '35.0', 'Eurostat, City statistics (urb_percep)', 'Small sample'],
      ['2019', '32.0', 'Eurostat, City statistics (urb_percep)', ''],
    ]);
  });

  it('breaks the indicator down by sex: lines over time and the latest year best first, as tables', async () => {
    fakeApi(routes());
    await renderPage(CityIndicatorPage, { path, pattern });
    const section = await screen.findByTestId('breakdown');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('Breakdowns');
    expect(within(section).getByRole('heading', { name: 'By sex over time' })).toBeVisible();
    expect(within(section).getByRole('heading', { name: 'By sex in 2023' })).toBeVisible();
    expect(screen.getByTestId('breakdown-lines')).toHaveTextContent(
      'One line for each of the 2 values of \u201csex\u201d, 2019\u20132023.',
    );
    expect(rowsOf(screen.getByTestId('breakdown-lines-table'))).toEqual([
      ['female', '36.0', '41.0e (estimated)u (low reliability)'],
      ['male', '32.0', '35.0'],
    ]);
    expect(screen.getByTestId('breakdown-bars')).toHaveTextContent(
      '2 values of \u201csex\u201d in 2023, best first: from female (41.0%) to male (35.0%). The dashed line marks the headline value (38.0%).',
    );
    expect(rowsOf(screen.getByTestId('breakdown-bars-table'))).toEqual([
      [
        '1',
        'female',
        '41.0e (estimated)u (low reliability)',
        'Eurostat, City statistics (urb_percep)',
      ],
      ['2', 'male', '35.0', 'Eurostat, City statistics (urb_percep)'],
      [
        '',
        'Headline series (used for progress)',
        '38.0e (estimated)',
        'Eurostat, City statistics (urb_percep)',
      ],
    ]);
    expect(within(section).getByTestId('flag-legend')).toHaveTextContent(
      'Flags:e estimatedu low reliability',
    );
    expect(screen.getByText(/Progress and the action gap use the headline series/)).toBeVisible();
  });

  it('orders the bars lowest first when lower is better, and chooses the dimension to break down by', async () => {
    const detail = indicatorDetail();
    detail.indicator.direction = 'decrease';
    const wards = [
      observation({ series: { ward: 'Ward 10' }, year: 2024, value: 12 }),
      observation({ series: { ward: 'Ward 2' }, year: 2024, value: 9 }),
      observation({ series: { ward: 'Ward 1' }, year: 2024, value: 15 }),
      observation({ series: { ward: 'Ward 1' }, year: 2022, value: 16 }),
      observation({ series: { sex: 'female' }, year: 2024, value: 10 }),
      observation({ series: { sex: 'male' }, year: 2024, value: 11 }),
    ];
    fakeApi({
      ...routes(wards),
      [`/api/v1/cities/espoo/indicators/${slug}/progress`]: detail,
    });
    const { router } = await renderPage(CityIndicatorPage, { path, pattern });
    const by = await screen.findByLabelText('Break down by');
    expect(
      within(by)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['sex', 'ward']);
    // Without a headline series, the first series is shown and its dimension broken down.
    expect(screen.getByLabelText('Series')).toHaveValue('{"sex":"female"}');
    expect(by).toHaveValue('sex');
    await userEvent.selectOptions(by, 'ward');
    await waitFor(() => expect(router.state.location.search).toBe('?by=ward'));
    expect(rowsOf(screen.getByTestId('breakdown-bars-table')).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Ward 2', '9.0'],
      ['2', 'Ward 10', '12.0'],
      ['3', 'Ward 1', '15.0'],
    ]);
    // Lines and their table in natural order: Ward 2 before Ward 10.
    expect(rowsOf(screen.getByTestId('breakdown-lines-table'))).toEqual([
      ['Ward 1', '16.0', '15.0'],
      ['Ward 2', '', '9.0'],
      ['Ward 10', '', '12.0'],
    ]);
  });

  it('keeps the headline view as it was when there is a single series', async () => {
    fakeApi(routes(recyclingBySex().filter((o) => Object.keys(o.series).length === 0)));
    await renderPage(CityIndicatorPage, { path, pattern });
    expect(await screen.findByTestId('series-values')).toBeVisible();
    expect(screen.queryByLabelText('Series')).toBeNull();
    expect(screen.queryByTestId('breakdown')).toBeNull();
    expect(screen.queryByText(/Progress and the action gap use the headline series/)).toBeNull();
  });

  it('marks an indicator with synthetic values in a mixed network, says so in the network note', async () => {
    fakeApi(routes(recyclingBySex(), true, 'mixed'));
    await renderPage(CityIndicatorPage, { path, pattern });
    const heading = await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(heading).toHaveTextContent('Synthetic'));
    expect(within(heading).getByText('Synthetic')).toHaveAttribute(
      'title',
      'Generated demo values, not real figures',
    );
    expect(screen.getByTestId('mixed-note')).toHaveTextContent(
      'Real and synthetic figures. Real figures where available, with the source shown next to each value; indicators marked \u201csynthetic\u201d have generated demo values.',
    );
  });

  it('does not mark each indicator of a wholly synthetic network (its note says it once)', async () => {
    fakeApi(routes(recyclingBySex(), true, 'synthetic'));
    await renderPage(CityIndicatorPage, { path, pattern });
    expect(await screen.findByTestId('synthetic-note')).toBeVisible();
    await screen.findByTestId('series-values');
    expect(within(screen.getByRole('heading', { level: 1 })).queryByText('Synthetic')).toBeNull();
  });

  it('reads the history of the chosen series', async () => {
    const fetchMock = fakeApi({
      ...routes(),
      '/api/v1/auth/session': {
        user: { id: 1, email: 'officer@espoo.fi', displayName: 'Espoo officer' },
        roles: [],
        csrfToken: 'token',
        expiresAt: '2026-11-24T00:00:00.000Z',
        idleTimeoutSeconds: 1800,
      },
      [`/api/v1/cities/espoo/indicators/${slug}/observations/2023/history`]: {
        events: [],
        nextBefore: null,
      },
    });
    await renderPage(CityIndicatorPage, {
      path: `${path}?series=${encodeURIComponent('{"sex":"female"}')}`,
      pattern,
    });
    expect(await screen.findByText('Changes to the series \u201csex: female\u201d.')).toBeVisible();
    await waitFor(() =>
      expect(
        calls(fetchMock)
          .filter((u) => u.pathname.endsWith('/history'))
          .map((u) => u.searchParams.get('series')),
      ).toContain('{"sex":"female"}'),
    );
    const history = screen.getByTestId('value-history');
    expect(
      within(history)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['2023', '2019']);
  });
});
