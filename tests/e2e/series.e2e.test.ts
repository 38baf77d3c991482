import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppProcess } from './support/app-process';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  openPage,
  screenshot,
} from './support/browser';
import { signInByApi } from './support/api';
import { COORDINATOR, DEMO_NETWORK as NETWORK, OFFICER, signInThroughForm } from './support/demo';

/**
 * Breakdowns as a reader meets them (issue 14): the Košice officer imports a
 * small Open SDG file with a Sex column and an Observation status column
 * (through the API, as a script would); the indicator page then offers the
 * series, breaks the indicator down by sex as lines and bars with tables,
 * and marks the estimated value, at 1280 and 390 px and in German. The
 * workspace shows the same file's report in the import wizard.
 *
 * Only the values this file brings are asserted: the demo network's own
 * figures (synthetic or Eurostat's) may change.
 */
let app: AppProcess;
let browser: Browser;
const INDICATOR = 'long-term-unemployment-rate';
const YEARS = [2023, 2024, 2025] as const;
const FILE = [
  'Year,Sex,Observation status,Value',
  '2023,Female,,6.1',
  '2023,Male,,5.2',
  '2024,Female,,5.8',
  '2024,Male,,5.0',
  '2025,Female,E,5.4',
  '2025,Male,,4.9',
].join('\n');

async function signIn(page: Page, who: { email: string; password: string }, next: string) {
  await signInThroughForm(page, app.baseUrl, who, next);
}

/** Rows of a table as cell texts (header row left out). */
async function rows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells,
          (c) => (c.textContent ?? '').trim(),
        ),
      ),
    );
}

