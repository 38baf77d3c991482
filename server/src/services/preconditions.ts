import { AppError } from '../errors';

/** Conditional-request headers of a write (RFC 9110 §13). */
export interface Preconditions {
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/**
 * A strong entity tag from the row id and its version: a value deleted and
 * created again gets a new id, so an old tag can never match the new row.
 */
export function etagOf(id: number | string, version: number): string {
  return `"${id}.${version}"`;
}

/** Entity tags listed in an If-Match / If-None-Match header; "*" matches any. */
function parseTags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

function matches(header: string, etag: string): boolean {
  // Weak tags (W/"…") never match for If-Match: strong comparison only.
  return parseTags(header).some((tag) => tag === '*' || tag === etag);
}

/**
 * Checks the preconditions of a write to a resource that may not exist yet.
 * - It exists: If-Match is required (428 without it) and must match (412 with
 *   the current state in `details.current`); If-None-Match: * is 412.
 * - It does not exist: If-Match is 412 (it changed: someone deleted it);
 *   otherwise the write creates it.
 */
export function checkWritePreconditions(
  pre: Preconditions,
  current: { etag: string; body: unknown } | null,
  what: string,
): void {
  if (current === null) {
    if (pre.ifMatch !== undefined && pre.ifMatch.trim() !== '') {
      throw new AppError(
        'precondition_failed',
        `This ${what} no longer exists; someone deleted it meanwhile.`,
        {
          current: null,
        },
      );
    }
    return;
  }
  if (pre.ifNoneMatch !== undefined && parseTags(pre.ifNoneMatch).includes('*')) {
    throw new AppError(
      'precondition_failed',
      `This ${what} already exists; someone created it meanwhile.`,
      {
        current: current.body,
      },
    );
  }
  if (pre.ifMatch === undefined || pre.ifMatch.trim() === '') {
    throw new AppError(
      'precondition_required',
      `This ${what} already exists. To change it, send If-Match: ${current.etag} (its current version) so that nobody else's change is overwritten.`,
      { current: current.body },
    );
  }
  if (!matches(pre.ifMatch, current.etag)) {
    throw new AppError(
      'precondition_failed',
      `Someone else changed this ${what} since you read it. Review the current value and try again.`,
      { current: current.body },
    );
  }
}

/** The same for deleting: the resource must exist (404 otherwise) and If-Match must match. */
export function checkDeletePreconditions(
  pre: Preconditions,
  current: { etag: string; body: unknown },
  what: string,
): void {
  checkWritePreconditions({ ifMatch: pre.ifMatch }, current, what);
}

/** A write lost a race after the precondition passed: report it like a stale If-Match. */
export function concurrentChange(what: string, current: unknown): AppError {
  return new AppError(
    'precondition_failed',
    `Someone else changed this ${what} at the same moment. Review the current value and try again.`,
    { current },
  );
}
