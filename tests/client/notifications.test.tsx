import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Layout } from '../../client/src/app/layout';
import { NotificationsPage } from '../../client/src/app/routes/notifications-page';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import type { Session } from '../../client/src/features/auth/api/auth-api';
import type { Notification } from '../../client/src/features/notifications/api/notifications-api';
import { NotificationsLink } from '../../client/src/features/notifications/components/notifications-link';
import { formatDateTime } from '../../client/src/lib/format';
import { signedOutSession } from './fixtures';
import { fakeApi, renderPage, type FakeRequest } from './render';
import { workspaceRoutes, YEAR } from './workspace-fixtures';
import type { CityReviews } from '../../server/src/schemas/review.schema';

const coordinator: Session = {
  user: { id: 4, email: 'coordinator@ggc.example', displayName: 'Anna Coordinator' },
  roles: [
    {
      id: 1,
      role: 'coordinator',
      network: { slug: 'ggc', name: 'Global Goals for Cities' },
      city: null,
    },
  ],
  csrfToken: 'csrf-token',
  expiresAt: '2099-01-01T00:00:00.000Z',
  idleTimeoutSeconds: 1800,
  heldBackRoles: [],
  secondFactorChallenge: null,
};

const GGC = { slug: 'ggc', name: 'Global Goals for Cities' };

/** Newest first, as the server sends them. */
const ITEMS: Notification[] = [
  {
    id: 12,
    kind: 'review.submitted',
    network: GGC,
    city: { slug: 'espoo', name: 'Espoo' },
    year: 2025,
    actor: 'Eero Editor',
    comment: null,
    at: '2026-03-04T09:30:00.000Z',
    read: false,
  },
  {
    id: 11,
    kind: 'review.returned',
    network: GGC,
    city: { slug: 'kosice', name: 'Košice' },
    year: 2025,
    actor: 'Anna Coordinator',
    comment: 'PM2.5 for 2025 looks like the 2024 value.',
    at: '2026-03-03T15:00:00.000Z',
    read: false,
  },
  {
    id: 10,
    kind: 'review.approved',
    network: GGC,
    city: { slug: 'kosice', name: 'Košice' },
    year: 2024,
    actor: 'Anna Coordinator',
    comment: null,
    at: '2026-02-01T08:00:00.000Z',
    read: true,
  },
];

/**
 * A fake notifications API with state: marking read changes what the list
 * and the count answer next. Records every POST.
 */
function notificationsApi(items: Notification[] = ITEMS) {
  const state = items.map((n) => ({ ...n }));
  const posts: { path: string; body: unknown }[] = [];
  const unread = () => state.filter((n) => !n.read).length;
  const fetchMock = fakeApi({
    '/api/v1/auth/session': coordinator,
    '/api/v1/notifications/unread': () => ({ status: 200, body: { unread: unread() } }),
    '/api/v1/notifications': (url: URL) => ({
      status: 200,
      body: {
        unread: unread(),
        items: url.searchParams.get('unread') === 'true' ? state.filter((n) => !n.read) : state,
      },
    }),
    '/api/v1/notifications/read-all': (url: URL, request: FakeRequest) => {
      posts.push({ path: url.pathname, body: request.body });
      for (const n of state) n.read = true;
      return { status: 200, body: { unread: 0 } };
    },
    ...Object.fromEntries(
      state.map((n) => [
        `/api/v1/notifications/${n.id}/read`,
        (url: URL, request: FakeRequest) => {
          posts.push({ path: url.pathname, body: request.body });
          n.read = true;
          return { status: 200 as const, body: { unread: unread() } };
        },
      ]),
    ),
  });
  return { fetchMock, posts };
}

function Landing() {
  return <h1>Landing page</h1>;
}

/** A page the item leads to, under the same header (the app's layout keeps it). */
function LandingWithHeader() {
  return (
    <>
      <NotificationsLink />
      <h1>Landing page</h1>
    </>
  );
}

/** The header's link and the page together, as the app shows them. */
function HeaderAndPage() {
  return (
    <>
      <NotificationsLink />
      <NotificationsPage />
    </>
  );
}

const calls = (fetchMock: ReturnType<typeof fakeApi>): string[] =>
  fetchMock.mock.calls.map((c) => String(c[0]));

