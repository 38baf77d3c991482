/**
 * Polls `probe` until it returns something other than null; throws after
 * `timeoutMs`. For waiting on a state of another process (a statement
 * running, a backend gone), never for timing.
 */
export async function until<T>(
  probe: () => Promise<T | null>,
  { timeoutMs = 60_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
