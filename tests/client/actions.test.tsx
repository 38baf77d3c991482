import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { IndicatorProgress } from '../../server/src/schemas/progress.schema';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { CityPage } from '../../client/src/app/routes/city-page';
import { GoodPracticesPage } from '../../client/src/app/routes/good-practices-page';
import { ActionsPanel } from '../../client/src/features/actions/components/actions-panel';
import { ActionQueue } from '../../client/src/features/actions/components/action-queue';
import {
  formatEffect,
  isBetter,
  otherCountedEffects,
  parseDecimal,
  parseTargets,
  previewGap,
  trajectoryGeometry,
} from '../../client/src/features/actions/utils/action-plan';
import { gapTableRows, presentSeries } from '../../client/src/features/progress/utils/gap-chart';
import { initI18n } from '../../client/src/lib/i18n/i18n';
import { action, goodPractice } from './action-fixtures';
import { goalList, signedOutSession } from './fixtures';
import {
  chartPoints,
  cityProgress,
  comparison,
  indicatorDetail,
  indicatorProgress,
  networkScores,
  peers,
} from './progress-fixtures';
import { fakeApi, renderPage, type FakeRequest } from './render';

const SLUG = 'municipal-waste-recycling-rate';

/** Recycling (projected 46.2 % in 2030, target 65 %) with one counted action of +6 pp. */
function withActionLayer(): IndicatorProgress {
  const base = indicatorProgress();
  return {
    ...base,
    actionGap: {
      ...base.actionGap!,
      withActions: {
        projectedValue: 52.2,
        remainingGap: 12.8,
        coverage: 6 / 18.8,
        actions: [7],
        counted: [7],
      },
    },
  };
}

describe('action-plan arithmetic', () => {
  it('previews the projection with the action and the remaining gap as the method says', () => {
    const base = {
      direction: 'increase' as const,
      targetValue: 65,
      targetYear: 2030,
      projectedValue: 46.2,
      otherEffects: [2],
      status: 'planned' as const,
    };
    const p = previewGap({ ...base, effect: { effect: 6, effectYear: 2028, realised: false } });
    expect(p.projectedValue).toBeCloseTo(54.2, 9);
    expect(p.remainingGap).toBeCloseTo(10.8, 9);
    expect(p.counts).toBe(true);
    // Ahead of the target: no gap remains, never a negative one.
    expect(
      previewGap({ ...base, effect: { effect: 30, effectYear: 2028, realised: false } })
        .remainingGap,
    ).toBe(0);
    // Not counted: after the target year, realised, or a cancelled action.
    for (const p2 of [
      previewGap({ ...base, effect: { effect: 6, effectYear: 2031, realised: false } }),
      previewGap({ ...base, effect: { effect: 6, effectYear: 2028, realised: true } }),
      previewGap({
        ...base,
        status: 'cancelled',
        effect: { effect: 6, effectYear: 2028, realised: false },
      }),
    ]) {
      expect(p2.counts).toBe(false);
      expect(p2.projectedValue).toBeCloseTo(48.2, 9);
    }
    // A decrease indicator: the gap is how far above the target the value stays.
    const down = previewGap({
      direction: 'decrease',
      targetValue: 10,
      targetYear: 2030,
      projectedValue: 14,
      otherEffects: [],
      status: 'planned',
      effect: { effect: -1.5, effectYear: 2030, realised: false },
    });
    expect(down.projectedValue).toBeCloseTo(12.5, 9);
    expect(down.remainingGap).toBeCloseTo(2.5, 9);
  });

  it('adds the other counted actions on the same indicator, never the edited one twice', () => {
    const a = action({ id: 1 });
    const b = action({ id: 2, effects: [{ ...action().effects[0]!, effect: 3 }] });
    const c = action({ id: 3, effects: [{ ...action().effects[0]!, indicator: 'other' }] });
    expect(otherCountedEffects([a, b, c], SLUG, [1, 2, 3], 1)).toEqual([3]);
    expect(otherCountedEffects([a, b, c], SLUG, [2], null)).toEqual([3]);
  });

  it('formats signed effects and parses what officers type', () => {
    expect(formatEffect({ effect: -2, unit: 'µg/m³', decimals: 1 }, 'en')).toBe(
      '\u22122.0\u00a0µg/m³',
    );
    expect(formatEffect({ effect: 5, unit: '%', decimals: 1 }, 'fr')).toBe('+5,0\u00a0pp');
    expect(parseDecimal('\u22122,5')).toBe(-2.5);
    expect(parseDecimal('-2.5')).toBe(-2.5);
    expect(parseDecimal('abc')).toBeNull();
    expect(parseTargets('11.6, 3.9;11.6')).toEqual(['11.6', '3.9']);
    expect(parseTargets('11.6, x')).toBeNull();
    expect(isBetter(-1, 'decrease')).toBe(true);
    expect(isBetter(0.2, 'decrease')).toBe(false);
    expect(isBetter(null, 'increase')).toBeNull();
  });

  it('splits a trajectory at the start year', () => {
    const g = trajectoryGeometry(goodPractice().trajectories[0]!.series, 2019, 200, 60)!;
    expect(g.before.split('L')).toHaveLength(3);
    expect(g.after.split('L')).toHaveLength(3);
    expect(g.dots.filter((d) => d.after)).toHaveLength(3);
  });

  it('shows the "with planned actions" column only when an action counts', () => {
    expect(presentSeries(chartPoints()).withActions).toBe(false);
    const points = chartPoints().map((p) => ({
      ...p,
      withActions: p.projected === null ? null : p.projected + (p.year === 2030 ? 6 : 0),
    }));
    expect(presentSeries(points).withActions).toBe(true);
    expect(gapTableRows([{ ...points[0]!, observed: null, required: null }])).toHaveLength(0);
  });
});

