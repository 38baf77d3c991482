import type { FastifyReply } from 'fastify';

/**
 * Adds header names to `Vary`, keeping those already there: a cached answer
 * that replaced `Vary: Cookie` with its own list would let a shared cache
 * hand one reader's answer to another. Runs several times on every API
 * answer, so it compares text instead of building lists.
 */
export function addVary(reply: FastifyReply, ...names: string[]): void {
  const current = reply.getHeader('vary');
  const text =
    current === undefined ? '' : Array.isArray(current) ? current.join(', ') : String(current);
  // ",cookie,authorization," : each name found as a whole item, whatever the case and spaces.
  let items = `,${text.toLowerCase().replace(/\s+/g, '')},`;
  if (items.includes(',*,')) return;
  let merged = text.trim();
  for (const name of names) {
    const item = name.toLowerCase();
    if (items.includes(`,${item},`)) continue;
    items += `${item},`;
    merged = merged === '' ? name : `${merged}, ${name}`;
  }
  if (merged !== '' && merged !== text) void reply.header('vary', merged);
}
