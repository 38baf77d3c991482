import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CitySummary } from '../../server/src/schemas/city.schema';
import { HomePage } from '../../client/src/app/routes/home-page';
import { findCities, fold } from '../../client/src/features/home/city-finder';
import { goalList } from './fixtures';
import { fakeApi, renderPage } from './render';

const city = (slug: string, name: string, countryCode: string): CitySummary => ({
  slug,
  name,
  countryCode,
  population: null,
  latitude: null,
  longitude: null,
  version: 1,
  etag: '"1.1"',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const cities = [
  city('kosice', 'Košice', 'SK'),
  city('espoo', 'Espoo', 'FI'),
  city('jablonec-nad-nisou', 'Jablonec nad Nisou', 'CZ'),
  city('valencia', 'València', 'ES'),
];

const summary = {
  slug: 'demo-net',
  name: 'Demo network',
  description: 'A demo.',
  isPublic: true,
  dataKind: 'synthetic' as const,
  citation: null,
  licence: null,
  cityCount: 4,
  indicatorCount: 12,
  dataYears: { first: 2015, last: 2024 },
  version: 1,
  etag: '"1.1"',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const member = (c: CitySummary) => ({
  slug: c.slug,
  name: c.name,
  countryCode: c.countryCode,
  population: null,
  role: 'partner' as const,
});

function routes() {
  return {
    '/api/v1/networks': { networks: [summary] },
    '/api/v1/networks/demo-net': { ...summary, members: cities.map(member), goals: [3, 11] },
    '/api/v1/cities': { cities },
    '/api/v1/sdg/goals': goalList(),
  };
}

describe('home: the first screen leads to networks and cities (issue 17, item 19)', () => {
  it('finds cities by the start of any word, without accents', () => {
    expect(fold('Košice')).toBe('kosice');
    expect(findCities(cities, 'kos').map((c) => c.slug)).toEqual(['kosice']);
    expect(findCities(cities, 'nisou').map((c) => c.slug)).toEqual(['jablonec-nad-nisou']);
    expect(findCities(cities, 'VALEN').map((c) => c.slug)).toEqual(['valencia']);
    expect(findCities(cities, 'spoo')).toEqual([]);
    expect(findCities(cities, '  ')).toEqual([]);
  });

  it('lists each network with its cities as links, before the UN framework', async () => {
    fakeApi(routes());
    await renderPage(HomePage, { path: '/', pattern: '/' });
    const networks = await screen.findByTestId('home-networks');
    expect(within(networks).getByRole('link', { name: 'Demo network' })).toHaveAttribute(
      'href',
      '/networks/demo-net?lang=en',
    );
    const list = await within(networks).findByRole('list', { name: 'Cities of Demo network' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Espoo', 'Jablonec nad Nisou', 'Košice', 'València']);
    expect(within(list).getByRole('link', { name: 'Košice' })).toHaveAttribute(
      'href',
      '/cities/kosice?lang=en',
    );
    // The UN framework is one click away, below the networks and the search.
    const framework = screen.getByTestId('framework-link');
    expect(framework).toHaveAttribute('href', '/sdg?lang=en');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Networks',
      'Find your city',
      'The 17 Sustainable Development Goals',
    ]);
  });

  it('finds a city as you type and opens the first with Enter', async () => {
    fakeApi(routes());
    const { router } = await renderPage(HomePage, {
      path: '/',
      pattern: '/',
      also: { '/cities/:city': () => <p>City page</p> },
    });
    const input = await screen.findByRole('searchbox', { name: 'City name' });
    await waitFor(() =>
      expect(screen.getByText(/with or without accents; 4 public cities/)).toBeVisible(),
    );
    await userEvent.type(input, 'kos');
    const results = screen.getByTestId('city-finder-results');
    expect(within(results).getByRole('link', { name: 'Košice' })).toHaveAttribute(
      'href',
      '/cities/kosice?lang=en',
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 city found');
    await userEvent.clear(input);
    await userEvent.type(input, 'xyz');
    expect(screen.getByRole('status')).toHaveTextContent(
      'No public city’s name starts with “xyz”.',
    );
    await userEvent.clear(input);
    await userEvent.type(input, 'val{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/cities/valencia'));
  });
});
