import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { NetworkListResponse } from '../../server/src/schemas/network.schema';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';

/**
 * Issue 17, items 13, 18 and 19, where a person sees them: the heatmap says
 * what decided a colour that contradicts its number; goal tiles keep long
 * words inside; a goal page names other goals' targets; the brief's years
 * agree with its figures; dates are day first in English; the year select
 * keeps the keyboard focus; disabled buttons look disabled; the home page
 * leads to networks and cities.
 */

let app: AppProcess;
let browser: Browser;
let network: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const response = await fetch(`${app.baseUrl}/api/v1/networks`);
  network = ((await response.json()) as NetworkListResponse).networks[0]!.slug;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('heatmap colours explained (item 13)', () => {
  for (const [width, lang] of [
    [1280, 'de'],
    [390, 'fr'],
  ] as const) {
    it(`names the indicators that decided a contradicting colour, at ${width} px (${lang})`, async () => {
      const { page, context, errors } = await openPage(browser, width, width === 390 ? 844 : 900);
      await page.goto(`${app.baseUrl}/networks/${network}?lang=${lang}`);
      const heatmap = page.getByTestId('heatmap');
      await heatmap.waitFor();
      const rule = page.getByTestId('colour-rule');
      expect(await rule.isVisible()).toBe(true);
      expect(await rule.getByRole('link').getAttribute('href')).toBe(
        `/methodology?lang=${lang}#goal-colour`,
      );
      // Cells whose colour is not their number's band have a "?"; a keyboard user reaches it.
      const differing = heatmap.locator('td[data-colour-differs="true"]');
      expect(await differing.count()).toBeGreaterThan(0);
      const button = differing.first().getByRole('button');
      await button.focus();
      const tip = differing.first().locator('.term__tip--open');
      await tip.waitFor();
      const text = await tip.innerText();
      expect(text).toMatch(lang === 'de' ? /^Farbe: (grün|gelb|orange|rot)/ : /^Couleur\s: /);
      // The tip is on screen, not cut off at the right edge.
      const box = (await tip.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      await screenshot(page, `heatmap-colour-why-${lang}-${width}`);
      // Every other coloured cell says it in its tooltip.
      const plain = heatmap.locator(
        'td.heatmap__cell--green:not([data-colour-differs]), td.heatmap__cell--yellow:not([data-colour-differs]), td.heatmap__cell--orange:not([data-colour-differs]), td.heatmap__cell--red:not([data-colour-differs])',
      );
      if ((await plain.count()) > 0)
        expect(await plain.first().getAttribute('title')).toMatch(
          lang === 'de' ? /^Farbe/ : /^Couleur/,
        );
      await page.keyboard.press('Escape');
      await rule.getByRole('link').click();
      const heading = page.locator('#goal-colour');
      await heading.waitFor();
      expect(
        await page.evaluate<boolean>(
          "document.getElementById('goal-colour').getBoundingClientRect().top < window.innerHeight",
        ),
      ).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('numbers, titles and controls read alike (item 18)', () => {
  it('keeps long goal titles inside their tiles in every language, at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const { page, context } = await openPage(browser, width, 900);
      for (const lang of ['de', 'fr', 'es', 'it', 'en']) {
        for (const [path, selector] of [
          ['/sdg', '.goal-tile'],
          ['/cities/kosice', '.city-goal__identity'],
        ] as const) {
          await page.goto(`${app.baseUrl}${path}?lang=${lang}`);
          await page.locator(selector).first().waitFor();
          const overflowing = await page.$$eval(selector, (tiles) =>
            tiles
              .filter((tile) => tile.scrollWidth > tile.clientWidth + 1)
              .map((tile) => tile.textContent ?? ''),
          );
          expect(overflowing, `${path} ${lang} ${width}`).toEqual([]);
          if (lang === 'de' && path === '/sdg') await screenshot(page, `goal-tiles-de-${width}`);
        }
      }
      await context.close();
    }
  });

  it('names the targets of other goals on a goal page (Košice goal 3)', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.baseUrl}/cities/kosice/goals/3?lang=fr`);
    const list = page.locator('.target-links');
    await list.waitFor();
    const items = await list.locator('li').allInnerTexts();
    const other = items.filter((t) => /^Cible 11\./.test(t));
    expect(other.length).toBeGreaterThan(0);
    // "Cible 11.2 D’ici à 2030, assurer l’accès…": the title follows the code.
    await expect
      .poll(async () =>
        (await list.locator('li').allInnerTexts())
          .filter((t) => /^Cible 11\./.test(t))
          .every((t) => t.split('\n')[0]!.length > 'Cible 11.2'.length + 20),
      )
      .toBe(true);
    await screenshot(page, 'goal-3-targets-fr');
    await context.close();
  });

  it('the brief’s years agree with its figures, and its date is day first in English', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.baseUrl}/cities/kosice/brief?lang=en`);
    const headline = page.getByTestId('headline');
    await headline.waitFor();
    const freshness = (
      await headline
        .locator('dt', { hasText: 'Latest data' })
        .locator('xpath=..')
        .locator('dd')
        .innerText()
    ).trim();
    const header = await page.locator('.brief__header p').innerText();
    expect(header).toContain(`Latest data ${freshness}`);
    expect(header).not.toMatch(/Data up to/);
    expect(header).toMatch(/Printed on \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await context.close();
  });

  it('keeps the keyboard on the year select while the page loads the chosen year', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.baseUrl}/cities/kosice?lang=de`);
    const select = page.getByTestId('year-select');
    await page.getByTestId('indicator-table').waitFor();
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toMatch(/year=\d{4}/);
    await page.getByTestId('indicator-table').waitFor();
    await expect
      .poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"),
      )
      .toBe('year-select');
    const first = new URL(page.url()).searchParams.get('year');
    // The next key goes on from there.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).not.toBe(first);
    await page.getByTestId('indicator-table').waitFor();
    await expect
      .poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"),
      )
      .toBe('year-select');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws a disabled button as unavailable', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.baseUrl}/sign-in?lang=en`);
    const button = page.locator('form button[type="submit"]').first();
    await button.waitFor();
    const style = (): Promise<{ cursor: string; background: string; border: string }> =>
      page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('form button[type=submit]')); return { cursor: s.cursor, background: s.backgroundColor, border: s.borderStyle }; })()",
      );
    const enabled = await style();
    await button.evaluate((b) => b.setAttribute('disabled', ''));
    const disabled = await style();
    expect(enabled.cursor).toBe('pointer');
    expect(disabled.cursor).toBe('not-allowed');
    expect(disabled.background).not.toBe(enabled.background);
    expect(disabled.border).toBe('dashed');
    await context.close();
  });
});

