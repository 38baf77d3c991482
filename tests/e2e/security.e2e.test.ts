import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage } from './support/browser';
import { signInByApi } from './support/api';

/**
 * Accounts in the browser: signing in and out with a demo account, the
 * account and administration pages (axe), and hostile text stored through
 * the API shown escaped on every page that displays it (nothing executes,
 * the Content-Security-Policy holds).
 */
let app: AppProcess;
let browser: Browser;
const DEMO_NETWORK = 'cities-sustainability-governance-demo';
const HOSTILE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'); DROP TABLE cities; --`;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('signing in and out', () => {
  it('a city officer signs in with a demo account, sees their role, and signs out', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${app.baseUrl}/cities/kosice`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in to SDG City Monitor' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('kosice@demo.example');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The email or password is not right.' })
      .waitFor();
    await page.getByLabel('Password').fill('demo kosice passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where they came from, signed in.
    await page.waitForURL(/\/cities\/kosice/);
    await page.getByRole('link', { name: /Košice sustainability officer/ }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.getByText('Editor of Košice').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'sdgcm_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(await page.evaluate('document.cookie')).not.toContain('sdgcm_session');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    // The old cookie is dead on the server too.
    const replay = await fetch(`${app.baseUrl}/api/v1/auth/session`, {
      headers: { cookie: `sdgcm_session=${session.value}` },
    });
    expect(((await replay.json()) as { user: unknown }).user).toBeNull();
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });

  it('an administrator manages accounts on an accessible page', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${app.baseUrl}/sign-in?next=/admin/users`);
    await page.getByLabel('Email').fill('admin@demo.example');
    await page.getByLabel('Password').fill('demo admin passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Accounts and roles' }).waitFor();
    await page
      .getByRole('cell', { name: /kosice@demo\.example/ })
      .or(page.getByRole('rowheader', { name: /kosice@demo\.example/ }))
      .first()
      .waitFor();
    await page.getByLabel('Email').fill('new.officer@city.example');
    await page.getByRole('button', { name: 'Create' }).click();
    const link = page.locator('.invitation-link');
    await link.waitFor();
    expect(await link.textContent()).toMatch(/\/welcome#token=[A-Za-z0-9_-]{43}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('hostile text is shown, never run', () => {
  it('script and SQL payloads in names appear literally on every page that shows them', async () => {
    const admin = await signInByApi(app.baseUrl, {
      email: 'admin@demo.example',
      password: 'demo admin passphrase',
    });
    const post = async (path: string, body: unknown, method = 'POST') => {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers: admin,
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
    };
    await post('/api/v1/cities', { slug: 'hostile-town', name: HOSTILE, countryCode: 'FI' });
    await post(`/api/v1/networks/${DEMO_NETWORK}/members/hostile-town`, { role: 'partner' }, 'PUT');

    const { page, context, errors } = await openPage(browser);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    for (const path of ['/cities', '/cities/hostile-town', `/networks/${DEMO_NETWORK}`]) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.getByText(HOSTILE).first().waitFor();
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
