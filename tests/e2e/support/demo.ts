import type { Page } from 'playwright-core';
import type { Credentials } from './api';

/** The demo network every browser test starts from (seeded by `npm start`). */
export const DEMO_NETWORK = 'cities-sustainability-governance-demo';

/** The demo's published accounts (README, "Demo accounts"). */
export const OFFICER: Credentials = {
  email: 'kosice@demo.example',
  password: 'demo kosice passphrase',
};
export const COORDINATOR: Credentials = {
  email: 'coordinator@demo.example',
  password: 'demo coordinator passphrase',
};
export const ADMIN: Credentials = {
  email: 'admin@demo.example',
  password: 'demo admin passphrase',
};

/** Signs in through the form (in English) and waits until it has led to `next`. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  who: Credentials,
  next: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}
