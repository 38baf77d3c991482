import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CityDistricts } from '@api/district.schema';
import { CityBriefPage } from '../../client/src/app/routes/city-brief-page';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { DistrictChoropleth } from '../../client/src/features/maps/components/district-map-section';
import { NetworkMapPanel } from '../../client/src/features/maps/components/network-map-panel';
import { goalList } from './fixtures';
import { cityProgress, indicatorDetail, peers } from './progress-fixtures';
import { fakeApi, renderPage, type FakeRoutes } from './render';
import { editorSession } from './workspace-fixtures';
import { indicatorDefinition, observation } from './series-fixtures';

const square = (x: number, y: number, d = 0.02): number[][][] => [
  // Counter-clockwise, as the server serves it (RFC 7946).
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

const districts: CityDistricts = {
  city: 'kosice',
  codeProperty: 'code',
  nameProperty: 'name',
  featureCount: 4,
  bbox: [21.2, 48.7, 21.28, 48.72],
  uploadedBytes: 1000,
  storedBytes: 800,
  matchedCodes: 4,
  dataCodesWithoutBoundary: [],
  geojson: {
    type: 'FeatureCollection',
    features: ['K1', 'K2', 'K3', 'K4'].map((code, i) => ({
      type: 'Feature' as const,
      properties: { code, name: `District ${i + 1}` },
      geometry: { type: 'Polygon' as const, coordinates: square(21.2 + i * 0.02, 48.7) },
    })),
  },
  version: 1,
  etag: '"1"',
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: null,
};

const values: Array<{ series: Record<string, string>; year: number; value: number }> = [
  { series: {}, year: 2024, value: 25 },
  { series: { geocode: 'K1' }, year: 2024, value: 10 },
  { series: { geocode: 'K2' }, year: 2024, value: 20 },
  { series: { geocode: 'K3' }, year: 2024, value: 30 },
  { series: { geocode: 'K4' }, year: 2024, value: 40 },
  { series: { geocode: 'K1' }, year: 2023, value: 50 },
];

describe('district choropleth', () => {
  it('its legend classes, table and map agree with the data', async () => {
    function Page() {
      return (
        <DistrictChoropleth
          districts={districts}
          cityName="Košice"
          indicator={{ name: 'Noise', unit: 'dB', decimals: 0, direction: 'decrease' }}
          observations={values}
        />
      );
    }
    await renderPage(Page, { path: '/', pattern: '/' });
    const legend = await screen.findByTestId('district-legend');
    const items = within(legend).getAllByRole('listitem');
    // Four values, five classes asked: quantiles give one district per class.
    expect(items.map((li) => li.textContent)).toEqual([
      '110\u00a0dB to 20\u00a0dB (1 district)',
      '220\u00a0dB to 30\u00a0dB (1 district)',
      '330\u00a0dB to 40\u00a0dB (1 district)',
      '440\u00a0dB (1 district)',
    ]);
    expect(legend.textContent).toMatch(/quantiles/);
    expect(screen.getByTestId('district-headline').textContent).toMatch(
      /Košice as a whole, 2024: 25\u00a0dB/,
    );
    const rows = within(screen.getByTestId('district-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      ['District 1 K1', '10\u00a0dB', '1', 'better than the city as a whole'],
      ['District 2 K2', '20\u00a0dB', '2', 'better than the city as a whole'],
      ['District 3 K3', '30\u00a0dB', '3', 'worse than the city as a whole'],
      ['District 4 K4', '40\u00a0dB', '4', 'worse than the city as a whole'],
    ]);
    // The map fills each district with its class's legend colour.
    const map = await screen.findByTestId('district-map', {}, { timeout: 5000 });
    await waitFor(() => expect(map.querySelectorAll('path.map-district')).toHaveLength(4));
    const fillOfClass = new Map(items.map((li) => [li.dataset.class, li.dataset.fill]));
    for (const row of rows) {
      const path = map.querySelector(`path[data-code="${row.dataset.code}"]`)!;
      expect(path.getAttribute('fill')).toBe(fillOfClass.get(row.dataset.class));
      expect(path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/);
    }
  });
});

describe('network map panel', () => {
  it('has one table row per city, lists the cities without coordinates, and the legend counts them', async () => {
    const members = [
      { slug: 'espoo', name: 'Espoo', isLead: true, latitude: 60.2, longitude: 24.65 },
      { slug: 'kosice', name: 'Košice', isLead: false, latitude: 48.72, longitude: 21.26 },
      { slug: 'nowhere', name: 'Nowhere', isLead: false, latitude: null, longitude: null },
    ];
    const comparison = {
      indicator: { slug: 'noise', name: 'Noise', decimals: 0, unit: 'dB' },
      cities: [
        { slug: 'espoo', status: 'on_track', latest: { year: 2024, value: 50 } },
        { slug: 'kosice', status: 'deterioration', latest: { year: 2024, value: 60 } },
      ],
    } as never;
    function Page() {
      return (
        <NetworkMapPanel
          members={members}
          measure={{ kind: 'status', indicator: 'noise' }}
          onMeasureChange={() => undefined}
          comparison={comparison}
        />
      );
    }
    await renderPage(Page, { path: '/', pattern: '/' });
    const rows = within(screen.getByTestId('network-map-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.key)).toEqual([
      'on_track',
      'deterioration',
      'insufficient_data',
    ]);
    expect(screen.getByTestId('map-unlocated').textContent).toMatch(
      /1 city has no coordinates.*Nowhere/,
    );
    expect(screen.getByTestId('map-summary').textContent).toMatch(
      /2 of 3 cities are on the map.*Lead partner: Espoo/,
    );
    // The map's code loads lazily: give it time on a busy machine.
    const map = await screen.findByTestId('network-map', {}, { timeout: 5000 });
    await waitFor(() => expect(map.querySelectorAll('a.map-marker')).toHaveLength(2));
    expect(map.querySelector('a[data-city="espoo"]')!.getAttribute('aria-label')).toMatch(
      /Espoo \(lead partner\): On track/,
    );
  });
});

/** Noise by district (each district named and coded) and for the whole city, in 2024. */
const noiseByDistrict = (indicator: string) => [
  observation({ indicator, series: {}, year: 2024, value: 25 }),
  ...['K1', 'K2', 'K3', 'K4'].map((code, i) =>
    observation({
      indicator,
      series: { district: `District ${i + 1}`, geocode: code },
      year: 2024,
      value: (i + 1) * 10,
    }),
  ),
  observation({
    indicator,
    series: { district: 'District 1', geocode: 'K1' },
    year: 2023,
    value: 12,
  }),
];

const calls = (fetchMock: ReturnType<typeof fakeApi>): URL[] =>
  fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://localhost'));

const cellsOf = (table: HTMLElement): string[][] =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));

