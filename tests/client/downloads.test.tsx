import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CityIndicatorPage } from '../../client/src/app/routes/city-indicator-page';
import { CityPage } from '../../client/src/app/routes/city-page';
import { ComparePage } from '../../client/src/app/routes/compare-page';
import { NetworkPage } from '../../client/src/app/routes/network-page';
import {
  cityProgressCsv,
  comparisonByYearCsv,
  comparisonCsv,
  gapChartCsv,
  networkScoresCsv,
} from '../../client/src/features/downloads/csv-tables';
import { csvFile, csvNumber, fileSlug } from '../../client/src/lib/csv-file';
import { initI18n } from '../../client/src/lib/i18n/i18n';
import { wrapText } from '../../client/src/components/charts/chart-export';
import { goalList } from './fixtures';
import {
  cityProgress,
  comparison,
  indicatorDetail,
  indicatorProgress,
  networkScores,
} from './progress-fixtures';
import { fakeApi, renderPage } from './render';

/** Issue 17, item 20: downloads where people look for them. */

const BOM = '\uFEFF';

async function english(): Promise<TFunction> {
  const i18n = await initI18n('en');
  await i18n.changeLanguage('en');
  return i18n.t.bind(i18n) as TFunction;
}

describe('CSV files for people', () => {
  it('start with the UTF-8 BOM, quote as RFC 4180, write numbers unformatted and never run formulas', () => {
    expect(
      csvFile(
        ['City', 'Value (µg/m³)'],
        [
          ['Košice', 1234.5],
          ['Saint-Étienne, "Loire"', -0.25],
          ['=HYPERLINK("x")', 0.0000001],
          ['Line\nbreak', null],
        ],
      ),
    ).toBe(
      `${BOM}City,Value (µg/m³)\n` +
        'Košice,1234.5\n' +
        '"Saint-Étienne, ""Loire""",-0.25\n' +
        `"'=HYPERLINK(""x"")",0.0000001\n` +
        '"Line\nbreak",\n',
    );
    expect(csvNumber(-0)).toBe('0');
    expect(csvNumber(1e21)).toBe('1000000000000000000000');
    expect(fileSlug('Košice', 'Air quality – PM2.5', 2024)).toBe('kosice-air-quality-pm2-5-2024');
  });

  it('a city page: one row an indicator with its unit, ambition and status', async () => {
    const t = await english();
    const progress = cityProgress(2);
    progress.indicators[1] = indicatorProgress({
      slug: 'pm25',
      name: 'PM2.5, annual mean',
      unit: 'µg/m³',
      goal: 3,
      latest: { year: 2022, value: 7.25 },
      ambition: null,
      status: 'insufficient_data',
      normalised: null,
    });
    expect(cityProgressCsv(progress, 2024, t)).toEqual({
      fileName: 'espoo-progress-2024.csv',
      text:
        `${BOM}Goal,Indicator,Unit,Year,Value,Baseline year,Baseline value,Target year,Target value,Status,Score 0–100\n` +
        '1,Indicator 01,%,2023,38,2015,30,2030,65,Target achieved,38\n' +
        '3,"PM2.5, annual mean",µg/m³,2022,7.25,,,,,Insufficient data,\n',
    });
    expect(cityProgressCsv(progress, undefined, t).fileName).toBe('espoo-progress-latest.csv');
  });

  it('an indicator page: the action-gap chart’s numbers, one column a series with its unit', async () => {
    const t = await english();
    const detail = indicatorDetail();
    expect(
      gapChartCsv(
        {
          city: 'espoo',
          indicator: detail.indicator,
          points: detail.chart,
          year: undefined,
          dataYear: 2023,
        },
        t,
      ),
    ).toEqual({
      fileName: 'espoo-municipal-waste-recycling-rate-2023.csv',
      text:
        `${BOM}Year,Observed (%),Required path (%),At today’s pace (%),Target (%)\n` +
        '2015,30,30,,\n' +
        '2019,34,36.8,,\n' +
        '2023,38,45.8,38,\n' +
        '2030,,65,46.2,65\n',
    });
  });

  it('a network page: the ranking and every goal score, drafts marked when included', async () => {
    const t = await english();
    const scores = networkScores();
    expect(networkScoresCsv(scores, undefined, t)).toEqual({
      fileName: 'demo-net-scores-2024.csv',
      text:
        `${BOM}Rank,City,Country,SDG index,Goal 3 score,Goal 11 score,Coverage (share 0–1)\n` +
        '1,Espoo,FI,70.25,73.25,81.25,1\n' +
        '2,Tallinn,FI,61.5,64.5,72.5,1\n' +
        ',Gabrovo,FI,40,43,51,0.7\n',
    });
    const withDrafts = {
      ...scores,
      includesDrafts: true,
      cities: scores.cities.map((c) => ({ ...c, hasDrafts: c.slug === 'tallinn' })),
    };
    expect(networkScoresCsv(withDrafts, 2023, t).text.split('\n').slice(0, 3)).toEqual([
      `${BOM}Rank,City,Country,SDG index,Goal 3 score,Goal 11 score,Coverage (share 0–1),Includes drafts`,
      '1,Espoo,FI,70.25,73.25,81.25,1,no',
      '2,Tallinn,FI,61.5,64.5,72.5,1,yes',
    ]);
  });

  it('a compare page: the comparison table and the values by year', async () => {
    const t = await english();
    const data = comparison();
    expect(
      comparisonCsv(data, 2023, t, (city) => (city === 'espoo' ? 'Statistics Finland' : null)),
    ).toEqual({
      fileName: 'demo-net-municipal-waste-recycling-rate-2023.csv',
      text:
        `${BOM}City,Year,Latest value (%),Score 0–100,Target year,Target value (%),Status,Source\n` +
        'Braga,2023,27,30.909090909090907,,,On track,\n' +
        'Espoo,2023,38,50.90909090909091,2030,65,On track,Statistics Finland\n' +
        'Tallinn,2023,52,76.36363636363637,2030,60,On track,\n',
    });
    expect(comparisonByYearCsv(data, t)).toEqual({
      fileName: 'demo-net-municipal-waste-recycling-rate-by-year.csv',
      text:
        `${BOM}City: Municipal waste recycling rate (%),2015,2023\n` +
        'Braga,19,27\n' +
        'Espoo,30,38\n' +
        'Tallinn,44,52\n',
    });
  });

  it('chart titles and source lines wrap at spaces to fit the picture, addresses between characters', () => {
    expect(wrapText('Municipal waste recycling rate: Latest values', 20)).toEqual([
      'Municipal waste',
      'recycling rate:',
      'Latest values',
    ]);
    expect(wrapText('see http://example.org/abcdef', 10)).toEqual([
      'see',
      'http://exa',
      'mple.org/a',
      'bcdef',
    ]);
  });
});

