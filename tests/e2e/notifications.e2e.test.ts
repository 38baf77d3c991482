import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppProcess } from './support/app-process';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  openPage,
  screenshot,
} from './support/browser';
import { signInByApi, type Credentials } from './support/api';
import { COORDINATOR, DEMO_NETWORK as NETWORK, OFFICER, signInThroughForm } from './support/demo';

/**
 * In-app review notifications (issue 17, item 11) as people meet them: the
 * Košice officer submits 2025; the coordinator sees the count in the header,
 * opens the notifications, follows the item to the review queue (the count
 * drops), and returns the year with a comment in the workspace; the officer
 * then reads "returned" with the comment and follows it to the review of 2025.
 * The page is checked at 390 px in German and French and by keyboard alone.
 *
 * Demo state: Košice 2025 is a draft, every other Košice year approved.
 */
let app: AppProcess;
let browser: Browser;
const COMMENT = 'Long-term unemployment for 2025 repeats the 2024 value: please check the source.';

async function signIn(page: Page, who: Credentials, next: string): Promise<void> {
  await signInThroughForm(page, app.baseUrl, who, next);
}

/** The header's notifications link, whatever its count. */
const headerLink = (page: Page) => page.locator('header').getByTestId('notifications-link');

/** The unread count the header's link names ("Notifications, 3 unread"; none: 0). */
async function headerCount(page: Page): Promise<number> {
  const name = (await headerLink(page).getAttribute('aria-label')) ?? '';
  const match = /(\d+)/.exec(name);
  return match === null ? 0 : Number(match[1]);
}

