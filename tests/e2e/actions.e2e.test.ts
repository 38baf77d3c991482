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

/**
 * From gap to action (issue 16) as an officer goes through it: the Košice
 * officer adds an action with an expected effect to an indicator that has a
 * gap and no action yet; the workspace previews, and then the indicator page
 * shows, the projection with the action and the remaining gap the method
 * gives (checked against our own computation from the API's projection and
 * target). The workspace tab, the indicator page and the network's
 * good-practice library pass axe and fit a 390 px phone.
 */
let app: AppProcess;
let browser: Browser;
const CITY = 'kosice';
const NETWORK = 'cities-sustainability-governance-demo';
const OFFICER = { email: 'kosice@demo.example', password: 'demo kosice passphrase' };

async function apiSession(who: { email: string; password: string }) {
  const response = await fetch(`${app.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie };
}

async function getJson<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${app.baseUrl}${path}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function signIn(page: Page, next: string) {
  await page.goto(`${app.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(OFFICER.email);
  await page.getByLabel('Password').fill(OFFICER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
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
    const member = await apiSession(OFFICER);
    const progress = await getJson<CityProgressResponse>(`/api/v1/cities/${CITY}/progress`, member);
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
    await form.getByLabel(/^Expected effect/).fill(String(effect));
    await form.getByLabel('Effect by year').fill(String(ambition.targetYear));
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

    await form.getByRole('button', { name: 'Add the action' }).click();
    await expect
      .poll(() => page.getByTestId('actions-status').textContent())
      .toBe('\u201cBrowser-test action\u201d added as a draft.');
    await page.getByRole('heading', { name: 'Browser-test action' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-2-workspace-list');

    // The API agrees with the rule…
    const detail = await getJson<IndicatorDetailResponse>(
      `/api/v1/cities/${CITY}/indicators/${slug}/progress`,
      member,
    );
    const layer = detail.progress.actionGap!.withActions!;
    expect(layer.projectedValue).toBeCloseTo(projected, 9);
    expect(layer.remainingGap).toBeCloseTo(remaining, 9);
    const actions = await getJson<ActionListResponse>(
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
      `/api/v1/cities/${CITY}/indicators/${slug}/progress`,
    );
    expect(publicDetail.progress.actionGap?.withActions?.counted ?? []).not.toContain(created.id);
  });

  it('the workspace tab, the indicator page and the good-practice library fit a 390 px phone and pass axe', async () => {
    const progress = await getJson<CityProgressResponse>(`/api/v1/cities/${CITY}/progress`);
    const slug = progress.largestGaps[0]!;
    const { page, context, errors } = await openPage(browser, 390, 844);
    await signIn(page, `/cities/${CITY}/workspace`);
    await page.goto(`${app.baseUrl}/cities/${CITY}/workspace?tab=actions`);
    await page.getByTestId('actions-panel').waitFor();
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByTestId('action-form').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'actions-4-workspace-390');

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
    await page
      .locator('section[aria-labelledby="plan-heading"]')
      .screenshot({ path: path.join(ARTIFACTS, 'actions-8-city-plan-1280.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
