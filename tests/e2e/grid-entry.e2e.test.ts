import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { signInByApi } from './support/api';
import { COORDINATOR, DEMO_NETWORK as NETWORK, OFFICER, signInThroughForm } from './support/demo';

/**
 * The data grid fit for daily use (issue 17), as a fast typist uses it: the
 * Košice officer types a column of 20 values with Enter and a row with Tab
 * without waiting for any save, and every value reaches the server; a
 * refused value is explained at its cell and named in a banner, and survives
 * a reload until discarded; after a conflict the focus is back in the grid;
 * the grid opens on the year being reported, with the indicator column
 * fixed, one line per indicator, at 1280 and 390 px.
 *
 * The coordinator reopens Košice 2023 and 2024 first (2025 is the demo's
 * draft), so a row typed with Tab has three editable years.
 */
let app: AppProcess;
let browser: Browser;
const YEAR = 2025;
const PERCENT = 'long-term-unemployment-rate';

interface IndicatorDefinition {
  slug: string;
  name: string;
  decimals: number;
  allowedMin: number | null;
  allowedMax: number | null;
}

/** A value as members see it (drafts included): undefined when there is none. */
async function memberValue(
  headers: Record<string, string>,
  indicator: string,
  year: number,
): Promise<{ value: number; etag: string } | undefined> {
  const response = await fetch(
    `${app.baseUrl}/api/v1/cities/kosice/indicators/${indicator}/observations/${year}`,
    { headers },
  );
  if (response.status === 404) return undefined;
  return (await response.json()) as { value: number; etag: string };
}

async function definitions(): Promise<Map<string, IndicatorDefinition>> {
  const response = await fetch(`${app.baseUrl}/api/v1/networks/${NETWORK}/indicators`);
  const { indicators } = (await response.json()) as { indicators: IndicatorDefinition[] };
  return new Map(indicators.map((i) => [i.slug, i]));
}

async function signIn(page: Page, who: { email: string; password: string }, next: string) {
  await signInThroughForm(page, app.baseUrl, who, next);
}

const cell = (page: Page, indicator: string, year: number) =>
  page.locator(`[data-cell="${indicator}|${year}"]`);

/** The grid's rows, top to bottom, by indicator slug. */
const gridRows = (page: Page): Promise<string[]> =>
  page
    .locator(`[data-testid="data-grid"] td[data-cell$="|${YEAR}"]`)
    .evaluateAll((tds) =>
      tds.map((td) => (td as unknown as { dataset: { cell: string } }).dataset.cell.split('|')[0]!),
    );