describe('district map in the brief', () => {
  const briefRoutes = (
    byIndicator: Record<string, ReturnType<typeof noiseByDistrict>>,
  ): FakeRoutes => ({
    '/api/v1/cities/espoo/progress': cityProgress(),
    '/api/v1/sdg/goals': goalList(),
    '/api/v1/cities/espoo/observations': (url: URL) => ({
      status: 200,
      body: { observations: byIndicator[url.searchParams.get('indicator') ?? ''] ?? [] },
    }),
  });

  it('maps the largest gap that has values by district, with its legend and a table of the districts', async () => {
    // The largest gap (indicator-1) has no district values; the second has.
    const fetchMock = fakeApi({
      ...briefRoutes({
        'indicator-1': [observation({ indicator: 'indicator-1', year: 2024, value: 3 })],
        'indicator-2': noiseByDistrict('indicator-2'),
        'indicator-3': noiseByDistrict('indicator-3'),
      }),
      '/api/v1/cities/espoo/districts': districts,
    });
    await renderPage(CityBriefPage, {
      path: '/cities/espoo/brief',
      pattern: '/cities/:city/brief',
    });
    const section = await screen.findByTestId('brief-district-map', {}, { timeout: 5000 });
    expect(section).toHaveAttribute('data-indicator', 'indicator-2');
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Indicator 02 by district',
    );
    expect(within(section).getByTestId('district-summary')).toHaveTextContent(
      '2024: 4 of 4 districts have a value.',
    );
    // Each district's class (on its swatch, and in words for screen readers), value and how
    // it compares with the whole city (higher is better), in words.
    const list = within(section).getByTestId('district-table');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '1 Class 1: District 1 10.0% (worse)',
      '2 Class 2: District 2 20.0% (worse)',
      '3 Class 3: District 3 30.0% (better)',
      '4 Class 4: District 4 40.0% (better)',
    ]);
    expect(within(section).getByTestId('district-headline')).toHaveTextContent(
      'Espoo as a whole, 2024: 25.0%',
    );
    const legend = within(section).getByTestId('district-legend');
    expect(within(legend).getAllByRole('listitem')).toHaveLength(4);
    const map = await within(section).findByTestId('district-map', {}, { timeout: 5000 });
    await waitFor(() => expect(map.querySelectorAll('path.map-district')).toHaveLength(4));
    // The boundaries were asked for once, and only the gaps' values by series.
    expect(calls(fetchMock).filter((u) => u.pathname.endsWith('/districts'))).toHaveLength(1);
  });

  it('has no district map, and asks for no boundaries, when no gap has values by district', async () => {
    const fetchMock = fakeApi(
      briefRoutes({
        'indicator-1': [observation({ indicator: 'indicator-1', year: 2024, value: 3 })],
      }),
    );
    await renderPage(CityBriefPage, {
      path: '/cities/espoo/brief',
      pattern: '/cities/:city/brief',
    });
    await screen.findByTestId('largest-gaps');
    await waitFor(() =>
      expect(calls(fetchMock).filter((u) => u.searchParams.get('series') === '*')).toHaveLength(5),
    );
    expect(screen.queryByTestId('brief-district-map')).toBeNull();
    expect(calls(fetchMock).filter((u) => u.pathname.endsWith('/districts'))).toHaveLength(0);
  });
});

