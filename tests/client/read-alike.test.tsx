import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { GoalDetailResponse } from '../../server/src/schemas/sdg.schema';
import { CityBriefPage } from '../../client/src/app/routes/city-brief-page';
import { CityGoalPage } from '../../client/src/app/routes/city-goal-page';
import { CityPage } from '../../client/src/app/routes/city-page';
import { YearSelect } from '../../client/src/components/ui/year-select';
import {
  dateLocale,
  formatDateTime,
  formatStored,
  storedDecimals,
} from '../../client/src/lib/format';
import { goal, goalList, goal11 } from './fixtures';
import { cityProgress, indicatorProgress } from './progress-fixtures';
import { fakeApi, renderPage } from './render';

/** Issue 17, item 18: numbers, dates, titles and the year select read the same way everywhere. */

describe('stored values keep their decimals (18d)', () => {
  it('shows a German 40,5 stored for a whole-number indicator as 40,5, not 41', () => {
    expect(formatStored(40.5, 'de', 0)).toBe('40,5');
    expect(formatStored(41, 'de', 0)).toBe('41');
    expect(formatStored(12.5, 'en', 2)).toBe('12.50');
    expect(storedDecimals(0.123456, 1)).toBe(4);
  });
});

describe('stored values on the public pages keep their decimals (18d)', () => {
  it('the city’s indicator table shows a stored 40.5 of a whole-number indicator as 40,5', async () => {
    const progress = cityProgress(3);
    progress.indicators[0] = indicatorProgress({
      ...progress.indicators[0],
      name: 'Indicator 01',
      unit: 'beds',
      decimals: 0,
      latest: { year: 2023, value: 40.5 },
    });
    fakeApi({
      '/api/v1/cities/espoo/progress': progress,
      '/api/v1/sdg/goals': goalList('de'),
    });
    await renderPage(CityPage, { path: '/cities/espoo', pattern: '/cities/:city', language: 'de' });
    const table = await screen.findByTestId('indicator-table');
    const row = within(table)
      .getByRole('rowheader', { name: /Indicator 01/ })
      .closest('tr')!;
    expect(row).toHaveTextContent('40,5 beds');
    expect(row).not.toHaveTextContent(/\b41 beds/);
  });
});

describe('dates in the reader’s locale, English day first (18e)', () => {
  it('formats English dates as in Europe', () => {
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('de')).toBe('de');
    expect(formatDateTime('2026-11-30T19:35:00', 'en')).toMatch(/^30 Nov 2026/);
    expect(formatDateTime('2026-11-30T19:35:00', 'de')).toMatch(/^30\.11\.2026/);
  });
});

describe('a goal page names every target its indicators measure (18b)', () => {
  it('loads the titles of targets of other goals (Košice goal 3: 11.2 and 11.6)', async () => {
    const progress = cityProgress(17);
    progress.city = { slug: 'kosice', name: 'Košice', countryCode: 'SK' };
    progress.indicators = [
      indicatorProgress({
        slug: 'road-traffic-deaths',
        name: 'Road traffic deaths',
        goal: 3,
        sdgLinks: [
          { target: '3.6', indicator: null },
          { target: '11.2', indicator: null },
        ],
      }),
      indicatorProgress({
        slug: 'no2-annual-mean',
        name: 'Annual mean NO2',
        goal: 3,
        sdgLinks: [
          { target: '3.9', indicator: null },
          { target: '11.6', indicator: null },
        ],
      }),
    ];
    progress.goals[2] = { ...progress.goals[2]!, indicatorCount: 2 };
    const target = (code: string, title: string) => ({
      code,
      goal: Number(code.split('.')[0]),
      title,
      titleLanguage: 'en',
      note: null,
      indicators: [],
      linkedIndicators: [],
    });
    const goal3: GoalDetailResponse = {
      language: 'en',
      goal: goal(3),
      targets: [
        target('3.6', 'Halve road traffic deaths'),
        target('3.9', 'Reduce deaths from pollution'),
      ],
    };
    const eleven: GoalDetailResponse = {
      ...goal11,
      targets: [...goal11.targets, target('11.2', 'Safe, affordable transport for all')],
    };
    const fetchMock = fakeApi({
      '/api/v1/cities/kosice/progress': progress,
      '/api/v1/sdg/goals/3': goal3,
      '/api/v1/sdg/goals/11': eleven,
    });
    await renderPage(CityGoalPage, {
      path: '/cities/kosice/goals/3',
      pattern: '/cities/:city/goals/:goal',
    });
    const heading = await screen.findByRole('heading', {
      name: 'SDG targets these indicators measure',
    });
    const list = heading.parentElement!.querySelector('ul')!;
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.firstChild?.textContent),
      ).toEqual(['Target 3.6', 'Target 3.9', 'Target 11.2', 'Target 11.6']),
    );
    await waitFor(() =>
      expect(list).toHaveTextContent('Target 11.2 Safe, affordable transport for all'),
    );
    expect(list).toHaveTextContent(
      'Target 11.6 By 2030, reduce the adverse per capita environmental impact of cities',
    );
    // Goal 11 asked once, for both of its targets.
    const asked = fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://x').pathname);
    expect(asked.filter((p) => p === '/api/v1/sdg/goals/11')).toHaveLength(1);
  });
});

