import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  AppError,
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  type ErrorDetail,
} from '../errors';
import { describeValidationErrors, type AjvErrorLike } from './validation';

// PostgreSQL SQLSTATE classes that mean "the database is not there right now".
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);

interface DbErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  constraint?: unknown;
}

/** The disk is full: PostgreSQL's disk_full, Node's ENOSPC (PGlite's files, uploads). */
function isStorageFull(err: DbErrorLike): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (code === '53100' || code === 'ENOSPC') return true;
  const message = typeof err.message === 'string' ? err.message : '';
  return /ENOSPC|no space left on device|could not extend file/i.test(message);
}

function isDatabaseUnavailable(err: DbErrorLike): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
  if (err.name === 'KnexTimeoutError') return true;
  const message = typeof err.message === 'string' ? err.message : '';
  return /Connection terminated|Client has encountered a connection error|connection.*(closed|ended)/i.test(
    message,
  );
}

/** Maps a constraint violation that slipped past validation to a client error. */
function fromDatabaseError(err: DbErrorLike): AppError | null {
  const code = typeof err.code === 'string' ? err.code : '';
  const constraint = typeof err.constraint === 'string' ? err.constraint : undefined;
  const details =
    constraint === undefined ? undefined : [{ constraint, message: 'database constraint' }];
  if (code === '23505') {
    return new AppError(
      'conflict',
      'This record already exists (another entry has the same key).',
      details,
    );
  }
  if (code === '23503' || code === '23001') {
    return new AppError(
      'conflict',
      'This change refers to, or is referred to by, another record.',
      details,
    );
  }
  if (code === '23514' || code === '23502' || code.startsWith('22')) {
    return new AppError(
      'validation_failed',
      'A value is outside what the database accepts.',
      details,
    );
  }
  if (code === '40001' || code === '40P01') {
    return new AppError(
      'conflict',
      'Someone else changed the same data at the same moment; please retry.',
    );
  }
  return null;
}

function statusToCode(status: number): ErrorCode {
  const match = (Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>).find(
    ([, s]) => s === status,
  );
  if (match !== undefined) return match[0];
  return status >= 500 ? 'internal_error' : 'bad_request';
}

function friendlyFastifyMessage(err: FastifyError): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This content type is not accepted here; send JSON (Content-Type: application/json).';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty; send a JSON object.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON.';
    default:
      if (err instanceof SyntaxError) return 'The request body is not valid JSON.';
      return err.message;
  }
}

function send(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  // Error messages are English whatever a handler had started to localise.
  void reply.removeHeader('content-language');
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/**
 * One error handler for the whole API: validation errors, our AppErrors,
 * Fastify's own 4xx, database errors and everything else, always in the
 * `{ error: { code, message, details? } }` shape. 5xx never leak internals.
 */
// Long on purpose: one ordered table of error kinds and their answers; the order decides which wins.
async function errorHandlerPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler(
    (err: FastifyError & DbErrorLike, request: FastifyRequest, reply: FastifyReply) => {
      if (err instanceof AppError) {
        for (const [name, value] of Object.entries(err.headers)) void reply.header(name, value);
        if (err.statusCode >= 500) request.log.error({ err }, err.message);
        const body: ErrorBody = { error: { code: err.code, message: err.message } };
        if (err.details !== undefined) body.error.details = err.details;
        return send(reply, err.statusCode, body);
      }

      if (Array.isArray(err.validation)) {
        const details: ErrorDetail[] = describeValidationErrors(
          err.validation as AjvErrorLike[],
          err.validationContext ?? 'body',
        );
        const first = details[0]?.message ?? 'The request is invalid.';
        const message =
          details.length > 1 ? `${first} (and ${details.length - 1} more problems)` : first;
        return send(reply, 400, { error: { code: 'validation_failed', message, details } });
      }

      const dbError = fromDatabaseError(err);
      if (dbError !== null) {
        request.log.warn({ err }, 'database rejected a write');
        const body: ErrorBody = { error: { code: dbError.code, message: dbError.message } };
        if (dbError.details !== undefined) body.error.details = dbError.details;
        return send(reply, dbError.statusCode, body);
      }

      if (isStorageFull(err)) {
        request.log.error({ err }, 'disk full');
        void reply.header('retry-after', '60');
        return send(reply, 503, {
          error: {
            code: 'service_unavailable',
            message:
              'The server has run out of disk space, so nothing was saved. Please tell your administrator and try again later.',
          },
        });
      }

      if (isDatabaseUnavailable(err)) {
        request.log.error({ err }, 'database unavailable');
        void reply.header('retry-after', '2');
        return send(reply, 503, {
          error: {
            code: 'service_unavailable',
            message: 'The database is unavailable at the moment; please try again shortly.',
          },
        });
      }

      const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
      if (status >= 400 && status < 500) {
        return send(reply, status, {
          error: { code: statusToCode(status), message: friendlyFastifyMessage(err) },
        });
      }

      request.log.error({ err }, 'unhandled error');
      return send(reply, 500, {
        error: {
          code: 'internal_error',
          message: 'Something went wrong on our side. The error has been logged.',
        },
      });
    },
  );
}

export default fp(errorHandlerPlugin, { name: 'error-handler' });
