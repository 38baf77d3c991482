import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ActionListResponse } from '../../server/src/schemas/action.schema';
import type {
  CityProgressResponse,
  IndicatorDetailResponse,
} from '../../server/src/schemas/progress.schema';
import { startApp, type AppProcess } from './support/app-process';
import path from 'node:path';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  openPage,
  screenshot,
} from './support/browser';
import { getJson, signInByApi } from './support/api';
import { COORDINATOR, DEMO_NETWORK as NETWORK, OFFICER, signInThroughForm } from './support/demo';

/**
 * From gap to action (issue 16) as an officer goes through it: the Košice
 * officer adds an action with an expected effect to an indicator that has a
 * gap and no action yet; the workspace previews, and then the indicator page
 * shows, the projection with the action and the remaining gap the method
 * gives (checked against our own computation from the API's projection and
 * target). The preview is the indicator's action-gap chart and table, whose
 * path with actions follows what is typed before anything is saved. The
 * workspace tab, the indicator page and the network's good-practice library
 * pass axe and fit a 390 px phone; a coordinator's good practice joins the
 * library.
 */
let app: AppProcess;
let browser: Browser;
const CITY = 'kosice';

async function signIn(page: Page, next: string, who = OFFICER) {
  await signInThroughForm(page, app.baseUrl, who, next);
}

/** A value as the English interface shows it (client/src/lib/format.ts formatValue). */
function shown(value: number, decimals: number, unit: string): string {
  const options = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  const text =
    unit === '%'
      ? new Intl.NumberFormat('en', { style: 'percent', ...options }).format(value / 100)
      : `${new Intl.NumberFormat('en', options).format(value)}${unit === '' ? '' : `\u00a0${unit}`}`;
  return text.replace('-', '\u2212');
}

