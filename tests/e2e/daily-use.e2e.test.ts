import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CsvReader, csvLine } from '../../server/src/domain/csv';
import { startApp, type AppProcess } from './support/app-process';
import fs from 'node:fs';
import path from 'node:path';
import {
  accessibilityViolations,
  ARTIFACTS,
  launchBrowser,
  openPage,
  screenshot,
} from './support/browser';
import { signInByApi } from './support/api';
import { COORDINATOR, DEMO_NETWORK as NETWORK, OFFICER } from './support/demo';

/**
 * Fit for daily use (issue 17 items 6, 7, 9, 12) as people go through it:
 * the Košice officer signs in and lands on the workspace, which says why 2025
 * came back; the recent changes read as names, units and localised numbers;
 * the coordinator lands on the review queue, reviews at phone width, and
 * switches the network views between published figures and drafts; a visitor
 * never sees drafts.
 *
 * Demo state: every year approved except Košice 2025 (a draft) and València
 * 2025 (submitted). Before the walk, the officer changes a value and an
 * ambition and submits 2025, and the coordinator returns it with a reason.
 */
let app: AppProcess;
let browser: Browser;
const REASON = 'The youth NEET rate fell by a third in one year: please check the 2025 source.';

/** Changes a record through its ETag, as the app does. */
async function put(headers: Record<string, string>, path: string, body: unknown) {
  const current = await fetch(`${app.baseUrl}${path}`, { headers });
  const etag = current.headers.get('etag');
  const response = await fetch(`${app.baseUrl}${path}`, {
    method: 'PUT',
    headers: { ...headers, ...(etag === null ? {} : { 'if-match': etag }) },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function review(headers: Record<string, string>, step: string, comment?: string) {
  const response = await fetch(
    `${app.baseUrl}/api/v1/networks/${NETWORK}/cities/kosice/reviews/2025/${step}`,
    {
      method: 'POST',
      headers,
      body: JSON.stringify(comment === undefined ? {} : { comment }),
    },
  );
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Signs in from the sign-in page itself (no page asked for) and waits to land. */
async function signIn(page: Page, who: { email: string; password: string }, lang = 'en') {
  await page.goto(`${app.baseUrl}/sign-in?lang=${lang}`);
  await page.locator('#sign-in-email').fill(who.email);
  await page.locator('#sign-in-password').fill(who.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** What the reader sees first (the viewport only), next to the full-page screenshot. */
async function firstScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-first-screen.png`) });
}

/** Buttons and links inside `selector` that end beyond the viewport's right edge. */
async function offScreen(page: Page, selector: string): Promise<string[]> {
  const width = page.viewportSize()!.width;
  const boxes = await page.locator(`${selector} button, ${selector} a`).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent ?? '', left: r.left, right: r.right, shown: r.width > 0 };
    }),
  );
  return boxes.filter((b) => b.shown && (b.left < 0 || b.right > width)).map((b) => b.text);
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const officer = await signInByApi(app.baseUrl, OFFICER);
  await put(officer, '/api/v1/cities/kosice/indicators/youth-neet-rate/observations/2025', {
    value: 13.25,
  });
  await put(
    officer,
    '/api/v1/cities/kosice/indicators/at-risk-of-poverty-or-social-exclusion/ambition',
    { baselineYear: 2015, baselineValue: 32.8, targetYear: 2030, targetValue: 20 },
  );
  await review(officer, 'submit');
  await review(await signInByApi(app.baseUrl, COORDINATOR), 'return', REASON);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the officer', () => {
  it('lands on the workspace, reads why 2025 came back, and reads the recent changes', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, OFFICER);
    expect(new URL(page.url()).pathname).toBe('/cities/kosice/workspace');
    const notice = page.getByTestId('returned-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(REASON);
    expect(await notice.textContent()).toContain(
      '2025 was returned by Demo network coordinator on',
    );
    await page.getByTestId('data-grid').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-workspace-returned-1280');

    // Recent changes: names, units, the indicator's decimals, states in words.
    await page.getByRole('tab', { name: 'Recent changes' }).click();
    const history = page.getByTestId('history-table');
    await history.waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).not.toMatch(/kosice\/|import\/\d/);
    expect(text).toContain('Review of 2025');
    expect(text).toMatch(
      /Young people not in employment, education or training \(NEET\) \(%\), 2025/,
    );
    expect(text).toContain('13.3%');
    expect(text).toContain('20.0% by 2030 (baseline 32.8% in 2015)');
    expect(text).toContain('Submitted');
    expect(text).toContain('Returned');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-history-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390 px in German: the notice, the history as cards, the review actions on screen', async () => {
    const { page, context } = await openPage(browser, 390, 844);
    await signIn(page, OFFICER, 'de');
    expect(new URL(page.url()).pathname).toBe('/cities/kosice/workspace');
    await page.getByTestId('returned-notice').waitFor();
    await screenshot(page, 'daily-use-workspace-returned-390-de');
    await page.getByRole('button', { name: 'Prüfung 2025 öffnen' }).click();
    await page.getByTestId('review-table').waitFor();
    expect(await offScreen(page, '[data-testid="review-table"]')).toEqual([]);
    expect(await page.getByRole('button', { name: '2025 einreichen' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-review-390-de');
    await page.getByRole('tab', { name: 'Letzte Änderungen' }).click();
    await page.getByTestId('history-table').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await page.getByTestId('history-table').textContent()).toContain('13,3');
    await screenshot(page, 'daily-use-history-390-de');
    await firstScreen(page, 'daily-use-history-390-de');
    await context.close();
  });
});

describe('the coordinator', () => {
  it('lands on the review queue and reviews València at 390 px with every action on screen', async () => {
    const { page, context } = await openPage(browser, 390, 844);
    await signIn(page, COORDINATOR);
    expect(new URL(page.url()).pathname).toBe(`/networks/${NETWORK}/review`);
    const queue = page.getByTestId('review-queue');
    await queue.waitFor();
    expect(await offScreen(page, '[data-testid="review-queue"]')).toEqual([]);
    await screenshot(page, 'daily-use-queue-390');
    await queue.getByRole('link', { name: /València 2025/ }).click();
    const table = page.getByTestId('review-table');
    await table.waitFor();
    await page.getByRole('button', { name: 'Approve 2025' }).waitFor();
    expect(await offScreen(page, '[data-testid="review-table"]')).toEqual([]);
    // Returning asks why, in the card, still on screen.
    await page.getByRole('button', { name: 'Return 2025 with comments' }).click();
    await page.getByLabel('What should the city fix?').waitFor();
    expect(await offScreen(page, '[data-testid="review-table"]')).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-review-390');
    await firstScreen(page, 'daily-use-review-390');
    await context.close();
  });

  it('switches the network views between published figures and drafts; draft cities are marked', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, COORDINATOR);
    await page.goto(`${app.baseUrl}/networks/${NETWORK}?lang=en`);
    const ranking = page.getByTestId('ranking');
    await ranking.waitFor();
    expect(await page.getByRole('radio', { name: 'Published figures' }).isChecked()).toBe(true);
    expect(await page.getByTestId('draft-marker').count()).toBe(0);

    await page.getByRole('radio', { name: 'Including drafts' }).check();
    await page.getByTestId('drafts-notice').waitFor();
    expect(new URL(page.url()).searchParams.get('drafts')).toBe('1');
    const kosice = ranking.getByRole('row', { name: /Košice/ });
    expect(await kosice.textContent()).toContain('draft');
    const valencia = ranking.getByRole('row', { name: /València/ });
    expect(await valencia.textContent()).toContain('draft');
    expect(
      await page
        .getByTestId('heatmap')
        .getByRole('row', { name: /Košice/ })
        .textContent(),
    ).toContain('draft');
    expect(await page.getByTestId('drafts-notice').textContent()).toContain(
      'Including drafts: 2 cities’ figures include values not approved yet',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-network-drafts-1280');
    await page.getByTestId('drafts-notice').scrollIntoViewIfNeeded();
    await firstScreen(page, 'daily-use-network-drafts-1280');

    // The compare page keeps the choice and marks the cities in its table.
    await page
      .getByRole('link', { name: 'Young people not in employment, education or training (NEET)' })
      .first()
      .click();
    await page.getByTestId('drafts-notice').waitFor();
    expect(new URL(page.url()).searchParams.get('drafts')).toBe('1');
    expect(await page.getByRole('radio', { name: 'Including drafts' }).isChecked()).toBe(true);
    const kosiceRow = page.getByTestId('compare-table').getByRole('row', { name: /Košice/ });
    expect(await kosiceRow.textContent()).toContain('draft');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-compare-drafts-1280');
    await firstScreen(page, 'daily-use-compare-drafts-1280');

    // Back to published figures: no marker, no notice.
    await page.getByRole('radio', { name: 'Published figures' }).check();
    await page.getByTestId('drafts-notice').waitFor({ state: 'detached' });
    expect(await page.getByTestId('draft-marker').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('at 390 px in French, the switch and the marked ranking fit the screen', async () => {
    const { page, context } = await openPage(browser, 390, 844);
    await signIn(page, COORDINATOR, 'fr');
    await page.goto(`${app.baseUrl}/networks/${NETWORK}?lang=fr&drafts=1`);
    await page.getByTestId('drafts-notice').waitFor();
    expect(await page.getByRole('radio', { name: 'Brouillons compris' }).isChecked()).toBe(true);
    expect(await page.getByTestId('draft-marker').count()).toBeGreaterThan(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'daily-use-network-drafts-390-fr');
    await firstScreen(page, 'daily-use-network-drafts-390-fr');
    await context.close();
  });
});

describe('a visitor', () => {
  it('sees published figures with no switch, even from a link with ?drafts=1', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.baseUrl}/networks/${NETWORK}?drafts=1`);
    await page.getByTestId('ranking').waitFor();
    expect(await page.getByTestId('drafts-switch').count()).toBe(0);
    expect(await page.getByTestId('drafts-notice').count()).toBe(0);
    expect(await page.getByTestId('draft-marker').count()).toBe(0);
    await context.close();
  });
});

describe('an ambition changed in the workspace (issue 17, item 10)', () => {
  it('is marked "Target not yet approved" for the officer; a visitor keeps the approved target, unmarked', async () => {
    type Ambition = { targetValue: number; approved: boolean } | null;
    type Row = { slug: string; decimals: number; ambition: Ambition; latest: unknown };
    // An approved ambition the walk has not touched (the return above changed the poverty one).
    const before = (await (
      await fetch(`${app.baseUrl}/api/v1/cities/kosice/progress?lang=en`)
    ).json()) as { indicators: Row[] };
    const chosen = before.indicators.find(
      (i) =>
        i.ambition !== null &&
        i.latest !== null &&
        i.slug !== 'at-risk-of-poverty-or-social-exclusion',
    )!;
    const approved = chosen.ambition!;
    expect(approved.approved).toBe(true);
    const changed = Number((approved.targetValue * 0.9 + 1).toFixed(chosen.decimals));
    const figure = (v: number) =>
      new Intl.NumberFormat('en', {
        minimumFractionDigits: chosen.decimals,
        maximumFractionDigits: chosen.decimals,
      }).format(v);
    const indicatorPage = `${app.baseUrl}/cities/kosice/indicators/${chosen.slug}`;

    const { page, context, errors } = await openPage(browser);
    await signIn(page, OFFICER);
    await page.getByRole('tab', { name: 'Ambitions' }).click();
    await page.getByTestId('ambition-indicator').selectOption(chosen.slug);
    await page.getByLabel('Target value').fill(String(changed));
    await page.getByRole('button', { name: 'Save the ambition' }).click();
    await page.getByText('Ambition saved.').waitFor();
    await page.getByTestId('ambition-pending').waitFor();

    await page.goto(`${indicatorPage}?lang=en`);
    const summary = page.getByTestId('progress-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(`Target: ${figure(changed)}`);
    expect(await summary.getByTestId('ambition-pending-mark').textContent()).toBe(
      '✎ Target not yet approved',
    );
    expect(await page.getByTestId('ambition-pending-note').textContent()).toContain(
      'the public still sees the approved target (or none)',
    );
    expect(
      await page.getByTestId('status-explanation').getByTestId('ambition-pending-mark').count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-ambition-pending-1280');

    // In German and French, at desk and phone widths: the marks fit the screen.
    for (const [lang, mark] of [
      ['de', 'Zielwert noch nicht freigegeben'],
      ['fr', 'Cible pas encore approuvée'],
    ] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`${indicatorPage}?lang=${lang}`);
        await summary.waitFor();
        expect(await summary.textContent()).toContain(mark);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
          width,
        );
        await screenshot(page, `daily-use-ambition-pending-${width}-${lang}`);
      }
    }
    expect(errors).toEqual([]);
    await context.close();

    // Signed out: the approved target, no mark.
    const visitor = await openPage(browser);
    await visitor.page.goto(`${indicatorPage}?lang=en`);
    const shown = visitor.page.getByTestId('progress-summary');
    await shown.waitFor();
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain(`Target: ${figure(approved.targetValue)}`);
    expect(text).not.toContain(figure(changed));
    expect(await visitor.page.getByTestId('ambition-pending-mark').count()).toBe(0);
    expect(await visitor.page.getByTestId('ambition-pending-note').count()).toBe(0);
    await visitor.context.close();
  });
});

