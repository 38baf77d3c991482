import { describe, expect, it } from 'vitest';
import { apiError } from './api-contract';
import type { FakeAnswer, FakeRoutes } from './render';

describe('the fake API follows the server’s contract', () => {
  it('builds an error answer with the status the server sends for its code', () => {
    expect(apiError('service_unavailable', 'The database is restarting.')).toEqual({
      status: 503,
      body: { error: { code: 'service_unavailable', message: 'The database is restarting.' } },
    });
    expect(
      apiError('validation_failed', 'No.', [{ path: '/value', message: 'Not a number.' }]),
    ).toEqual({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'No.',
          details: [{ path: '/value', message: 'Not a number.' }],
        },
      },
    });
  });

  it('refuses, when type-checked, an error code the server never sends or a body no route sends', () => {
    const unknownCode: FakeAnswer = {
      status: 503,
      // @ts-expect-error 'unavailable' is not one of the server's error codes
      body: { error: { code: 'unavailable', message: '' } },
    };
    // @ts-expect-error a code answered with another status than the server's
    const wrongStatus: FakeAnswer = {
      status: 500,
      body: { error: { code: 'not_found', message: '' } },
    };
    const routes: FakeRoutes = {
      // @ts-expect-error a session without its required fields
      '/api/v1/auth/session': { user: null, roles: [], csrfToken: null },
      // @ts-expect-error a body no route of the API answers with
      '/api/v1/cities': { towns: [] },
    };
    expect([unknownCode, wrongStatus, Object.keys(routes)]).toHaveLength(3);
  });
});
