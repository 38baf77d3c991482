import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import { fakeApi, renderPage, type FakeAnswer, type FakeRequest } from './render';
import type { EurostatCode } from '../../client/src/features/workspace/api/workspace-api';
import { indicatorDefinition } from './series-fixtures';
import { editorSession, workspaceRoutes } from './workspace-fixtures';
import { apiError } from './api-contract';

const ATTRIBUTION =
  'Source: Eurostat, City statistics (urb_percep), CC BY 4.0; code list reshaped.';
const NOISE: EurostatCode = {
  code: 'urb_percep:PS3290V',
  label: 'Noise is a serious problem in this city',
  dataset: 'urb_percep',
  suggestion: null,
};
const PM10: EurostatCode = {
  code: 'urb_cenv:EN2026V',
  label: 'Annual average concentration of PM10',
  dataset: 'urb_cenv',
  suggestion: {
    slug: 'pm10-annual-mean',
    name: 'PM10 annual mean',
    unit: 'µg/m³',
    direction: 'decrease',
    target: '11.6',
    sdgIndicator: '11.6.2',
  },
};

const coordinator = editorSession([
  { id: 9, role: 'coordinator', network: { slug: 'demo-net', name: 'Demo network' }, city: null },
]);

function catalogueRoutes(post: (request: FakeRequest) => FakeAnswer, searches: string[]) {
  return workspaceRoutes(
    {
      '/api/v1/eurostat/indicators': (url: URL) => {
        const search = url.searchParams.get('search') ?? '';
        searches.push(search);
        // Unsorted on purpose: the suggestion must still come first.
        return {
          status: 200,
          body: { codes: search === '' ? [] : [NOISE, PM10], attribution: ATTRIBUTION },
        };
      },
      '/api/v1/networks/demo-net/indicators/eurostat': (_url: URL, request: FakeRequest) =>
        post(request),
    },
    coordinator,
  );
}

const openCatalogue = () =>
  renderPage(WorkspacePage, {
    path: '/cities/espoo/workspace?tab=catalogue',
    pattern: '/cities/:city/workspace',
  });