describe('indicator page', () => {
  it('draws and tells the path with planned actions, and lists the actions with their effect', async () => {
    const detail = indicatorDetail();
    detail.progress = withActionLayer();
    detail.chart = chartPoints().map((p) => ({
      ...p,
      withActions: p.projected === null ? null : p.year === 2030 ? 52.2 : p.projected,
    }));
    const peerList = peers();
    peerList.peers[0]!.actions = [
      {
        id: 3,
        title: 'Deposit return scheme',
        startYear: 2018,
        status: 'done',
        effect: 4,
        effectYear: 2020,
      },
    ];
    fakeApi({
      [`/api/v1/cities/espoo/indicators/${SLUG}/progress`]: detail,
      '/api/v1/cities/espoo/peers': peerList,
      '/api/v1/cities/espoo/actions': { actions: [action()] },
      '/api/v1/auth/session': signedOutSession,
    });
    await renderPage(CityIndicatorPage, {
      path: `/cities/espoo/indicators/${SLUG}`,
      pattern: '/cities/:city/indicators/:indicator',
    });
    const sentence = await screen.findByTestId('with-actions-sentence');
    expect(sentence).toHaveTextContent(
      'With the planned action the projected value is 52.2%; remaining gap 12.8% (32% of the gap covered).',
    );
    const table = screen.getByTestId('gap-table');
    expect(within(table).getByRole('columnheader', { name: 'With planned actions' })).toBeVisible();
    const lastRow = within(table).getAllByRole('row').at(-1)!;
    expect(lastRow).toHaveTextContent('52.2');

    const card = await screen.findByTestId('action-card');
    expect(card).toHaveTextContent('Door-to-door biowaste collection');
    expect(card).toHaveTextContent('In progress');
    expect(card).toHaveTextContent('Draft, not public yet');
    expect(card).toHaveTextContent('2024\u20132027');
    expect(card).toHaveTextContent(/\+6\.0\spp by 2028/);
    expect(card).toHaveTextContent('Environment services');
    expect(card).toHaveTextContent('€1,200,000');

    const peerActions = await screen.findByTestId('peer-actions');
    expect(peerActions).toHaveTextContent('Deposit return scheme');
    expect(peerActions).toHaveTextContent('+4.0');
  });
});

describe('city page', () => {
  it('sums up the plan and links the uncovered gaps to their indicator pages', async () => {
    fakeApi({
      '/api/v1/cities/espoo/progress': cityProgress(10),
      '/api/v1/sdg/goals': goalList(),
      '/api/v1/cities/espoo/actions': { actions: [action()] },
    });
    await renderPage(CityPage, { path: '/cities/espoo', pattern: '/cities/:city' });
    const summary = await screen.findByTestId('plan-summary');
    expect(summary).toHaveTextContent(
      'Action plan: 1 action. They are expected to close 12% of the total gap. 1 of 5 gaps have an action.',
    );
    const uncovered = screen.getByTestId('uncovered-gaps');
    const links = within(uncovered).getAllByRole('link');
    expect(links).toHaveLength(4);
    expect(links[0]).toHaveTextContent('Indicator 02');
    expect(links[0]).toHaveAttribute('href', '/cities/espoo/indicators/indicator-2?lang=en');
  });
});

