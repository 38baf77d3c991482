import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startApp, type AppProcess } from './support/app-process';
import { accessibilityViolations, launchBrowser, openPage, screenshot } from './support/browser';
import { ADMIN, COORDINATOR, DEMO_NETWORK as NETWORK, OFFICER } from './support/demo';

/**
 * A finished workspace (issue 17 item 21): the workspace, its ambitions form,
 * the import wizard, the review of a year, the review queue and the accounts
 * page use the public pages' design — labels above their inputs, styled
 * selects, buttons with a clear disabled look and a focus ring, 44 px touch
 * targets on a phone — and stay axe-clean at 1280 and 390 px.
 */
let app: AppProcess;
let browser: Browser;
const PRIMARY = 'rgb(25, 72, 106)';
const CONTROL_BORDER = 'rgb(107, 117, 128)';

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${app.baseUrl}/sign-in?lang=en`);
  await page.locator('#sign-in-email').fill(who.email);
  await page.locator('#sign-in-password').fill(who.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** What these tests use of the page inside `evaluate` (this project has no DOM types). */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
interface PageNode {
  contains(other: PageNode): boolean;
  getBoundingClientRect(): Box;
}
interface PageInput extends PageNode {
  labels: ArrayLike<PageNode & { childNodes: Iterable<PageNode> }> | null;
}
interface PageGlobals {
  document: {
    activeElement: unknown;
    createRange(): {
      setStartBefore(node: PageNode): void;
      setEndAfter(node: PageNode): void;
      getBoundingClientRect(): Box;
    };
  };
  getComputedStyle(element: unknown): Record<string, string>;
}

/** The box of a label's own text (without the control inside it) and of its control. */
async function labelAndControl(input: Locator) {
  return input.evaluate((element) => {
    const { document } = globalThis as unknown as PageGlobals;
    const control = element as unknown as PageInput;
    const label = control.labels?.[0];
    if (label === undefined) throw new Error('the input has no label');
    const range = document.createRange();
    const texts = [...label.childNodes].filter((n) => !n.contains(control));
    range.setStartBefore(texts[0]!);
    range.setEndAfter(texts[texts.length - 1]!);
    const text = range.getBoundingClientRect();
    const box = control.getBoundingClientRect();
    return {
      text: { top: text.top, bottom: text.bottom, left: text.left, right: text.right },
      control: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
    };
  });
}

async function styleOf(locator: Locator) {
  return locator.evaluate((element) => {
    const s = (globalThis as unknown as PageGlobals).getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      background: s.backgroundColor,
      borderColor: s.borderTopColor,
      borderStyle: s.borderTopStyle,
      radius: s.borderTopLeftRadius,
      appearance: s.appearance,
      cursor: s.cursor,
      outlineStyle: s.outlineStyle,
      outlineWidth: s.outlineWidth,
      height: box.height,
    };
  });
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
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe.each([1280, 390])('at %i px', (width) => {
  const touch = width < 600 ? 44 : 40;

  it('the officer’s ambitions form: labels above their inputs, the design’s controls, axe-clean', async () => {
    const { page, context, errors } = await openPage(browser, width, 900);
    await signIn(page, OFFICER);
    await page.goto(`${app.baseUrl}/cities/kosice/workspace?tab=ambitions&lang=en`);
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Baseline year').waitFor();

    for (const name of ['Baseline year', 'Baseline value', 'Target year', 'Target value']) {
      const { text, control } = await labelAndControl(panel.getByLabel(name, { exact: true }));
      // The label's text sits above its input, never beside it or over it.
      expect(text.bottom, name).toBeLessThanOrEqual(control.top + 1);
      expect(control.bottom - control.top, name).toBeGreaterThanOrEqual(touch - 0.5);
    }

    const select = await styleOf(panel.getByTestId('ambition-indicator'));
    expect(select.appearance).toBe('none');
    expect(select.borderColor).toBe(CONTROL_BORDER);
    expect(select.radius).toBe('6px');
    expect(select.height).toBeGreaterThanOrEqual(touch - 0.5);

    const save = panel.getByRole('button', { name: 'Save the ambition' });
    // Enabled once the session says the officer may edit.
    await expect
      .poll(
        async () =>
          (await save.isEnabled())
            ? 'enabled'
            : await panel.locator('#ambition-errors').textContent(),
        { timeout: 20_000 },
      )
      .toBe('enabled');
    const saveStyle = await styleOf(save);
    expect(saveStyle.background).toBe(PRIMARY);
    expect(saveStyle.radius).toBe('6px');
    expect(saveStyle.height).toBeGreaterThanOrEqual(touch - 0.5);
    // Reached with the keyboard, the button shows the focus ring.
    await panel.getByLabel('Target value', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(
        () =>
          save.evaluate((e) => e === (globalThis as unknown as PageGlobals).document.activeElement),
        { timeout: 5_000 },
      )
      .toBe(true);
    const focused = await styleOf(save);
    expect(focused.outlineStyle).toBe('solid');
    expect(focused.outlineWidth).toBe('3px');

    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `workspace-style-ambitions-${width}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the import wizard and the review tab: a disabled button looks disabled, axe-clean', async () => {
    const { page, context } = await openPage(browser, width, 900);
    await signIn(page, OFFICER);
    await page.goto(`${app.baseUrl}/cities/kosice/workspace?tab=import&lang=en`);
    const check = page.getByRole('button', { name: 'Check the file (nothing is written)' });
    await check.waitFor();
    expect(await check.isDisabled()).toBe(true);
    const disabled = await styleOf(check);
    expect(disabled.background).not.toBe(PRIMARY);
    expect(disabled.borderStyle).toBe('dashed');
    expect(disabled.cursor).toBe('not-allowed');
    const paste = await styleOf(page.getByLabel('Or paste cells here'));
    expect(paste.borderColor).toBe(CONTROL_BORDER);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `workspace-style-import-${width}`);

    await page.goto(`${app.baseUrl}/cities/kosice/workspace?tab=review&lang=en`);
    await page.getByTestId('review-table').waitFor();
    const on = await styleOf(page.locator('#comment-on'));
    expect(on.appearance).toBe('none');
    expect(on.height).toBeGreaterThanOrEqual(touch - 0.5);
    expect(await offScreen(page, '[data-testid="review-table"]')).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `workspace-style-review-${width}`);
    await context.close();
  });

  it('the coordinator’s review queue and a submitted year: actions on screen, axe-clean', async () => {
    const { page, context } = await openPage(browser, width, 900);
    await signIn(page, COORDINATOR);
    await page.goto(`${app.baseUrl}/networks/${NETWORK}/review?lang=en`);
    const queue = page.getByTestId('review-queue');
    await queue.waitFor();
    const open = await styleOf(queue.getByRole('link', { name: /Review València 2025/ }));
    expect(open.background).toBe(PRIMARY);
    expect(open.height).toBeGreaterThanOrEqual(width < 600 ? 43.5 : 31.5);
    expect(await offScreen(page, '[data-testid="review-queue"]')).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `workspace-style-queue-${width}`);

    await page.goto(`${app.baseUrl}/cities/valencia/workspace?tab=review&lang=en`);
    const table = page.getByTestId('review-table');
    await table.getByRole('button', { name: 'Approve 2025' }).waitFor();
    expect(await offScreen(page, '[data-testid="review-table"]')).toEqual([]);
    const approve = await styleOf(table.getByRole('button', { name: 'Approve 2025' }));
    expect(approve.background).toBe(PRIMARY);
    expect(approve.height).toBeGreaterThanOrEqual(touch - 0.5);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('the administrator’s accounts page uses the same selects and buttons, axe-clean', async () => {
    const { page, context } = await openPage(browser, width, 900);
    await signIn(page, ADMIN);
    await page.goto(`${app.baseUrl}/admin/users?lang=en`);
    const role = page.locator('#grant-role');
    await role.waitFor();
    const roleStyle = await styleOf(role);
    expect(roleStyle.appearance).toBe('none');
    expect(roleStyle.borderColor).toBe(CONTROL_BORDER);
    expect(roleStyle.height).toBeGreaterThanOrEqual(touch - 0.5);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `workspace-style-users-${width}`);
    await context.close();
  });
});
