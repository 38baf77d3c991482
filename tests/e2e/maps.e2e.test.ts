import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CityListResponse } from '../../server/src/schemas/city.schema';
import type { NetworkDetail } from '../../server/src/schemas/network.schema';
import type { ObservationListResponse } from '../../server/src/schemas/observation.schema';
import type { CityProgressResponse } from '../../server/src/schemas/progress.schema';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { getJson, signInByApi } from './support/api';
import { DEMO_NETWORK as NETWORK, OFFICER, signInThroughForm } from './support/demo';

/**
 * Maps (issue 15) in the browser: the network map places one marker per city
 * with coordinates, where the cities are relative to each other; the Košice
 * officer uploads district boundaries in the workspace (a broken polygon and
 * unknown codes are refused with the server's reasons, then a good file is
 * previewed with its matched count); the indicator page's choropleth colours
 * each district as its legend class says. axe and 390 px on each map.
 */
let app: AppProcess;
let browser: Browser;
const CITY = 'kosice';
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const DISTRICTS = [
  { code: 'SK-KE-01', name: 'Sever', factor: 0.8 },
  { code: 'SK-KE-02', name: 'Východ', factor: 0.95 },
  { code: 'SK-KE-03', name: 'Západ', factor: 1.1 },
  { code: 'SK-KE-04', name: 'Juh', factor: 1.3 },
];

async function signIn(page: Page, next: string) {
  await signInThroughForm(page, app.baseUrl, OFFICER, next);
}

const overflow = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

