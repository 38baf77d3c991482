import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Ambition } from '../../server/src/schemas/observation.schema';
import type { CityProgressResponse } from '../../server/src/schemas/progress.schema';
import { CityBriefPage } from '../../client/src/app/routes/city-brief-page';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { CityPage } from '../../client/src/app/routes/city-page';
import { ComparePage } from '../../client/src/app/routes/compare-page';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import { goalList } from './fixtures';
import {
  cityProgress,
  comparison,
  indicatorDetail,
  indicatorProgress,
  peers,
} from './progress-fixtures';
import { fakeApi, renderPage } from './render';
import { PM25, workspaceRoutes } from './workspace-fixtures';

/**
 * Ambitions go through review (issue 17 item 10): the officer sees when the
 * ambition on screen is not yet the one the public sees.
 */
function ambition(approved: boolean): Ambition {
  return {
    city: 'espoo',
    indicator: PM25,
    baselineYear: 2015,
    baselineValue: 14,
    targetYear: 2030,
    targetValue: 8,
    note: null,
    version: 2,
    etag: '"1.2"',
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'Espoo officer',
    approved,
  };
}

async function openAmbitions(approved: boolean): Promise<void> {
  fakeApi(
    workspaceRoutes({ '/api/v1/cities/espoo/ambitions': { ambitions: [ambition(approved)] } }),
  );
  await renderPage(WorkspacePage, {
    path: '/cities/espoo/workspace?tab=ambitions',
    pattern: '/cities/:city/workspace',
  });
  await userEvent.selectOptions(await screen.findByTestId('ambition-indicator'), PM25);
  expect(await screen.findByLabelText('Target value')).toHaveValue('8');
}

describe('an ambition waiting for approval', () => {
  it('says it is not yet public, and what the public sees meanwhile', async () => {
    await openAmbitions(false);
    expect(screen.getByTestId('ambition-pending')).toHaveTextContent(
      'Not yet approved: until the network’s coordinator approves one of the city’s years, the public sees the ambition approved before (or none).',
    );
  });

  it('says nothing when the ambition is the approved one', async () => {
    await openAmbitions(true);
    expect(screen.queryByTestId('ambition-pending')).toBeNull();
  });
});

/**
 * The progress views say it too (issue 17 item 10): members see the working
 * copy's target with a mark in words; nothing changes for approved ones.
 */
const pendingAmbition = {
  baselineYear: 2015,
  baselineValue: 30,
  targetYear: 2030,
  targetValue: 70,
  approved: false,
};
const MARK = 'Target not yet approved';
const MEANING =
  'Changed since the coordinators last approved a year; the public still sees the approved target (or none).';

const indicatorPath = '/cities/espoo/indicators/municipal-waste-recycling-rate';
const indicatorPattern = '/cities/:city/indicators/:indicator';

function indicatorRoutes(approved: boolean) {
  const detail = indicatorDetail();
  detail.progress = indicatorProgress(approved ? {} : { ambition: pendingAmbition });
  return {
    '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/progress': detail,
    '/api/v1/cities/espoo/peers': peers(),
  };
}

/** A city whose second indicator (also its second largest gap) has a changed target. */
function cityWithPendingTarget(): CityProgressResponse {
  const progress = cityProgress(6);
  progress.indicators[1] = { ...progress.indicators[1]!, ambition: pendingAmbition };
  return progress;
}

