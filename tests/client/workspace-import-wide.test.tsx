import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkspacePage } from '../../client/src/app/routes/workspace-page';
import type { ImportReport } from '../../client/src/features/workspace/api/workspace-api';
import { fakeApi, renderPage } from './render';
import { PM25, RECYCLING, workspaceRoutes } from './workspace-fixtures';

/** Issue 17, item 4: the wide template, old → new in the dry run, the file picker forgetting its file. */

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    dryRun: true,
    committed: false,
    importId: null,
    format: 'wide',
    delimiter: ',',
    rowsRead: 2,
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

const openImport = async () => {
  await renderPage(WorkspacePage, {
    path: '/cities/espoo/workspace?tab=import',
    pattern: '/cities/:city/workspace',
  });
  return screen.findByRole('group', { name: 'What kind of file is it?' });
};

function captureDownloads(): Array<{ name: string; blob: Blob }> {
  const files: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (blob !== undefined) files.push({ name: this.download, blob });
  });
  return files;
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the import template', () => {
  it('is wide like the grid: name, unit, code, city, one column per year, the stored values unformatted', async () => {
    fakeApi(workspaceRoutes());
    const files = captureDownloads();
    await openImport();
    await userEvent.click(screen.getByRole('button', { name: /Download a template/ }));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('espoo-template.csv');
    const lines = (await blobText(files[0]!.blob)).trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['name', 'unit', 'indicator', 'city']);
    const years = header.slice(4);
    expect(years.length).toBeGreaterThan(1);
    expect(years.every((y) => /^\d{4}$/.test(y))).toBe(true);
    expect(lines).toHaveLength(3); // one line per indicator, the headline only
    const recycling = lines[1]!.split(',');
    expect(recycling.slice(0, 4)).toEqual([
      'Municipal waste recycling rate',
      '%',
      RECYCLING,
      'espoo',
    ]);
    const pm25 = lines[2]!.split(',');
    expect(pm25.slice(0, 4)).toEqual(['PM2.5 annual mean', 'µg/m³', PM25, 'espoo']);
    // The fixture's values: 38 and 9.5 in one year, every other cell empty.
    expect(recycling.slice(4).filter((c) => c !== '')).toEqual(['38']);
    expect(pm25.slice(4).filter((c) => c !== '')).toEqual(['9.5']);
    expect(recycling.indexOf('38')).toBe(pm25.indexOf('9.5'));
  });
});

describe('the dry run of a wide file', () => {
  it('sends the workspace’s city and lists every change as old → new, with the indicator’s decimals', async () => {
    const sent: Array<Record<string, string>> = [];
    fakeApi(
      workspaceRoutes({
        '/api/v1/imports': (url: URL) => {
          sent.push(Object.fromEntries(url.searchParams));
          return {
            status: 200,
            body: report({
              toInsert: 1,
              toUpdate: 1200,
              unchanged: 3,
              changes: [
                {
                  row: 2,
                  city: 'espoo',
                  indicator: RECYCLING,
                  series: {},
                  year: 2024,
                  oldValue: 38,
                  newValue: 40.5,
                  also: [],
                },
                {
                  row: 3,
                  city: 'espoo',
                  indicator: PM25,
                  series: {},
                  year: 2025,
                  oldValue: null,
                  newValue: 8.25,
                  also: [],
                },
                {
                  row: 4,
                  city: 'espoo',
                  indicator: PM25,
                  series: {},
                  year: 2023,
                  oldValue: 9,
                  newValue: 9,
                  also: ['note'],
                },
              ],
              changesTruncated: true,
            }),
          };
        },
      }),
    );
    await openImport();
    await userEvent.click(screen.getByLabelText('Or paste cells here'));
    await userEvent.paste(`indicator,2024\n${RECYCLING},40.5`);
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file (nothing is written)' }),
    );
    const result = await screen.findByTestId('import-report');
    expect(sent[0]).toEqual({ dryRun: 'true', city: 'espoo' });
    expect(within(result).getByTestId('import-format')).toHaveTextContent(
      'File read as: template (one column per year)',
    );
    const changes = within(result).getByTestId('import-changes');
    expect(within(changes).getByRole('heading')).toHaveTextContent('1,201 values would change');
    expect(within(changes).getByTestId('import-changes-truncated')).toHaveTextContent(
      'The first 3 of 1,201 are shown.',
    );
    const table = within(changes).getByRole('table', {
      name: 'Values that would change, old → new',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'IndicatorYearOld → new',
      'Municipal waste recycling rate202438.0 → 40.5',
      'PM2.5 annual mean2025none → 8.25',
      'PM2.5 annual mean20239.0 → 9.0 (also note)',
    ]);
  });
});

describe('the file picker', () => {
  it('forgets its file once the text is edited: no "from file" label, no file name sent', async () => {
    const sent: Array<Record<string, string>> = [];
    fakeApi(
      workspaceRoutes({
        '/api/v1/imports': (url: URL) => {
          sent.push(Object.fromEntries(url.searchParams));
          return { status: 200, body: report({ toUpdate: 1 }) };
        },
      }),
    );
    await openImport();
    const picker = screen.getByLabelText<HTMLInputElement>('File');
    const file = new File([`indicator,2024\n${RECYCLING},40.5\n`], 'espoo-template.csv', {
      type: 'text/csv',
    });
    await userEvent.upload(picker, file);
    const text = screen.getByLabelText<HTMLTextAreaElement>('Or paste cells here');
    await vi.waitFor(() => expect(text.value).toContain('40.5'));
    expect(screen.getByTestId('import-from-file')).toHaveTextContent(
      'From the file espoo-template.csv.',
    );
    expect(picker).toHaveAccessibleDescription(/From the file espoo-template.csv/);
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file (nothing is written)' }),
    );
    await screen.findByTestId('import-report');
    expect(sent[0]!.fileName).toBe('espoo-template.csv');

    await userEvent.type(text, '1');
    expect(screen.queryByTestId('import-from-file')).toBeNull();
    expect(picker.value).toBe('');
    expect(picker.files?.length ?? 0).toBe(0);
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file (nothing is written)' }),
    );
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ dryRun: 'true', city: 'espoo' });
  });
});
