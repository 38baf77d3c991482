import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { signInByApi } from './support/api';
import { ADMIN, signInThroughForm } from './support/demo';

/**
 * A national portal (issue 18) in Chromium: a network of 400 municipalities
 * made through the API, values imported for all of them, and the network page
 * shows its ranking fifty at a time with a search box, never the whole network.
 */
let app: AppProcess;
let browser: Browser;
const NETWORK = 'kommunen-portal';
const CITIES = 400;

let admin: Record<string, string>;

async function send(path: string, body: unknown, method = 'POST', type = 'application/json') {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...admin, 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
}

const cityName = (i: number) => (i === 123 ? 'Kösching' : `Gemeinde ${String(i).padStart(3, '0')}`);
const citySlug = (i: number) => (i === 123 ? 'koesching' : `gemeinde-${i}`);

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  admin = await signInByApi(app.baseUrl, ADMIN);
  await send('/api/v1/networks', {
    slug: NETWORK,
    name: 'Kommunen-Portal',
    description: 'Every municipality (a generated test network).',
    isPublic: true,
    dataKind: 'synthetic',
  });
  for (const [slug, goal, direction] of [
    ['recycling', '12.5', 'increase'],
    ['pm25', '11.6', 'decrease'],
  ] as const)
    await send(`/api/v1/networks/${NETWORK}/indicators`, {
      slug,
      name: slug === 'pm25' ? 'PM2.5 annual mean' : 'Recycling rate',
      unit: slug === 'pm25' ? 'µg/m³' : '%',
      direction,
      decimals: 1,
      bestBound: slug === 'pm25' ? 5 : 65,
      worstBound: slug === 'pm25' ? 25 : 15,
      allowedMin: 0,
      allowedMax: 100,
      sdgLinks: [{ target: goal }],
    });
  for (let start = 0; start < CITIES; start += 20)
    await Promise.all(
      Array.from({ length: Math.min(20, CITIES - start) }, (_, k) => start + k).map((i) =>
        send('/api/v1/cities', {
          slug: citySlug(i),
          name: cityName(i),
          countryCode: 'DE',
          network: NETWORK,
        }),
      ),
    );
  const rows = ['city,indicator,year,value'];
  for (let i = 0; i < CITIES; i++)
    for (const year of [2022, 2023, 2024]) {
      rows.push(
        `${citySlug(i)},recycling,${year},${(20 + (i % 40) + (year - 2022) * 2).toFixed(1)}`,
      );
      rows.push(`${citySlug(i)},pm25,${year},${(24 - (i % 15) - (year - 2022)).toFixed(1)}`);
    }
  await send('/api/v1/imports', `${rows.join('\n')}\n`, 'POST', 'text/csv');
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signIn(page: Page, next: string) {
  await signInThroughForm(page, app.baseUrl, ADMIN, next);
}

const status = (page: Page) => page.getByTestId('ranking-status').textContent();

describe('a network of 400 municipalities', () => {
  it('opens on a page of fifty, finds one by the start of its name, pages on, and never loads every city', async () => {
    const { page, context, errors } = await openPage(browser, 1280, 900);
    const whole: string[] = [];
    let rankingArrived = 0;
    page.on('request', (request) => {
      if (request.url().includes(`/networks/${NETWORK}/scores`)) whole.push(request.url());
    });
    page.on('response', (response) => {
      if (response.url().includes(`/networks/${NETWORK}/ranking`) && rankingArrived === 0)
        rankingArrived = Date.now();
    });
    // The values are drafts until reviewed: the administrator looks at them with drafts.
    await signIn(page, `/networks/${NETWORK}?drafts=1&lang=en`);
    await page.getByTestId('ranking').waitFor();
    const onScreenMs = Date.now() - rankingArrived;
    console.log(
      `Network of ${CITIES}: first page of the ranking on screen ${onScreenMs} ms after its data`,
    );
    expect(await status(page)).toBe(`Cities 1–50 of ${CITIES}`);
    expect(await page.getByTestId('ranking').locator('tbody tr').count()).toBe(50);
    expect(whole).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'national-ranking-1280');

    await page.getByLabel(/Find a city/).fill('kosch');
    await expect
      .poll(() => status(page), { timeout: 10_000 })
      .toBe(`Cities 1–1 of 1 found (of ${CITIES})`);
    expect(await page.getByTestId('ranking').locator('tbody th').textContent()).toContain(
      'Kösching',
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('kosch');

    await page.getByLabel(/Find a city/).fill('');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe(`Cities 1–50 of ${CITIES}`);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe(`Cities 51–100 of ${CITIES}`);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await page.getByLabel('Sort by').selectOption('name');
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe(`Cities 1–50 of ${CITIES}`);
    expect(await page.getByTestId('ranking').locator('tbody th').first().textContent()).toContain(
      'Gemeinde 000',
    );
    expect(whole).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads at 390 px: the search, the table scrolling in its box, the pager on screen', async () => {
    const { page, context, errors } = await openPage(browser, 390, 844);
    await signIn(page, `/networks/${NETWORK}?drafts=1&lang=de`);
    await page.getByTestId('ranking').waitFor();
    expect(await status(page)).toBe(`Städte 1–50 von ${CITIES}`);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const pager = (await page
      .getByRole('navigation', { name: 'Seiten der Rangliste' })
      .boundingBox())!;
    expect(pager.x + pager.width).toBeLessThanOrEqual(390);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'national-ranking-390-de');
    expect(errors).toEqual([]);
    await context.close();
  });
});
