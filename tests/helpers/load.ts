import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { TMP } from './databases';
import { citySlug, indicatorSlug } from './dataset';

export interface LoadSpec {
  /** Base URL of the server, e.g. http://127.0.0.1:3000. */
  url: string;
  method?: 'GET' | 'PUT' | 'POST';
  /** Paths requested in turn (one is enough). */
  paths: readonly string[];
  /** Bodies sent in turn with the paths (same index), for writes. */
  bodies?: readonly string[];
  headers?: Record<string, string>;
  connections: number;
  duration: number;
}

export interface LoadSummary {
  name: string;
  tool: 'wrk' | 'autocannon';
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50ms: number;
  p95ms: number | null;
  p99ms: number;
  errors: number;
  non2xx: number;
}

let wrkAvailable: boolean | undefined;

/**
 * wrk (C, from Debian's package) when installed: it does not compete with the
 * server for a JavaScript thread and parses large responses fast. Otherwise
 * autocannon. Set BENCH_LOAD_TOOL=autocannon to force it.
 */
function useWrk(): boolean {
  if (process.env.BENCH_LOAD_TOOL === 'autocannon') return false;
  wrkAvailable ??= spawnSync('wrk', ['--version']).error === undefined;
  return wrkAvailable;
}

const lua = (s: string): string => JSON.stringify(s); // JSON strings are valid Lua strings for our ASCII data

function wrkScript(spec: LoadSpec, threads: number): string {
  const headers = {
    ...spec.headers,
    ...(spec.bodies !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  return `
local paths = {${spec.paths.map(lua).join(',')}}
local bodies = {${(spec.bodies ?? []).map(lua).join(',')}}
local headers = {${Object.entries(headers)
    .map(([k, v]) => `[${lua(k)}] = ${lua(v)}`)
    .join(',')}}
local threads = ${threads}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local i = 0
-- Threads interleave (thread t takes entries t, t + threads, ...), so every
-- entry is requested once before any is repeated.
request = function()
  local n = i * threads + (id or 0)
  i = i + 1
  local k = (n % #paths) + 1
  local body = nil
  if #bodies > 0 then body = bodies[(n % #bodies) + 1] end
  return wrk.format(${lua(spec.method ?? 'GET')}, paths[k], headers, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"duration":%d,"errors":%d,"non2xx":%d,"p50":%f,"p95":%f,"p99":%f}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
`;
}

/** Runs one load test and keeps the figures that matter. */
export async function load(name: string, spec: LoadSpec): Promise<LoadSummary> {
  if (useWrk()) {
    fs.mkdirSync(TMP, { recursive: true });
    const script = path.join(TMP, `wrk-${process.pid}.lua`);
    const threads = Math.min(2, spec.connections);
    fs.writeFileSync(script, wrkScript(spec, threads));
    const output = execFileSync(
      'wrk',
      [
        '-t',
        String(threads),
        '-c',
        String(spec.connections),
        '-d',
        `${spec.duration}s`,
        '--timeout',
        '10s',
        '-s',
        script,
        spec.url,
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    fs.rmSync(script, { force: true });
    const line = output.split('\n').find((l) => l.startsWith('RESULT '));
    if (line === undefined) throw new Error(`wrk printed no result:\n${output}`);
    const r = JSON.parse(line.slice(7)) as {
      requests: number;
      duration: number;
      errors: number;
      non2xx: number;
      p50: number;
      p95: number;
      p99: number;
    };
    return {
      name,
      tool: 'wrk',
      connections: spec.connections,
      seconds: r.duration / 1e6,
      requestsPerSecond: Math.round(r.requests / (r.duration / 1e6)),
      p50ms: r.p50,
      p95ms: r.p95,
      p99ms: r.p99,
      errors: r.errors,
      non2xx: r.non2xx,
    };
  }
  let k = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    headers: {
      ...spec.headers,
      ...(spec.bodies !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    requests: [
      {
        method: spec.method ?? 'GET',
        setupRequest: (request) => {
          const index = k++;
          const body = spec.bodies?.[index % spec.bodies.length];
          return {
            ...request,
            path: spec.paths[index % spec.paths.length],
            ...(body === undefined ? {} : { body }),
          };
        },
      },
    ],
  });
  return {
    name,
    tool: 'autocannon',
    connections: spec.connections,
    seconds: result.duration,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p95ms: null,
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
    'p95 ms': s.p95ms ?? '—',
    'p99 ms': s.p99ms,
    errors: s.errors,
    'non-2xx': s.non2xx,
    ...(baseline === undefined
      ? {}
      : { 'vs trivial': s.requestsPerSecond / baseline.requestsPerSecond }),
  };
}

/**
 * The cost of a cold computation, sequentially: change one value of the
 * benchmark network through the API (which invalidates cached results), then
 * time the read of `path` as the administrator who wrote it (members read
 * drafts; network views need `?drafts=true` for that). Returns the median and
 * p95 in milliseconds.
 */
export async function coldReadLatencies(
  url: string,
  path: string,
  rounds: number,
  auth: Record<string, string>,
): Promise<{ medianMs: number; p95Ms: number }> {
  const times: number[] = [];
  const value = `${url}/api/v1/cities/${citySlug(0)}/indicators/${indicatorSlug(0)}/observations/2025`;
  for (let k = 0; k < rounds; k++) {
    const put = await fetch(value, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json', 'if-match': '*' },
      body: JSON.stringify({ value: 50 + (k % 10) / 10 }),
    });
    if (!put.ok) throw new Error(`write failed: ${put.status} ${await put.text()}`);
    const start = performance.now();
    // As the administrator who wrote: a member reads the values with drafts, which the write
    // changed (a visitor's approved figures did not change, so a visitor's read would be warm).
    const response = await fetch(`${url}${path}`, {
      headers: { ...auth, 'accept-encoding': 'br, gzip' },
    });
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    p95Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
  };
}
