import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { initI18n } from '../../client/src/lib/i18n/i18n';
import type { UiLanguage } from '../../client/src/lib/i18n/languages';
import type { ApiBody, ApiError } from './api-contract';

function parseBody(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body; // CSV and other text bodies
  }
}

/** What a function route sees of the request: its method, headers and parsed JSON body. */
export interface FakeRequest {
  method: string;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * A canned answer, typed from the server's contract: a body some route sends
 * (200, 201, 202), no body (204), or an error of the server's vocabulary with its
 * status. A function route may answer later (a slow server).
 */
export type FakeAnswer =
  { status: 200 | 201 | 202; body: ApiBody } | { status: 204; body?: null } | ApiError;

/** A route's fake: its body (answered 200), or a function of the request. */
export type FakeRoute =
  ApiBody | ((url: URL, request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>);

export type FakeRoutes = Record<string, FakeRoute>;

/**
 * Replaces fetch with canned API answers keyed by path (query ignored unless
 * the key has one). Unknown paths answer 404 in the API's error shape. A
 * function route gets the method and body, to answer GET and POST apart, and
 * may return a promise to answer later.
 */
export function fakeApi(routes: FakeRoutes): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const exact = routes[`${url.pathname}${url.search}`];
    const entry = exact ?? routes[url.pathname];
    if (entry === undefined) {
      return new Response(
        JSON.stringify({ error: { code: 'not_found', message: `No fake for ${url.pathname}` } }),
        {
          status: 404,
          headers: { 'content-type': 'application/json' },
        },
      );
    }
    const request: FakeRequest = {
      method: init?.method ?? 'GET',
      body: parseBody(init?.body),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    };
    const { status, body }: FakeAnswer =
      typeof entry === 'function' ? await entry(url, request) : { status: 200, body: entry };
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/**
 * Renders one page component at `path` (matching `pattern`) with the app's
 * providers; `also` adds pages the test navigates to (pattern → component).
 */
export async function renderPage(
  Page: ComponentType,
  {
    path,
    pattern,
    language = 'en',
    also = {},
  }: {
    path: string;
    pattern: string;
    language?: UiLanguage;
    also?: Record<string, ComponentType>;
  },
): Promise<RenderResult & { router: ReturnType<typeof createMemoryRouter> }> {
  const i18n = await initI18n(language);
  await i18n.changeLanguage(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const routes = [
    { path: pattern, Component: Page },
    ...Object.entries(also).map(([route, Component]) => ({ path: route, Component })),
  ];
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return Object.assign(result, { router });
}