async function renderPanel(progress: Map<string, IndicatorProgress>) {
  const i18n = await initI18n('en');
  await i18n.changeLanguage('en');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <ActionsPanel
            city="espoo"
            canEdit
            indicators={[
              { slug: SLUG, name: 'Municipal waste recycling rate', unit: '%', decimals: 1 },
              { slug: 'pm25', name: 'PM2.5', unit: 'µg/m³', decimals: 1 },
            ]}
            progress={progress}
          />
        ),
      },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('workspace actions tab', () => {
  it('creates an action with a live preview of the remaining gap, then announces it', async () => {
    const posted: unknown[] = [];
    let list = [action({ id: 7, title: 'Existing action' })];
    fakeApi({
      '/api/v1/cities/espoo/actions': (_url: URL, request: FakeRequest) => {
        if (request.method === 'POST') {
          posted.push(request.body);
          const created = action({ id: 2, title: 'Compost bins' });
          list = [...list, created];
          return { status: 201, body: created };
        }
        return { status: 200, body: { actions: list } };
      },
      [`/api/v1/cities/espoo/indicators/${SLUG}/progress`]: indicatorDetail(),
    });
    await renderPanel(new Map([[SLUG, withActionLayer()]]));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add an action' }));
    const form = screen.getByTestId('action-form');
    // Nothing typed yet: saving names the errors and focuses the first.
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    const title = within(form).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveFocus();
    expect(title).toHaveAccessibleDescription('Give the action a title.');
    await user.type(title, 'Compost bins');
    const effect = within(form).getByRole('textbox', { name: 'Expected effect (%)' });
    await user.type(effect, '4');
    // Projected 46.2 + the existing action's 6 + this one's 4 = 56.2; remaining 65 − 56.2 = 8.8.
    expect(within(form).getByTestId('action-preview')).toHaveTextContent(
      'Projected value in 2030 with this action: 56.2% (target 65.0%). Remaining gap: 8.8%.',
    );
    await user.clear(effect);
    await user.type(effect, '25');
    expect(within(form).getByTestId('preview-remaining')).toHaveTextContent(
      'Remaining gap: none, ahead of the target.',
    );
    await user.click(within(form).getByRole('button', { name: 'Add the action' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      title: 'Compost bins',
      status: 'planned',
      effects: [{ indicator: SLUG, effect: 25, effectYear: 2030, note: null, realised: false }],
    });
    expect(await screen.findByTestId('actions-status')).toHaveTextContent(
      '\u201cCompost bins\u201d added as a draft.',
    );
    expect(await screen.findByRole('heading', { name: 'Compost bins' })).toBeVisible();
  });

  it('shows the version stored meanwhile when a change is stale (412), and saves over it on request', async () => {
    const mine = action({ id: 1 });
    const theirs = action({ id: 1, title: 'Renamed by a colleague', etag: '"a1-2"' });
    const ifMatch: string[] = [];
    fakeApi({
      '/api/v1/cities/espoo/actions': { actions: [mine] },
      '/api/v1/actions/1': (_url: URL, request: FakeRequest) => {
        ifMatch.push(request.headers['if-match'] ?? '');
        return ifMatch.length === 1
          ? {
              status: 412,
              body: {
                error: {
                  code: 'precondition_failed',
                  message: 'Changed meanwhile',
                  details: { current: theirs },
                },
              },
            }
          : { status: 200, body: { ...mine, etag: '"a1-3"' } };
      },
    });
    await renderPanel(new Map([[SLUG, withActionLayer()]]));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /^Edit/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const conflict = await screen.findByTestId('action-conflict');
    expect(conflict).toHaveTextContent('Renamed by a colleague');
    await user.click(within(conflict).getByRole('button', { name: 'Save mine over it' }));
    await waitFor(() => expect(ifMatch).toEqual([mine.etag, theirs.etag]));
    expect(await screen.findByTestId('actions-status')).toHaveTextContent('saved');
  });
});

describe('workspace actions tab: the preview on the chart', () => {
  /** The recycling chart with a year between the latest (2023) and the target (2030), where the effects phase in. */
  function detailWithMidYear() {
    const detail = indicatorDetail();
    detail.progress = withActionLayer();
    const points = chartPoints();
    detail.chart = [
      ...points.slice(0, 3),
      { year: 2026, observed: null, required: 55, projected: 42, target: null },
      points[3]!,
    ].map((p) => ({ ...p, withActions: null }));
    return detail;
  }

  /** The preview table's cell in the "Preview: with this action" column for one year. */
  function previewCell(table: HTMLElement, year: string): string {
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const column = headers.indexOf('Preview: with this action');
    expect(column).toBeGreaterThan(0);
    const row = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('rowheader', { name: year }) !== null)!;
    return row.querySelectorAll('th, td')[column]!.textContent ?? '';
  }

  it('redraws the path with this action in the chart\u2019s table as the effect is typed, and says when there is no ambition', async () => {
    fakeApi({
      '/api/v1/cities/espoo/actions': { actions: [action({ id: 7, title: 'Existing action' })] },
      [`/api/v1/cities/espoo/indicators/${SLUG}/progress`]: detailWithMidYear(),
    });
    const pm25 = indicatorProgress({ slug: 'pm25', name: 'PM2.5', ambition: null });
    await renderPanel(
      new Map([
        [SLUG, withActionLayer()],
        ['pm25', pm25],
      ]),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add an action' }));
    const form = screen.getByTestId('action-form');
    const preview = within(form).getByRole('group', { name: 'Preview: with this action' });
    const figure = await within(preview).findByTestId('action-preview-chart');
    const table = within(figure).getByRole('table', {
      name: /Preview: with this action, Municipal waste recycling rate/,
    });
    // Before anything is typed: the existing action only (+6 pp by 2028, phased in from 2023):
    // 2026: 42 + 6 × 3/5 = 45.6; 2030: 46.2 + 6 = 52.2.
    expect(previewCell(table, '2023')).toBe('38.0');
    expect(previewCell(table, '2026')).toBe('45.6');
    expect(previewCell(table, '2030')).toBe('52.2');

    // This action: +4 pp by 2030, phased in from 2023 over seven years.
    // 2026: 42 + 6 × 3/5 + 4 × 3/7 = 47.31…; 2030: 46.2 + 6 + 4 = 56.2.
    await user.type(within(form).getByRole('textbox', { name: 'Expected effect (%)' }), '4');
    expect(previewCell(table, '2026')).toBe('47.3');
    expect(previewCell(table, '2030')).toBe('56.2');
    expect(within(preview).getByTestId('action-preview')).toHaveTextContent(
      'Projected value in 2030 with this action: 56.2% (target 65.0%). Remaining gap: 8.8%.',
    );
    // Due after the target year: not counted, the path is the other action's again.
    const year = within(form).getByRole('textbox', { name: 'Effect by year' });
    await user.clear(year);
    await user.type(year, '2031');
    expect(previewCell(table, '2030')).toBe('52.2');
    await user.clear(year);
    await user.type(year, '2029');
    // 2026: 42 + 3.6 + 4 × 3/6 = 47.6; 2030: 56.2 (in full from 2029 on).
    expect(previewCell(table, '2026')).toBe('47.6');
    expect(previewCell(table, '2030')).toBe('56.2');

    // An indicator without an ambition: no gap to close, and the form says so instead of a chart.
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Indicator 1' }), 'pm25');
    expect(within(form).queryByTestId('action-preview-chart')).toBeNull();
    expect(within(form).getByTestId('action-preview-none')).toHaveTextContent(
      'No preview: PM2.5 has no ambition (baseline and target) yet',
    );
  });
});

describe('city page: the largest gaps with the planned actions', () => {
  it('draws the path with planned actions in the small charts, keys it, and says it in words', async () => {
    const progress = cityProgress(10);
    const slug = progress.largestGaps[0]!;
    const indicator = progress.indicators.find((i) => i.slug === slug)!;
    const gap = indicator.actionGap!;
    indicator.actionGap = {
      ...gap,
      withActions: {
        projectedValue: gap.projectedValue! + 2,
        remainingGap: gap.gap! - 2,
        coverage: 2 / gap.gap!,
        actions: [7],
        counted: [7],
      },
    };
    progress.gapCharts = progress.gapCharts.map((c) =>
      c.indicator !== slug
        ? c
        : {
            ...c,
            points: c.points.map((p) => ({
              ...p,
              withActions: p.projected === null ? null : p.projected + 1,
            })),
          },
    );
    fakeApi({
      '/api/v1/cities/espoo/progress': progress,
      '/api/v1/sdg/goals': goalList(),
      '/api/v1/cities/espoo/actions': { actions: [action()] },
    });
    const { container } = await renderPage(CityPage, {
      path: '/cities/espoo',
      pattern: '/cities/:city',
    });
    const gaps = await screen.findByTestId('largest-gaps');
    const cards = within(gaps).getAllByRole('listitem');
    expect(cards[0]!.querySelector('.mini-gap__with-actions')).not.toBeNull();
    expect(cards[1]!.querySelector('.mini-gap__with-actions')).toBeNull();
    expect(within(cards[0]!).getByTestId('with-actions-sentence')).toHaveTextContent(
      /^With the planned action the projected value is/,
    );
    expect(within(cards[1]!).queryByTestId('with-actions-sentence')).toBeNull();
    expect(container.querySelector('[data-testid="mini-gap-legend"]')).toHaveTextContent(
      'With planned actions',
    );
  });
});

describe('coordinators\u2019 queue', () => {
  it('returns an action only with a comment', async () => {
    const steps: Array<{ path: string; body: unknown }> = [];
    const submitted = action({
      review: { state: 'submitted', comment: null, publishedAt: null, draft: true },
    });
    fakeApi({
      '/api/v1/networks/demo-net/actions': { actions: [submitted] },
      '/api/v1/actions/7/return': (url: URL, request: FakeRequest) => {
        steps.push({ path: url.pathname, body: request.body });
        return { status: 200, body: submitted };
      },
    });
    const i18n = await initI18n('en');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '*', element: <ActionQueue network="demo-net" /> }]);
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>,
    );
    const user = userEvent.setup();
    const returnButton = await screen.findByRole('button', { name: /Return with comment/ });
    await user.click(returnButton);
    const comment = screen.getByRole('textbox', { name: 'Comment (required to return)' });
    expect(comment).toHaveFocus();
    expect(comment).toHaveAccessibleDescription(
      'Say what should change before returning the action.',
    );
    expect(steps).toHaveLength(0);
    await user.type(comment, 'Give a source for the effect');
    await user.click(returnButton);
    await waitFor(() => expect(steps).toHaveLength(1));
    expect(steps[0]!.body).toEqual({ comment: 'Give a source for the effect' });
  });
});

