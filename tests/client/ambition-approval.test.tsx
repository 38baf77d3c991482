import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Ambition } from '../../server/src/schemas/observation.schema';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
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
