import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CityDetail } from '../../server/src/schemas/city.schema';
import type { NetworkListResponse } from '../../server/src/schemas/network.schema';
import type { GoalListResponse } from '../../server/src/schemas/sdg.schema';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { getJson } from './support/api';

let app: AppProcess;

let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a new user after `npm start`', () => {
  it('gets a healthy API with the framework and the demo network', async () => {
    const health = await getJson<unknown>(app.baseUrl, '/api/health');
    expect(health).toMatchObject({ status: 'ok', database: { kind: 'pglite' } });
    const goals = await getJson<GoalListResponse>(app.baseUrl, '/api/v1/sdg/goals?lang=fr');
    expect(goals.goals).toHaveLength(17);
    expect(goals.goals[0]?.shortTitle).toBe('Pas de pauvreté');
    const networks = await getJson<NetworkListResponse>(app.baseUrl, '/api/v1/networks');
    expect(networks.networks).toHaveLength(1);
    expect(networks.networks[0]).toMatchObject({ cityCount: 9 });
    // Synthetic demo figures, or (once Eurostat's are in) real ones for some indicators.
    expect(['synthetic', 'mixed']).toContain(networks.networks[0]?.dataKind);
  });

  it('sees the 17 goals on the home page, in a real browser, without console errors', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.baseUrl}/`);
    await page.getByTestId('goal-tile').first().waitFor();
    expect(await page.getByTestId('goal-tile').count()).toBe(17);
    expect(await page.title()).toBe('SDG City Monitor');
    await expect.poll(() => page.url()).toContain('lang=en');
    // The network card says where its figures come from.
    expect(
      await page.getByText(/^(Synthetic demo data|Real and synthetic figures)$/).count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'home-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to French: interface, SDG titles, URL and <html lang>', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.baseUrl}/sdg`);
    await page.getByTestId('goal-tile').first().waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { level: 1, name: 'Le cadre des ODD de l\u2019ONU' }).waitFor();
    await page.getByRole('link', { name: /Objectif 1 : Pas de pauvreté/ }).waitFor();
    expect(page.url()).toContain('lang=fr');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: /Objectif 11/ }).click();
    await page.getByRole('heading', { level: 1, name: /Villes et communautés durables/ }).waitFor();
    await screenshot(page, 'goal-11-fr');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works at 390 px wide', async () => {
    const { page, context, errors } = await openPage(browser, 390, 844);
    await page.goto(`${app.baseUrl}/networks`);
    await page.getByRole('heading', { level: 1, name: 'Networks' }).waitFor();
    await page.getByRole('link', { name: 'Cities for Sustainability Governance (demo)' }).click();
    const ranking = page.getByTestId('ranking');
    await ranking.waitFor();
    // Header, nine partner cities, the network average.
    expect(await ranking.getByRole('row').count()).toBe(11);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'network-390');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps its data across a restart and does not seed the demo twice', async () => {
    const before = await getJson<CityDetail>(app.baseUrl, '/api/v1/cities/espoo');
    await app.stop();
    expect(app.output()).toContain('shutting down');
    app = await startApp({ dataDir: app.dataDir });
    const after = await getJson<CityDetail>(app.baseUrl, '/api/v1/cities/espoo');
    expect(after.observationCount).toBe(before.observationCount);
    const networks = await getJson<NetworkListResponse>(app.baseUrl, '/api/v1/networks');
    expect(networks.networks).toHaveLength(1);
  });
});