describe('good-practice library', () => {
  it('shows each practice with its trajectory before and after, better or worse in words, and filters through the URL', async () => {
    const fetchMock = fakeApi({
      '/api/v1/networks/demo-net': {
        slug: 'demo-net',
        name: 'Demo network',
        description: '',
        dataKind: 'synthetic',
        citation: null,
        cityCount: 3,
        indicatorCount: 2,
        dataYears: null,
        goals: [],
        cities: [],
      },
      '/api/v1/networks/demo-net/scores': {
        ...networkScores(),
        indicators: [
          { ...comparison().indicator, slug: 'pm25-annual-mean', name: 'PM2.5 annual mean' },
        ],
      },
      '/api/v1/networks/demo-net/good-practices': {
        network: 'demo-net',
        goodPractices: [goodPractice()],
      },
      '/api/v1/auth/session': signedOutSession,
    });
    await renderPage(GoodPracticesPage, {
      path: '/networks/demo-net/good-practices',
      pattern: '/networks/:network/good-practices',
    });
    const trajectory = await screen.findByTestId('trajectory');
    // The same rate display as every page (issue 17, item 15).
    expect(trajectory).toHaveTextContent(/Before: \+0\.20\sµg\/m³ a year ✖\sworse/);
    expect(trajectory).toHaveTextContent(/From 2019: \u22121\.00\sµg\/m³ a year ✔\sbetter/);
    expect(within(trajectory).getAllByRole('row')).toHaveLength(6);
    expect(screen.getByTestId('good-practice-count')).toHaveTextContent('1 good practice');

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /SDG target/ }), 'x1');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('textbox', { name: /SDG target/ })).toHaveAccessibleDescription(
      /Enter one SDG target code/,
    );
    await user.clear(screen.getByRole('textbox', { name: /SDG target/ }));
    await user.type(screen.getByRole('textbox', { name: /SDG target/ }), '11.6');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain(
        '/api/v1/networks/demo-net/good-practices?target=11.6&lang=en',
      ),
    );
  });
});