/** Captures what the page hands to the browser as a download. */
function captureDownloads(): Array<{ name: string; blob: Blob }> {
  const files: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  // jsdom has no object URLs: the page's blob is kept under a made-up one.
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

/** The file's text as written, its byte order mark kept. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const COMPARE = '/api/v1/networks/demo-net/indicators/municipal-waste-recycling-rate/comparison';

describe('the "Download / share" toolbar', () => {
  let writeText: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    writeText = vi.fn(async () => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('on the compare page: downloads the comparison as CSV and copies the link with its query state', async () => {
    const files = captureDownloads();
    fakeApi({ [COMPARE]: comparison(), '/api/v1/cities': { cities: [] } });
    await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate?year=2023&highlight=espoo',
      pattern: '/networks/:network/compare/:indicator',
    });
    const bar = await screen.findByRole('group', { name: 'Download / share' });
    const user = userEvent.setup();
    // After user-event's setup, which puts in a clipboard of its own.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await user.click(within(bar).getByRole('button', { name: 'Comparison (CSV)' }));
    expect(files.map((f) => f.name)).toEqual(['demo-net-municipal-waste-recycling-rate-2023.csv']);
    const text = await blobText(files[0]!.blob);
    expect(text.split('\n')[1]).toBe('Braga,2023,27,30.909090909090907,,,On track,');
    expect(files[0]!.blob.type).toBe('text/csv;charset=utf-8');

    await user.click(within(bar).getByRole('button', { name: 'Values by year (CSV)' }));
    expect(files[1]!.name).toBe('demo-net-municipal-waste-recycling-rate-by-year.csv');

    // The link keeps the year, the highlighted cities and the language.
    await user.click(within(bar).getByRole('button', { name: 'Copy link to this view' }));
    expect(writeText).toHaveBeenCalledWith(
      `${window.location.origin}/networks/demo-net/compare/municipal-waste-recycling-rate?year=2023&highlight=espoo&lang=en`,
    );
    const status = within(bar).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Link copied'));
    expect(status).toHaveAttribute('aria-live', 'polite');

    // Each chart of the page offers its picture.
    for (const id of ['compare-bars', 'compare-lines']) {
      const figure = screen.getByTestId(id);
      expect(within(figure).getByRole('button', { name: 'Download PNG' })).toBeTruthy();
      expect(within(figure).getByRole('button', { name: 'Download SVG' })).toBeTruthy();
    }
    expect(
      screen.getByRole('group', {
        name: 'Download the chart: Municipal waste recycling rate (%): Latest values \u2013 Demo network',
      }),
    ).toBeTruthy();
  });

  it('without a clipboard, shows the link selected in a text field to copy by hand', async () => {
    fakeApi({ [COMPARE]: comparison(), '/api/v1/cities': { cities: [] } });
    await renderPage(ComparePage, {
      path: '/networks/demo-net/compare/municipal-waste-recycling-rate?view=normalised',
      pattern: '/networks/:network/compare/:indicator',
    });
    const bar = await screen.findByRole('group', { name: 'Download / share' });
    const user = userEvent.setup();
    // No Clipboard API (an insecure context, an old browser).
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(within(bar).getByRole('button', { name: 'Copy link to this view' }));
    const field = await within(bar).findByRole('textbox', { name: 'Link to this view' });
    const url = `${window.location.origin}/networks/demo-net/compare/municipal-waste-recycling-rate?view=normalised&lang=en`;
    expect(field).toHaveValue(url);
    await waitFor(() => expect(field).toHaveFocus());
    const input = field as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, url.length]);
    expect(within(bar).getByRole('status')).toHaveTextContent('the link is selected in the field');
  });

  it('on the city page: the indicators as CSV and the server’s exports (all values, Open SDG)', async () => {
    const files = captureDownloads();
    fakeApi({
      '/api/v1/cities/espoo/progress': cityProgress(3),
      '/api/v1/sdg/goals': goalList(),
    });
    await renderPage(CityPage, { path: '/cities/espoo?year=2022', pattern: '/cities/:city' });
    const bar = await screen.findByRole('group', { name: 'Download / share' });
    expect(within(bar).getByRole('link', { name: 'All values (CSV)' })).toHaveAttribute(
      'href',
      '/api/v1/cities/espoo/observations/export',
    );
    expect(within(bar).getByRole('link', { name: 'Open SDG (zip)' })).toHaveAttribute(
      'href',
      '/api/v1/cities/espoo/exports/opensdg',
    );
    await userEvent.setup().click(within(bar).getByRole('button', { name: 'Indicators (CSV)' }));
    expect(files[0]!.name).toBe('espoo-progress-2022.csv');
    expect((await blobText(files[0]!.blob)).split('\n')).toHaveLength(5);
  });

  it('on the indicator page: the chart’s numbers, the city’s Open SDG export for the network, PNG and SVG', async () => {
    const files = captureDownloads();
    fakeApi({
      '/api/v1/cities/espoo/indicators/municipal-waste-recycling-rate/progress': indicatorDetail(),
    });
    await renderPage(CityIndicatorPage, {
      path: '/cities/espoo/indicators/municipal-waste-recycling-rate',
      pattern: '/cities/:city/indicators/:indicator',
    });
    const bar = await screen.findByRole('group', { name: 'Download / share' });
    expect(within(bar).getByRole('link', { name: 'Open SDG (zip)' })).toHaveAttribute(
      'href',
      '/api/v1/cities/espoo/exports/opensdg?network=demo-net',
    );
    await userEvent.setup().click(within(bar).getByRole('button', { name: 'Chart data (CSV)' }));
    expect(files[0]!.name).toBe('espoo-municipal-waste-recycling-rate-latest.csv');
    const chart = screen.getByRole('group', {
      name: 'Download the chart: Municipal waste recycling rate \u2013 Espoo: Action-gap chart',
    });
    expect(
      within(chart)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Download PNG', 'Download SVG']);
  });

  it('on the network page, in German: the ranking and goal scores as CSV and the server’s export', async () => {
    const files = captureDownloads();
    fakeApi({
      '/api/v1/networks/demo-net': {
        slug: 'demo-net',
        name: 'Demo network',
        description: '',
        isPublic: true,
        dataKind: 'synthetic',
        citation: null,
        licence: null,
        cityCount: 3,
        indicatorCount: 1,
        dataYears: { first: 2015, last: 2024 },
        version: 1,
        etag: '"1.1"',
        updatedAt: '2026-01-01T00:00:00.000Z',
        members: [],
        goals: [],
      },
      '/api/v1/networks/demo-net/scores': networkScores(),
      '/api/v1/sdg/goals': goalList('de'),
      '/api/v1/cities': { cities: [] },
    });
    await renderPage(NetworkPage, {
      path: '/networks/demo-net',
      pattern: '/networks/:network',
      language: 'de',
    });
    const bar = await screen.findByRole('group', { name: 'Herunterladen / teilen' });
    expect(within(bar).getByRole('link', { name: 'Alle Werte (CSV)' })).toHaveAttribute(
      'href',
      '/api/v1/networks/demo-net/observations/export?drafts=false',
    );
    const button = await within(bar).findByRole('button', {
      name: 'Rangliste und Zielwerte (CSV)',
    });
    await userEvent.setup().click(button);
    expect(files[0]!.name).toBe('demo-net-scores-2024.csv');
    expect((await blobText(files[0]!.blob)).split('\n')[0]).toBe(
      `${BOM}Rang,Stadt,Land,SDG-Index,Ziel 3 Punktzahl,Ziel 11 Punktzahl,Abdeckung (Anteil 0–1)`,
    );
    expect(
      within(bar).getByRole('button', { name: 'Link zu dieser Ansicht kopieren' }),
    ).toBeTruthy();
  });
});
