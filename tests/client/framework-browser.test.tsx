import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FrameworkPage } from '../../client/src/app/routes/framework-page';
import { GoalPage } from '../../client/src/app/routes/goal-page';
import { readableTextOn, contrastRatio } from '../../client/src/lib/colour';
import { fakeApi, renderPage } from './render';
import { goal11, goalList } from './fixtures';

describe('SDG framework browser', () => {
  it('shows the 17 goals as links, each named by number and title', async () => {
    const fetchMock = fakeApi({ '/api/v1/sdg/goals': goalList() });
    await renderPage(FrameworkPage, { path: '/sdg', pattern: '/sdg' });
    const list = await screen.findByRole('list', { name: 'The 17 Sustainable Development Goals' });
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(17);
    expect(links[10]).toHaveAccessibleName('Goal 11: Short title 11');
    expect(links[10]).toHaveAttribute('href', '/sdg/goals/11?lang=en');
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/sdg/goals?lang=en');
    expect(document.title).toBe('The UN SDG framework · SDG City Monitor');
  });

  it('asks the API for French titles and shows French text when the language is French', async () => {
    const fetchMock = fakeApi({ '/api/v1/sdg/goals': goalList('fr') });
    await renderPage(FrameworkPage, { path: '/sdg?lang=fr', pattern: '/sdg', language: 'fr' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Le cadre des ODD de l\u2019ONU' }),
    ).toBeVisible();
    expect(
      await screen.findByRole('link', { name: 'Objectif 1 : Objectif court 1' }),
    ).toBeVisible();
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/sdg/goals?lang=fr');
  });

  it('shows the server\u2019s message and a retry button when loading fails, and recovers on retry', async () => {
    let calls = 0;
    fakeApi({
      '/api/v1/sdg/goals': () =>
        ++calls === 1
          ? {
              status: 503,
              body: {
                error: { code: 'service_unavailable', message: 'The database is unavailable.' },
              },
            }
          : { status: 200, body: goalList() },
    });
    await renderPage(FrameworkPage, { path: '/sdg', pattern: '/sdg' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The database is unavailable.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('goal-tile')).toHaveLength(17);
  });

  it('shows a goal\u2019s targets, their indicators, notes and linked network indicators', async () => {
    fakeApi({ '/api/v1/sdg/goals/11': goal11 });
    await renderPage(GoalPage, { path: '/sdg/goals/11', pattern: '/sdg/goals/:goal' });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'Sustainable cities and communities',
    );
    expect(screen.getByRole('link', { name: '11.6.2' })).toHaveAttribute(
      'href',
      '/sdg/indicators/11.6.2?lang=en',
    );
    expect(screen.getByText('No indicator for this target.')).toBeVisible();
    expect(screen.getByText(/No suitable replacement indicator/)).toBeVisible();
    expect(screen.getByText(/Annual mean PM2.5 concentration/)).toBeVisible();
  });

  it('says "not found" without a retry button for an unknown goal', async () => {
    fakeApi({
      '/api/v1/sdg/goals/99': () => ({
        status: 404,
        body: { error: { code: 'not_found', message: 'There is no SDG 99.' } },
      }),
    });
    await renderPage(GoalPage, { path: '/sdg/goals/99', pattern: '/sdg/goals/:goal' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found');
    expect(alert).toHaveTextContent('There is no SDG 99.');
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});

describe('goal tile text colour', () => {
  it('reaches 4.5:1 contrast on every official SDG colour', () => {
    for (const { colour } of goalList().goals) {
      expect(contrastRatio(colour, readableTextOn(colour))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
