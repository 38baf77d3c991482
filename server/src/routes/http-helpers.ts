import type { FastifyReply, FastifyRequest } from 'fastify';
import { HEADLINE, parseSeriesParameter } from '../domain/series';
import { validationFailed } from '../errors';
import type { Preconditions } from '../services/preconditions';

/** The series a single-value route is about (`?series=` as JSON; the headline when absent). */
export function seriesOf(query: { series?: string | undefined }): string {
  try {
    return parseSeriesParameter(query.series);
  } catch (err) {
    const message = (err as Error).message;
    throw validationFailed(message, [{ path: '/series', message }]);
  }
}

/** A list's series filter: absent → the headline, `*` → every series (undefined), JSON → that one. */
export function seriesFilterOf(query: { series?: string | undefined }): string | undefined {
  if (query.series?.trim() === '*') return undefined;
  return query.series === undefined ? HEADLINE : seriesOf(query);
}

/** The conditional headers of a write request. */
export function preconditionsOf(request: FastifyRequest): Preconditions {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return { ifMatch: header('if-match'), ifNoneMatch: header('if-none-match') };
}

/** Sets ETag (and no-cache, so clients revalidate versioned resources). */
export function withEtag<T extends { etag: string }>(reply: FastifyReply, body: T): T {
  void reply.header('etag', body.etag).header('cache-control', 'no-cache');
  return body;
}
