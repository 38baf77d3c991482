import type { FastifyReply } from 'fastify';

/**
 * Adds header names to `Vary`, keeping those already there: a cached answer
 * that replaced `Vary: Cookie` with its own list would let a shared cache
 * hand one reader's answer to another.
 */
export function addVary(reply: FastifyReply, ...names: string[]): void {
  const current = reply.getHeader('vary');
  const existing =
    current === undefined
      ? []
      : String(Array.isArray(current) ? current.join(',') : current)
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== '');
  if (existing.includes('*')) return;
  const lower = new Set(existing.map((n) => n.toLowerCase()));
  const merged = [...existing, ...names.filter((n) => !lower.has(n.toLowerCase()))];
  if (merged.length > 0) void reply.header('vary', merged.join(', '));
}
