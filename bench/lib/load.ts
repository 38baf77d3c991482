import autocannon, { type Options, type Result } from 'autocannon';

export interface LoadSummary {
  name: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon and keeps the figures that matter. */
export async function load(name: string, options: Options): Promise<LoadSummary> {
  const result: Result = await autocannon({ ...options });
  return {
    name,
    connections: options.connections ?? 10,
    seconds: result.duration,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function summaryRow(
  s: LoadSummary,
  baseline?: LoadSummary,
): Record<string, string | number> {
  return {
    endpoint: s.name,
    conns: s.connections,
    'req/s': s.requestsPerSecond,
    'p50 ms': s.p50ms,
    'p99 ms': s.p99ms,
    errors: s.errors,
    'non-2xx': s.non2xx,
    ...(baseline === undefined
      ? {}
      : { 'vs trivial': s.requestsPerSecond / baseline.requestsPerSecond }),
  };
}
