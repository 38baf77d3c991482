import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../server/src/auth/totp';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { signInByApi } from './support/api';
import { DEMO_NETWORK as NETWORK } from './support/demo';

/**
 * The account page in a real browser: two-factor authentication set up with
 * the code an authenticator app would show, a sign-in in two steps, API
 * tokens; and a city joining a network by invitation and consent. Keyboard
 * and axe at 1280 and 390 px, in English and German.
 */
let app: AppProcess;
let browser: Browser;
const PASSWORD = 'granite otter lantern';

async function api(path: string, init: RequestInit & { session?: Record<string, string> } = {}) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.session, ...init.headers },
  });
  return response;
}

async function signInInBrowser(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  // An account of our own (the demo ones are shared by other tests): a coordinator of the demo network.
  const admin = await signInByApi(
    app.baseUrl,
    { email: 'admin@demo.example', password: 'demo admin passphrase' },
    { json: false },
  );
  const created = await api('/api/v1/users', {
    method: 'POST',
    session: admin,
    body: JSON.stringify({
      email: 'second@city.example',
      displayName: 'Sam Second',
      password: PASSWORD,
    }),
  });
  expect(created.status).toBe(201);
  const { user } = (await created.json()) as { user: { id: number } };
  const grant = await api(`/api/v1/users/${user.id}/roles`, {
    method: 'POST',
    session: admin,
    body: JSON.stringify({ role: 'coordinator', network: NETWORK }),
  });
  expect(grant.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('two-factor authentication', () => {
  it('is set up on the account page and then asked for at sign-in', async () => {
    const { page, context, errors } = await openPage(browser);
    await signInInBrowser(page, 'second@city.example', PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${app.baseUrl}/account`);
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'account-2fa-setup-1280');
    const secret = (await page.locator('code.secret').first().innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = await currentTotp(secret);
    await page.getByLabel('Code from your app', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const codes =
      (await page.locator('pre').first().innerText()).match(
        /[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/g,
      ) ?? [];
    expect(codes).toHaveLength(10);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'account-2fa-codes-1280');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Two-factor authentication is on.').first().waitFor();

    // Sign out, then in again: the password, then a recovery code (the app code was just used).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInInBrowser(page, 'second@city.example', PASSWORD);
    const codeField = page.locator('input[autocomplete="one-time-code"]');
    await codeField.waitFor();
    const focusedId = async () =>
      page.evaluate('document.activeElement && document.activeElement.id');
    const fieldId = await codeField.getAttribute('id');
    expect(await focusedId()).toBe(fieldId);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-second-step-1280');
    await page.keyboard.type('123456');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: /not right/ })
      .first()
      .waitFor();
    expect(await focusedId()).toBe(fieldId);
    await codeField.fill(codes[0]!);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const session = (await page.evaluate(
      "fetch('/api/v1/auth/session').then((r) => r.json())",
    )) as { user: { email: string } | null };
    expect(session.user?.email).toBe('second@city.example');
    expect(errors.filter((e) => !/40[01]/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('API tokens', () => {
  it('a token is shown once with an example, then listed without it, and can be revoked', async () => {
    const { page, context } = await openPage(browser);
    await signInInBrowser(page, 'kosice@demo.example', 'demo kosice passphrase');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${app.baseUrl}/account`);
    await page.getByLabel('Name').fill('Nightly import');
    await page.getByLabel(/With your roles/).check();
    await page.getByRole('button', { name: /Create/ }).click();
    const box = page.locator('#new-token-title');
    await box.waitFor();
    const token = (
      await page
        .locator('code, pre')
        .filter({ hasText: /^sdgcm_/ })
        .first()
        .innerText()
    ).trim();
    expect(token).toMatch(/^sdgcm_[A-Za-z0-9_-]{43}$/);
    expect(await page.getByText('Authorization: Bearer').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'account-token-created-1280');
    // The token works for a script.
    const check = await fetch(`${app.baseUrl}/api/v1/networks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(check.status).toBe(200);
    await page
      .getByRole('button', { name: /Done|saved/i })
      .first()
      .click();
    await box.waitFor({ state: 'detached' });
    expect(await page.getByText(token).count()).toBe(0);
    const row = page.getByRole('row', { name: /Nightly import/ });
    await row.waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /Revoke/ }).click();
    await page.getByRole('row', { name: /Nightly import.*Revoked/ }).waitFor();
    const revoked = await fetch(`${app.baseUrl}/api/v1/networks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
    await context.close();
  });

  it('the account page reads well at 390 px in German, keyboard only', async () => {
    const { page, context } = await openPage(browser, 390, 844);
    await signInInBrowser(page, 'kosice@demo.example', 'demo kosice passphrase');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${app.baseUrl}/account?lang=de`);
    await page.getByRole('heading', { name: 'Zwei-Faktor-Authentifizierung' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'account-390-de');
    await context.close();
  });
});

describe('membership by consent', () => {
  it('a coordinator invites a city on the network page; its editor accepts in the workspace', async () => {
    const admin = await signInByApi(
      app.baseUrl,
      { email: 'admin@demo.example', password: 'demo admin passphrase' },
      { json: false },
    );
    expect(
      (
        await api('/api/v1/cities', {
          method: 'POST',
          session: admin,
          body: JSON.stringify({ slug: 'brno', name: 'Brno', countryCode: 'CZ' }),
        })
      ).status,
    ).toBe(201);
    const editor = await api('/api/v1/users', {
      method: 'POST',
      session: admin,
      body: JSON.stringify({
        email: 'brno@city.example',
        displayName: 'Brno officer',
        password: PASSWORD,
      }),
    });
    const { user } = (await editor.json()) as { user: { id: number } };
    await api(`/api/v1/users/${user.id}/roles`, {
      method: 'POST',
      session: admin,
      body: JSON.stringify({ role: 'editor', city: 'brno' }),
    });

    const { page, context } = await openPage(browser);
    await signInInBrowser(page, 'coordinator@demo.example', 'demo coordinator passphrase');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${app.baseUrl}/networks/${NETWORK}`);
    const form = page.getByTestId('network-invitations');
    await form.waitFor();
    await form.getByLabel('City', { exact: true }).selectOption('brno');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByRole('status').filter({ hasText: /Brno/ }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'network-invitations-1280');
    await context.close();

    const members = async () =>
      (
        (await (await api(`/api/v1/networks/${NETWORK}`)).json()) as {
          members: Array<{ slug: string }>;
        }
      ).members.map((m) => m.slug);
    expect(await members()).not.toContain('brno');

    const officer = await openPage(browser, 390, 844);
    await signInInBrowser(officer.page, 'brno@city.example', PASSWORD);
    await officer.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await officer.page.goto(`${app.baseUrl}/cities/brno/workspace`);
    await officer.page.getByRole('button', { name: /Accept/ }).waitFor();
    expect(await accessibilityViolations(officer.page)).toEqual([]);
    await screenshot(officer.page, 'workspace-invitation-390');
    officer.page.once('dialog', (dialog) => void dialog.accept());
    await officer.page.getByRole('button', { name: /Accept/ }).click();
    await officer.page.getByRole('button', { name: /Accept/ }).waitFor({ state: 'detached' });
    expect(await members()).toContain('brno');
    await officer.context.close();
  });
});