describe('indicator page with values by district', () => {
  const slug = 'municipal-waste-recycling-rate';
  const routes = (withBoundaries: boolean): FakeRoutes => ({
    [`/api/v1/cities/espoo/indicators/${slug}/progress`]: indicatorDetail(),
    '/api/v1/cities/espoo/peers': peers(),
    '/api/v1/cities/espoo/observations': { observations: noiseByDistrict(slug) },
    [`/api/v1/indicators/${slug}`]: indicatorDefinition(),
    '/api/v1/auth/session': editorSession(),
    ...(withBoundaries ? { '/api/v1/cities/espoo/districts': districts } : {}),
  });
  const path = `/cities/espoo/indicators/${slug}`;
  const pattern = '/cities/:city/indicators/:indicator';

  it('breaks the values down by district side by side, the code not a dimension of its own', async () => {
    fakeApi(routes(true));
    await renderPage(CityIndicatorPage, { path, pattern });
    const section = await screen.findByTestId('breakdown');
    expect(within(section).queryByLabelText('Break down by')).toBeNull();
    expect(within(section).queryByTestId('breakdown-context')).toBeNull();
    expect(within(section).getByRole('heading', { name: 'By district in 2024' })).toBeVisible();
    expect(
      cellsOf(within(section).getByTestId('breakdown-bars-table')).map((r) => r.slice(0, 3)),
    ).toEqual([
      ['1', 'District 4', '40.0'],
      ['2', 'District 3', '30.0'],
      ['3', 'District 2', '20.0'],
      ['4', 'District 1', '10.0'],
      ['', 'Headline series (used for progress)', '25.0'],
    ]);
    // The map of the same districts, and the editor's way to its boundaries.
    const map = await screen.findByTestId('district-map-section');
    expect(within(map).getAllByRole('row')).toHaveLength(5);
  });

  it('says where the map would be that the city has no district boundaries, with a link for its editors', async () => {
    fakeApi(routes(false));
    await renderPage(CityIndicatorPage, { path, pattern });
    const none = await screen.findByTestId('district-map-none');
    expect(none).toHaveTextContent(
      'These values by district are not on a map: Espoo has no district boundaries.',
    );
    await waitFor(() =>
      expect(
        within(none).getByRole('link', { name: 'Upload district boundaries in the workspace' }),
      ).toHaveAttribute(
        'href',
        expect.stringMatching(/^\/cities\/espoo\/workspace\?tab=districts/),
      ),
    );
    expect(screen.queryByTestId('district-map-figure')).toBeNull();
  });
});
