import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CityReviews } from '../../client/src/features/workspace/api/workspace-api';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import { fakeApi, renderPage } from './render';
import { workspaceRoutes, YEAR } from './workspace-fixtures';

/**
 * A finished workspace (issue 17 item 21): every button, select, text area,
 * text input, field label and table on the workspace's tabs uses the shared
 * design (components/ui button.tsx and form-field.tsx, styles/controls.css),
 * never the browser's default look.
 */
const REVIEWS: CityReviews = {
  network: { slug: 'demo-net', name: 'Demo network' },
  city: { slug: 'espoo', name: 'Espoo' },
  years: [
    {
      year: YEAR,
      state: 'draft',
      locked: false,
      steps: ['submit'],
      values: 4,
      published: 0,
      submittedAt: null,
      submittedBy: null,
      decidedAt: null,
      decidedBy: null,
      approvedAt: null,
      comments: 0,
    },
  ],
  comments: [],
  you: { canSubmit: true, canDecide: false },
};

const TEXT_INPUT = 'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"])';

/** The controls in `root` that do not use the design's classes, described for the failure message. */
function unstyled(root: HTMLElement): string[] {
  const describe = (e: Element) =>
    `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}">${(e.textContent ?? '').trim().slice(0, 40)}`;
  const inField = (e: Element) => e.parentElement?.classList.contains('field') === true;
  const problems: string[] = [];
  for (const b of root.querySelectorAll('button'))
    if (!['button', 'link-button', 'tab'].some((c) => b.classList.contains(c)))
      problems.push(`button without a design class: ${describe(b)}`);
  for (const s of root.querySelectorAll('select'))
    if (!s.classList.contains('select') && !inField(s))
      problems.push(`browser-default select: ${describe(s)}`);
  for (const s of root.querySelectorAll('textarea'))
    if (!s.classList.contains('textarea')) problems.push(`unstyled text area: ${describe(s)}`);
  for (const s of root.querySelectorAll(TEXT_INPUT))
    if (!s.classList.contains('input') && !s.classList.contains('cell-input') && !inField(s))
      problems.push(`unstyled input: ${describe(s)}`);
  // A label wrapping its control is a field: its text above the control, never running into it.
  for (const l of root.querySelectorAll('label'))
    if (
      l.querySelector(`select, textarea, ${TEXT_INPUT}`) !== null &&
      !l.classList.contains('field')
    )
      problems.push(`label running into its control: ${describe(l)}`);
  for (const t of root.querySelectorAll('table'))
    if (!t.classList.contains('table') && !t.classList.contains('grid'))
      problems.push(`unstyled table: ${describe(t)}`);
  return problems;
}

describe('the workspace uses the shared buttons, fields, selects and tables', () => {
  it.each([
    ['ambitions', 'Indicator'],
    ['import', 'Or paste cells here'],
    ['review', 'Comment'],
  ])('on the %s tab', async (tab, label) => {
    fakeApi(workspaceRoutes({ '/api/v1/networks/demo-net/cities/espoo/reviews': REVIEWS }));
    const { container } = await renderPage(WorkspacePage, {
      path: `/cities/espoo/workspace?tab=${tab}`,
      pattern: '/cities/:city/workspace',
    });
    await screen.findByLabelText(label);
    await waitFor(() => expect(unstyled(container)).toEqual([]));
  });

  it('on the data tab, with the reporting status open', async () => {
    fakeApi(workspaceRoutes());
    const { container } = await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace',
      pattern: '/cities/:city/workspace',
    });
    await screen.findByRole('grid');
    const status = await screen.findByTestId('reporting-status');
    status.setAttribute('open', '');
    expect(unstyled(container)).toEqual([]);
  });

  it('the ambitions form puts every label above its own input', async () => {
    fakeApi(workspaceRoutes());
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace?tab=ambitions',
      pattern: '/cities/:city/workspace',
    });
    for (const name of ['Baseline year', 'Baseline value', 'Target year', 'Target value']) {
      const input = await screen.findByLabelText(name);
      expect(input).toHaveClass('input');
      const label = input.closest('label');
      expect(label).toHaveClass('field');
      expect(label?.querySelector('.field__label')).toHaveTextContent(name);
    }
    expect(screen.getByRole('button', { name: 'Save the ambition' })).toHaveClass('button');
  });
});