describe('the import template (issue 17, item 4)', () => {
  it('download the template, change one value, upload it: the dry run shows old → new, the import writes it', async () => {
    const { page, context, errors } = await openPage(browser);
    await signIn(page, OFFICER);
    await page.getByTestId('data-grid').waitFor();
    await page.getByRole('tab', { name: 'Import' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download a template/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kosice-template.csv');
    const template = fs.readFileSync((await download.path())!, 'utf8');
    // Read and written with the server's CSV rules (names with commas are quoted).
    const reader = new CsvReader(',');
    const rows = [...reader.push(template), ...reader.finish()];
    const header = rows[0]!;
    expect(header.slice(0, 4)).toEqual(['name', 'unit', 'indicator', 'city']);
    const at = header.indexOf('2025');
    expect(at).toBeGreaterThan(3);
    // Its 2025 value was set to 13.25 before the walk.
    const INDICATOR = 'youth-neet-rate';
    const line = rows.find((r) => r[2] === INDICATOR)!;
    expect(line[3]).toBe('kosice');
    expect(line[at]).toBe('13.25');
    const after = '13.65';
    line[at] = after;
    const changed = rows.map((r) => csvLine(r)).join('');

    await page.locator('input[type="file"]').setInputFiles({
      name: 'kosice-template.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(changed),
    });
    await page.getByTestId('import-from-file').waitFor();
    expect(await page.getByTestId('import-from-file').textContent()).toContain(
      'From the file kosice-template.csv',
    );
    // Editing the text makes it the officer's own: the file's name goes, the picker is cleared.
    const text = page.getByLabel('Or paste cells here');
    await text.fill(`${await text.inputValue()}\n`);
    expect(await page.getByTestId('import-from-file').count()).toBe(0);
    expect(await page.locator('input[type="file"]').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Check the file (nothing is written)' }).click();
    const changes = page.getByTestId('import-changes');
    await changes.waitFor();
    expect(await page.getByTestId('import-format').textContent()).toBe(
      'File read as: template (one column per year)',
    );
    expect(await changes.getByRole('heading').textContent()).toBe('One value would change');
    const shown = await changes.locator('tbody tr').allTextContents();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^Young people not in employment/);
    expect(shown[0]).toContain('2025');
    expect(shown[0]).toMatch(/13\.25 → 13\.65$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'daily-use-import-template-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'daily-use-import-template-390');
    await changes.screenshot({ path: path.join(ARTIFACTS, 'daily-use-import-changes-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Import 1 value' }).click();
    const done = await page.getByTestId('import-done').textContent();
    expect(done).toMatch(/^Imported: 0 new, 1 changed, \d+ unchanged\.$/);
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByTestId('data-grid').waitFor();
    await expect
      .poll(() => page.locator(`[data-cell="${INDICATOR}|2025"]`).textContent())
      .toContain(after);

    expect(errors).toEqual([]);
    await context.close();
  });
});