/**
 * What sticks out of the window sideways (the page itself must not scroll
 * sideways; wide tables scroll inside their own region): empty when nothing.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface Box {
      tagName: string;
      className: unknown;
      getBoundingClientRect(): { right: number };
      closest(selector: string): unknown;
    }
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: { scrollWidth: number; clientWidth: number };
          querySelectorAll(selector: string): ArrayLike<Box>;
        };
      }
    ).document;
    const width = doc.documentElement.clientWidth;
    if (doc.documentElement.scrollWidth <= width) return [];
    return Array.from(doc.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => el.closest('.table-scroll') === null)
      .slice(0, 10)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`);
  });
}

/** A screenshot of one part of the page, to look at closely. */
async function shot(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  // Approved years are locked: the coordinator reopens the ones the file writes.
  const coordinator = await signInByApi(app.baseUrl, COORDINATOR, { json: false });
  const reviews = (await (
    await fetch(`${app.baseUrl}/api/v1/networks/${NETWORK}/cities/kosice/reviews`, {
      headers: coordinator,
    })
  ).json()) as { years: Array<{ year: number; state: string }> };
  for (const year of YEARS) {
    if (reviews.years.find((y) => y.year === year)?.state !== 'approved') continue;
    const response = await fetch(
      `${app.baseUrl}/api/v1/networks/${NETWORK}/cities/kosice/reviews/${year}/reopen`,
      {
        method: 'POST',
        headers: { ...coordinator, 'content-type': 'application/json' },
        body: JSON.stringify({ comment: 'Reopened to add the breakdown by sex' }),
      },
    );
    expect(response.status).toBe(200);
  }
  const officer = await signInByApi(app.baseUrl, OFFICER, { json: false });
  const query = new URLSearchParams({ format: 'opensdg', indicator: INDICATOR, city: 'kosice' });
  const response = await fetch(`${app.baseUrl}/api/v1/imports?${query.toString()}`, {
    method: 'POST',
    headers: { ...officer, 'content-type': 'text/csv' },
    body: FILE,
  });
  const report = (await response.json()) as {
    committed: boolean;
    toInsert: number;
    series: Array<{ series: Record<string, string>; values: number }>;
  };
  expect(response.status, JSON.stringify(report)).toBe(200);
  expect(report.committed).toBe(true);
  expect(report.toInsert).toBe(6);
  expect(report.series.map((s) => [s.series, s.values])).toEqual([
    [{ sex: 'Female' }, 3],
    [{ sex: 'Male' }, 3],
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('series and breakdowns on the indicator page', () => {
  const path = `/cities/kosice/indicators/${INDICATOR}`;

  it('offers the series, breaks the indicator down by sex with tables, and marks flags (1280 px)', async () => {
    const { page, context, errors } = await openPage(browser, 1280);
    await signIn(page, OFFICER, path);
    const select = page.getByLabel('Series', { exact: true });
    await select.waitFor();
    const options = await select.locator('option').allTextContents();
    expect(options[0]).toBe('Headline series (used for progress)');
    expect(options).toContain('sex: Female');
    expect(options).toContain('sex: Male');

    const breakdown = page.getByTestId('breakdown');
    await breakdown.getByRole('heading', { name: 'By sex in 2025' }).waitFor();
    // Lower is better for unemployment: men's 4.9 % first.
    const bars = await rows(page, 'breakdown-bars-table');
    expect(bars.slice(0, 2).map((r) => r.slice(0, 3))).toEqual([
      ['1', 'Male', '4.9'],
      ['2', 'Female', '5.4e (estimated)'],
    ]);
    await breakdown.getByText('Show the numbers as a table').click();
    expect(await rows(page, 'breakdown-lines-table')).toEqual([
      ['Female', '6.1', '5.8', '5.4e (estimated)'],
      ['Male', '5.2', '5.0', '4.9'],
    ]);
    // The chart is drawn (recharts loaded lazily): bars and lines.
    await page.getByTestId('breakdown-bars').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('breakdown-lines').locator('.recharts-line-curve').count()).toBe(
      2,
    );
    const mark = page.getByTestId('breakdown-bars-table').getByTitle('estimated');
    expect(await mark.textContent()).toBe('e (estimated)');
    expect(await breakdown.getByTestId('flag-legend').textContent()).toBe('Flags:e estimated');

    // Choosing a series shows its values with their flags; the URL keeps it.
    await select.selectOption({ label: 'sex: Female' });
    await expect
      .poll(() => rows(page, 'series-values'))
      .toEqual([
        ['2025', '5.4e (estimated)', '—'],
        ['2024', '5.8', '—'],
        ['2023', '6.1', '—'],
      ]);
    expect(new URL(page.url()).searchParams.get('series')).toBe('{"sex":"Female"}');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'series-indicator-1280');
    await shot(page.locator('.page-heading'), 'series-indicator-1280-heading');
    await shot(page.getByTestId('action-gap'), 'series-indicator-1280-gap-chart');
    await shot(breakdown, 'series-indicator-1280-breakdown');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 390 px screen and passes axe there', async () => {
    const { page, context, errors } = await openPage(browser, 390, 844);
    await signIn(page, OFFICER, path);
    await page.getByTestId('breakdown-bars-table').waitFor();
    await page.getByTestId('breakdown-bars').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await overflowing(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'series-indicator-390');
    await shot(page.locator('.page-heading'), 'series-indicator-390-heading');
    await shot(page.getByTestId('breakdown'), 'series-indicator-390-breakdown');
    await shot(
      page.locator('section').filter({ has: page.getByTestId('series-values') }),
      'series-indicator-390-values',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads in German, with the same numbers', async () => {
    const { page, context, errors } = await openPage(browser, 1280);
    await signIn(page, OFFICER, path);
    await page.goto(`${app.baseUrl}${path}?lang=de`);
    const breakdown = page.getByTestId('breakdown');
    await breakdown.getByRole('heading', { name: 'Aufschlüsselungen' }).waitFor();
    await breakdown.getByRole('heading', { name: 'Nach sex im Jahr 2025' }).waitFor();
    const select = page.getByLabel('Reihe', { exact: true });
    expect((await select.locator('option').allTextContents())[0]).toBe(
      'Hauptreihe (für den Fortschritt verwendet)',
    );
    expect(
      await page.getByTestId('breakdown-bars-table').getByTitle('geschätzt').textContent(),
    ).toBe('e (geschätzt)');
    expect(await breakdown.getByTestId('flag-legend').textContent()).toBe(
      'Kennzeichen:e geschätzt',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'series-indicator-de');
    await shot(breakdown, 'series-indicator-de-breakdown');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the breakdown across cities, and the city overview', () => {
  it('compares the chosen series across cities on the compare page (1280 and 390 px)', async () => {
    for (const width of [1280, 390]) {
      const { page, context, errors } = await openPage(browser, width, 900);
      await signIn(page, OFFICER, `/networks/${NETWORK}/compare/${INDICATOR}`);
      const section = page.getByTestId('compare-series-section');
      await section.waitFor();
      await section.getByLabel('Series to compare').selectOption({ label: 'sex: Female' });
      await expect
        .poll(() => rows(page, 'compare-series-table'))
        .toContainEqual(['1', 'Košice', '5.4e (estimated)', '2025', '—']);
      await section.locator('.recharts-bar-rectangle').first().waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `series-compare-${width}`);
      await shot(section, `series-compare-${width}-section`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the city overview and the brief mark synthetic indicators and pass axe', async () => {
    const { page, context, errors } = await openPage(browser, 1280, 900);
    await page.goto(`${app.baseUrl}/cities/kosice`);
    await page.getByTestId('indicator-table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'series-city-1280');
    await shot(page.getByTestId('indicator-table'), 'series-city-1280-table');
    await page.goto(`${app.baseUrl}/cities/kosice/brief`);
    await page.getByTestId('brief').waitFor();
    await page.getByTestId('strongest-improvements').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'series-brief-1280');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the same file in the workspace', () => {
  it('shows the import report and edits one series in the grid', async () => {
    for (const width of [1280, 390]) {
      const { page, context, errors } = await openPage(browser, width, 900);
      await signIn(page, OFFICER, '/cities/kosice/workspace');
      await page.getByRole('tab', { name: 'Import' }).click();
      await page.getByRole('radio', { name: /An Open SDG data file for one indicator/ }).check();
      await page.getByLabel('Indicator of the file').selectOption(INDICATOR);
      await page.getByLabel('Or paste cells here').fill(FILE);
      await page.getByRole('button', { name: 'Check the file (nothing is written)' }).click();
      const report = page.getByTestId('import-report');
      await report.waitFor();
      expect(await page.getByTestId('import-format').textContent()).toBe(
        'File read as: Open SDG data file',
      );
      expect(await rows(page, 'import-series')).toHaveLength(2);
      await screenshot(page, `series-import-${width}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await overflowing(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Data' }).click();
      await page.getByLabel('Series shown and edited').selectOption({ label: 'sex: Female' });
      const grid = page.getByTestId('data-grid');
      await expect.poll(() => grid.locator('tbody tr:not(.goal-row)').count()).toBe(1);
      expect(
        await page.locator(`[data-cell="${INDICATOR}|2025"]`).getAttribute('aria-label'),
      ).toContain('5.4 %, estimated');
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `series-grid-${width}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('lets the coordinator add an indicator from Eurostat (1280 and 390 px)', async () => {
    // A code Eurostat has that no indicator of the demo network reads yet.
    const used = new Set(
      (
        (await (await fetch(`${app.baseUrl}/api/v1/networks/${NETWORK}/indicators`)).json()) as {
          indicators: Array<{ codes: Record<string, string> }>;
        }
      ).indicators.map((i) => i.codes.eurostat),
    );
    const { codes } = (await (
      await fetch(`${app.baseUrl}/api/v1/eurostat/indicators?search=noise&limit=50`)
    ).json()) as { codes: Array<{ code: string; label: string; suggestion: unknown }> };
    const free = codes.find((c) => !used.has(c.code));
    expect(free, 'a noise code not used by the demo network').toBeDefined();

    for (const width of [390, 1280]) {
      const { page, context, errors } = await openPage(browser, width, 900);
      await signIn(page, COORDINATOR, '/cities/kosice/workspace');
      await page.getByRole('tab', { name: 'Indicators' }).click();
      await page.getByLabel('Search Eurostat’s City statistics codes').fill('noise');
      const results = page.getByTestId('eurostat-results');
      await results.waitFor();
      const box = results.getByRole('checkbox', { name: new RegExp(free!.code) });
      await box.check();
      if (free!.suggestion === null) {
        await page.getByLabel(`SDG target of “${free!.label}”`).fill('11.6');
        await page.getByLabel(`Direction of “${free!.label}”`).selectOption('decrease');
      }
      expect(await page.getByTestId('eurostat-attribution').textContent()).toMatch(/Eurostat/);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
      await screenshot(page, `series-catalogue-${width}`);
      if (width === 1280) {
        await page.getByRole('button', { name: 'Add 1 indicator' }).click();
        await page
          .getByTestId('eurostat-added')
          .filter({ hasText: 'Added to Cities for Sustainability Governance' })
          .waitFor();
        // Now in the network: the code is no longer offered.
        await expect.poll(() => box.isDisabled()).toBe(true);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, 'series-catalogue-added');
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
