/** An API failure with the server's error code and message (or a network failure). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True for failures worth retrying: network errors and 5xx. */
  get isTransient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A raw text body (e.g. CSV) instead of JSON, sent with `contentType`. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;

/** The signed-in session's CSRF token, sent with every change (set from GET /api/v1/auth/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * fetch → JSON → typed value, or a thrown ApiError with the server's message.
 * The only place the client talks HTTP.
 */
export async function apiFetch<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const method = options.method ?? 'GET';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.text !== undefined) {
    headers['content-type'] = options.contentType ?? 'text/plain';
    body = options.text;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'network_error',
      'The server cannot be reached. Check your connection and try again.',
    );
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  let envelope: ErrorEnvelope = {};
  try {
    envelope = (await response.json()) as ErrorEnvelope;
  } catch {
    // Not JSON (a proxy error page): fall back to the status text below.
  }
  const code = typeof envelope.error?.code === 'string' ? envelope.error.code : 'http_error';
  const message =
    typeof envelope.error?.message === 'string'
      ? envelope.error.message
      : `The server answered ${response.status}.`;
  throw new ApiError(response.status, code, message, envelope.error?.details);
}

/** Builds `path?a=1&b=2`, skipping undefined values. */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
