import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { NetworkListResponse } from '../../server/src/schemas/network.schema';
import type {
  CityProgressResponse,
  IndicatorDetailResponse,
} from '../../server/src/schemas/progress.schema';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { getJson } from './support/api';

/**
 * Issue 17, items 15–17, where only a browser shows them: the chart tooltip's
 * lines and position on a phone, the "Target year" label inside the chart,
 * the charts' accessible names, the explanations of jargon on focus, and one
 * sign convention for rates on the compare page.
 */

let app: AppProcess;
let browser: Browser;
let network: string;
/** A city and indicator whose action-gap chart has a target (a per-100,000 one when there is). */
let gapChart: { city: string; indicator: string; unit: string; names: string[] };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, selector).not.toBeNull();
  return b!;
}

/** Hovers the action-gap chart at a fraction of its plot's width and returns the tooltip's text and box. */
async function hoverGapChart(
  page: Page,
  fraction: number,
): Promise<{ text: string; box: Box } | null> {
  const plot = await box(page, '[data-testid="action-gap"] .recharts-cartesian-grid');
  await page.mouse.move(plot.x + plot.width * fraction, plot.y + plot.height / 2);
  const tooltip = page.locator('[data-testid="action-gap"] [data-testid="chart-tooltip"]');
  try {
    await tooltip.waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    return null;
  }
  // recharts moves the tooltip into place after measuring it.
  await page.waitForTimeout(300);
  const title = (await tooltip.locator('.chart-tooltip__title').innerText()).trim();
  const rows = (await tooltip.locator('li').allInnerTexts()).map((r) => r.trim());
  return { text: [title, ...rows].join('\n'), box: (await tooltip.boundingBox())! };
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  network = (await getJson<NetworkListResponse>(app.baseUrl, '/api/v1/networks')).networks[0]!.slug;
  const progress = await getJson<CityProgressResponse>(
    app.baseUrl,
    '/api/v1/cities/kosice/progress',
  );
  const withTarget = progress.indicators.filter((i) => i.ambition !== null && i.actionGap !== null);
  const chosen =
    withTarget.find((i) => i.unit === 'per 100,000 inhabitants') ??
    withTarget.find((i) => i.unit !== '%') ??
    withTarget[0]!;
  const detail = await getJson<IndicatorDetailResponse>(
    app.baseUrl,
    `/api/v1/cities/kosice/indicators/${chosen.slug}/progress`,
  );
  gapChart = {
    city: 'kosice',
    indicator: chosen.slug,
    unit: chosen.unit,
    names: detail.chart.some((p) => (p.withActions ?? null) !== null)
      ? ['Observed', 'Required path', 'At today\u2019s pace', 'Target', 'With planned actions']
      : ['Observed', 'Required path', 'At today\u2019s pace', 'Target'],
  };
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the action-gap chart (item 17)', () => {
  for (const width of [1280, 390]) {
    it(`shows only the series in its tooltip, keeps it on screen and "Target year" inside the chart at ${width} px`, async () => {
      const { page, context, errors } = await openPage(browser, width, width === 390 ? 844 : 900);
      await page.goto(
        `${app.baseUrl}/cities/${gapChart.city}/indicators/${gapChart.indicator}?lang=en`,
      );
      await page.locator('[data-testid="action-gap"] .recharts-surface').first().waitFor();
      await page.locator('[data-testid="action-gap"]').scrollIntoViewIfNeeded();

      // The chart has one name; its numbers are in the table.
      const svg = page
        .locator('[data-testid="action-gap"] .recharts-wrapper > svg.recharts-surface')
        .first();
      expect(await svg.getAttribute('role')).toBe('img');
      expect(await svg.getAttribute('aria-label')).toBe('Action-gap chart');

      // "Target year" ends inside the chart, not past its right edge.
      const chart = await box(
        page,
        '[data-testid="action-gap"] .recharts-wrapper > svg.recharts-surface',
      );
      const label = await box(page, '[data-testid="action-gap"] [data-testid="target-year-label"]');
      expect(await page.locator('[data-testid="target-year-label"]').first().textContent()).toBe(
        'Target year',
      );
      expect(label.x).toBeGreaterThanOrEqual(chart.x);
      expect(label.x + label.width).toBeLessThanOrEqual(chart.x + chart.width);

      // Across the plot, up to the target year at its right end: the tooltip names real
      // series only (no "year : 2,030.0 …" line) and stays inside the screen.
      let seen = 0;
      for (const fraction of [0.02, 0.5, 0.8, 0.99]) {
        const shown = await hoverGapChart(page, fraction);
        if (shown === null) continue;
        seen += 1;
        const lines = shown.text.split('\n').slice(1);
        expect(lines.length, shown.text).toBeGreaterThan(0);
        for (const line of lines) {
          const name = line.split(':')[0]!.trim();
          expect(gapChart.names, `tooltip line "${line}"`).toContain(name);
        }
        expect(shown.text).not.toMatch(/^year\b/im);
        expect(shown.box.x, `tooltip at ${fraction}`).toBeGreaterThanOrEqual(0);
        expect(shown.box.x + shown.box.width, `tooltip at ${fraction}`).toBeLessThanOrEqual(width);
        if (fraction === 0.99) {
          // At the target year the target is listed once, as "Target".
          expect(lines.filter((l) => l.startsWith('Target:'))).toHaveLength(1);
          await page.screenshot({
            path: `test-results/e2e/numbers-tooltip-${width}.png`,
          });
        }
      }
      expect(seen).toBeGreaterThanOrEqual(3);
      await page.mouse.move(0, 0);
      await screenshot(page, `numbers-indicator-${width}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('jargon explained where it appears (item 16)', () => {
  it('shows the gap\u2019s explanation on keyboard focus, on screen at 390 px, with a link to the methodology section', async () => {
    const { page, context, errors } = await openPage(browser, 390, 844);
    await page.goto(
      `${app.baseUrl}/cities/${gapChart.city}/indicators/${gapChart.indicator}?lang=en`,
    );
    const figures = page.getByTestId('action-gap-figures');
    await figures.waitFor();
    const button = figures.getByRole('button', {
      name: 'What \u201cGap at the target year\u201d means',
    });
    await button.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const tip = figures.locator('.term__tip--open');
    await tip.waitFor();
    const b = (await tip.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
    await screenshot(page, 'numbers-term-390');
    await figures.screenshot({ path: 'test-results/e2e/numbers-term-390-figures.png' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Tab reaches the link inside; following it lands on the section.
    await page.keyboard.press('Tab');
    const link = tip.getByRole('link', { name: 'How it is computed' });
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe(
      await link.textContent(),
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/methodology\?lang=en#reading-gap$/);
    const section = page.locator('#reading-gap');
    await section.waitFor();
    expect(await page.evaluate<string>('document.activeElement?.id ?? ""')).toBe('reading-gap');
    const top = (await section.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(844);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the compare page (items 15 and 17)', () => {
  for (const [width, lang] of [
    [1280, 'en'],
    [390, 'fr'],
  ] as const) {
    it(`names its charts, says scores in the scores view and shows rates with better or worse at ${width} px (${lang})`, async () => {
      const { page, context, errors } = await openPage(browser, width, width === 390 ? 844 : 900);
      await page.goto(
        `${app.baseUrl}/networks/${network}/compare/pm25-annual-mean?view=normalised&lang=${lang}`,
      );
      await page.locator('[data-testid="compare-lines"] .recharts-surface').first().waitFor();
      await page.locator('[data-testid="compare-bars"] .recharts-legend-wrapper').waitFor();
      const bars = page.getByTestId('compare-bars');
      const legend = (await bars.locator('.recharts-legend-wrapper').innerText()).trim();
      expect(legend).toContain(lang === 'en' ? 'Score 0\u2013100' : 'Score 0\u2013100');
      expect(legend).not.toContain(lang === 'en' ? 'Latest value' : 'Dernière valeur');
      for (const id of ['compare-bars', 'compare-lines']) {
        const svg = page
          .locator(`[data-testid="${id}"] .recharts-wrapper > svg.recharts-surface`)
          .first();
        expect(await svg.getAttribute('role')).toBe('img');
        const name = (await svg.getAttribute('aria-label')) ?? '';
        expect(name).toMatch(/PM2/);
        expect(name).not.toMatch(/^\d/);
      }
      // Every rate reads in the data's direction with a word: falling PM2.5 is better.
      const rates = await page
        .getByTestId('compare-table')
        .locator('.rate-change')
        .evaluateAll((els) =>
          els.map((el) => ({
            text: el.textContent ?? '',
            verdict: el.getAttribute('data-verdict'),
          })),
        );
      expect(rates.length).toBeGreaterThan(0);
      for (const r of rates) {
        const falling = r.text.trim().startsWith('\u2212');
        const rising = r.text.trim().startsWith('+');
        if (falling) expect(r.verdict, r.text).toBe('better');
        if (rising) expect(r.verdict, r.text).toBe('worse');
      }
      await screenshot(page, `numbers-compare-${width}-${lang}`);
      await bars.screenshot({ path: `test-results/e2e/numbers-compare-bars-${width}-${lang}.png` });
      await page
        .getByTestId('compare-table')
        .screenshot({ path: `test-results/e2e/numbers-compare-table-${width}-${lang}.png` });
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
