import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { initI18n } from '../../client/src/lib/i18n/i18n';
import type { UiLanguage } from '../../client/src/lib/i18n/languages';

export type FakeRoutes = Record<
  string,
  unknown | ((url: URL) => { status: number; body: unknown })
>;

/**
 * Replaces fetch with canned API answers keyed by path (query ignored unless
 * the key has one). Unknown paths answer 404 in the API's error shape.
 */
export function fakeApi(routes: FakeRoutes): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
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
    const { status, body } =
      typeof entry === 'function'
        ? (entry as (u: URL) => { status: number; body: unknown })(url)
        : { status: 200, body: entry };
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Renders one page component at `path` (matching `pattern`) with the app's providers. */
export async function renderPage(
  Page: ComponentType,
  { path, pattern, language = 'en' }: { path: string; pattern: string; language?: UiLanguage },
): Promise<RenderResult & { router: ReturnType<typeof createMemoryRouter> }> {
  const i18n = await initI18n(language);
  await i18n.changeLanguage(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: pattern, Component: Page }], {
    initialEntries: [path],
  });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return Object.assign(result, { router });
}
