import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import type { ImportReport } from '../../client/src/features/workspace/api/workspace-api';
import { fakeApi, renderPage, type FakeAnswer, type FakeRequest } from './render';
import { RECYCLING, workspaceRoutes } from './workspace-fixtures';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    dryRun: true,
    committed: false,
    importId: null,
    format: 'long',
    delimiter: ',',
    rowsRead: 0,
    toInsert: 0,
    toUpdate: 0,
    unchanged: 0,
    skipped: 0,
    skippedReasons: [],
    errorCount: 0,
    errors: [],
    errorsTruncated: false,
    flaggedCount: 0,
    flagged: [],
    series: [],
    warnings: [],
    changes: [],
    changesTruncated: false,
    ...overrides,
  };
}

interface Sent {
  path: string;
  query: Record<string, string>;
  body: unknown;
}

function recorder() {
  const sent: Sent[] = [];
  const route =
    (answer: (query: Record<string, string>) => ImportReport) =>
    (url: URL, request: FakeRequest): FakeAnswer => {
      const query = Object.fromEntries(url.searchParams);
      sent.push({ path: url.pathname, query, body: request.body });
      return { status: 200, body: answer(query) };
    };
  return { sent, route };
}

const openImport = async () => {
  await renderPage(WorkspacePage, {
    path: '/cities/espoo/workspace?tab=import',
    pattern: '/cities/:city/workspace',
  });
  return screen.findByRole('group', { name: 'What kind of file is it?' });
};

const OPEN_SDG = [
  'Year,Sex,Observation status,Value',
  '2022,,,38',
  '2022,Female,E,41',
  '2022,Male,,35',
].join('\n');

describe('import wizard: formats, series found, warnings and rows left out', () => {
  it('imports an Open SDG file for a chosen indicator and city, showing what it found', async () => {
    const { sent, route } = recorder();
    fakeApi(
      workspaceRoutes({
        '/api/v1/imports': route((query) =>
          report({
            dryRun: query.dryRun === 'true',
            committed: query.dryRun !== 'true',
            format: 'opensdg',
            rowsRead: 4,
            toInsert: 3,
            skipped: 1,
            skippedReasons: [{ reason: 'Value is n/a', count: 1 }],
            series: [
              { indicator: RECYCLING, series: {}, values: 1 },
              { indicator: RECYCLING, series: { sex: 'female' }, values: 1 },
              { indicator: RECYCLING, series: { sex: 'male' }, values: 1 },
            ],
            warnings: ['The column "Observation status" gives each value’s flags.'],
          }),
        ),
      }),
    );
    const kinds = await openImport();
    await userEvent.click(
      within(kinds).getByRole('radio', { name: /An Open SDG data file for one indicator/ }),
    );
    const indicator = screen.getByLabelText('Indicator of the file');
    expect(
      within(indicator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Municipal waste recycling rate', 'PM2.5 annual mean']);
    const city = screen.getByLabelText('City of the file');
    expect(city).toHaveValue('espoo');
    expect(city).toHaveAccessibleDescription(/rows without GeoCode are this city’s/);
    await userEvent.click(screen.getByLabelText('Or paste cells here'));
    await userEvent.paste(OPEN_SDG);
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file (nothing is written)' }),
    );

    const result = await screen.findByTestId('import-report');
    expect(sent[0]).toEqual({
      path: '/api/v1/imports',
      query: { dryRun: 'true', format: 'opensdg', indicator: RECYCLING, city: 'espoo' },
      body: OPEN_SDG,
    });
    expect(within(result).getByTestId('import-format')).toHaveTextContent(
      'File read as: Open SDG data file',
    );
    expect(within(result).getByTestId('import-warnings')).toHaveTextContent(
      'Worth knowingThe column "Observation status" gives each value’s flags.',
    );
    expect(within(result).getByTestId('import-skipped')).toHaveTextContent(
      'One row left outValue is n/a: 1',
    );
    const series = within(result).getByTestId('import-series');
    expect(series).toHaveAccessibleName('Series found in the file');
    expect(
      within(series)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([
      'Municipal waste recycling rateHeadline series (used for progress)1',
      'Municipal waste recycling ratesex: female1',
      'Municipal waste recycling ratesex: male1',
    ]);

    await userEvent.click(within(result).getByRole('button', { name: 'Import 3 values' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent(
      'Imported: 3 new, 0 changed, 0 unchanged.',
    );
    expect(sent[1]!.query).toEqual({
      dryRun: 'false',
      format: 'opensdg',
      indicator: RECYCLING,
      city: 'espoo',
    });
  });

  it('sends a Eurostat file to /imports/eurostat for the chosen network, with its dataset', async () => {
    const { sent, route } = recorder();
    fakeApi(
      workspaceRoutes({
        '/api/v1/imports/eurostat': route(() =>
          report({
            format: 'eurostat-tsv',
            delimiter: '\t',
            rowsRead: 120,
            skipped: 120,
            skippedReasons: [
              { reason: 'City not in the network (by Urban Audit code)', count: 96 },
              { reason: 'Indicator code not used by the network', count: 24 },
            ],
            warnings: ['Nothing would be stored: no row matches a city and indicator.'],
          }),
        ),
      }),
    );
    const kinds = await openImport();
    await userEvent.click(
      within(kinds).getByRole('radio', { name: /A Eurostat City statistics file/ }),
    );
    expect(screen.getByLabelText('Network')).toHaveValue('demo-net');
    await userEvent.type(screen.getByLabelText('Eurostat dataset (bulk TSV only)'), 'urb_percep');
    await userEvent.click(screen.getByLabelText('Or paste cells here'));
    await userEvent.paste('indic_ur,unit,cities\\time\t2021 \nPS1012V,PC,EE001C\t:');
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file (nothing is written)' }),
    );
    const result = await screen.findByTestId('import-report');
    expect(sent[0]!.path).toBe('/api/v1/imports/eurostat');
    expect(sent[0]!.query).toEqual({ dryRun: 'true', network: 'demo-net', dataset: 'urb_percep' });
    expect(within(result).getByTestId('import-format')).toHaveTextContent(
      'File read as: Eurostat bulk TSV',
    );
    expect(within(result).getByTestId('import-skipped')).toHaveTextContent(
      '120 rows left outCity not in the network (by Urban Audit code): 96Indicator code not used by the network: 24',
    );
    expect(within(result).getByTestId('import-warnings')).toHaveTextContent(
      'Nothing would be stored',
    );
    expect(within(result).getByText('Nothing would change.')).toBeVisible();
    expect(within(result).queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('lets the server detect the format of a table of values, and drops a stale report on a new choice', async () => {
    const { sent, route } = recorder();
    fakeApi(workspaceRoutes({ '/api/v1/imports': route(() => report({ toInsert: 1 })) }));
    const kinds = await openImport();
    expect(within(kinds).getByRole('radio', { name: /A table of values/ })).toBeChecked();
    await userEvent.click(screen.getByLabelText('Or paste cells here'));
    await userEvent.paste(`city,indicator,year,value\nespoo,${RECYCLING},2024,40`);
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file (nothing is written)' }),
    );
    await screen.findByTestId('import-report');
    expect(sent[0]!.query).toEqual({ dryRun: 'true', city: 'espoo' });
    await userEvent.click(
      within(kinds).getByRole('radio', { name: /An Open SDG data file for one indicator/ }),
    );
    await waitFor(() => expect(screen.queryByTestId('import-report')).toBeNull());
  });
});
