import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { ComparePage } from '../../client/src/app/routes/compare-page';
import { MethodologyPage } from '../../client/src/app/routes/methodology-page';
import { ChartTooltipContent } from '../../client/src/components/charts/chart-tooltip';
import { PeersPanel } from '../../client/src/features/progress/components/peers-panel';
import { comparison, indicatorDetail, indicatorProgress, peers } from './progress-fixtures';
import { fakeApi, renderPage } from './render';

/**
 * Issue 17, items 15–17: rates read the same way on every page, jargon comes
 * with its unit and explanation, and the charts name themselves and show only
 * real series in their tooltips.
 */

/** PM2.5: lower is better; the city and its peers lowered it. */
function pm25Peers() {
  const data = peers();
  data.indicator = {
    ...data.indicator,
    slug: 'pm25-annual-mean',
    name: 'PM2.5 annual mean',
    unit: 'µg/m³',
    direction: 'decrease',
  };
  // The API's improvement is "growth in the desired direction": positive = falling PM2.5.
  data.cityImprovement = 0.03;
  data.peers[0]!.improvement = 0.075;
  return data;
}

function pm25Comparison() {
  const data = comparison();
  data.indicator = {
    ...data.indicator,
    slug: 'pm25-annual-mean',
    name: 'PM2.5 annual mean',
    unit: 'µg/m³',
    direction: 'decrease',
    bestBound: 5,
    worstBound: 30,
  };
  // Falling PM2.5: the observed rate is in the data's own direction (−7.2 % a year).
  for (const city of data.cities) city.observedRate = -0.072;
  data.cities[2]!.observedRate = 0.02;
  return data;
}

function PeersOnly(): ReactNode {
  const { indicator = '' } = useParams();
  return <PeersPanel city="espoo" indicator={indicator} year={undefined} />;
}

const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('one sign convention for rates (item 15)', () => {
  it('peers show a falling PM2.5 as a fall, with "better" in words', async () => {
    fakeApi({ '/api/v1/cities/espoo/peers': pm25Peers() });
    await renderPage(PeersOnly, {
      path: '/cities/espoo/indicators/pm25-annual-mean',
      pattern: '/cities/:city/indicators/:indicator',
    });
    const list = await screen.findByTestId('peers');
    const rate = list.querySelector('.rate-change')!;
    expect(text(rate)).toBe('\u22127.5% a year \u2714 better');
    expect(rate).toHaveAttribute('data-verdict', 'better');
    // The city's own rate, in the line above the list, the same way.
    expect(
      screen.getByText(/This city:/).parentElement!.querySelector('.rate-change'),
    ).toHaveTextContent('\u22123.0% a year');
    expect(list).not.toHaveTextContent('+7.5%');
  });

  it('the compare page shows the same rate the same way, and a rise of PM2.5 as worse', async () => {
    fakeApi({
      '/api/v1/networks/demo-net/indicators/pm25-annual-mean/comparison': pm25Comparison(),
    });
    await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/pm25-annual-mean',
      pattern: '/networks/:network/compare/:indicator',
    });
    const table = await screen.findByTestId('compare-table');
    const rates = [...table.querySelectorAll('.rate-change')].map(text);
    // Best (lowest PM2.5) first: Braga, whose PM2.5 rose, then Espoo and Tallinn.
    expect(rates).toEqual([
      '+2.0% a year \u2716 worse',
      '\u22127.2% a year \u2714 better',
      '\u22127.2% a year \u2714 better',
    ]);
  });

  it('the indicator page says whether the observed change is better or worse', async () => {
    const detail = indicatorDetail();
    detail.progress = indicatorProgress({
      direction: 'decrease',
      unit: 'µg/m³',
      components: {
        ...indicatorProgress().components,
        observedRate: -0.072,
        requiredRate: -0.05,
      },
    });
    fakeApi({
      '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/progress': detail,
      '/api/v1/cities/espoo/peers': peers(),
    });
    await renderPage(CityIndicatorPage, {
      path: '/cities/espoo/indicators/municipal-waste-recycling-rate',
      pattern: '/cities/:city/indicators/:indicator',
    });
    const explanation = await screen.findByTestId('status-explanation');
    const rates = [...explanation.querySelectorAll('.rate-change')];
    expect(rates.map(text)).toEqual(['\u22127.2% a year \u2714 better', '\u22125.0% a year']);
  });
});

