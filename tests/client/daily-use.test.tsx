import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CityReviews } from '../../server/src/schemas/review.schema';
import type { HistoryEvent } from '../../server/src/schemas/observation.schema';
import { ComparePage } from '../../client/src/app/routes/compare-page';
import { NetworkPage } from '../../client/src/app/routes/network-page';
import { SignInPage } from '../../client/src/app/routes/sign-in-page';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import type { Session } from '../../client/src/features/auth/api/auth-api';
import { afterSignIn } from '../../client/src/features/auth/utils/auth-text';
import { DraftsSwitch } from '../../client/src/features/networks/components/drafts-switch';
import { HistoryList } from '../../client/src/features/workspace/components/history-list';
import { goalList, signedOutSession } from './fixtures';
import { comparison, networkScores } from './progress-fixtures';
import { fakeApi, renderPage, type FakeAnswer } from './render';
import { indicatorDefinition } from './series-fixtures';
import { editorSession, workspaceRoutes } from './workspace-fixtures';
import type { NetworkDetail } from '../../server/src/schemas/network.schema';

/**
 * Fit for daily use (issue 17): members switch the network views between
 * published figures and figures including drafts, every draft-influenced
 * city marked; sign-in lands where the work is; the workspace says why a year
 * came back; recent changes read as sentences, not keys.
 */

const visitor = signedOutSession;

const coordinator: Session = {
  ...editorSession(),
  user: { id: 2, email: 'coordinator@net.example', displayName: 'Coordinator' },
  roles: [
    { id: 1, role: 'coordinator', network: { slug: 'demo-net', name: 'Demo network' }, city: null },
  ],
};

const networkDetail: NetworkDetail = {
  slug: 'demo-net',
  name: 'Demo network',
  description: 'A demo.',
  isPublic: true,
  dataKind: 'reported',
  citation: null,
  licence: null,
  cityCount: 3,
  indicatorCount: 1,
  dataYears: { first: 2015, last: 2024 },
  version: 1,
  etag: '"1.1"',
  updatedAt: '2026-01-01T00:00:00.000Z',
  members: [
    { slug: 'espoo', name: 'Espoo', countryCode: 'FI', population: 1, role: 'partner' },
    { slug: 'tallinn', name: 'Tallinn', countryCode: 'EE', population: 1, role: 'partner' },
  ],
  goals: [3, 11],
};

/** Scores as the server answers: drafts only when asked for (and the reader is a member). */
function scoresRoute(asked: string[]) {
  return (url: URL): FakeAnswer => {
    const drafts = url.searchParams.get('drafts');
    asked.push(drafts ?? 'published');
    const body = networkScores();
    if (drafts !== 'true') return { status: 200, body };
    return {
      status: 200,
      body: {
        ...body,
        includesDrafts: true,
        cities: body.cities.map((c) => ({ ...c, hasDrafts: c.slug === 'tallinn' })),
      },
    };
  };
}