describe('the header’s notifications link', () => {
  it('shows the unread count as a number and says it in the link’s name', async () => {
    notificationsApi();
    await renderPage(Layout, { path: '/', pattern: '/' });
    const link = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(link).toHaveAttribute('href', '/notifications?lang=en');
    expect(within(link).getByTestId('notifications-badge')).toHaveTextContent('2');
    // Beside the account menu, inside the header.
    expect(link.closest('header')).not.toBeNull();
  });

  it('has no badge when all is read, and says so in its name', async () => {
    notificationsApi(ITEMS.map((n) => ({ ...n, read: true })));
    await renderPage(Layout, { path: '/', pattern: '/' });
    const link = await screen.findByRole('link', { name: 'Notifications, none unread' });
    expect(within(link).queryByTestId('notifications-badge')).toBeNull();
  });

  it('is not there for a visitor who is not signed in, and asks for nothing', async () => {
    const fetchMock = fakeApi({ '/api/v1/auth/session': signedOutSession });
    await renderPage(Layout, { path: '/', pattern: '/' });
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(screen.queryByTestId('notifications-link')).toBeNull();
    expect(calls(fetchMock).some((p) => p.startsWith('/api/v1/notifications'))).toBe(false);
  });

  it('says the count in German', async () => {
    notificationsApi();
    await renderPage(Layout, { path: '/', pattern: '/', language: 'de' });
    expect(
      await screen.findByRole('link', { name: 'Benachrichtigungen, 2 ungelesen' }),
    ).toBeVisible();
  });
});