describe('workspace catalogue step: indicators from Eurostat', () => {
  it('is offered to the network’s coordinators only', async () => {
    fakeApi(workspaceRoutes());
    await renderPage(WorkspacePage, {
      path: '/cities/espoo/workspace?tab=catalogue',
      pattern: '/cities/:city/workspace',
    });
    await screen.findByRole('tablist');
    expect(screen.queryByRole('tab', { name: 'Indicators' })).toBeNull();
    // An unknown tab falls back to the data grid.
    expect(screen.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
  });

  it('searches after typing pauses, lists suggestions first, and shows an error at the entry it is about', async () => {
    const searches: string[] = [];
    const bodies: unknown[] = [];
    fakeApi(
      catalogueRoutes((request) => {
        bodies.push(request.body);
        const entries = (request.body as { indicators: Array<{ direction?: string }> }).indicators;
        if (entries[1]?.direction === undefined)
          return {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message:
                  'Say which SDG target urb_percep:PS3290V measures and whether higher or lower is better.',
                details: [
                  {
                    path: '/indicators/1/direction',
                    message:
                      'Say which SDG target urb_percep:PS3290V measures and whether higher or lower is better.',
                  },
                ],
              },
            },
          };
        return {
          status: 201,
          body: {
            indicators: [
              indicatorDefinition({
                slug: 'pm10-annual-mean',
                name: 'PM10 annual mean',
                unit: 'µg/m³',
                sdgLinks: [{ target: '11.6', indicator: '11.6.2' }],
              }),
              indicatorDefinition({
                slug: 'eurostat-ps3290v',
                name: 'Noise is a serious problem in this city',
                unit: '%',
                sdgLinks: [{ target: '3.9', indicator: null }],
              }),
            ],
          },
        };
      }, searches),
    );
    await openCatalogue();
    expect(await screen.findByRole('tab', { name: 'Indicators' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const search = await screen.findByLabelText('Search Eurostat’s City statistics codes');
    await userEvent.type(search, 'noise');
    const results = await screen.findByTestId('eurostat-results');
    // One request for the pause, not one per key.
    expect(searches).toEqual(['', 'noise']);
    expect(screen.getByTestId('eurostat-count')).toHaveTextContent('2 codes found.');
    const boxes = within(results).getAllByRole('checkbox');
    expect(boxes[0]).toHaveAccessibleName(/Annual average concentration of PM10/);
    expect(boxes[0]).toHaveAccessibleDescription(
      'Suggested: SDG target 11.6 (11.6.2) · Lower is better · µg/m³',
    );
    expect(boxes[1]).toHaveAccessibleDescription(
      'No suggestion: give the SDG target and the direction once you pick it.',
    );
    expect(screen.getByTestId('eurostat-attribution')).toHaveTextContent(ATTRIBUTION);

    await userEvent.click(boxes[0]!);
    await userEvent.click(boxes[1]!);
    expect(screen.getByRole('heading', { name: '2 indicators to add' })).toBeVisible();
    // The suggestion fills its fields; the other entry waits for the officer's.
    expect(
      screen.getByLabelText('SDG target of “Annual average concentration of PM10”'),
    ).toHaveValue('11.6');
    expect(
      screen.getByLabelText('Direction of “Annual average concentration of PM10”'),
    ).toHaveValue('decrease');
    await userEvent.type(
      screen.getByLabelText('SDG target of “Noise is a serious problem in this city”'),
      '3.9',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add 2 indicators' }));

    const direction = screen.getByLabelText(
      'Direction of “Noise is a serious problem in this city”',
    );
    await waitFor(() => expect(direction).toHaveAttribute('aria-invalid', 'true'));
    expect(direction).toHaveAccessibleDescription(
      'Say which SDG target urb_percep:PS3290V measures and whether higher or lower is better.',
    );
    await waitFor(() => expect(direction).toHaveFocus());
    expect(
      screen.getByLabelText('Direction of “Annual average concentration of PM10”'),
    ).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('eurostat-failure')).toHaveAttribute('role', 'alert');
    expect(bodies[0]).toEqual({
      indicators: [
        { code: 'urb_cenv:EN2026V', target: '11.6', direction: 'decrease' },
        { code: 'urb_percep:PS3290V', target: '3.9' },
      ],
    });

    await userEvent.selectOptions(direction, 'Lower is better');
    expect(direction).not.toHaveAttribute('aria-invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Add 2 indicators' }));
    const added = await screen.findByTestId('eurostat-added');
    expect(added).toHaveTextContent('Added to Demo network: 2 indicators.');
    expect(added).toHaveTextContent('PM10 annual mean pm10-annual-mean · µg/m³ · Target 11.6');
    expect(added).toHaveTextContent('Noise is a serious problem in this city');
    expect(bodies[1]).toEqual({
      indicators: [
        { code: 'urb_cenv:EN2026V', target: '11.6', direction: 'decrease' },
        { code: 'urb_percep:PS3290V', target: '3.9', direction: 'decrease' },
      ],
    });
    expect(screen.getByText('None picked yet.')).toBeVisible();
  });

  it('says why nothing was added when a code is already used', async () => {
    fakeApi(
      catalogueRoutes(
        () => apiError('conflict', 'PM2.5 annual mean already reads urb_cenv:EN2026V.'),
        [],
      ),
    );
    await openCatalogue();
    await userEvent.type(
      await screen.findByLabelText('Search Eurostat’s City statistics codes'),
      'pm10',
    );
    const results = await screen.findByTestId('eurostat-results');
    await userEvent.click(within(results).getAllByRole('checkbox')[0]!);
    await userEvent.click(screen.getByRole('button', { name: 'Add 1 indicator' }));
    const failure = await screen.findByTestId('eurostat-failure');
    expect(failure).toHaveTextContent('PM2.5 annual mean already reads urb_cenv:EN2026V.');
    await waitFor(() => expect(failure).toHaveFocus());
    expect(screen.getByRole('heading', { name: 'One indicator to add' })).toBeVisible();
  });

  it('does not offer a code an indicator of the network already reads', async () => {
    const routes = catalogueRoutes(() => apiError('internal_error', 'Not expected.'), []);
    fakeApi({
      ...routes,
      '/api/v1/networks/demo-net/indicators': {
        indicators: [
          indicatorDefinition({
            slug: 'pm10',
            name: 'PM10 annual mean',
            codes: { eurostat: 'urb_cenv:EN2026V' },
          }),
        ],
      },
    });
    await openCatalogue();
    await userEvent.type(
      await screen.findByLabelText('Search Eurostat’s City statistics codes'),
      'pm10',
    );
    const results = await screen.findByTestId('eurostat-results');
    const pm10 = within(results).getByRole('checkbox', { name: /urb_cenv:EN2026V/ });
    expect(pm10).toBeDisabled();
    expect(pm10).toHaveAccessibleDescription(
      'Already read by \u201cPM10 annual mean\u201d in this network.',
    );
    expect(within(results).getByRole('checkbox', { name: /urb_percep:PS3290V/ })).toBeEnabled();
  });
});
