import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Preconditions } from '../services/preconditions';

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
