import { expect } from 'vitest';

/** Who signs in: an account's email and password. */
export interface Credentials {
  email: string;
  password: string;
}

/**
 * Signs in through the API (as a script would, no browser): the headers that
 * carry the session (its cookie and CSRF token) and, unless `json` is false,
 * say the request's body is JSON.
 */
export async function signInByApi(
  baseUrl: string,
  who: Credentials,
  { json = true }: { json?: boolean } = {},
): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    'x-csrf-token': csrfToken,
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}

/** GETs a path of the app that must answer 200 (optionally with session headers); its JSON. */
export async function getJson<T>(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}
