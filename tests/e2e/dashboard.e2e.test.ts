import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { NetworkDetail, NetworkListResponse } from '../../server/src/schemas/network.schema';
import type {
  CityProgressResponse,
  IndicatorDetailResponse,
  NetworkScoresResponse,
} from '../../server/src/schemas/progress.schema';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { getJson } from './support/api';

let app: AppProcess;
let browser: Browser;
let network: string;

/** Records when the city overview's indicator table first appears (performance.now()). */
const RENDER_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="indicator-table"]')) {
      window.__overviewRenderedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const noOverflow = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  network = (await getJson<NetworkListResponse>(app.baseUrl, '/api/v1/networks')).networks[0]!.slug;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a mayor\u2019s walk through the dashboard', () => {
  it('network → city → the indicator with the largest gap: the screen shows the API\u2019s numbers', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.addInitScript(RENDER_PROBE);
    await page.goto(`${app.baseUrl}/networks`);
    await page.getByRole('link', { name: 'Cities for Sustainability Governance (demo)' }).click();

    // Network overview: the ranking is the API's.
    const scores = await getJson<NetworkScoresResponse>(
      app.baseUrl,
      `/api/v1/networks/${network}/scores`,
    );
    const leader = scores.cities.find((c) => c.rank === 1)!;
    const ranking = page.getByTestId('ranking');
    await ranking.waitFor();
    const firstRow = ranking.getByRole('row').nth(1);
    expect(await firstRow.getByRole('rowheader').textContent()).toContain(leader.name);
    expect(await firstRow.getByRole('cell').nth(1).textContent()).toBe(leader.index!.toFixed(1));
    expect(await page.getByTestId('heatmap').getByRole('row').count()).toBe(
      scores.cities.length + 2,
    );
    await screenshot(page, 'walk-1-network');

    // City overview: headline figures are the API's.
    await ranking.getByRole('link', { name: leader.name }).click();
    await page.getByRole('heading', { level: 1, name: leader.name }).waitFor();
    await page.getByTestId('indicator-table').waitFor();
    const progress = await getJson<CityProgressResponse>(
      app.baseUrl,
      `/api/v1/cities/${leader.slug}/progress`,
    );
    const counts = progress.summary.statusCounts;
    const onTrack = counts.target_achieved + counts.on_track;
    expect(await page.getByTestId('headline').textContent()).toContain(
      `${onTrack} of ${progress.summary.indicatorCount} indicators`,
    );
    expect(await page.getByTestId('city-goal-tile').count()).toBe(17);
    const renderMs = await page.evaluate<number>(`(() => {
      const response = performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/cities/${leader.slug}/progress')).pop();
      return window.__overviewRenderedAt - response.responseEnd;
    })()`);
    console.info(
      `City overview (${progress.indicators.length} indicators) on screen ${Math.round(renderMs)} ms after its data arrived`,
    );
    await screenshot(page, 'walk-2-city');

    // The largest gap, opened from the overview.
    const gapSlug = progress.largestGaps[0]!;
    const gapIndicator = progress.indicators.find((i) => i.slug === gapSlug)!;
    await page.getByTestId('largest-gaps').getByRole('link', { name: gapIndicator.name }).click();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(gapIndicator.name.replace(/[()]/g, '.')) })
      .waitFor();
    await page.locator('[data-testid="action-gap"] .recharts-surface').first().waitFor();
    const detail = await getJson<IndicatorDetailResponse>(
      app.baseUrl,
      `/api/v1/cities/${leader.slug}/indicators/${gapSlug}/progress`,
    );
    const decimals = detail.indicator.decimals;
    const fmt = (v: number | null): string =>
      v === null
        ? ''
        : new Intl.NumberFormat('en', {
            minimumFractionDigits: decimals,
            maximumFractionDigits: decimals,
          })
            .format(v)
            .replace('-', '\u2212');
    // The path with planned actions has its own column when an action counts (issue 16).
    const withActions = detail.chart.some((p) => (p.withActions ?? null) !== null);
    const expected = detail.chart
      .filter(
        (p) =>
          p.observed !== null ||
          p.required !== null ||
          p.projected !== null ||
          p.target !== null ||
          (p.withActions ?? null) !== null,
      )
      .map((p) => [
        String(p.year),
        fmt(p.observed),
        fmt(p.required),
        fmt(p.projected),
        ...(withActions ? [fmt(p.withActions ?? null)] : []),
        fmt(p.target),
      ]);
    const shown = await page
      .getByTestId('gap-table')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
        ),
      );
    expect(shown).toEqual(expected);
    // The chart draws the same series: one marker per observed year.
    const observedYears = detail.chart.filter((p) => p.observed !== null).length;
    expect(
      await page
        .locator('[data-testid="action-gap"] .recharts-line-dots')
        .last()
        .locator('circle')
        .count(),
    ).toBe(observedYears);
    await screenshot(page, 'walk-3-indicator');

    // Switch to French: interface, numbers, URL and <html lang>.
    await page.getByLabel('Language').selectOption('fr');
    await page
      .getByRole('heading', { level: 2, name: 'Comment ce statut a été calculé' })
      .waitFor();
    expect(page.url()).toContain('lang=fr');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const frFirst = await page
      .getByTestId('gap-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first()
      .textContent();
    expect(frFirst).toBe(
      new Intl.NumberFormat('fr', {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
      }).format(detail.chart[0]!.observed!),
    );
    await screenshot(page, 'walk-4-indicator-fr');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the brief on exactly one A4 page', async () => {
    const { page, context, errors } = await openPage(browser);
    for (const lang of ['en', 'fr']) {
      await page.goto(`${app.baseUrl}/cities/espoo/brief?lang=${lang}`);
      await page.getByTestId('largest-gaps').waitFor();
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages, `brief in ${lang}`).toBe(1);
      await screenshot(page, `brief-print-${lang}`);
      await page.emulateMedia({ media: 'screen' });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('every page, at 1280 and 390 px', () => {
  const pages = (): Array<[string, string, string]> => [
    ['home', '/', '[data-testid="goal-tile"]'],
    ['networks', '/networks', 'h1'],
    ['network', `/networks/${network}`, '[data-testid="heatmap"]'],
    ['cities', '/cities', 'h1'],
    ['city', '/cities/kosice', '[data-testid="indicator-table"]'],
    ['city-goal', '/cities/kosice/goals/11', '[data-testid="indicator-table"]'],
    [
      'indicator',
      '/cities/kosice/indicators/municipal-waste-recycling-rate',
      '[data-testid="action-gap"] .recharts-surface',
    ],
    [
      'compare',
      `/networks/${network}/compare/municipal-waste-recycling-rate`,
      '[data-testid="compare-lines"] .recharts-surface',
    ],
    [
      'compare-normalised',
      `/networks/${network}/compare/no2-annual-mean?view=normalised`,
      '[data-testid="compare-bars"] .recharts-surface',
    ],
    ['brief', '/cities/kosice/brief', '[data-testid="largest-gaps"]'],
    ['methodology', '/methodology', 'h1'],
    ['framework', '/sdg', '[data-testid="goal-tile"]'],
    ['sdg-goal', '/sdg/goals/11', 'h1'],
    ['sdg-indicator', '/sdg/indicators/11.6.2', 'h1'],
    ['not-found', '/no/such/page', 'h1'],
  ];

  // English on the desktop, French on the phone: both languages and both widths get checked.
  for (const [width, lang] of [
    [1280, 'en'],
    [390, 'fr'],
  ] as const) {
    it(`has a title, no console error, no sideways scrolling and no axe violation at ${width} px (${lang})`, async () => {
      const { page, context, errors } = await openPage(browser, width, width === 390 ? 844 : 900);
      const problems: string[] = [];
      for (const [name, path, ready] of pages()) {
        await page.goto(`${app.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.locator(ready).first().waitFor();
        if ((await page.getAttribute('html', 'lang')) !== lang) problems.push(`${name}: html lang`);
        await page.waitForLoadState('networkidle');
        const title = await page.title();
        if (!title.endsWith('SDG City Monitor')) problems.push(`${name}: title "${title}"`);
        const overflow = await noOverflow(page);
        if (overflow > 0) problems.push(`${name}: ${overflow}px sideways scroll`);
        for (const v of await accessibilityViolations(page)) problems.push(`${name}: ${v}`);
        await screenshot(page, `page-${name}-${width}-${lang}`);
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

/**
 * Elements and text that end beyond the viewport's right (or left) edge,
 * unless a box that clips or scrolls sideways holds them (a wide table in its
 * scroll box is fine; the box itself is checked). Text is measured by its own
 * box, not its element's: a long word runs out of a heading whose box fits.
 */
const OFF_SCREEN = `(() => {
  const width = document.documentElement.clientWidth;
  const clipped = (node) => {
    for (let a = node.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o !== 'visible') return true;
    }
    return false;
  };
  const name = (el) => {
    const within = el.closest('[data-testid]');
    return (within ? within.getAttribute('data-testid') + ' ' : '') + el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/)[0] : '');
  };
  const out = [];
  const check = (rect, node, what) => {
    if (rect.width === 0 || rect.height === 0) return;
    if (rect.right <= width + 1 && rect.left >= -1) return;
    if (clipped(node)) return;
    out.push(what + ' ' + Math.round(Math.max(rect.right - width, -rect.left)) + 'px');
  };
  for (const el of document.body.querySelectorAll('*')) {
    check(el.getBoundingClientRect(), el, name(el));
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.trim() === '') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const parent = node.parentElement;
    check(range.getBoundingClientRect(), node, name(parent) + ' "' + node.textContent.trim().slice(0, 40) + '"');
  }
  return out;
})()`;

describe('the city page at 390 px in German', () => {
  it('has nothing running off the screen sideways, every city (long compounds in the largest gaps wrap)', async () => {
    const cities = (
      await getJson<NetworkDetail>(app.baseUrl, `/api/v1/networks/${network}`)
    ).members.map((m) => m.slug);
    expect(cities.length).toBeGreaterThan(1);
    const { page, context, errors } = await openPage(browser, 390, 844);
    const problems: string[] = [];
    for (const city of cities) {
      await page.goto(`${app.baseUrl}/cities/${city}?lang=de`);
      await page.locator('[data-testid="indicator-table"]').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const p of await page.evaluate<string[]>(OFF_SCREEN)) problems.push(`${city}: ${p}`);
      await page
        .getByTestId('largest-gaps')
        .screenshot({ path: `test-results/e2e/city-gaps-${city}-390-de.png` });
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