describe('the brief says which years its data come from (18c)', () => {
  it('gives the span of the latest values, not the network’s reference year', async () => {
    const progress = cityProgress(6);
    progress.year = 2025; // the latest year with any value in the city's networks
    progress.indicators = progress.indicators.map((i, n) =>
      indicatorProgress({ ...i, latest: { year: n % 2 === 0 ? 2023 : 2024, value: 38 } }),
    );
    fakeApi({
      '/api/v1/cities/espoo/progress': progress,
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(CityBriefPage, {
      path: '/cities/espoo/brief',
      pattern: '/cities/:city/brief',
    });
    const header = (await screen.findByRole('heading', { level: 1 })).parentElement!;
    expect(header).toHaveTextContent('Latest data 2023–2024');
    expect(header).not.toHaveTextContent('2025');
    expect(within(screen.getByTestId('headline')).getByText('2023–2024')).toBeVisible();
  });

  it('names a chosen year as the reference year, with the data’s own years', async () => {
    const progress = cityProgress(6);
    progress.year = 2022;
    progress.indicators = progress.indicators.map((i) =>
      indicatorProgress({ ...i, latest: { year: 2021, value: 38 } }),
    );
    fakeApi({
      '/api/v1/cities/espoo/progress': progress,
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(CityBriefPage, {
      path: '/cities/espoo/brief?year=2022',
      pattern: '/cities/:city/brief',
      language: 'de',
    });
    const header = (await screen.findByRole('heading', { level: 1 })).parentElement!;
    expect(header).toHaveTextContent('Bezugsjahr 2022, neueste Daten 2021');
  });
});

/** A page that shows a skeleton while the chosen year loads, as the city pages do. */
function LoadingPage(): ReactNode {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  if (loading) return <p>Loading…</p>;
  return (
    <YearSelect
      year={year}
      years={[2021, 2022, 2023]}
      onChange={(y) => {
        setYear(y);
        setLoading(true);
        setTimeout(() => setLoading(false), 20);
      }}
    />
  );
}

describe('the year select keeps the keyboard focus (18f)', () => {
  it('takes the focus back when the page draws it again after loading the year', async () => {
    await renderPage(LoadingPage, { path: '/', pattern: '/' });
    const select = screen.getByLabelText('Data year');
    // The keyboard changes a focused select's value (arrow keys) and fires a change.
    select.focus();
    fireEvent.change(select, { target: { value: '2022' } });
    expect(screen.queryByLabelText('Data year')).toBeNull(); // the skeleton replaced it
    await waitFor(() => expect(screen.getByLabelText('Data year')).toHaveValue('2022'));
    expect(document.activeElement).toBe(screen.getByLabelText('Data year'));
    expect(document.activeElement).not.toBe(document.body);
  });

  it('does not take the focus when the year was changed without it (a link, the back button)', async () => {
    await renderPage(LoadingPage, { path: '/', pattern: '/' });
    const select = screen.getByLabelText('Data year');
    act(() => {
      select.blur();
    });
    // A change fired while the focus is elsewhere.
    await act(async () => {
      (select as HTMLSelectElement).value = '2021';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 60));
    });
    expect(screen.getByLabelText('Data year')).toHaveValue('2021');
    expect(document.activeElement).toBe(document.body);
  });
});
