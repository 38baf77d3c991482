import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import { fakeApi, renderPage, type FakeRequest } from './render';
import { observation } from './series-fixtures';
import { PM25, RECYCLING, workspaceRoutes, YEAR } from './workspace-fixtures';

const cell = (indicator: string, year: number) =>
  document.querySelector<HTMLElement>(`[data-cell="${indicator}|${year}"]`)!;

describe('workspace data grid: one series at a time', () => {
  it('asks for every series, shows the headline with its flags first, then a chosen breakdown', async () => {
    const fetchMock = fakeApi(workspaceRoutes());
    const { router } = await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    const grid = await screen.findByTestId('data-grid');
    const asked = fetchMock.mock.calls
      .map((c) => new URL(String(c[0]), 'http://localhost'))
      .find((u) => u.pathname === '/api/v1/cities/espoo/observations');
    expect(asked?.searchParams.get('series')).toBe('*');

    const select = screen.getByLabelText('Series shown and edited');
    expect(select).toHaveValue('');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Headline series (used for progress)', 'sex: female', 'sex: male']);
    expect(select).toHaveAccessibleDescription(/The headline series is the one progress uses/);
    // Headline: both indicators, the estimated value says so in words.
    expect(grid.querySelectorAll('tbody tr:not(.goal-row)')).toHaveLength(2);
    expect(cell(RECYCLING, YEAR)).toHaveAttribute(
      'aria-label',
      `Municipal waste recycling rate, ${YEAR}. 38.0 %, estimated`,
    );
    expect(within(cell(RECYCLING, YEAR)).getByTitle('estimated')).toHaveTextContent('e');
    expect(screen.getByTestId('flag-legend')).toHaveTextContent('Flags:e estimated');

    await userEvent.selectOptions(select, 'sex: female');
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('series')).toBe(
        '{"sex":"female"}',
      ),
    );
    const female = screen.getByTestId('data-grid');
    expect(female).toHaveAccessibleName('Figures of Espoo by indicator and year (sex: female)');
    // Only the indicators that have the breakdown.
    expect(female.querySelectorAll('tbody tr:not(.goal-row)')).toHaveLength(1);
    expect(cell(RECYCLING, YEAR)).toHaveAttribute(
      'aria-label',
      `Municipal waste recycling rate, ${YEAR}. 41.0 %`,
    );
    expect(cell(PM25, YEAR)).toBeNull();
  });

  it('writes an edit to the chosen series with its ETag, and deletes there too', async () => {
    const writes: Array<{ method: string; series: string | null; ifMatch: string | null }> = [];
    const fetchMock = fakeApi(
      workspaceRoutes({
        [`/api/v1/cities/espoo/indicators/${RECYCLING}/observations/${YEAR}`]: (
          url: URL,
          request: FakeRequest,
        ) => {
          const call = fetchMock.mock.calls.at(-1)!;
          const headers = (call[1] as RequestInit).headers as Record<string, string>;
          writes.push({
            method: request.method,
            series: url.searchParams.get('series'),
            ifMatch: headers['if-match'] ?? null,
          });
          if (request.method === 'DELETE') return { status: 204, body: null };
          return {
            status: 200,
            body: observation({
              series: { sex: 'female' },
              year: YEAR,
              value: (request.body as { value: number }).value,
              etag: '"female-2"',
            }),
          };
        },
      }),
    );
    await renderPage(WorkspacePage, {
      path: `/cities/espoo/workspace?series=${encodeURIComponent('{"sex":"female"}')}`,
      pattern: '/cities/:city/workspace',
    });
    await screen.findByTestId('data-grid');
    await userEvent.click(cell(RECYCLING, YEAR));
    await userEvent.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: /Municipal waste recycling rate/ });
    await userEvent.clear(input);
    await userEvent.type(input, '42.5{Enter}');
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toEqual({ method: 'PUT', series: '{"sex":"female"}', ifMatch: '"female-1"' });
    await waitFor(() =>
      expect(cell(RECYCLING, YEAR)).toHaveAttribute(
        'aria-label',
        `Municipal waste recycling rate, ${YEAR}. 42.5 %`,
      ),
    );
    // The cell panel names the series it shows.
    expect(screen.getByTestId('cell-panel')).toHaveTextContent('sex: female');

    await userEvent.click(cell(RECYCLING, YEAR));
    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toEqual({
      method: 'DELETE',
      series: '{"sex":"female"}',
      ifMatch: '"female-2"',
    });
  });

  it('keeps the series while edits are unsaved', async () => {
    fakeApi(workspaceRoutes());
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    await screen.findByTestId('data-grid');
    await userEvent.click(cell(PM25, YEAR));
    await userEvent.keyboard('abc{Enter}');
    const select = screen.getByLabelText('Series shown and edited');
    await waitFor(() => expect(select).toBeDisabled());
    expect(select).toHaveAccessibleDescription(
      'Save or discard the unsaved edits before you switch to another series.',
    );
  });
});
