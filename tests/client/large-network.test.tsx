import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NetworkRankingResponse, RankedCity } from '../../server/src/schemas/progress.schema';
import { RankingTable } from '../../server/src/domain/ranking';
import { NetworkPage } from '../../client/src/app/routes/network-page';
import { goalList, signedOutSession } from './fixtures';
import { fakeApi, renderPage, type FakeAnswer } from './render';
import type { NetworkDetail } from '../../server/src/schemas/network.schema';
import { apiError } from './api-contract';

/**
 * A national network (issue 18): 3,000 municipalities. The network page asks
 * the server for one page of the ranking at a time (search, order, page in
 * the URL) and never loads every city's scores.
 */

const visitor = signedOutSession;

const GOALS = [3, 11];
const city = (i: number, name: string): RankedCity => ({
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  name,
  countryCode: i % 10 === 0 ? 'AT' : 'DE',
  hasDrafts: false,
  index: i % 7 === 0 ? null : 90 - (i % 60),
  rank: i % 7 === 0 ? null : i + 1,
  missingShare: 0,
  coverage: 1,
  goals: GOALS.map((goal) => ({ goal, score: 50 + (i % 40), colour: 'yellow', trend: null })),
});
const cities: RankedCity[] = Array.from({ length: 3000 }, (_, i) =>
  city(i, i === 1234 ? 'Košice' : `Gemeinde ${String(i).padStart(4, '0')}`),
);

const detail: NetworkDetail = {
  slug: 'de-portal',
  name: 'Kommunen Deutschland',
  description: 'Every municipality.',
  isPublic: true,
  dataKind: 'published',
  citation: null,
  licence: null,
  cityCount: cities.length,
  indicatorCount: 2,
  dataYears: { first: 2010, last: 2024 },
  version: 1,
  etag: '"1.1"',
  updatedAt: '2026-01-01T00:00:00.000Z',
  members: [],
  goals: GOALS,
};

/** The ranking route, paging with the server's own rules. */
function rankingRoute(asked: URL[]) {
  const table = new RankingTable(cities, 'en');
  return (url: URL): FakeAnswer => {
    asked.push(url);
    const p = url.searchParams;
    const num = (name: string) => (p.has(name) ? Number(p.get(name)) : undefined);
    const sort = p.get('sort') as 'rank' | 'name' | 'index' | null;
    const page = table.page({
      q: p.get('q') ?? undefined,
      sort: sort ?? undefined,
      goal: num('goal'),
      offset: num('offset'),
      limit: num('limit'),
    });
    const body: NetworkRankingResponse = {
      network: { slug: 'de-portal', name: detail.name, dataKind: 'published', citation: null },
      includesDrafts: false,
      year: 2024,
      language: 'en',
      goals: GOALS,
      averages: { index: 61.5, goals: GOALS.map((goal) => ({ goal, score: 60 })) },
      total: page.total,
      cityCount: cities.length,
      offset: page.offset,
      limit: page.limit,
      cities: page.rows,
    };
    return { status: 200, body };
  };
}

async function openPortal(path = '/networks/de-portal') {
  const ranking: URL[] = [];
  const scoresAsked: string[] = [];
  fakeApi({
    '/api/v1/auth/session': visitor,
    '/api/v1/networks/de-portal': detail,
    '/api/v1/networks/de-portal/ranking': rankingRoute(ranking),
    '/api/v1/networks/de-portal/scores': () => {
      scoresAsked.push('scores');
      return apiError('internal_error', 'too big');
    },
    '/api/v1/networks/de-portal/indicators': { indicators: [] },
    '/api/v1/sdg/goals': goalList(),
    '/api/v1/cities': { cities: [] },
  });
  const page = await renderPage(NetworkPage, { path, pattern: '/networks/:network' });
  return { ...page, ranking, scoresAsked };
}

const status = () => screen.getByTestId('ranking-status').textContent;
const rowNames = () =>
  within(screen.getByTestId('ranking'))
    .getAllByRole('rowheader')
    .map((th) => th.textContent ?? '');

describe('a network of 3,000 municipalities', () => {
  it('shows the ranking fifty at a time, with the goal scores, and never asks for every city', async () => {
    const { scoresAsked, ranking } = await openPortal();
    await screen.findByTestId('ranking');
    expect(status()).toBe('Cities 1–50 of 3,000');
    // 50 cities and the network average.
    expect(rowNames()).toHaveLength(51);
    // Gemeinde 0000 is not ranked (too little data): the first ranked one leads.
    expect(rowNames()[0]).toContain('Gemeinde 0001');
    expect(ranking[0]!.searchParams.get('limit')).toBe('50');
    expect(scoresAsked).toEqual([]);
    expect(screen.queryByTestId('heatmap')).toBeNull();
    expect(screen.getByText(/The 3000 member cities are all in the ranking above/)).toBeTruthy();
  });

  it('finds a municipality by the start of its name, without its accent, and says how many were found', async () => {
    const { router } = await openPortal();
    await screen.findByTestId('ranking');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Find a city/), 'kos');
    await waitFor(() => expect(status()).toBe('Cities 1–1 of 1 found (of 3,000)'), {
      timeout: 3000,
    });
    expect(rowNames()[0]).toContain('Košice');
    expect(router.state.location.search).toContain('q=kos');
    await user.clear(screen.getByLabelText(/Find a city/));
    await user.type(screen.getByLabelText(/Find a city/), 'nowhere');
    await waitFor(
      () => expect(status()).toBe('No city of this network has a name starting with “nowhere”.'),
      { timeout: 3000 },
    );
    expect(screen.queryByTestId('ranking')).toBeNull();
  });

  it('pages forward and back, and sorts by name; the page is in the URL', async () => {
    const { router } = await openPortal();
    await screen.findByTestId('ranking');
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(status()).toBe('Cities 51–100 of 3,000'));
    expect(router.state.location.search).toContain('page=2');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name');
    await waitFor(() => expect(router.state.location.search).toContain('sort=name'));
    // A new order starts on the first page.
    expect(router.state.location.search).not.toContain('page=');
    await waitFor(() => expect(rowNames()[0]).toContain('Gemeinde 0000'));
    expect(rowNames()[49]).toContain('Gemeinde 0049');
  });

  it('opens on the page a link names', async () => {
    await openPortal('/networks/de-portal?page=60&sort=index');
    await screen.findByTestId('ranking');
    await waitFor(() => expect(status()).toBe('Cities 2,951–3,000 of 3,000'));
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });
});
