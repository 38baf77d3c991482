import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CityDistricts } from '@api/district.schema';
import { DistrictChoropleth } from '../../client/src/features/maps/components/district-map-section';
import { NetworkMapPanel } from '../../client/src/features/maps/components/network-map-panel';
import { renderPage } from './render';

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
    const map = await screen.findByTestId('district-map');
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
    const map = await screen.findByTestId('network-map');
    await waitFor(() => expect(map.querySelectorAll('a.map-marker')).toHaveLength(2));
    expect(map.querySelector('a[data-city="espoo"]')!.getAttribute('aria-label')).toMatch(
      /Espoo \(lead partner\): On track/,
    );
  });
});