/** No element reaches beyond the viewport's right edge (outside a scroll box). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = globalThis as unknown as {
      innerWidth: number;
      document: {
        querySelectorAll(selector: string): ArrayLike<{
          getBoundingClientRect(): { right: number; width: number };
          tagName: string;
          className: string;
          textContent: string | null;
        }>;
      };
    };
    const out: string[] = [];
    for (const el of Array.from(doc.document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > doc.innerWidth + 1)
        out.push(`${el.tagName}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`);
    }
    return out;
  });
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('review notifications', () => {
  it('submitted → the coordinator’s badge, page and queue; returned with a comment → the officer sees it', async () => {
    // The officer submits 2025 (as a script would; the workspace test does it in the browser).
    const officerApi = await signInByApi(app.baseUrl, OFFICER);
    const submitted = await fetch(
      `${app.baseUrl}/api/v1/networks/${NETWORK}/cities/kosice/reviews/2025/submit`,
      { method: 'POST', headers: officerApi, body: '{}' },
    );
    expect(submitted.status).toBe(200);

    // The coordinator signs in: the header counts the submission.
    const coordinator = await openPage(browser);
    const page = coordinator.page;
    await signIn(page, COORDINATOR, '/networks');
    await expect.poll(() => headerCount(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const before = await headerCount(page);
    expect(await headerLink(page).getAttribute('aria-label')).toBe(
      `Notifications, ${before} unread`,
    );
    expect(await headerLink(page).getByTestId('notifications-badge').textContent()).toBe(
      String(before),
    );

    // The notifications page: the submission, unread, linking to the review queue.
    await headerLink(page).click();
    await page.waitForURL((url) => url.pathname === '/notifications');
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const item = page
      .getByTestId('notification')
      .filter({ hasText: 'submitted Košice’s 2025 figures' })
      .first();
    await item.waitFor();
    expect(await item.getByText('Unread').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'notifications-coordinator');

    // Following it opens the queue and marks it read: the header's count drops.
    await item.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/networks/${NETWORK}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await expect.poll(() => headerCount(page), { timeout: 15_000 }).toBe(before - 1);

    // The coordinator returns the year with a comment, in the workspace.
    await page.getByRole('link', { name: 'Review Košice 2025' }).click();
    await page.waitForURL(/\/cities\/kosice\/workspace/);
    const table = page.getByTestId('review-table');
    await table.getByRole('button', { name: 'Return 2025 with comments' }).click();
    await table.getByLabel('What should the city fix?').fill(COMMENT);
    await table.getByRole('button', { name: 'Return 2025 with comments' }).click();
    await page.getByText('2025 returned to the city.').waitFor();
    expect(coordinator.errors).toEqual([]);
    await coordinator.context.close();

    // The officer: the header counts the return; the page says who returned it and why.
    const officer = await openPage(browser);
    const officerPage = officer.page;
    await signIn(officerPage, OFFICER, '/cities/kosice');
    await expect
      .poll(() => headerCount(officerPage), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    await headerLink(officerPage).click();
    await officerPage.waitForURL((url) => url.pathname === '/notifications');
    const returned = officerPage
      .getByTestId('notification')
      .filter({ hasText: 'returned Košice’s 2025 figures' })
      .first();
    await returned.waitFor();
    const text = (await returned.textContent()) ?? '';
    expect(text).toContain('returned Košice’s 2025 figures in');
    expect(text).toContain(`: “${COMMENT}”`);
    expect(await returned.getByText('Unread').count()).toBe(1);

    // Only unread, then follow it by keyboard to the review of 2025.
    await officerPage.getByRole('checkbox', { name: 'Only unread' }).check();
    await officerPage.waitForURL(/unread=true/);
    await returned.getByRole('link').focus();
    await officerPage.keyboard.press('Enter');
    await officerPage.waitForURL(/\/cities\/kosice\/workspace\?.*tab=review.*year=2025/);
    const row = officerPage
      .getByTestId('review-table')
      .getByRole('row')
      .filter({ has: officerPage.getByRole('rowheader', { name: '2025' }) });
    await expect.poll(() => row.getAttribute('class')).toContain('highlight');
    expect(officer.errors).toEqual([]);
    await officer.context.close();
  });

  it('reads well at 1280 and 390 px in German and French, with nothing beyond the screen', async () => {
    // A fresh unread return with a comment for the officer: resubmitted, returned again.
    const officerApi = await signInByApi(app.baseUrl, OFFICER);
    const coordinatorApi = await signInByApi(app.baseUrl, COORDINATOR);
    const base = `${app.baseUrl}/api/v1/networks/${NETWORK}/cities/kosice/reviews/2025`;
    const resubmitted = await fetch(`${base}/submit`, {
      method: 'POST',
      headers: officerApi,
      body: '{}',
    });
    expect(resubmitted.status).toBe(200);
    const returnedAgain = await fetch(`${base}/return`, {
      method: 'POST',
      headers: coordinatorApi,
      body: JSON.stringify({ comment: `${COMMENT} Also the source of PM2.5.` }),
    });
    expect(returnedAgain.status).toBe(200);
    // Screenshots go to test-results/e2e, and also to NOTIFICATION_SHOTS when set.
    const shots = process.env.NOTIFICATION_SHOTS;
    for (const lang of ['de', 'fr'] as const) {
      for (const width of [1280, 390]) {
        const { context, page, errors } = await openPage(browser, width, 900);
        await signIn(page, OFFICER, '/cities/kosice');
        await page.goto(`${app.baseUrl}/notifications?lang=${lang}`);
        await page.getByTestId('notification').first().waitFor();
        await headerLink(page).getByTestId('notifications-badge').waitFor();
        if (width === 390) expect(await overflowing(page)).toEqual([]);
        expect(await accessibilityViolations(page)).toEqual([]);
        await screenshot(page, `notifications-${lang}-${width}`);
        if (shots !== undefined && shots !== '') {
          fs.mkdirSync(shots, { recursive: true });
          fs.copyFileSync(
            path.join(ARTIFACTS, `notifications-${lang}-${width}.png`),
            path.join(shots, `notifications-${lang}-${width}.png`),
          );
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  });
});