describe('a target not yet approved, in the progress views', () => {
  it('is marked on the indicator page: the sentence, the figures, the chart’s table, with its meaning', async () => {
    fakeApi(indicatorRoutes(false));
    await renderPage(CityIndicatorPage, { path: indicatorPath, pattern: indicatorPattern });
    const summary = await screen.findByTestId('progress-summary');
    expect(summary).toHaveTextContent(
      `Target: 70.0% by 2030 (baseline 30.0% in 2015). ✎ ${MARK} At today’s pace`,
    );
    const facts = screen.getByTestId('status-explanation');
    expect(within(facts).getByText('Target').nextElementSibling).toHaveTextContent(
      '70.0% (2030) ✎ not yet approved',
    );
    const headers = within(screen.getByTestId('gap-table')).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual([
      'Year',
      'Observed',
      'Required path',
      'At today’s pace',
      'Target ✎ not yet approved',
    ]);
    for (const mark of screen.getAllByTestId('ambition-pending-mark'))
      expect(mark).toHaveAttribute('title', MEANING);
    expect(screen.getByTestId('ambition-pending-note')).toHaveTextContent(`✎ ${MARK} ${MEANING}`);
  });

  it('leaves the indicator page as it was when the target is the approved one', async () => {
    fakeApi(indicatorRoutes(true));
    await renderPage(CityIndicatorPage, { path: indicatorPath, pattern: indicatorPattern });
    expect(await screen.findByTestId('progress-summary')).toHaveTextContent(
      'Target: 65.0% by 2030 (baseline 30.0% in 2015). At today’s pace',
    );
    expect(screen.queryByTestId('ambition-pending-mark')).toBeNull();
    expect(screen.queryByTestId('ambition-pending-note')).toBeNull();
    expect(screen.getByTestId('gap-table')).not.toHaveTextContent('approved');
  });

  it('is marked on the city page, in the indicator table and the largest gaps, once explained', async () => {
    fakeApi({
      '/api/v1/cities/espoo/progress': cityWithPendingTarget(),
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(CityPage, { path: '/cities/espoo', pattern: '/cities/:city' });
    const table = await screen.findByTestId('indicator-table');
    const marked = within(table)
      .getAllByTestId('ambition-pending-mark')
      .map((mark) => mark.closest('tr')?.querySelector('th')?.textContent);
    expect(marked).toEqual(['Indicator 02 (%)']);
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('70.0% 2030 ✎ not yet approved');
    const gaps = within(screen.getByTestId('largest-gaps')).getAllByRole('listitem');
    expect(within(gaps[1]!).getByTestId('ambition-pending-mark')).toHaveTextContent(MARK);
    expect(within(gaps[0]!).queryByTestId('ambition-pending-mark')).toBeNull();
    expect(screen.getAllByTestId('ambition-pending-note')).toHaveLength(1);
  });

  it('is marked in the brief, with its meaning in the footer (no tooltip on paper)', async () => {
    fakeApi({
      '/api/v1/cities/espoo/progress': cityWithPendingTarget(),
      '/api/v1/sdg/goals': goalList(),
      '/api/v1/cities/espoo/observations': { observations: [] },
      '/api/v1/cities/espoo/actions': { actions: [] },
    });
    await renderPage(CityBriefPage, {
      path: '/cities/espoo/brief',
      pattern: '/cities/:city/brief',
    });
    const gaps = within(await screen.findByTestId('largest-gaps')).getAllByRole('listitem');
    expect(within(gaps[1]!).getByTestId('ambition-pending-mark')).toHaveTextContent(MARK);
    expect(screen.getByTestId('ambition-pending-note')).toHaveTextContent(MEANING);
  });

  it('is marked in the compare page’s rows, for that city only', async () => {
    const data = comparison();
    data.cities[1] = { ...data.cities[1]!, ambition: { ...pendingAmbition, targetValue: 60 } };
    fakeApi({
      '/api/v1/networks/demo-net/indicators/municipal-waste-recycling-rate/comparison': data,
    });
    await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate',
      pattern: '/networks/:network/compare/:indicator',
    });
    const table = await screen.findByTestId('compare-table');
    const marked = within(table)
      .getAllByTestId('ambition-pending-mark')
      .map((mark) => mark.closest('tr')?.querySelector('th')?.textContent);
    expect(marked).toEqual(['Tallinn']);
    expect(screen.getByTestId('ambition-pending-note')).toHaveTextContent(MEANING);
  });
});