describe('home leads to networks and cities (item 19)', () => {
  for (const [width, lang] of [
    [1280, 'de'],
    [390, 'fr'],
  ] as const) {
    it(`shows the search and the networks with their cities on the first screen at ${width} px (${lang})`, async () => {
      const height = width === 390 ? 844 : 900;
      const { page, context, errors } = await openPage(browser, width, height);
      await page.goto(`${app.baseUrl}/?lang=${lang}`);
      const input = page.getByTestId('city-finder-input');
      await input.waitFor();
      const networks = page.getByTestId('home-networks');
      await networks.locator('a[href*="/cities/kosice"]').waitFor();
      await screenshot(page, `home-${lang}-${width}`);
      // The search is on the first screen; so is the network (on a phone below the search).
      const scrollY = await page.evaluate<number>('window.scrollY');
      expect((await input.boundingBox())!.y + scrollY + 40).toBeLessThan(height);
      expect((await networks.boundingBox())!.y + scrollY).toBeLessThan(height + 200);
      expect(await accessibilityViolations(page)).toEqual([]);
      await input.fill('kos');
      const result = page.getByTestId('city-finder-results').getByRole('link', { name: 'Košice' });
      await result.waitFor();
      await screenshot(page, `home-search-${lang}-${width}`);
      await result.click();
      await page.getByRole('heading', { level: 1, name: 'Košice' }).waitFor();
      // The UN framework stays one click away.
      await page.goto(`${app.baseUrl}/?lang=${lang}`);
      await page.getByTestId('framework-link').click();
      await page.waitForURL((url) => url.pathname === '/sdg');
      await page.getByTestId('goal-tile').first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
