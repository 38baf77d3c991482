/**
 * The API's error vocabulary. Every 4xx/5xx leaves the server as
 * `{ error: { code, message, details? } }`; `code` values are stable and
 * documented, `message` is written for a city officer, not a developer.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_rejected: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one part of the input. */
export interface ErrorDetail {
  /** JSON pointer or column name of the offending input, e.g. "/value" or "year". */
  path?: string;
  message: string;
}

/** An error the client caused or must know about; carries its HTTP status. */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
  }
}

export const notFound = (message: string): AppError => new AppError('not_found', message);
export const badRequest = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('bad_request', message, details);
export const validationFailed = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('validation_failed', message, details);
export const conflict = (message: string, details?: unknown): AppError =>
  new AppError('conflict', message, details);

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