/** The screen centre of each city's marker. */
async function markerCentres(page: Page): Promise<Map<string, { x: number; y: number }>> {
  const markers = page.locator('[data-testid="network-map"] a.map-marker');
  const out = new Map<string, { x: number; y: number }>();
  for (const marker of await markers.all()) {
    const slug = (await marker.getAttribute('data-city'))!;
    const box = (await marker.locator('g').first().boundingBox())!;
    out.set(slug, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  return out;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('maps', () => {
  it('the network map shows one marker per city with coordinates, where the cities are', async () => {
    const network = await getJson<NetworkDetail>(app.baseUrl, `/api/v1/networks/${NETWORK}`);
    const cities = await getJson<CityListResponse>(app.baseUrl, '/api/v1/cities');
    const members = new Set(network.members.map((m) => m.slug));
    const located = cities.cities.filter(
      (c) => members.has(c.slug) && c.latitude !== null && c.longitude !== null,
    );
    expect(located.length).toBeGreaterThanOrEqual(9);

    const { page, errors, context } = await openPage(browser, 1280);
    await page.goto(`${app.baseUrl}/networks/${NETWORK}`);
    const map = page.getByTestId('network-map');
    await map.locator('a.map-marker').first().waitFor();
    expect(await map.locator('a.map-marker').count()).toBe(located.length);
    expect(await page.getByTestId('network-map-table').locator('tbody tr').count()).toBe(
      network.members.length,
    );
    const at = await markerCentres(page);
    expect(at.get('espoo')!.y).toBeLessThan(at.get('tallinn')!.y);
    expect(at.get('tallinn')!.y).toBeLessThan(at.get('kosice')!.y);
    expect(at.get('valencia')!.x).toBeLessThan(at.get('mannheim')!.x);
    // Every marker inside the map.
    const svg = (await map.locator('svg').boundingBox())!;
    for (const [slug, p] of at) {
      expect(p.x, slug).toBeGreaterThan(svg.x);
      expect(p.x, slug).toBeLessThan(svg.x + svg.width);
      expect(p.y, slug).toBeGreaterThan(svg.y);
      expect(p.y, slug).toBeLessThan(svg.y + svg.height);
    }
    // The lead partner is ringed and said so.
    const lead = network.members.find((m) => m.role === 'lead_partner')!;
    const leadMarker = map.locator(`a[data-city="${lead.slug}"]`);
    expect(await leadMarker.locator('.map-lead-ring').count()).toBe(1);
    expect(await leadMarker.getAttribute('aria-label')).toMatch(/lead partner/);
    // Focus shows the details; another measure recolours; a click opens the city.
    await leadMarker.focus();
    await expect.poll(() => page.getByTestId('map-tooltip').textContent()).toContain(lead.name);
    const goal = page.getByLabel('Show on the map');
    const goalOption = await goal.locator('option[value^="goal-"]').first().getAttribute('value');
    await goal.selectOption(goalOption!);
    await expect
      .poll(async () => (await map.locator('a.map-marker').first().getAttribute('data-key')) ?? '')
      .toMatch(/^(green|yellow|orange|red|none)$/);
    expect(new URL(page.url()).searchParams.get('map')).toBe(goalOption);
    await screenshot(page, 'maps-network-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await map.locator('a[data-city="tallinn"] g').first().click();
    await page.waitForURL((url) => url.pathname === '/cities/tallinn');
    expect(errors).toEqual([]);
    await context.close();

    for (const url of [
      `/networks/${NETWORK}`,
      `/networks/${NETWORK}/compare/${(await firstComparedIndicator()) ?? ''}`,
    ]) {
      const phone = await openPage(browser, 390, 844);
      await phone.page.goto(`${app.baseUrl}${url}`);
      await phone.page.getByTestId('network-map').locator('a.map-marker').first().waitFor();
      expect(await phone.page.getByTestId('network-map').locator('a.map-marker').count()).toBe(
        located.length,
      );
      await screenshot(
        phone.page,
        url.includes('compare') ? 'maps-compare-390' : 'maps-network-390',
      );
      expect(await overflow(phone.page), url).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(phone.page), url).toEqual([]);
      await phone.context.close();
    }
  });

  let indicatorSlug = '';

  it('the workspace refuses a broken polygon and unknown codes with the reasons, then previews good boundaries', async () => {
    // District values of one indicator, as a breakdown with a geocode (the demo has none).
    const member = await signInByApi(app.baseUrl, OFFICER);
    const progress = await getJson<CityProgressResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/progress`,
      member,
    );
    // The largest gap's indicator (the one a brief would map by district).
    const indicator =
      progress.indicators.find((i) => i.slug === progress.largestGaps[0] && i.latest !== null) ??
      progress.indicators.find((i) => i.latest !== null)!;
    indicatorSlug = indicator.slug;
    const latest = indicator.latest!;
    // The latest year may be approved and locked: then the next one, as an officer would enter it.
    let written = 0;
    for (const year of [latest.year, latest.year + 1, latest.year + 2]) {
      written = 0;
      for (const d of DISTRICTS) {
        const series = encodeURIComponent(JSON.stringify({ district: d.name, geocode: d.code }));
        const value = Math.round(latest.value * d.factor * 10) / 10;
        const r = await fetch(
          `${app.baseUrl}/api/v1/cities/${CITY}/indicators/${indicatorSlug}/observations/${year}?series=${series}`,
          { method: 'PUT', headers: member, body: JSON.stringify({ value }) },
        );
        if (r.status === 409) break;
        expect(r.status, await r.clone().text()).toBeLessThan(300);
        written++;
      }
      if (written > 0) break;
    }
    expect(written).toBe(DISTRICTS.length);

    const { page, errors, context } = await openPage(browser, 1280);
    await signIn(page, `/cities/${CITY}/workspace?tab=districts`);
    const panel = page.getByTestId('districts-upload');
    await panel.getByTestId('districts-none').waitFor();
    const file = panel.getByLabel('GeoJSON file');

    await file.setInputFiles(path.join(FIXTURES, 'kosice-districts-broken.geojson'));
    // The code is guessed from the property names (not OBJECTID); the officer can choose another.
    await expect
      .poll(() => panel.getByLabel('Property with the district code').inputValue())
      .toBe('KOD');
    await panel.getByLabel('Property with the district code').selectOption('KOD');
    await panel.getByRole('button', { name: 'Upload' }).click();
    const error = panel.getByTestId('districts-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /District "SK-KE-01" has a broken polygon: a ring is not closed/,
    );

    await file.setInputFiles(path.join(FIXTURES, 'kosice-districts-wrong-codes.geojson'));
    await panel.getByRole('button', { name: 'Upload' }).click();
    await expect
      .poll(() => error.textContent())
      .toMatch(/matches no district code in Košice's data.*SK-KE-01/);
    await screenshot(page, 'maps-upload-refused-1280');

    await file.setInputFiles(path.join(FIXTURES, 'kosice-districts.geojson'));
    await panel.getByLabel('Property with the district name').selectOption('NAZOV');
    await panel.getByRole('button', { name: 'Upload' }).click();
    await panel.getByTestId('districts-done').waitFor();
    expect(await panel.getByTestId('districts-match').textContent()).toBe(
      '4 of 4 districts match codes in your data.',
    );
    await panel.getByTestId('districts-preview').locator('path.map-district').first().waitFor();
    expect(await panel.getByTestId('districts-preview').locator('path.map-district').count()).toBe(
      4,
    );
    await screenshot(page, 'maps-upload-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The browser logs the expected answers: no boundaries yet (404), the two refusals (400).
    expect(errors.filter((e) => !/status of (404|400)/.test(e))).toEqual([]);
    expect(errors.filter((e) => /status of 400/.test(e))).toHaveLength(2);
    await context.close();
  });

  it('the district choropleth colours each district as its legend class says, and matches the data', async () => {
    expect(indicatorSlug).not.toBe('');
    const member = await signInByApi(app.baseUrl, OFFICER);
    const values = await getJson<ObservationListResponse>(
      app.baseUrl,
      `/api/v1/cities/${CITY}/observations?indicator=${indicatorSlug}&series=*`,
      member,
    );
    const { decimals } = await getJson<{ decimals: number }>(
      app.baseUrl,
      `/api/v1/indicators/${indicatorSlug}`,
    );
    for (const width of [1280, 390]) {
      const { page, errors, context } = await openPage(browser, width, 900);
      await signIn(page, `/cities/${CITY}/indicators/${indicatorSlug}`);
      const figure = page.getByTestId('district-map-figure');
      await figure.locator('path.map-district').first().waitFor();
      const fillOfClass = new Map<string, string>();
      for (const li of await figure.getByTestId('district-legend').locator('li[data-fill]').all())
        fillOfClass.set(
          (await li.getAttribute('data-class'))!,
          (await li.getAttribute('data-fill'))!,
        );
      expect(fillOfClass.size).toBeGreaterThan(1);
      const rows = figure.getByTestId('district-table').locator('tbody tr');
      expect(await rows.count()).toBe(DISTRICTS.length);
      for (const row of await rows.all()) {
        const code = (await row.getAttribute('data-code'))!;
        const cls = (await row.getAttribute('data-class'))!;
        const fill = await figure
          .locator(`path.map-district[data-code="${code}"]`)
          .getAttribute('fill');
        expect(fill, code).toBe(fillOfClass.get(cls));
        const stored = values.observations
          .filter((o) => o.series.geocode === code)
          .sort((a, b) => b.year - a.year)[0]!;
        const shown = (await row.locator('td').first().textContent())!;
        const number = Number(shown.replace(/[^\d.\u2212-]/g, '').replace('\u2212', '-'));
        expect(Math.abs(number - stored.value), `${code}: ${shown}`).toBeLessThanOrEqual(
          0.5 * 10 ** -decimals + 1e-9,
        );
      }
      // Lower values, lighter classes: the classes follow the values.
      const order = DISTRICTS.map((d) => d.code);
      const classes = await Promise.all(
        order.map(async (c) =>
          Number(await figure.locator(`tr[data-code="${c}"]`).getAttribute('data-class')),
        ),
      );
      expect([...classes].sort((a, b) => a - b)).toEqual(classes);
      expect(await figure.getByTestId('district-headline').textContent()).toMatch(
        /Košice as a whole/,
      );
      // The breakdown beside the map shows every district side by side, not one
      // district at a time with its code as a dimension of its own.
      const breakdown = page.getByTestId('breakdown');
      const barsRows = breakdown.getByTestId('breakdown-bars-table').locator('tbody th');
      await barsRows.first().waitFor();
      const barsNames = await barsRows.allTextContents();
      for (const d of DISTRICTS) expect(barsNames, d.name).toContain(d.name);
      expect(await breakdown.getByTestId('breakdown-context').count()).toBe(0);
      expect(await breakdown.locator('option[value="geocode"]').count()).toBe(0);
      await figure.locator('path.map-district').first().focus();
      await expect
        .poll(() => figure.getByTestId('map-tooltip').textContent())
        .toMatch(/^(Sever|Východ|Západ|Juh): .*\(class \d\)$/);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await figure.scrollIntoViewIfNeeded();
      await screenshot(page, `maps-district-${width}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the brief maps its largest gap by district and still prints on one A4 page', async () => {
    expect(indicatorSlug).not.toBe('');
    for (const width of [1280, 390]) {
      const { page, errors, context } = await openPage(browser, width, 900);
      await signIn(page, `/cities/${CITY}/brief`);
      const section = page.getByTestId('brief-district-map');
      await section.locator('path.map-district').first().waitFor();
      expect(await section.getAttribute('data-indicator')).toBe(indicatorSlug);
      const { name } = await getJson<{ name: string }>(
        app.baseUrl,
        `/api/v1/indicators/${indicatorSlug}`,
      );
      expect(await section.locator('h2').textContent()).toBe(`${name} by district`);
      // Each district's class in words and numbers in the table, its fill as the legend's.
      const rows = section.getByTestId('district-table').locator('li');
      expect(await rows.count()).toBe(DISTRICTS.length);
      const cityValue = (await section
        .getByTestId('district-headline')
        .locator('strong')
        .textContent())!;
      const fillOfClass = new Map<string, string>();
      for (const li of await section.getByTestId('district-legend').locator('li[data-fill]').all())
        fillOfClass.set(
          (await li.getAttribute('data-class'))!,
          (await li.getAttribute('data-fill'))!,
        );
      for (const row of await rows.all()) {
        const code = (await row.getAttribute('data-code'))!;
        const cls = (await row.getAttribute('data-class'))!;
        const district = DISTRICTS.find((d) => d.code === code)!.name;
        // The class on its swatch and in words, the name, the value; how it compares with the
        // whole city in words when the city has a value that year (the test's year may have none).
        expect(await row.textContent()).toMatch(
          new RegExp(`^${Number(cls) + 1} Class ${Number(cls) + 1}: ${district} \\d`),
        );
        expect(await row.getByTestId('district-comparison').count()).toBe(
          cityValue === '—' ? 0 : 1,
        );
        expect(
          await section.locator(`path.map-district[data-code="${code}"]`).getAttribute('fill'),
        ).toBe(fillOfClass.get(cls));
      }
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, `maps-brief-${width}`);
      if (width === 1280) {
        expect(await printedPages(page)).toBe(1);
        // As on paper: A4's printable width (186 mm), print styles; the map is drawn.
        await page.setViewportSize({ width: 703, height: 1032 });
        await page.emulateMedia({ media: 'print' });
        expect((await section.locator('svg').boundingBox())!.height).toBeGreaterThan(40);
        await screenshot(page, 'maps-brief-print');
        await page.emulateMedia({ media: 'screen' });
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the officer replaces the boundaries with a second file and removes them; the indicator page follows', async () => {
    expect(indicatorSlug).not.toBe('');
    const { page, errors, context } = await openPage(browser, 1280, 900);
    await signIn(page, `/cities/${CITY}/indicators/${indicatorSlug}`);
    const section = page.getByTestId('district-map-section');
    await section.locator('path.map-district').first().waitFor();
    expect(await section.locator('path.map-district').count()).toBe(DISTRICTS.length);

    // From the map to the workspace's boundaries, replaced by a second survey of three districts.
    await section.getByTestId('district-boundaries-link').click();
    await page.waitForURL((url) => url.pathname === `/cities/${CITY}/workspace`);
    const panel = page.getByTestId('districts-upload');
    await panel.getByTestId('districts-current').waitFor();
    expect(await panel.getByTestId('districts-match').textContent()).toBe(
      '4 of 4 districts match codes in your data.',
    );
    expect(await panel.getByRole('heading', { name: 'Replace the boundaries' }).count()).toBe(1);
    await panel
      .getByLabel('GeoJSON file')
      .setInputFiles(path.join(FIXTURES, 'kosice-districts-v2.geojson'));
    await panel.getByLabel('Property with the district name').selectOption('NAZOV');
    await panel.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect
      .poll(() => panel.getByTestId('districts-done').textContent())
      .toBe('Uploaded: 3 of 3 districts match codes in your data.');
    expect(await panel.getByTestId('districts-match').textContent()).toBe(
      '3 of 3 districts match codes in your data.',
    );
    expect(await panel.textContent()).toMatch(
      /District codes in your data without a boundary: SK-KE-04\./,
    );
    await expect
      .poll(() => panel.getByTestId('districts-preview').locator('path.map-district').count())
      .toBe(3);
    await screenshot(page, 'maps-replaced-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back on the indicator page: the second file's three districts, by their new names.
    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith(`/indicators/${indicatorSlug}`));
    await expect.poll(() => section.locator('path.map-district').count()).toBe(3);
    const table = section.getByTestId('district-table');
    await expect
      .poll(async () => (await table.locator('tbody th').allTextContents()).sort())
      .toEqual(['Sídlisko KVP SK-KE-02', 'Staré Mesto SK-KE-01', 'Šaca SK-KE-03'].sort());
    expect(await section.getByTestId('district-summary').textContent()).toMatch(
      /3 of 3 districts have a value/,
    );

    // Removed (asked to confirm first): the map gives way to a message, with the way back.
    await section.getByTestId('district-boundaries-link').click();
    await page.waitForURL((url) => url.pathname === `/cities/${CITY}/workspace`);
    await panel.getByRole('button', { name: 'Remove the boundaries' }).click();
    await panel.getByRole('button', { name: 'Yes, remove them' }).click();
    await expect
      .poll(() => panel.getByTestId('districts-done').textContent())
      .toBe('The district boundaries were removed.');
    await panel.getByTestId('districts-none').waitFor();
    expect(await panel.getByRole('button', { name: 'Upload', exact: true }).count()).toBe(1);
    await page.goBack();
    await page.waitForURL((url) => url.pathname.endsWith(`/indicators/${indicatorSlug}`));
    const none = section.getByTestId('district-map-none');
    await none.waitFor();
    expect(await section.locator('path.map-district').count()).toBe(0);
    expect(await none.textContent()).toMatch(
      /not on a map: Košice has no district boundaries.*Upload district boundaries in the workspace/,
    );
    // The breakdown still has every district's values.
    expect(
      await page.getByTestId('breakdown-bars-table').locator('tbody th').allTextContents(),
    ).toEqual(expect.arrayContaining(DISTRICTS.map((d) => d.name)));
    await screenshot(page, 'maps-removed-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A fresh visit agrees (nothing cached), and so does the server.
    await page.reload();
    await section.getByTestId('district-map-none').waitFor();
    const gone = await fetch(`${app.baseUrl}/api/v1/cities/${CITY}/districts`);
    expect(gone.status).toBe(404);

    // Without boundaries the brief has no district map, and stays one page.
    await page.goto(`${app.baseUrl}/cities/${CITY}/brief`);
    await page.getByTestId('largest-gaps').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('brief-district-map').count()).toBe(0);
    expect(await printedPages(page)).toBe(1);
    // The browser logs the expected answers: no boundaries any more (404).
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });
});

/** Pages in a PDF of the page as printed on A4 (the brief must be one). */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

async function firstComparedIndicator(): Promise<string | undefined> {
  const r = await fetch(`${app.baseUrl}/api/v1/networks/${NETWORK}/scores`);
  const body = (await r.json()) as { indicators: Array<{ slug: string }> };
  return body.indicators[0]?.slug;
}
