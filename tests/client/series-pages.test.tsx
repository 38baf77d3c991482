import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CityBriefPage } from '../../client/src/app/routes/city-brief-page';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { CityPage } from '../../client/src/app/routes/city-page';
import { ComparePage } from '../../client/src/app/routes/compare-page';
import { goalList } from './fixtures';
import { cityProgress, comparison, indicatorDetail, peers } from './progress-fixtures';
import { fakeApi, renderPage, type FakeRequest, type FakeRoutes } from './render';
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

  it('flags the peers’ latest values too', async () => {
    fakeApi({
      ...routes(),
      [`/api/v1/indicators/${slug}/observations`]: {
        observations: [
          observation({ city: 'tallinn', year: 2023, value: 52, flags: ['provisional'] }),
        ],
      },
    });
    await renderPage(CityIndicatorPage, { path, pattern });
    const peerList = await screen.findByTestId('peers');
    await waitFor(() => expect(peerList).toHaveTextContent('52.0%p (provisional) (2023)'));
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
        heldBackRoles: [],
        secondFactorChallenge: null,
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

describe('city overview and brief: synthetic indicators and flags', () => {
  const mixedProgress = () => {
    const progress = cityProgress(12);
    progress.networks = [
      {
        slug: 'demo-net',
        name: 'Demo network',
        dataKind: 'mixed',
        citation: 'Eurostat, City statistics',
      },
    ];
    return progress;
  };
  const routes = () => ({
    '/api/v1/cities/espoo/progress': mixedProgress(),
    '/api/v1/sdg/goals': goalList(),
    '/api/v1/networks/demo-net/indicators': {
      indicators: [
        indicatorDefinition({ slug: 'indicator-1', synthetic: true }),
        indicatorDefinition({ slug: 'indicator-2', synthetic: false }),
        indicatorDefinition({ slug: 'indicator-6', synthetic: true }),
      ],
    },
    '/api/v1/cities/espoo/observations': {
      observations: [
        observation({ indicator: 'indicator-2', year: 2023, flags: ['estimated'] }),
        observation({
          indicator: 'indicator-6',
          year: 2015,
          value: 30,
          flags: ['break-in-series'],
        }),
        // A breakdown's flags are not the headline's.
        observation({
          indicator: 'indicator-3',
          year: 2023,
          series: { sex: 'female' },
          flags: ['confidential'],
        }),
      ],
    },
  });

  it('marks synthetic indicators and flags latest values in the indicator table, with a legend', async () => {
    fakeApi(routes());
    await renderPage(CityPage, { path: '/cities/espoo', pattern: '/cities/:city' });
    const table = await screen.findByTestId('indicator-table');
    const row = (name: string) => within(table).getByRole('rowheader', { name: new RegExp(name) });
    await waitFor(() => expect(row('Indicator 01')).toHaveTextContent('Synthetic'));
    expect(row('Indicator 02')).not.toHaveTextContent('Synthetic');
    await waitFor(() =>
      expect(row('Indicator 02').closest('tr')).toHaveTextContent('38.0%e (estimated) 2023'),
    );
    expect(row('Indicator 03').closest('tr')).not.toHaveTextContent('confidential');
    expect(screen.getAllByTestId('flag-legend').at(-1)).toHaveTextContent('Flags:e estimated');
    expect(
      within(screen.getByTestId('largest-gaps')).getAllByText('Synthetic').length,
    ).toBeGreaterThan(0);
    expect(screen.getByTestId('mixed-note')).toHaveTextContent(
      'Real figures where available (the source is shown with each value; published files were reshaped to fit this site); indicators marked \u201csynthetic\u201d have generated demo values. Sources: Eurostat, City statistics',
    );
  });

  it('the brief marks synthetic indicators and the flags of the values it quotes', async () => {
    fakeApi(routes());
    await renderPage(CityBriefPage, {
      path: '/cities/espoo/brief',
      pattern: '/cities/:city/brief',
    });
    const improvements = await screen.findByTestId('strongest-improvements');
    await waitFor(() =>
      expect(within(improvements).getAllByRole('listitem')[0]).toHaveTextContent(
        'Indicator 06 Synthetic: 30.0% b (2015) \u2192 38.0% (2023)',
      ),
    );
    const footer = screen.getByTestId('brief').querySelector('footer')!;
    expect(within(footer).getByTestId('flag-legend')).toHaveTextContent('Flags:b break in series');
    expect(footer).toHaveTextContent(
      'Real figures where available (the source is shown with each value; published files were reshaped to fit this site); indicators marked \u201csynthetic\u201d have generated demo values. Sources: Eurostat, City statistics',
    );
  });
});

describe('compare page: flags, sources, synthetic label and one series across cities', () => {
  const slug = 'municipal-waste-recycling-rate';
  const source = 'Eurostat, City statistics (urb_percep)';
  const every = [
    observation({ city: 'espoo', year: 2023, value: 38, source, flags: ['provisional'] }),
    observation({ city: 'tallinn', year: 2023, value: 52, source }),
    observation({ city: 'espoo', series: { sex: 'female' }, year: 2023, value: 41, source }),
    observation({ city: 'espoo', series: { sex: 'male' }, year: 2023, value: 35, source }),
    observation({
      city: 'tallinn',
      series: { sex: 'female' },
      year: 2022,
      value: 55,
      source,
      flags: ['estimated'],
    }),
    observation({ city: 'tallinn', series: { sex: 'male' }, year: 2023, value: 49, source }),
  ];
  const routes = (): FakeRoutes => {
    const data = comparison();
    data.network = { ...data.network, dataKind: 'mixed' };
    return {
      [`/api/v1/networks/demo-net/indicators/${slug}/comparison`]: data,
      [`/api/v1/indicators/${slug}`]: indicatorDefinition({ synthetic: true }),
      [`/api/v1/indicators/${slug}/observations`]: (url: URL, _request: FakeRequest) => {
        const series = url.searchParams.get('series');
        return {
          status: 200,
          body: {
            observations:
              series === '*'
                ? every
                : every.filter((o) => JSON.stringify(o.series) === (series ?? '{}')),
          },
        };
      },
    };
  };

  it('shows each latest value with its flags and source, and marks the synthetic indicator', async () => {
    fakeApi(routes());
    await renderPage(ComparePage, {
      path: `/networks/demo-net/compare/${slug}`,
      pattern: '/networks/:network/compare/:indicator',
    });
    const table = await screen.findByTestId('compare-table');
    const espoo = within(table).getByRole('rowheader', { name: 'Espoo' }).closest('tr')!;
    await waitFor(() => expect(espoo).toHaveTextContent('38.0%p (provisional) 2023'));
    expect(espoo).toHaveTextContent(source);
    const braga = within(table).getByRole('rowheader', { name: 'Braga' }).closest('tr')!;
    expect(braga.lastElementChild).toHaveTextContent('—');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Synthetic'),
    );
  });

  it('compares one chosen series across cities with the right ?series=, best first', async () => {
    const fetchMock = fakeApi(routes());
    const { router } = await renderPage(ComparePage, {
      path: `/networks/demo-net/compare/${slug}`,
      pattern: '/networks/:network/compare/:indicator',
    });
    const section = await screen.findByTestId('compare-series-section');
    const select = within(section).getByLabelText('Series to compare');
    // Only breakdowns: the headline is compared above.
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['sex: female', 'sex: male']);
    const table = await within(section).findByTestId('compare-series-table');
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([`1Tallinn55.0e (estimated)2022${source}`, `2Espoo41.02023${source}`]);
    expect(within(table).getByRole('link', { name: 'Espoo' })).toHaveAttribute(
      'href',
      `/cities/espoo/indicators/${slug}?series=${encodeURIComponent('{"sex":"female"}')}&lang=en`,
    );
    expect(section).toHaveTextContent(
      '2 cities with a value of \u201csex: female\u201d, best first: from Tallinn (55.0%) to Espoo (41.0%).',
    );

    await userEvent.selectOptions(select, 'sex: male');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('series')).toBe(
        '{"sex":"male"}',
      ),
    );
    await waitFor(() =>
      expect(within(section).getByTestId('compare-series-table')).toHaveTextContent(
        '1Tallinn49.02023',
      ),
    );
    const asked = calls(fetchMock)
      .filter((u) => u.pathname === `/api/v1/indicators/${slug}/observations`)
      .map((u) => u.searchParams.get('series'));
    expect(asked).toEqual(['*', '{"sex":"female"}', '{"sex":"male"}']);
  });

  it('has no breakdown section when the indicator has only its headline series', async () => {
    const base = routes();
    fakeApi({
      ...base,
      [`/api/v1/indicators/${slug}/observations`]: {
        observations: every.filter((o) => Object.keys(o.series).length === 0),
      },
    });
    await renderPage(ComparePage, {
      path: `/networks/demo-net/compare/${slug}`,
      pattern: '/networks/:network/compare/:indicator',
    });
    await screen.findByTestId('compare-table');
    await waitFor(() => expect(screen.getAllByTestId('flag-legend').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('compare-series-section')).toBeNull();
  });
});
