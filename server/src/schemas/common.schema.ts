import { Type, type Static, type TSchema } from 'typebox';

/** `{ error: { code, message, details? } }`, the body of every 4xx and 5xx. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({
        description: 'Stable machine-readable code, e.g. validation_failed, not_found.',
      }),
      message: Type.String({
        description: 'What went wrong, in words a city officer understands.',
      }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'Error' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The request is invalid (see error.details).',
  401: 'Sign in first.',
  403: 'You may not do this.',
  404: 'Not found.',
  409: 'Conflicts with the current state.',
  412: 'The resource changed since you read it (If-Match is stale).',
  413: 'The request body is too large.',
  415: 'Unsupported content type.',
  422: 'The import was rejected; nothing was written.',
  428: 'If-Match is required to change an existing resource.',
  429: 'Too many requests.',
  503: 'The database is unavailable.',
};

/** Error responses for a route's schema, so they appear in the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const responses: Record<number, TSchema> = {};
  for (const status of statuses) {
    responses[status] = Type.Object(ErrorResponse.properties, {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
    });
  }
  return responses;
}

/** The rules of a slug, shared by the schema and the access guard (which looks up only well-formed ones). */
export const SLUG_RULES = { maxLength: 64, pattern: '^[a-z0-9]+([_-][a-z0-9]+)*$' } as const;

export const Slug = Type.String({
  minLength: 1,
  ...SLUG_RULES,
  description: 'Lower-case letters, digits, "-" and "_", e.g. "espoo" or "pm25-annual-mean".',
});

export const LangQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.String({
        maxLength: 35,
        description:
          'Language of the SDG titles (en, fr, de, es, it and 21 more). Without it, Accept-Language decides; the default is English.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type LangQuery = Static<typeof LangQuery>;