describe('network views: published figures or including drafts (item 9)', () => {
  it('a coordinator sees published figures first, switches to drafts (kept in the URL) and every draft city is marked in words', async () => {
    const asked: string[] = [];
    fakeApi({
      '/api/v1/auth/session': coordinator,
      '/api/v1/networks/demo-net': networkDetail,
      '/api/v1/networks/demo-net/scores': scoresRoute(asked),
      '/api/v1/sdg/goals': goalList(),
      '/api/v1/cities': { cities: [] },
    });
    const { router } = await renderPage(NetworkPage, {
      path: '/networks/demo-net',
      pattern: '/networks/:network',
    });
    await screen.findByTestId('ranking');
    const published = await screen.findByRole('radio', { name: 'Published figures' });
    expect(published).toBeChecked();
    expect(asked).not.toContain('true');
    expect(screen.queryByTestId('drafts-notice')).toBeNull();
    expect(screen.queryAllByTestId('draft-marker')).toHaveLength(0);

    await userEvent.click(screen.getByRole('radio', { name: 'Including drafts' }));
    await screen.findByTestId('drafts-notice');
    expect(router.state.location.search).toContain('drafts=1');
    expect(asked).toContain('true');
    expect(screen.getByTestId('drafts-notice')).toHaveTextContent(
      'Including drafts: 1 city’s figures include values not approved yet, marked “draft”.',
    );
    const ranking = screen.getByTestId('ranking');
    const tallinn = within(ranking).getByRole('row', { name: /Tallinn/ });
    expect(tallinn).toHaveTextContent('draft');
    expect(within(tallinn).getByText(/Tallinn: includes values not approved yet/)).toBeTruthy();
    expect(within(ranking).getByRole('row', { name: /Espoo/ })).not.toHaveTextContent('draft');
    const heatmap = screen.getByTestId('heatmap');
    expect(within(heatmap).getByRole('row', { name: /Tallinn/ })).toHaveTextContent('draft');
    // Links to an indicator's comparison keep the choice.
    expect(
      screen.getByRole('link', { name: 'Municipal waste recycling rate' }).getAttribute('href'),
    ).toContain('drafts=1');

    await userEvent.click(screen.getByRole('radio', { name: 'Published figures' }));
    await waitFor(() => expect(screen.queryByTestId('drafts-notice')).toBeNull());
    expect(router.state.location.search).not.toContain('drafts');
  });

  it('shows the choice at once, while the view it asks for is still on its way', async () => {
    // The router renders a URL change in a transition: until it commits, the page still
    // passes the old choice. The switch must not snap back to it meanwhile.
    const asked: boolean[] = [];
    const { rerender } = render(<DraftsSwitch drafts={false} onChange={(d) => asked.push(d)} />);
    const including = screen.getByRole('radio', { name: /drafts\.including|Including drafts/ });
    await userEvent.click(including);
    expect(asked).toEqual([true]);
    expect(including).toBeChecked();
    // When the page catches up, the switch follows the page again.
    rerender(<DraftsSwitch drafts={true} onChange={(d) => asked.push(d)} />);
    expect(including).toBeChecked();
    rerender(<DraftsSwitch drafts={false} onChange={(d) => asked.push(d)} />);
    expect(including).not.toBeChecked();
  });

  it('a visitor sees no switch, and ?drafts=1 in a shared link does not ask for drafts', async () => {
    const asked: string[] = [];
    fakeApi({
      '/api/v1/auth/session': visitor,
      '/api/v1/networks/demo-net': networkDetail,
      '/api/v1/networks/demo-net/scores': scoresRoute(asked),
      '/api/v1/sdg/goals': goalList(),
      '/api/v1/cities': { cities: [] },
    });
    await renderPage(NetworkPage, {
      path: '/networks/demo-net?drafts=1',
      pattern: '/networks/:network',
    });
    await screen.findByTestId('ranking');
    expect(screen.queryByTestId('drafts-switch')).toBeNull();
    expect(screen.queryByTestId('drafts-notice')).toBeNull();
    expect(asked).not.toContain('true');
  });

  it('the compare page marks draft cities in its table and chart labels when drafts are included', async () => {
    const asked: string[] = [];
    fakeApi({
      '/api/v1/auth/session': editorSession(),
      '/api/v1/networks/demo-net': networkDetail,
      '/api/v1/networks/demo-net/indicators/municipal-waste-recycling-rate/comparison': (
        url: URL,
      ) => {
        asked.push(url.searchParams.get('drafts') ?? 'published');
        const body = comparison();
        return url.searchParams.get('drafts') === 'true'
          ? {
              status: 200,
              body: {
                ...body,
                includesDrafts: true,
                cities: body.cities.map((c) => ({ ...c, hasDrafts: c.slug === 'espoo' })),
              },
            }
          : { status: 200, body };
      },
      '/api/v1/cities': { cities: [] },
    });
    await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate?drafts=1',
      pattern: '/networks/:network/compare/:indicator',
    });
    await screen.findByTestId('drafts-notice');
    expect(screen.getByRole('radio', { name: 'Including drafts' })).toBeChecked();
    const table = screen.getByTestId('compare-table');
    expect(within(table).getByRole('row', { name: /Espoo/ })).toHaveTextContent('draft');
    expect(within(table).getByRole('row', { name: /Tallinn/ })).not.toHaveTextContent('draft');
    // The highlight choices say it too.
    expect(screen.getByRole('checkbox', { name: /Espoo.*draft/ })).toBeTruthy();
  });
});

describe('after signing in (item 6)', () => {
  const editor = editorSession().roles;
  it('editors land on their workspace, coordinators on their review queue, unless a page was asked for', () => {
    expect(afterSignIn(null, editor)).toBe('/cities/espoo/workspace');
    expect(afterSignIn('/?lang=fr', editor)).toBe('/cities/espoo/workspace');
    expect(afterSignIn(null, coordinator.roles)).toBe('/networks/demo-net/review');
    expect(afterSignIn('/cities/kosice', coordinator.roles)).toBe('/cities/kosice');
    expect(afterSignIn('//evil.example', coordinator.roles)).toBe('/networks/demo-net/review');
    expect(afterSignIn(null, [])).toBe('/');
  });

  it('the sign-in form takes an editor to their workspace', async () => {
    fakeApi({
      '/api/v1/auth/session': visitor,
      '/api/v1/auth/sign-in': () => ({ status: 200, body: editorSession() }),
    });
    const { router } = await renderPage(SignInPage, {
      path: '/sign-in?lang=en',
      pattern: '/sign-in',
      also: { '/cities/:city/workspace': () => <p>Workspace</p> },
    });
    await userEvent.type(await screen.findByLabelText('Email'), 'officer@espoo.fi');
    await userEvent.type(screen.getByLabelText('Password'), 'secret words');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Workspace');
    expect(router.state.location.pathname).toBe('/cities/espoo/workspace');
  });
});