describe('jargon with its unit and explanation (item 16)', () => {
  const routes = () => ({
    '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/progress': indicatorDetail(),
    '/api/v1/cities/espoo/peers': peers(),
  });
  const open = () =>
    renderPage(CityIndicatorPage, {
      path: '/cities/espoo/indicators/municipal-waste-recycling-rate',
      pattern: '/cities/:city/indicators/:indicator',
    });

  it('gives a gap of percentages in percentage points, and its share as a share of the ambition', async () => {
    fakeApi(routes());
    await open();
    const figures = await screen.findByTestId('action-gap-figures');
    const gap = within(figures).getAllByRole('definition')[3]!;
    expect(gap.firstChild?.textContent).toBe('18.8\u00a0pp');
    expect(gap).toHaveTextContent(/\(54% of the ambition/);
    // "Behind the required path today" is a difference too.
    expect(within(figures).getAllByRole('definition')[1]!.textContent).toBe('7.8\u00a0pp');
  });

  it('explains the gap, its share and the score with a button, a description and a methodology link', async () => {
    fakeApi(routes());
    await open();
    await screen.findByTestId('action-gap-figures');
    const gapButton = screen.getByRole('button', {
      name: 'What \u201cGap at the target year\u201d means',
    });
    expect(gapButton).toHaveAccessibleDescription(/percentage points \(pp\)/);
    const shareButton = screen.getByRole('button', {
      name: 'What \u201cshare of the ambition\u201d means',
    });
    expect(shareButton).toHaveAccessibleDescription(/100 % means the city ends where it started/);
    const scoreButton = screen.getByRole('button', { name: 'What \u201cscore\u201d means' });
    expect(scoreButton).toHaveAccessibleDescription(/from \u22125 to 5/);
    const tip = document.getElementById(scoreButton.getAttribute('aria-describedby')!)!;
    expect(within(tip).getByRole('link', { name: 'How it is computed' })).toHaveAttribute(
      'href',
      '/methodology?lang=en#reading-score',
    );
  });

  it('shows the explanation on keyboard focus and hides it with Escape', async () => {
    fakeApi(routes());
    await open();
    await screen.findByTestId('action-gap-figures');
    const button = screen.getByRole('button', { name: 'What \u201cscore\u201d means' });
    const tip = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(tip).not.toHaveClass('term__tip--open');
    button.focus();
    await waitFor(() => expect(tip).toHaveClass('term__tip--open'));
    await userEvent.keyboard('{Escape}');
    expect(tip).not.toHaveClass('term__tip--open');
    // The link inside can be reached with Tab, and the explanation stays shown meanwhile.
    await userEvent.tab();
    expect(within(tip).getByRole('link')).toHaveFocus();
    expect(tip).toHaveClass('term__tip--open');
  });

  it('the methodology page has the sections the explanations link to', async () => {
    fakeApi({});
    await renderPage(MethodologyPage, { path: '/methodology', pattern: '/methodology' });
    await screen.findByRole('heading', { level: 1 });
    for (const id of ['reading-rates', 'reading-gap', 'reading-score', 'action-gap'])
      expect(document.getElementById(id), id).not.toBeNull();
    expect(document.getElementById('reading-gap')).toHaveTextContent(/27 pp/);
  });
});

describe('charts (item 17)', () => {
  // jsdom has no layout: give the charts a size so recharts draws them.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 400,
      right: 800,
      width: 800,
      height: 400,
      toJSON: () => ({}),
    });
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
      },
    );
  });
  afterEach(() => vi.restoreAllMocks());

  it('a tooltip lists the series, never the year a scatter point carries', () => {
    // What recharts hands the tooltip at the target year of the action-gap chart.
    const payload = [
      { dataKey: 'required', name: 'Required path', value: 65, color: '#4f5863' },
      { dataKey: 'projected', name: 'At today\u2019s pace', value: 46.2, color: '#b3261e' },
      { dataKey: 'year', name: 'year', value: 2030, color: '#1a7f37' },
      { dataKey: 'target', name: 'Target', value: 65, color: '#1a7f37' },
    ];
    const { container } = render(
      <ChartTooltipContent
        active
        label={2030}
        payload={payload as never}
        format={(v) => `${v.toFixed(1)}\u00a0per 100,000 inhabitants`}
      />,
    );
    const rows = [...container.querySelectorAll('li')].map(text);
    expect(rows).toEqual([
      'Required path: 65.0 per 100,000 inhabitants',
      'At today\u2019s pace: 46.2 per 100,000 inhabitants',
      'Target: 65.0 per 100,000 inhabitants',
    ]);
    expect(container.querySelector('.chart-tooltip__title')).toHaveTextContent(/^2030$/);
  });

  it('the compare charts have a name instead of their tick labels, and the scores view\u2019s legend says scores', async () => {
    fakeApi({
      '/api/v1/networks/demo-net/indicators/municipal-waste-recycling-rate/comparison':
        comparison(),
    });
    await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate?view=normalised',
      pattern: '/networks/:network/compare/:indicator',
    });
    const bars = await screen.findByTestId('compare-bars');
    const picture = await within(bars).findByRole('img');
    expect(picture).toHaveAccessibleName(
      'Latest values: Municipal waste recycling rate (score 0\u2013100). Chart; the table has the same numbers.',
    );
    await waitFor(() => expect(bars.querySelector('.recharts-legend-wrapper')).not.toBeNull());
    const legend = bars.querySelector('.recharts-legend-wrapper')!;
    expect(legend).toHaveTextContent('Score 0\u2013100');
    expect(legend).not.toHaveTextContent('Latest value');
    const lines = screen.getByTestId('compare-lines');
    expect(await within(lines).findByRole('img')).toHaveAccessibleName(
      /^Trajectories: Municipal waste recycling rate \(score 0\u2013100\)\. Chart/,
    );
  });
});