/** Where the focus is: the grid cell's key, 'grid' elsewhere in the grid, or the tag outside it. */
const focused = (page: Page): Promise<string> =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (el === null) return 'none';
    if (el.closest('[data-testid="data-grid"]') === null) return el.tagName.toLowerCase();
    return el.closest('td[data-cell]')?.getAttribute('data-cell') ?? 'grid';
  })()`);

/** Each cell's key, classes and label: what a failed run shows about the column. */
const cellStates = (page: Page, slugs: readonly string[]): Promise<string[]> =>
  Promise.all(
    slugs.map(async (slug) => {
      const td = cell(page, slug, YEAR);
      return `${slug}: ${await td.getAttribute('class')} — ${await td.getAttribute('aria-label')}`;
    }),
  );

async function waitForSaved(page: Page) {
  await expect.poll(() => page.locator('td.pending-saving').count(), { timeout: 30_000 }).toBe(0);
}

/**
 * A plausible value the indicator accepts: a few steps (by `i`) from `near`
 * (the value stored, so the change is never flagged as unusual), never equal to it.
 */
function valueFor(indicator: IndicatorDefinition, i: number, near: number | undefined): number {
  const step = 10 ** -indicator.decimals;
  const round = (v: number) => Number(v.toFixed(indicator.decimals));
  const base =
    near ??
    (indicator.allowedMin !== null && indicator.allowedMax !== null
      ? (indicator.allowedMin + indicator.allowedMax) / 2
      : (indicator.allowedMin ?? 0) + 10);
  const up = round(base + step * ((i % 5) + 1));
  return indicator.allowedMax !== null && up > indicator.allowedMax
    ? round(base - step * ((i % 5) + 1))
    : up;
}

/** How the grid sits in its box: the reported year's header, the sticky column, the scroll. */
const layout = (page: Page) =>
  page.evaluate<{
    scrollLeft: number;
    maxScroll: number;
    boxLeft: number;
    boxRight: number;
    stickyLeft: number;
    stickyRight: number;
    yearLeft: number;
    yearRight: number;
    rowHeights: number[];
    lineHeight: number;
    pageOverflow: number;
  }>(`(() => {
    const box = document.querySelector('.grid-scroll');
    const table = box.querySelector('table');
    const sticky = table.querySelector('thead th:first-child').getBoundingClientRect();
    const year = [...table.querySelectorAll('thead th')].find((th) => th.textContent.startsWith('${YEAR}')).getBoundingClientRect();
    const rows = [...table.querySelectorAll('tbody tr:not(.goal-row)')].map((tr) => tr.getBoundingClientRect().height);
    const b = box.getBoundingClientRect();
    return {
      scrollLeft: box.scrollLeft,
      maxScroll: box.scrollWidth - box.clientWidth,
      boxLeft: b.left,
      boxRight: b.left + box.clientWidth,
      stickyLeft: sticky.left,
      stickyRight: sticky.right,
      yearLeft: year.left,
      yearRight: year.right,
      rowHeights: rows,
      lineHeight: parseFloat(getComputedStyle(table).lineHeight) || 24,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  })()`);

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const coordinator = await signInByApi(app.baseUrl, COORDINATOR);
  for (const year of [2023, 2024]) {
    const response = await fetch(
      `${app.baseUrl}/api/v1/networks/${NETWORK}/cities/kosice/reviews/${year}/reopen`,
      {
        method: 'POST',
        headers: coordinator,
        body: JSON.stringify({ comment: 'Reopened for corrections' }),
      },
    );
    expect(response.status).toBe(200);
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('data grid for a fast typist', () => {
  it('opens on the reported year; a column of 20 values typed with Enter without waiting is saved whole', async () => {
    const { page, context, errors } = await openPage(browser, 1280, 900);
    await signIn(page, OFFICER, '/cities/kosice/workspace');
    await page.getByTestId('data-grid').waitFor();

    // The year being reported is in view beside the fixed indicator column; one line per indicator.
    const opened = await layout(page);
    expect(opened.scrollLeft).toBeGreaterThan(0);
    expect(opened.yearLeft).toBeGreaterThanOrEqual(opened.stickyRight - 1);
    expect(opened.yearRight).toBeLessThanOrEqual(opened.boxRight + 1);
    expect(Math.abs(opened.stickyLeft - opened.boxLeft)).toBeLessThan(2);
    expect(Math.max(...opened.rowHeights)).toBeLessThan(opened.lineHeight * 2);
    expect(opened.pageOverflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'grid-entry-opened-1280');

    const defs = await definitions();
    const slugs = (await gridRows(page)).slice(0, 21);
    expect(slugs.length).toBe(21);
    const headers = await signInByApi(app.baseUrl, OFFICER);
    const before = await Promise.all(slugs.map((s) => memberValue(headers, s, YEAR)));
    const previous = await Promise.all(slugs.map((s) => memberValue(headers, s, YEAR - 1)));
    const typed = slugs
      .slice(0, 20)
      .map((slug, i) => valueFor(defs.get(slug)!, i, before[i]?.value ?? previous[i]?.value));

    // As fast as the keyboard goes: no wait between values, saves still on their way.
    await cell(page, slugs[0]!, YEAR).click();
    await expect.poll(() => focused(page)).toBe(`${slugs[0]}|${YEAR}`);
    for (const value of typed) {
      await page.keyboard.type(String(value));
      await page.keyboard.press('Enter');
    }
    // The focus went down the column with the typist and is on the 21st row.
    expect(await focused(page)).toBe(`${slugs[20]}|${YEAR}`);
    await waitForSaved(page);
    const after = await Promise.all(slugs.slice(0, 20).map((s) => memberValue(headers, s, YEAR)));
    expect(after.map((v) => v?.value)).toEqual(typed);
    expect(await page.getByTestId('unsaved-notice').count()).toBe(0);
    expect(await page.getByTestId('conflict-dialog').count()).toBe(0);
    // After the saves, the focus is still in the grid, and the cells show what was saved.
    expect(await focused(page)).toBe(`${slugs[20]}|${YEAR}`);
    expect(await cell(page, slugs[0]!, YEAR).getAttribute('aria-label')).not.toContain('not saved');

    // The same column again, typed over the saved values: each is sent with its new version.
    // (A person looks at the cell before typing: the click has put the focus there.)
    await cell(page, slugs[0]!, YEAR).click();
    await expect.poll(() => focused(page)).toBe(`${slugs[0]}|${YEAR}`);
    const again = typed.map((v, i) => valueFor(defs.get(slugs[i]!)!, i + 5, v));
    for (const value of again) {
      await page.keyboard.type(String(value));
      await page.keyboard.press('Enter');
    }
    await waitForSaved(page);
    const final = await Promise.all(slugs.slice(0, 20).map((s) => memberValue(headers, s, YEAR)));
    // On a mismatch, what each cell of the column says (saving, failed and why, or saved).
    const column = await cellStates(page, slugs.slice(0, 20));
    expect(
      final.map((v) => v?.value),
      column.join('\n'),
    ).toEqual(again);
    expect(await page.getByTestId('unsaved-notice').count()).toBe(0);
    expect(await focused(page)).toBe(`${slugs[20]}|${YEAR}`);

    // The indicator column stays put when the years scroll back.
    await page.locator('.grid-scroll').evaluate((box) => {
      (box as unknown as { scrollLeft: number }).scrollLeft = 0;
    });
    const back = await layout(page);
    expect(Math.abs(back.stickyLeft - back.boxLeft)).toBeLessThan(2);
    await page.locator('.grid-scroll').evaluate((box) => {
      (box as unknown as { scrollLeft: number }).scrollLeft = 400;
    });
    const scrolled = await layout(page);
    expect(Math.abs(scrolled.stickyLeft - scrolled.boxLeft)).toBeLessThan(2);
    await screenshot(page, 'grid-entry-column-1280');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a row typed with Tab is saved whole and the focus stays in the grid', async () => {
    const { page, context, errors } = await openPage(browser, 1280, 900);
    await signIn(page, OFFICER, '/cities/kosice/workspace');
    await page.getByTestId('data-grid').waitFor();
    const defs = await definitions();
    const slug = (await gridRows(page))[22]!;
    const years = [2023, 2024, 2025];
    const headers = await signInByApi(app.baseUrl, OFFICER);
    const before = await Promise.all(years.map((y) => memberValue(headers, slug, y)));
    const typed = years.map((_, i) => valueFor(defs.get(slug)!, i + 3, before[i]?.value));
    await cell(page, slug, 2023).click();
    await page.keyboard.type(String(typed[0]));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(typed[1]));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(typed[2]));
    await page.keyboard.press('Tab');
    // The last year: Tab saves and stays on it.
    expect(await focused(page)).toBe(`${slug}|2025`);
    await waitForSaved(page);
    const after = await Promise.all(years.map((y) => memberValue(headers, slug, y)));
    expect(after.map((v) => v?.value)).toEqual(typed);
    expect(await focused(page)).toBe(`${slug}|2025`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a refused value is explained at its cell and named in a banner, and survives a reload until discarded', async () => {
    const { page, context } = await openPage(browser, 1280, 900);
    await signIn(page, OFFICER, '/cities/kosice/workspace');
    await page.getByTestId('data-grid').waitFor();
    const defs = await definitions();
    const slugs = await gridRows(page);
    const below = slugs[slugs.indexOf(PERCENT) + 1]!;
    const percentName = defs.get(PERCENT)!.name;
    const belowName = defs.get(below)!.name;
    const headers = await signInByApi(app.baseUrl, OFFICER);
    const stored = (await memberValue(headers, PERCENT, YEAR))?.value;

    // While typing: the reason at the cell, the input marked invalid and described by it.
    const target = cell(page, PERCENT, YEAR);
    await target.click();
    await page.keyboard.type('120');
    const bubble = target.getByTestId('cell-error');
    await bubble.waitFor();
    expect(await bubble.textContent()).toBe('Must be between 0.0 and 100.0 %.');
    const input = target.locator('input');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toBe('cell-error');
    // In the window, next to the cell, not somewhere below the grid.
    const cellBox = (await target.boundingBox())!;
    const bubbleBox = (await bubble.boundingBox())!;
    expect(bubbleBox.y).toBeGreaterThanOrEqual(cellBox.y + cellBox.height - 1);
    expect(bubbleBox.y).toBeLessThan(cellBox.y + cellBox.height + 10);
    expect(bubbleBox.y + bubbleBox.height).toBeLessThan(900);

    // After Enter: the typist goes on to the next cell; the refused one stays, marked and explained.
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe(`${below}|${YEAR}`);
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe(`${slugs[slugs.indexOf(below) + 1]}|${YEAR}`);
    const banner = page.getByTestId('unsaved-notice');
    await banner.waitFor();
    const bannerText = await banner.textContent();
    expect(bannerText).toContain(`${percentName}, ${YEAR}: “120” is not saved. Must be between`);
    expect(bannerText).toContain(`${belowName}, ${YEAR}: “abc” is not saved. Not a number.`);
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(await cell(page, below, YEAR).getAttribute('aria-invalid')).toBe('true');
    const reason = cell(page, below, YEAR).getByTestId('cell-reason');
    expect(await reason.textContent()).toBe('Not a number. Type digits, e.g. 12.5.');
    expect(await cell(page, below, YEAR).getAttribute('aria-describedby')).toBe(
      await reason.getAttribute('id'),
    );
    await page
      .getByRole('alert')
      .filter({ hasText: `${belowName}, ${YEAR}: not saved. Not a number.` })
      .waitFor({ state: 'attached' });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'grid-entry-refused-1280');

    // A reload keeps both, marked, with their reasons.
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByTestId('data-grid').waitFor();
    expect(await cell(page, PERCENT, YEAR).getAttribute('aria-invalid')).toBe('true');
    expect(await cell(page, PERCENT, YEAR).locator('.cell-value').textContent()).toBe('120');
    expect(await cell(page, below, YEAR).locator('.cell-value').textContent()).toBe('abc');
    const kept = page.getByTestId('unsaved-notice');
    expect(await kept.textContent()).toContain('Must be between 0.0 and 100.0 %.');
    // Discard one; a reload keeps the other; discard it too.
    await kept.getByRole('button', { name: `Discard the edit of ${percentName}, ${YEAR}` }).click();
    expect(await focused(page)).toBe(`${PERCENT}|${YEAR}`);
    expect(await cell(page, PERCENT, YEAR).getAttribute('aria-invalid')).toBeNull();
    await page.reload();
    await page.getByTestId('data-grid').waitFor();
    expect(await cell(page, PERCENT, YEAR).getAttribute('aria-invalid')).toBeNull();
    expect(await cell(page, below, YEAR).getAttribute('aria-invalid')).toBe('true');
    await page
      .getByTestId('unsaved-notice')
      .getByRole('button', { name: `Discard the edit of ${belowName}, ${YEAR}` })
      .click();
    await page.getByTestId('unsaved-notice').waitFor({ state: 'detached' });
    expect(
      await page.evaluate<number>(
        `Object.keys(localStorage).filter((k) => k.includes('grid-drafts')).length`,
      ),
    ).toBe(0);
    expect((await memberValue(headers, PERCENT, YEAR))?.value).toBe(stored);
    await context.close();
  });

  it('after the conflict dialog the focus is back in the grid and the typist goes on', async () => {
    const { page, context } = await openPage(browser, 1280, 900);
    await signIn(page, OFFICER, '/cities/kosice/workspace');
    await page.getByTestId('data-grid').waitFor();
    const slugs = await gridRows(page);
    const [first, second] = [slugs[30]!, slugs[31]!];
    const defs = await definitions();
    // Someone else changes the first value after the page has read it.
    const headers = await signInByApi(app.baseUrl, OFFICER);
    const current = (await memberValue(headers, first, YEAR))!;
    const theirs = valueFor(defs.get(first)!, 7, current.value);
    const changed = await fetch(
      `${app.baseUrl}/api/v1/cities/kosice/indicators/${first}/observations/${YEAR}`,
      {
        method: 'PUT',
        headers: { ...headers, 'if-match': current.etag },
        body: JSON.stringify({ value: theirs }),
      },
    );
    expect(changed.status).toBe(200);

    const mine = valueFor(defs.get(first)!, 11, theirs);
    await cell(page, first, YEAR).click();
    await page.keyboard.type(String(mine));
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Keep my value' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForSaved(page);
    expect((await memberValue(headers, first, YEAR))?.value).toBe(mine);
    // The focus is back on the grid's active cell: the typist goes on without clicking.
    expect(await focused(page)).toBe(`${second}|${YEAR}`);
    const next = valueFor(defs.get(second)!, 13, (await memberValue(headers, second, YEAR))?.value);
    await page.keyboard.type(String(next));
    await page.keyboard.press('Enter');
    await waitForSaved(page);
    expect((await memberValue(headers, second, YEAR))?.value).toBe(next);
    expect(await focused(page)).toBe(`${slugs[32]}|${YEAR}`);
    await context.close();
  });

  it('at 390 px: the reported year in view, names on one line, a refused value explained, no sideways page scroll', async () => {
    const { page, context, errors } = await openPage(browser, 390, 844);
    await signIn(page, OFFICER, '/cities/kosice/workspace');
    await page.getByTestId('data-grid').waitFor();
    const opened = await layout(page);
    expect(opened.scrollLeft).toBeGreaterThan(0);
    expect(opened.yearLeft).toBeGreaterThanOrEqual(opened.stickyRight - 1);
    expect(opened.yearRight).toBeLessThanOrEqual(opened.boxRight + 1);
    // On a phone a long name may take two lines, never more.
    expect(Math.max(...opened.rowHeights)).toBeLessThan(opened.lineHeight * 2.5);
    expect(opened.pageOverflow).toBeLessThanOrEqual(0);
    await page.locator('.grid-scroll').scrollIntoViewIfNeeded();
    await screenshot(page, 'grid-entry-opened-390');

    const target = cell(page, PERCENT, YEAR);
    await target.click();
    await page.keyboard.type('120');
    const bubble = target.getByTestId('cell-error');
    await bubble.waitFor();
    // Inside the grid's visible box, not cut off by it; and the cell edited is whole in view.
    const box = (await bubble.boundingBox())!;
    const scroller = (await page.locator('.grid-scroll').boundingBox())!;
    const edited = (await target.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(scroller.x);
    expect(box.x + box.width).toBeLessThanOrEqual(scroller.x + scroller.width);
    expect(edited.x + edited.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1);
    await screenshot(page, 'grid-entry-typing-390');
    await page.keyboard.press('Enter');
    await page.getByTestId('unsaved-notice').waitFor();
    expect((await layout(page)).pageOverflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'grid-entry-refused-390');
    await page
      .getByTestId('unsaved-notice')
      .getByRole('button', { name: /^Discard the edit of/ })
      .click();
    await page.getByTestId('unsaved-notice').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