/** A number as the English gap table shows it (no unit). */
function cell(value: number, decimals: number): string {
  return new Intl.NumberFormat('en', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
    .format(value)
    .replace('-', '\u2212');
}

/** The preview table's cell in the "Preview: with this action" column for one year ('' when the column is absent). */
async function previewCell(page: Page, year: number): Promise<string> {
  const table = page.getByTestId('action-preview-chart').getByTestId('gap-table');
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.indexOf('Preview: with this action');
  if (column < 0) return '';
  const row = table.locator('tbody tr', { has: page.locator(`th:text-is("${year}")`) });
  return (await row.locator('th, td').nth(column).textContent()) ?? '';
}

const overflow = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('local action plans', () => {
  it('an officer adds an action to an off-track indicator: the path with actions and the remaining gap follow the rule', async () => {
    const member = await signInByApi(app.baseUrl, OFFICER, { json: false });
    const progress = await getJson<CityProgressResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/progress`,
      member,
    );
    // A gap with no action yet: what the new action adds is all there is.
    const slug = progress.uncoveredGaps.find((s) => {
      const i = progress.indicators.find((x) => x.slug === s)!;
      return i.ambition !== null && (i.actionGap?.projectedValue ?? null) !== null;
    });
    expect(slug, 'the demo has an uncovered gap').toBeDefined();
    const indicator = progress.indicators.find((i) => i.slug === slug)!;
    const gap = indicator.actionGap!;
    const ambition = indicator.ambition!;
    const d = indicator.direction === 'increase' ? 1 : -1;
    // Half the gap, in the data's own decimals, in the right direction.
    const step = 10 ** -indicator.decimals;
    const effect = Number(
      (d * Math.max(step, Math.round(gap.gap! / 2 / step) * step)).toFixed(indicator.decimals),
    );
    const projected = gap.projectedValue! + effect;
    const remaining = Math.max(0, d * (ambition.targetValue - projected));
    const fmt = (v: number) => shown(v, indicator.decimals, indicator.unit);

    const { page, context, errors } = await openPage(browser);
    await signIn(page, `/cities/${CITY}/workspace`);
    await page.getByRole('tab', { name: 'Actions' }).click();
    await page.getByTestId('actions-panel').waitFor();
    await page.getByRole('button', { name: 'Add an action' }).click();
    const form = page.getByTestId('action-form');
    await form.getByLabel('Title').fill('Browser-test action');
    await form.getByLabel('Department').fill('Mayor\u2019s office');
    await form.getByLabel('Indicator 1').selectOption(slug!);
    // The indicator's action-gap chart, labelled as a preview, with its table: no action counts
    // on this uncovered gap yet, so there is no path with actions until an effect is typed.
    const previewGroup = form.getByRole('group', { name: 'Preview: with this action' });
    await previewGroup
      .getByTestId('action-preview-chart')
      .locator('.recharts-surface')
      .first()
      .waitFor();
    expect(await previewCell(page, ambition.targetYear)).toBe('');
    await form.getByLabel(/^Expected effect/).fill(String(effect));
    await form.getByLabel('Effect by year').fill(String(ambition.targetYear));
    // Before saving, the chart's table and legend carry the projection with this action.
    await expect
      .poll(() => previewCell(page, ambition.targetYear))
      .toBe(cell(projected, indicator.decimals));
    expect(
      await previewGroup
        .getByTestId('action-preview-chart')
        .locator('.recharts-legend-item-text')
        .allTextContents(),
    ).toContain('Preview: with this action');
    await form.getByLabel('Note or source').fill('Half the gap, for the test');
    const preview = form.getByTestId('action-preview');
    await expect.poll(() => preview.textContent()).toContain(`with this action: ${fmt(projected)}`);
    expect(await form.getByTestId('preview-remaining').textContent()).toBe(
      remaining <= 0
        ? 'Remaining gap: none, ahead of the target.'
        : `Remaining gap: ${fmt(remaining)}.`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-1-workspace-form');
    await previewGroup.screenshot({
      path: path.join(ARTIFACTS, 'actions-1b-preview-chart-1280.png'),
    });

    await form.getByRole('button', { name: 'Add the action' }).click();
    await expect
      .poll(() => page.getByTestId('actions-status').textContent())
      .toBe('\u201cBrowser-test action\u201d added as a draft.');
    await page.getByRole('heading', { name: 'Browser-test action' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-2-workspace-list');

    // The API agrees with the rule…
    const detail = await getJson<IndicatorDetailResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/indicators/${slug}/progress`,
      member,
    );
    const layer = detail.progress.actionGap!.withActions!;
    expect(layer.projectedValue).toBeCloseTo(projected, 9);
    expect(layer.remainingGap).toBeCloseTo(remaining, 9);
    const actions = await getJson<ActionListResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/actions?indicator=${slug}`,
      member,
    );
    const created = actions.actions.find((a) => a.title === 'Browser-test action')!;
    expect(layer.counted).toContain(created.id);

    // …and the indicator page shows it: the sentence, the table column, the line and the list.
    await page.goto(`${app.baseUrl}/cities/${CITY}/indicators/${slug}`);
    const sentence = page.getByTestId('with-actions-sentence');
    await sentence.waitFor();
    const text = (await sentence.textContent())!;
    expect(text).toContain(`the projected value is ${fmt(projected)}`);
    if (remaining > 0) expect(text).toContain(`remaining gap ${fmt(remaining)}`);
    else expect(text).toContain('ahead of the target');
    await page.locator('[data-testid="action-gap"] .recharts-surface').first().waitFor();
    expect(
      await page.locator('[data-testid="action-gap"] .recharts-legend-item-text').allTextContents(),
    ).toContain('With planned actions');
    const table = page.getByTestId('gap-table');
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf('With planned actions');
    expect(column).toBeGreaterThan(0);
    const targetRow = table.locator('tbody tr', { hasText: String(ambition.targetYear) }).first();
    expect(await targetRow.locator('th, td').nth(column).textContent()).toBe(
      new Intl.NumberFormat('en', {
        minimumFractionDigits: indicator.decimals,
        maximumFractionDigits: indicator.decimals,
      })
        .format(projected)
        .replace('-', '\u2212'),
    );
    const card = page.getByTestId('action-card').filter({ hasText: 'Browser-test action' });
    expect(await card.textContent()).toContain('Draft, not public yet');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-3-indicator');
    expect(errors).toEqual([]);
    await context.close();

    // The public does not see the draft, nor its effect.
    const publicDetail = await getJson<IndicatorDetailResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/indicators/${slug}/progress`,
    );
    expect(publicDetail.progress.actionGap?.withActions?.counted ?? []).not.toContain(created.id);
  });

  it('the workspace tab, the indicator page and the good-practice library fit a 390 px phone and pass axe', async () => {
    const progress = await getJson<CityProgressResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/progress`,
    );
    const slug = progress.largestGaps[0]!;
    // The officer's working copy: what the preview starts from (drafts' effects included).
    const member = await getJson<CityProgressResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/progress`,
      await signInByApi(app.baseUrl, OFFICER, { json: false }),
    );
    const indicator = member.indicators.find((i) => i.slug === slug)!;
    const ambition = indicator.ambition!;
    const withOthers =
      indicator.actionGap!.withActions?.projectedValue ?? indicator.actionGap!.projectedValue!;
    const effect = Number(
      ((indicator.direction === 'increase' ? 1 : -1) * 3 * 10 ** -indicator.decimals).toFixed(
        indicator.decimals,
      ),
    );
    const noAmbition = member.indicators.find((i) => i.ambition === null);
    expect(noAmbition, 'the demo has an indicator without an ambition').toBeDefined();

    const { page, context, errors } = await openPage(browser, 390, 844);
    await signIn(page, `/cities/${CITY}/workspace`);
    await page.goto(`${app.baseUrl}/cities/${CITY}/workspace?tab=actions`);
    await page.getByTestId('actions-panel').waitFor();
    await page.getByRole('button', { name: 'Add an action' }).click();
    const form = page.getByTestId('action-form');
    await form.waitFor();
    // Without an ambition there is no gap to preview: the form says so instead of a chart.
    await form.getByLabel('Indicator 1').selectOption(noAmbition!.slug);
    await expect
      .poll(() => form.getByTestId('action-preview-none').textContent())
      .toContain('has no ambition');
    expect(await form.getByTestId('action-preview-chart').count()).toBe(0);
    // With one: the preview chart fits the phone and follows what is typed.
    await form.getByLabel('Indicator 1').selectOption(slug);
    await form.getByLabel(/^Expected effect/).fill(String(effect));
    await form.getByLabel('Effect by year').fill(String(ambition.targetYear));
    const previewGroup = form.getByRole('group', { name: 'Preview: with this action' });
    await previewGroup
      .getByTestId('action-preview-chart')
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await expect
      .poll(() => previewCell(page, ambition.targetYear))
      .toBe(cell(withOthers + effect, indicator.decimals));
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-4-workspace-390');
    await previewGroup.screenshot({
      path: path.join(ARTIFACTS, 'actions-4b-preview-chart-390.png'),
    });

    await page.goto(`${app.baseUrl}/cities/${CITY}/indicators/${slug}`);
    await page.locator('[data-testid="action-gap"] .recharts-surface').first().waitFor();
    await page.getByRole('heading', { name: 'Planned actions' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-5-indicator-390');

    for (const [width, name] of [
      [390, 'actions-6-good-practices-390'],
      [1280, 'actions-7-good-practices-1280'],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${app.baseUrl}/networks/${NETWORK}/good-practices`);
      await page
        .getByTestId('good-practice-count')
        .filter({ hasText: /good practice/ })
        .waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, name);
    }
    expect(await page.getByTestId('trajectory').count()).toBeGreaterThan(0);

    // The network page links to it; the city page sums the plan up.
    await page.goto(`${app.baseUrl}/networks/${NETWORK}`);
    await page.getByTestId('good-practices-link').waitFor();
    await page.goto(`${app.baseUrl}/cities/${CITY}`);
    await page.getByTestId('plan-summary').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The largest gaps' small charts draw the path with planned actions where one counts, keyed
    // like the indicator page's chart and said in words next to each chart.
    const gaps = page.getByTestId('largest-gaps');
    const withPath = await gaps.locator('.gap-card .mini-gap__with-actions').count();
    expect(withPath, 'a largest gap of the demo has a counted action').toBeGreaterThan(0);
    expect(await gaps.getByTestId('with-actions-sentence').count()).toBe(withPath);
    for (const card of await gaps.locator('.gap-card').all())
      expect(await card.locator('.mini-gap__with-actions').count()).toBe(
        await card.getByTestId('with-actions-sentence').count(),
      );
    expect(
      await page
        .locator('section[aria-labelledby="gaps-heading"]')
        .getByTestId('mini-gap-legend')
        .textContent(),
    ).toContain('With planned actions');
    await page
      .locator('section[aria-labelledby="gaps-heading"]')
      .screenshot({ path: path.join(ARTIFACTS, 'actions-8b-city-gaps-1280.png') });
    await page
      .locator('section[aria-labelledby="plan-heading"]')
      .screenshot({ path: path.join(ARTIFACTS, 'actions-8-city-plan-1280.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a coordinator marks an approved action as a good practice and it joins the network\u2019s library', async () => {
    const before = await getJson<ActionListResponse>(app.baseUrl, `/api/v1/cities/${CITY}/actions`);
    const chosen = before.actions.find(
      (a) => a.review.publishedAt !== null && !a.goodPracticeIn.includes(NETWORK),
    );
    expect(
      chosen,
      'the demo city has an approved action that is not a good practice',
    ).toBeDefined();
    const library = await getJson<{ goodPractices: Array<{ action: { id: number } }> }>(
      app.baseUrl,
      `/api/v1/networks/${NETWORK}/good-practices`,
    );
    expect(library.goodPractices.map((g) => g.action.id)).not.toContain(chosen!.id);

    const { page, context, errors } = await openPage(browser);
    await signIn(page, `/cities/${CITY}`, COORDINATOR);
    const plan = page.locator('section[aria-labelledby="plan-heading"]');
    await plan.locator('summary').click();
    const card = plan.getByTestId('action-card').filter({
      has: page.locator('.action-card__title', { hasText: chosen!.title }),
    });
    const toggle = card.getByRole('button', { name: /^Good practice of / });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toMatch(/^Marked as a good practice of /);
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${app.baseUrl}/networks/${NETWORK}/good-practices`);
    const practices = page.getByTestId('good-practices');
    const practice = practices.getByTestId('action-card').filter({
      has: page.locator('.action-card__title', { hasText: chosen!.title }),
    });
    await practice.waitFor();
    expect(await practice.textContent()).toContain(chosen!.cityName);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-9-good-practice-marked');
    expect(errors).toEqual([]);
    await context.close();
  });
});