describe('the notifications page', () => {
  it('lists newest first, one sentence per step with its comment and date, unread ones marked in words', async () => {
    notificationsApi();
    await renderPage(NotificationsPage, { path: '/notifications', pattern: '/notifications' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const items = await screen.findAllByTestId('notification');
    expect(items.map((li) => within(li).getByRole('link').textContent)).toEqual([
      'Eero Editor submitted Espoo’s 2025 figures in Global Goals for Cities for review',
      'Anna Coordinator returned Košice’s 2025 figures in Global Goals for Cities',
      'Anna Coordinator approved Košice’s 2024 figures in Global Goals for Cities',
    ]);
    expect(items[1]).toHaveTextContent(
      'Anna Coordinator returned Košice’s 2025 figures in Global Goals for Cities: “PM2.5 for 2025 looks like the 2024 value.”',
    );
    // Unread: said in words (not only bold or a colour); read: not.
    expect(within(items[0]!).getByText('Unread')).toBeVisible();
    expect(within(items[1]!).getByText('Unread')).toBeVisible();
    expect(within(items[2]!).queryByText('Unread')).toBeNull();
    // The date in the reader's locale, machine-readable too.
    const time = items[0]!.querySelector('time')!;
    expect(time).toHaveAttribute('datetime', '2026-03-04T09:30:00.000Z');
    expect(time).toHaveTextContent(formatDateTime('2026-03-04T09:30:00.000Z', 'en'));
    expect(time.textContent).toMatch(/4 Mar 2026/);
    expect(screen.getByText('2 unread notifications')).toBeVisible();
  });

  it('links a submission to the review queue and a return to the review of that year', async () => {
    notificationsApi();
    await renderPage(NotificationsPage, { path: '/notifications', pattern: '/notifications' });
    const items = await screen.findAllByTestId('notification');
    expect(within(items[0]!).getByRole('link')).toHaveAttribute(
      'href',
      '/networks/ggc/review?lang=en',
    );
    expect(within(items[1]!).getByRole('link')).toHaveAttribute(
      'href',
      '/cities/kosice/workspace?network=ggc&tab=review&year=2025&lang=en',
    );
  });

  it('opening an item marks it read: the header’s count drops and the reader is where to act', async () => {
    const { posts } = notificationsApi();
    const { router } = await renderPage(HeaderAndPage, {
      path: '/notifications',
      pattern: '/notifications',
      also: { '/networks/:network/review': LandingWithHeader },
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' })).toBeVisible();
    const items = await screen.findAllByTestId('notification');
    await userEvent.click(within(items[0]!).getByRole('link'));
    expect(await screen.findByRole('heading', { name: 'Landing page' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/networks/ggc/review');
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
    expect(posts).toEqual([{ path: '/api/v1/notifications/12/read', body: {} }]);
  });

  it('opening an item by keyboard marks it read and lowers the count', async () => {
    const { posts } = notificationsApi();
    await renderPage(HeaderAndPage, {
      path: '/notifications',
      pattern: '/notifications',
      also: { '/cities/:city/workspace': LandingWithHeader },
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 2 unread' })).toBeVisible();
    const items = await screen.findAllByTestId('notification');
    // Tab order: the header link, the filter, "Mark all as read", then the items.
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'Notifications, 2 unread' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('checkbox', { name: 'Only unread' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toHaveFocus();
    await userEvent.tab();
    await userEvent.tab();
    expect(within(items[1]!).getByRole('link')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
    expect(posts).toEqual([{ path: '/api/v1/notifications/11/read', body: {} }]);
  });

  it('opening an item already read sends nothing', async () => {
    const { posts } = notificationsApi();
    await renderPage(NotificationsPage, {
      path: '/notifications',
      pattern: '/notifications',
      also: { '/cities/:city/workspace': Landing },
    });
    const items = await screen.findAllByTestId('notification');
    await userEvent.click(within(items[2]!).getByRole('link'));
    expect(await screen.findByRole('heading', { name: 'Landing page' })).toBeVisible();
    expect(posts).toEqual([]);
  });

  it('"Only unread" asks the server for the unread ones and keeps the choice in the URL', async () => {
    const { fetchMock } = notificationsApi();
    const { router } = await renderPage(NotificationsPage, {
      path: '/notifications',
      pattern: '/notifications',
    });
    expect(await screen.findAllByTestId('notification')).toHaveLength(3);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only unread' }));
    await waitFor(() => expect(screen.getAllByTestId('notification')).toHaveLength(2));
    expect(router.state.location.search).toContain('unread=true');
    expect(calls(fetchMock)).toContain('/api/v1/notifications?unread=true&limit=50');
    expect(screen.queryByText('Anna Coordinator approved', { exact: false })).toBeNull();
  });

  it('"Mark all as read" marks them all, says so, and then the unread filter is empty', async () => {
    const { posts } = notificationsApi();
    await renderPage(HeaderAndPage, { path: '/notifications', pattern: '/notifications' });
    expect(await screen.findAllByTestId('notification')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('All notifications are marked as read.')).toBeVisible();
    expect(posts).toEqual([{ path: '/api/v1/notifications/read-all', body: {} }]);
    expect(
      await screen.findByRole('link', { name: 'Notifications, none unread' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Unread')).toBeNull());
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Only unread' }));
    expect(await screen.findByText('No unread notifications.')).toBeVisible();
  });

  it('says when there is nothing yet', async () => {
    notificationsApi([]);
    await renderPage(NotificationsPage, { path: '/notifications', pattern: '/notifications' });
    expect(await screen.findByText(/^No notifications yet\./)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
  });

  it('asks a visitor who is not signed in to sign in first', async () => {
    fakeApi({ '/api/v1/auth/session': signedOutSession });
    await renderPage(NotificationsPage, { path: '/notifications', pattern: '/notifications' });
    expect(await screen.findByText('Sign in to see your notifications.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fnotifications&lang=en',
    );
  });

  it('reads in French: the sentence, the comment in guillemets and the date', async () => {
    notificationsApi();
    await renderPage(NotificationsPage, {
      path: '/notifications',
      pattern: '/notifications',
      language: 'fr',
    });
    const items = await screen.findAllByTestId('notification');
    expect(items[1]).toHaveTextContent(
      'Anna Coordinator a renvoyé les chiffres 2025 pour Košice (réseau Global Goals for Cities) : « PM2.5 for 2025 looks like the 2024 value. »',
    );
    expect(within(items[0]!).getByText('Non lue')).toBeVisible();
    expect(items[0]!.querySelector('time')!.textContent).toMatch(/4 mars 2026/);
  });
});

describe('a review step in the workspace', () => {
  const period = (state: 'submitted' | 'draft'): CityReviews['years'][number] => ({
    year: YEAR,
    state,
    locked: state === 'submitted',
    steps: state === 'submitted' ? ['withdraw'] : ['submit'],
    values: 4,
    published: 0,
    submittedAt: state === 'submitted' ? '2026-03-04T09:30:00.000Z' : null,
    submittedBy: state === 'submitted' ? 'Espoo officer' : null,
    decidedAt: null,
    decidedBy: null,
    approvedAt: null,
    comments: 0,
  });

  function HeaderAndWorkspace() {
    return (
      <>
        <NotificationsLink />
        <WorkspacePage />
      </>
    );
  }

  it('refreshes the header’s count (a step may answer a notification); the linked year is highlighted', async () => {
    let unread = 1;
    let state: 'submitted' | 'draft' = 'submitted';
    const fetchMock = fakeApi(
      workspaceRoutes({
        '/api/v1/networks/demo-net/cities/espoo/reviews': () => ({
          status: 200,
          body: {
            network: { slug: 'demo-net', name: 'Demo network' },
            city: { slug: 'espoo', name: 'Espoo' },
            years: [period(state)],
            comments: [],
            you: { canSubmit: true, canDecide: false },
          },
        }),
        [`/api/v1/networks/demo-net/cities/espoo/reviews/${YEAR}/withdraw`]: () => {
          state = 'draft';
          unread = 0;
          return { status: 200, body: period('draft') };
        },
        '/api/v1/notifications/unread': () => ({ status: 200, body: { unread } }),
      }),
    );
    await renderPage(HeaderAndWorkspace, {
      path: `/cities/espoo/workspace?network=demo-net&tab=review&year=${YEAR}`,
      pattern: '/cities/:city/workspace',
    });
    expect(await screen.findByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
    const table = await screen.findByTestId('review-table');
    expect(
      within(table)
        .getByRole('rowheader', { name: String(YEAR) })
        .closest('tr'),
    ).toHaveClass('highlight');
    await userEvent.click(within(table).getByRole('button', { name: `Withdraw ${YEAR}` }));
    expect(await screen.findByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
    expect(
      calls(fetchMock).filter((p) => p === '/api/v1/notifications/unread').length,
    ).toBeGreaterThan(1);
  });
});
