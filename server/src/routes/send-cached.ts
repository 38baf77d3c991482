import type { FastifyReply, FastifyRequest } from 'fastify';
import { addVary } from '../plugins/vary';
import type { CachedPayload } from '../services/cached-payload';

function accepts(header: string | undefined, encoding: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([name, ...params]) => name === encoding && !params.some((p) => p.trim() === 'q=0'));
}

/**
 * Sends a cached payload, the one send path of cached reads: 304 when the
 * client's copy is current, else the pre-compressed bytes it accepts
 * (brotli, gzip) or the JSON text, serialised once through the route's 200
 * response schema (as every other route's answer is).
 */
export function sendCached<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: CachedPayload<T>,
): FastifyReply {
  void reply
    .header('etag', payload.etag)
    // A signed-in reader may get drafts: never let a shared cache keep them.
    .header('cache-control', request.principal.signedIn ? 'private, no-cache' : 'no-cache');
  // Added to what is there (Cookie, Authorization, Origin), never in its place.
  addVary(reply, 'Accept-Encoding', 'Accept-Language');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === payload.etag)) {
    return reply.status(304).send();
  }
  void reply.type('application/json; charset=utf-8');
  const serialize = (body: T): string => reply.serialize(body) as string;
  const acceptEncoding = request.headers['accept-encoding'];
  if (accepts(acceptEncoding, 'br'))
    return reply.header('content-encoding', 'br').send(payload.brotli(serialize));
  if (accepts(acceptEncoding, 'gzip'))
    return reply.header('content-encoding', 'gzip').send(payload.gzip(serialize));
  const text = payload.json(serialize);
  // Already JSON text: sent as it is.
  return reply.serializer((already) => already as string).send(text);
}
