import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import type { NetworkListResponse } from '../../server/src/schemas/network.schema';
import type {
  CityProgressResponse,
  ComparisonResponse,
  IndicatorDetailResponse,
  NetworkScoresResponse,
} from '../../server/src/schemas/progress.schema';
import { startApp, type AppProcess } from './support/app-process';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  openPage,
  screenshot,
} from './support/browser';
import { getJson } from './support/api';

/**
 * Issue 17, item 20, in the browser: the "Download / share" toolbar of the
 * city, indicator, network and compare pages gives real files (CSV with its
 * BOM and the page's numbers, the server's exports), every chart downloads as
 * a PNG and a standalone SVG, and "Copy link to this view" puts the address
 * with its query state on the clipboard.
 */

let app: AppProcess;
let browser: Browser;
let network: string;
/** Košice's indicator with an ambition (its action-gap chart has every line). */
let indicator: { slug: string; name: string; unit: string };

const BOM = '\uFEFF';

/** What the tests use of the page's window inside `evaluate` (this project has no DOM types). */
interface SvgNode {
  nodeName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  DOMParser: new () => {
    parseFromString(
      source: string,
      type: string,
    ): {
      documentElement: SvgNode;
      querySelector(selector: string): SvgNode | null;
      querySelectorAll(selector: string): ArrayLike<SvgNode>;
    };
  };
  navigator: { clipboard: { readText(): Promise<string> } };
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Clicks `trigger` (or presses Enter on it) and returns the download with its bytes. */
async function download(
  page: Page,
  trigger: Locator,
  how: 'click' | 'keyboard' = 'click',
): Promise<{ name: string; bytes: Buffer }> {
  const event: Promise<Download> = page.waitForEvent('download', { timeout: 15_000 });
  if (how === 'click') await trigger.click();
  else {
    await trigger.focus();
    await page.keyboard.press('Enter');
  }
  const file = await event;
  const saved = path.join(ARTIFACTS, `downloads-${file.suggestedFilename()}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved) };
}

/** CSV text with its BOM (Buffer#toString keeps it). */
const text = (bytes: Buffer): string => bytes.toString('utf8');

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  network = (await getJson<NetworkListResponse>(app.baseUrl, '/api/v1/networks')).networks[0]!.slug;
  const progress = await getJson<CityProgressResponse>(
    app.baseUrl,
    '/api/v1/cities/kosice/progress',
  );
  const chosen = progress.indicators.find((i) => i.ambition !== null && i.actionGap !== null)!;
  indicator = { slug: chosen.slug, name: chosen.name, unit: chosen.unit };
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the indicator page', () => {
  it('downloads the chart’s numbers as CSV, the chart as PNG and SVG, and copies the link', async () => {
    const { page, context, errors } = await openPage(browser, 1280, 900);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.baseUrl,
    });
    const detail = await getJson<IndicatorDetailResponse>(
      app.baseUrl,
      `/api/v1/cities/kosice/indicators/${indicator.slug}/progress?year=2023`,
    );
    await page.goto(`${app.baseUrl}/cities/kosice/indicators/${indicator.slug}?year=2023&lang=en`);
    const bar = page.getByRole('group', { name: 'Download / share' });
    await bar.waitFor();

    // CSV: BOM, the series with the unit in the header, one row a year of the chart, dot decimals.
    const csv = await download(page, bar.getByRole('button', { name: 'Chart data (CSV)' }));
    expect(csv.name).toBe(`kosice-${indicator.slug}-2023.csv`);
    const lines = text(csv.bytes).trimEnd().split('\n');
    expect(lines[0]!.startsWith(`${BOM}Year,Observed (${indicator.unit})`)).toBe(true);
    expect(lines).toHaveLength(detail.chart.length + 1);
    const observed = detail.chart.find((p) => p.observed !== null)!;
    expect(lines.find((l) => l.startsWith(`${observed.year},`))!.split(',')[1]).toBe(
      String(observed.observed),
    );

    // The Open SDG export of the city for this network is a real zip.
    const zip = await download(page, bar.getByRole('link', { name: 'Open SDG (zip)' }));
    expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // The chart as SVG: parses, has its title, the series' names and the source line.
    const figure = page.getByTestId('action-gap');
    await figure.locator('.recharts-legend-item').first().waitFor();
    const svg = await download(page, figure.getByRole('button', { name: 'Download SVG' }));
    expect(svg.name).toBe(`kosice-${indicator.slug}-action-gap.svg`);
    const parsed = await page.evaluate((source) => {
      const { DOMParser } = globalThis as unknown as PageGlobals;
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        width: Number(doc.documentElement.getAttribute('width')),
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
        paths: doc.querySelectorAll('path').length,
      };
    }, text(svg.bytes));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain(`${indicator.name} \u2013 Košice: Action-gap chart`);
    for (const series of ['Observed', 'Required path', 'At today\u2019s pace', 'Target'])
      expect(parsed.texts).toContain(series);
    expect(parsed.texts.some((t) => t.includes('SDG City Monitor'))).toBe(true);
    expect(parsed.paths).toBeGreaterThan(3);
    // Styles travel with the file: the observed line's colour is written on it.
    expect(text(svg.bytes)).toContain('stroke:rgb(11, 92, 173)');

    // The chart as PNG: a PNG, twice the SVG's width.
    const png = await download(page, figure.getByRole('button', { name: 'Download PNG' }));
    expect(png.name).toBe(`kosice-${indicator.slug}-action-gap.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);

    // Copy link: the address with its year and language, announced politely.
    await bar.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('Link copied');
    expect(await bar.getByRole('status').getAttribute('aria-live')).toBe('polite');
    const copied = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).navigator.clipboard.readText(),
    );
    expect(copied).toBe(page.url());
    expect(new URL(copied).searchParams.get('year')).toBe('2023');

    await screenshot(page, 'downloads-indicator-1280-en');
    await figure.screenshot({ path: path.join(ARTIFACTS, 'downloads-indicator-chart-1280.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the city page', () => {
  for (const [width, lang] of [
    [1280, 'en'],
    [390, 'de'],
  ] as const) {
    it(`downloads its indicators (by keyboard) and the server’s export at ${width} px (${lang})`, async () => {
      const { page, context, errors } = await openPage(browser, width, 900);
      const progress = await getJson<CityProgressResponse>(
        app.baseUrl,
        '/api/v1/cities/kosice/progress',
      );
      await page.goto(`${app.baseUrl}/cities/kosice?lang=${lang}`);
      const bar = page.getByTestId('download-share');
      await bar.waitFor();
      const cityCsv = await download(page, page.getByTestId('download-city-csv'), 'keyboard');
      expect(cityCsv.name).toBe(`kosice-progress-${progress.year ?? 'latest'}.csv`);
      const lines = text(cityCsv.bytes).trimEnd().split('\n');
      expect(lines[0]).toBe(
        lang === 'en'
          ? `${BOM}Goal,Indicator,Unit,Year,Value,Baseline year,Baseline value,Target year,Target value,Status,Score 0–100`
          : `${BOM}Ziel,Indikator,Einheit,Jahr,Wert,Basisjahr,Basiswert,Zieljahr,Zielwert,Status,Punktzahl 0–100`,
      );
      expect(lines).toHaveLength(progress.indicators.length + 1);

      const values = await download(page, page.getByTestId('download-city-values'));
      expect(values.name).toBe('kosice-observations.csv');
      expect(text(values.bytes).split('\n')[0]).toBe(
        'city,indicator,series,year,value,status,flags,source,note',
      );

      // The toolbar fits the screen: nothing sideways inside it, every button on screen.
      expect(await bar.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      const barBox = (await bar.boundingBox())!;
      expect(barBox.x + barBox.width).toBeLessThanOrEqual(width);
      for (const button of await bar.locator('a, button').all()) {
        const box = (await button.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(barBox.x + barBox.width);
      }
      await bar.screenshot({
        path: path.join(ARTIFACTS, `downloads-city-bar-${width}-${lang}.png`),
      });
      await screenshot(page, `downloads-city-${width}-${lang}`);
      // The toolbar and the charts' download buttons add no WCAG violation.
      const violations = await accessibilityViolations(page);
      expect(violations.filter((v) => /download|copy-link|chart-downloads/.test(v))).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('the network and compare pages', () => {
  it('downloads the ranking and goal scores, the network’s values, and both comparison tables', async () => {
    const { page, context, errors } = await openPage(browser, 1280, 900);
    const scores = await getJson<NetworkScoresResponse>(
      app.baseUrl,
      `/api/v1/networks/${network}/scores`,
    );
    await page.goto(`${app.baseUrl}/networks/${network}?lang=en`);
    const bar = page.getByRole('group', { name: 'Download / share' });
    const scoresCsv = await download(
      page,
      bar.getByRole('button', { name: 'Ranking and goal scores (CSV)' }),
    );
    expect(scoresCsv.name).toBe(`${network}-scores-${scores.year ?? 'latest'}.csv`);
    const lines = text(scoresCsv.bytes).trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${BOM}Rank,City,Country,SDG index,${scores.goals.map((g) => `Goal ${g} score`).join(',')},Coverage (share 0–1)`,
    );
    expect(lines).toHaveLength(scores.cities.length + 1);
    const first = scores.cities.find((c) => c.rank === 1)!;
    expect(lines[1]!.startsWith(`1,${first.name},${first.countryCode},${first.index},`)).toBe(true);
    const all = await download(page, bar.getByRole('link', { name: 'All values (CSV)' }));
    expect(all.name).toBe(`${network}-observations.csv`);
    await screenshot(page, 'downloads-network-1280-en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the compare page at 390 px in German: CSV of the table, the trajectories as SVG, the link', async () => {
    const { page, context, errors } = await openPage(browser, 390, 844);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: app.baseUrl,
    });
    const data = await getJson<ComparisonResponse>(
      app.baseUrl,
      `/api/v1/networks/${network}/indicators/${indicator.slug}/comparison?lang=de`,
    );
    await page.goto(
      `${app.baseUrl}/networks/${network}/compare/${indicator.slug}?view=normalised&lang=de`,
    );
    const bar = page.getByRole('group', { name: 'Herunterladen / teilen' });
    const table = await download(page, bar.getByRole('button', { name: 'Vergleich (CSV)' }));
    expect(table.name).toBe(`${network}-${indicator.slug}-${data.year ?? 'latest'}.csv`);
    const lines = text(table.bytes).trimEnd().split('\n');
    expect(lines[0]!.startsWith(`${BOM}Stadt,Jahr,Letzter Wert`)).toBe(true);
    expect(lines).toHaveLength(data.cities.length + 1);

    const lines2 = page.getByTestId('compare-lines');
    await lines2.locator('.recharts-legend-item').first().waitFor();
    const svg = await download(page, lines2.getByRole('button', { name: 'SVG herunterladen' }));
    expect(svg.name).toBe(`${network}-${indicator.slug}-trajectories.svg`);
    const highlighted = await lines2.locator('.recharts-legend-item-text').allTextContents();
    const svgText = text(svg.bytes);
    for (const name of highlighted) expect(svgText).toContain(`>${name}</text>`);
    const png = await download(page, lines2.getByRole('button', { name: 'PNG herunterladen' }));
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    await bar.getByRole('button', { name: 'Link zu dieser Ansicht kopieren' }).click();
    await expect.poll(() => bar.getByRole('status').textContent()).toBe('Link kopiert');
    const copied = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).navigator.clipboard.readText(),
    );
    expect(new URL(copied).searchParams.get('view')).toBe('normalised');
    expect(new URL(copied).searchParams.get('lang')).toBe('de');

    const barBox = (await bar.boundingBox())!;
    expect(barBox.x + barBox.width).toBeLessThanOrEqual(390);
    expect(await bar.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await bar.screenshot({ path: path.join(ARTIFACTS, 'downloads-compare-bar-390-de.png') });
    await screenshot(page, 'downloads-compare-390-de');
    const violations = await accessibilityViolations(page);
    expect(violations.filter((v) => /download|copy-link|chart-downloads/.test(v))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