describe('the workspace says why a year came back (item 6)', () => {
  it('shows the coordinator’s return comment at the top, and opens that year’s review', async () => {
    const reviews: CityReviews = {
      network: { slug: 'demo-net', name: 'Demo network' },
      city: { slug: 'espoo', name: 'Espoo' },
      years: [
        {
          year: 2024,
          state: 'returned',
          locked: false,
          steps: ['submit'],
          values: 2,
          published: 0,
          submittedAt: '2025-03-01T09:00:00.000Z',
          submittedBy: 'Espoo officer',
          decidedAt: '2025-03-02T10:15:00.000Z',
          decidedBy: 'Coordinator',
          approvedAt: null,
          comments: 3,
        },
      ],
      comments: [
        {
          id: 1,
          year: 2024,
          indicator: null,
          author: 'Coordinator',
          body: 'An older remark.',
          at: '2025-02-01T10:00:00.000Z',
        },
        {
          id: 2,
          year: 2024,
          indicator: null,
          author: 'Coordinator',
          body: 'The recycling rate doubled: please check the source.',
          at: '2025-03-02T10:15:00.000Z',
        },
        {
          id: 3,
          year: 2024,
          indicator: 'municipal-waste-recycling-rate',
          author: 'Coordinator',
          body: 'Source?',
          at: '2025-03-02T10:14:00.000Z',
        },
      ],
      you: { canSubmit: true, canDecide: false },
    };
    fakeApi(workspaceRoutes({ '/api/v1/networks/demo-net/cities/espoo/reviews': reviews }));
    const { router } = await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    const notice = await screen.findByTestId('returned-notice');
    expect(
      within(notice).getByRole('heading', { name: 'Returned for corrections: 2024' }),
    ).toBeTruthy();
    expect(notice).toHaveTextContent('2024 was returned by Coordinator on 2 Mar 2025');
    expect(notice).toHaveTextContent('The recycling rate doubled: please check the source.');
    expect(notice).not.toHaveTextContent('An older remark.');
    expect(notice).toHaveTextContent('There is also 1 comment on its values.');
    await userEvent.click(within(notice).getByRole('button', { name: 'Open the review of 2024' }));
    await waitFor(() => expect(router.state.location.search).toContain('tab=review'));
    expect(screen.getByRole('tab', { name: 'Review' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('recent changes are readable (item 7)', () => {
  const events: HistoryEvent[] = [
    {
      id: 5,
      at: '2026-11-30T19:35:53.210Z',
      actor: 'Coordinator',
      action: 'review.return',
      entity: 'espoo/demo-net/2025',
      before: { state: 'submitted' },
      after: { state: 'returned', values: 37 },
      comment: 'Check the NEET rate.',
      importId: null,
    },
    {
      id: 4,
      at: '2026-11-30T19:35:52.491Z',
      actor: 'Espoo officer',
      action: 'ambition.updated',
      entity: 'espoo/municipal-waste-recycling-rate',
      before: { baselineYear: 2015, baselineValue: 32.8, targetYear: 2030, targetValue: 50 },
      after: { baselineYear: 2015, baselineValue: 32.8, targetYear: 2030, targetValue: 55.5 },
      comment: null,
      importId: null,
    },
    {
      id: 3,
      at: '2026-11-30T19:35:52.108Z',
      actor: 'Espoo officer',
      action: 'observation.updated',
      entity: 'espoo/municipal-waste-recycling-rate/2025',
      before: { value: 19.8 },
      after: { value: 13.5 },
      comment: null,
      importId: null,
    },
    {
      id: 2,
      at: '2026-11-30T19:35:30.078Z',
      actor: 'system',
      action: 'import.committed',
      entity: 'import/1/espoo',
      before: null,
      after: { updated: 0, inserted: 30 },
      comment: null,
      importId: 1,
    },
  ];
  const indicators = [indicatorDefinition()];
  const networks = new Map([['demo-net', 'Demo network']]);

  function Feed() {
    return (
      <HistoryList
        events={events}
        locale="de"
        indicators={indicators}
        networks={networks}
        showEntity
      />
    );
  }

  it('names indicators and units, formats numbers in the reader’s locale, translates states, shows ambitions before → after', async () => {
    fakeApi({});
    await renderPage(Feed, { path: '/', pattern: '/', language: 'de' });
    const table = await screen.findByTestId('history-table');
    const text = table.textContent ?? '';
    expect(text).not.toMatch(/espoo\/|import\/1/);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Prüfung 2025');
    expect(rows[0]).toHaveTextContent('Eingereicht');
    expect(rows[0]).toHaveTextContent('Zurückgegeben');
    expect(rows[1]).toHaveTextContent('Zielsetzung: Municipal waste recycling rate');
    expect(rows[1]).toHaveTextContent('50,0 % bis 2030 (Ausgangswert 32,8 % in 2015)');
    expect(rows[1]).toHaveTextContent('55,5 % bis 2030 (Ausgangswert 32,8 % in 2015)');
    expect(rows[2]).toHaveTextContent('Municipal waste recycling rate (%), 2025');
    expect(rows[2]).toHaveTextContent('19,8 %');
    expect(rows[2]).toHaveTextContent('13,5 %');
    expect(rows[3]).toHaveTextContent('Import Nr. 1');
    expect(rows[3]).toHaveTextContent('30 neu, 0 geändert');
    expect(rows[3]).toHaveTextContent('30.11.2026');
  });
});
