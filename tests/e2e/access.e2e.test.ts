import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApp, tempDataDir, type AppProcess } from './support/app-process';
import { launchBrowser, openPage } from './support/browser';
import { signInByApi } from './support/api';

/**
 * Issue 13 in a real browser and a real shell: other websites read public
 * data and nothing else; a same-site page cannot post an import through an
 * encoded /api prefix; the README's import example works as written with an
 * API token.
 */
let app: AppProcess;
let browser: Browser;
let other: http.Server;
let otherOrigin = '';
const root = path.resolve(import.meta.dirname, '../..');

/** A page on another port of the same host: another origin, the same site. */
async function startOtherSite(): Promise<void> {
  const port = await freePort();
  other = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Another site</title><h1>Newsroom</h1>');
  });
  await new Promise<void>((resolve) => other.listen(port, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${port}`;
}

const valueOf = async (year: number): Promise<number | null> => {
  const response = await fetch(
    `${app.baseUrl}/api/v1/cities/kosice/indicators/pm25-annual-mean/observations/${year}`,
    {
      headers: await signInByApi(app.baseUrl, {
        email: 'kosice@demo.example',
        password: 'demo kosice passphrase',
      }),
    },
  );
  return response.status === 200 ? ((await response.json()) as { value: number }).value : null;
};

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  await startOtherSite();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => other?.close(resolve));
});

describe('other websites', () => {
  it('a newsroom page reads public data with fetch, but cannot write even with the officer signed in', async () => {
    const { page, context } = await openPage(browser);
    // The officer is signed in in this browser (cookie for the app's site).
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel('Email').fill('kosice@demo.example');
    await page.getByLabel('Password').fill('demo kosice passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const before = await valueOf(2025);

    await page.goto(otherOrigin);
    const result = await page.evaluate(async (api) => {
      const read = await fetch(
        `${api}/api/v1/networks/cities-sustainability-governance-demo/scores`,
      );
      const readBody = (await read.json()) as { cities: unknown[] };
      const attempt = async (init: RequestInit, url: string): Promise<string> => {
        try {
          const response = await fetch(url, init);
          return `answered ${response.status}`;
        } catch {
          return 'blocked';
        }
      };
      return {
        readStatus: read.status,
        cities: readBody.cities.length,
        jsonWrite: await attempt(
          {
            method: 'PUT',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ value: 1 }),
          },
          `${api}/api/v1/cities/kosice/indicators/pm25-annual-mean/observations/2025`,
        ),
        // A "simple" request needs no preflight: it reaches the server, which refuses it.
        simpleImport: await attempt(
          {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'text/plain' },
            body: 'city,indicator,year,value\nkosice,pm25-annual-mean,2025,1\n',
          },
          `${api}/%61pi/v1/imports`,
        ),
        session: await attempt({ credentials: 'include' }, `${api}/api/v1/auth/session`),
      };
    }, app.baseUrl);
    expect(result.readStatus).toBe(200);
    expect(result.cities).toBe(9);
    expect(result.jsonWrite).toBe('blocked');
    expect(result.simpleImport).toBe('blocked');
    // The session read is not for other websites: the browser does not hand it over.
    expect(result.session).toBe('blocked');
    expect(await valueOf(2025)).toBe(before);
    await context.close();
  });
});

describe('the README’s import example', () => {
  it('works as written with an API token', async () => {
    const headers = await signInByApi(app.baseUrl, {
      email: 'kosice@demo.example',
      password: 'demo kosice passphrase',
    });
    const created = await fetch(`${app.baseUrl}/api/v1/auth/tokens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'README example', access: 'roles' }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };

    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /Importing a CSV file from a script[\s\S]*?```sh\n([\s\S]*?)```/.exec(
      readme,
    )?.[1];
    expect(block).toBeDefined();
    // Everything but the line where the reader pastes their token, against this app.
    const script = block!
      .split('\n')
      .filter((line) => !line.startsWith('export SDGCM_TOKEN='))
      .join('\n')
      .replaceAll('http://localhost:3000', app.baseUrl);
    const dir = tempDataDir();
    fs.writeFileSync(
      path.join(dir, 'values.csv'),
      'city,indicator,year,value\nkosice,pm25-annual-mean,2025,17.5\n',
    );
    const output = execFileSync('bash', ['-c', script], {
      cwd: dir,
      env: { ...process.env, SDGCM_TOKEN: token },
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toMatchObject({ dryRun: true, errorCount: 0, rowsRead: 1 });
  });
});
