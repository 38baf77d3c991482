import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CityReviews, ReviewChecklist } from '../../server/src/schemas/review.schema';
import { ReviewPanel } from '../../client/src/features/workspace/components/review-panel';
import { fakeApi, renderPage, type FakeRequest } from './render';

/**
 * Review with safeguards (issue 17, items 5 and 8): submitting and approving
 * go through the year's checklist; approving flagged values takes a tick,
 * and only then is "confirmFlagged" sent.
 */
const BASE = '/api/v1/networks/net/cities/lyon/reviews';

const reviews = (steps: CityReviews['years'][number]['steps']): CityReviews => ({
  network: { slug: 'net', name: 'Net' },
  city: { slug: 'lyon', name: 'Lyon' },
  years: [
    {
      year: 2021,
      state: 'submitted',
      locked: true,
      steps,
      values: 2,
      published: 0,
      submittedAt: '2026-11-30T10:00:00.000Z',
      submittedBy: 'Officer',
      decidedAt: null,
      decidedBy: null,
      approvedAt: null,
      comments: 0,
    },
  ],
  comments: [],
  you: { canSubmit: false, canDecide: true },
});

const checklist: ReviewChecklist = {
  network: { slug: 'net', name: 'Net' },
  city: { slug: 'lyon', name: 'Lyon' },
  year: 2021,
  state: 'submitted',
  approvedBefore: true,
  values: [
    {
      indicator: 'life-expectancy',
      name: 'Life expectancy',
      unit: 'years',
      decimals: 1,
      series: {},
      value: 95,
      flags: '',
      plausibility: { kind: 'max_change', message: 'Up 14.5 years in a year; at most 2 expected.' },
      previous: { year: 2020, value: 80.5 },
      change: 14.5,
      publishedValue: 81,
      changedSinceApproval: true,
    },
    {
      indicator: 'recycling',
      name: 'Recycling',
      unit: '%',
      decimals: 1,
      series: {},
      value: 33,
      flags: '',
      plausibility: null,
      previous: { year: 2020, value: 32 },
      change: 1,
      publishedValue: 33,
      changedSinceApproval: false,
    },
  ],
  missing: [{ indicator: 'green', name: 'Green space', lastYear: 2019 }],
  counts: { values: 2, flagged: 1, changed: 1, missing: 1 },
};

function Panel() {
  return (
    <ReviewPanel
      network="net"
      city="lyon"
      reviews={reviews(['return', 'approve'])}
      indicators={[]}
      locale="en-GB"
      focusYear={null}
      onChanged={() => undefined}
    />
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('approving a year', () => {
  it('shows the checklist and sends confirmFlagged only after the tick', async () => {
    const posted: unknown[] = [];
    fakeApi({
      [`${BASE}/2021/checklist`]: checklist,
      [`${BASE}/2021/approve`]: (_url: URL, request: FakeRequest) => {
        posted.push(request.body);
        return { status: 200, body: reviews([]).years[0]! };
      },
    });
    await renderPage(Panel, { path: '/', pattern: '/' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Approve 2021' }));
    const panel = await screen.findByTestId('review-checklist');
    expect(within(panel).getByRole('heading', { name: 'Before you approve 2021' })).toHaveFocus();
    expect(within(panel).getByText('1 value flagged as implausible')).toBeInTheDocument();
    expect(within(panel).getByText('1 value changed since the last approval')).toBeInTheDocument();
    expect(within(panel).getByText('1 indicator without a value')).toBeInTheDocument();
    // Only the values to look at: the flagged one (with old → new), not the unchanged one.
    const rows = within(within(panel).getByTestId('checklist-values')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent(/Life expectancy\s*81\.0\s*→\s*95\.0\s*years/);
    expect(rows[1]).toHaveTextContent('80.5 (2020)');
    expect(rows[1]).toHaveTextContent('+14.5');
    expect(rows[1]).toHaveTextContent('Implausible: Up 14.5 years in a year; at most 2 expected.');
    const confirm = within(panel).getByRole('button', {
      name: 'Approve and publish 2021 (2 values)',
    });
    expect(confirm).toBeDisabled();
    await user.click(
      within(panel).getByLabelText('I have checked the flagged value and want to publish it.'),
    );
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(posted).toEqual([{ confirmFlagged: true }]));
    await screen.findByText('2021 approved: its figures are public.');
    expect(screen.queryByTestId('review-checklist')).toBeNull();
  });

  it('without flagged values approves without a tick or confirmFlagged', async () => {
    const posted: unknown[] = [];
    fakeApi({
      [`${BASE}/2021/checklist`]: {
        ...checklist,
        values: [checklist.values[1]!],
        counts: { values: 1, flagged: 0, changed: 0, missing: 1 },
      },
      [`${BASE}/2021/approve`]: (_url: URL, request: FakeRequest) => {
        posted.push(request.body);
        return { status: 200, body: reviews([]).years[0]! };
      },
    });
    await renderPage(Panel, { path: '/', pattern: '/' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Approve 2021' }));
    const panel = await screen.findByTestId('review-checklist');
    expect(within(panel).queryByRole('checkbox')).toBeNull();
    expect(within(panel).queryByTestId('checklist-values')).toBeNull();
    await user.click(
      within(panel).getByRole('button', { name: 'Approve and publish 2021 (1 value)' }),
    );
    await waitFor(() => expect(posted).toEqual([{}]));
  });
});
