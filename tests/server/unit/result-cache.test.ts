import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CachedPayload } from '../../../server/src/services/cached-payload';
import { ResultCache } from '../../../server/src/services/result-cache';

/** A value of a given weight. */
const weighing = (bytes: number, id: number) => ({ bytes, id });

describe('the result cache, bounded by memory', () => {
  it('keeps a whole sweep over 1,000 cities warm when they fit (a count of 300 could not)', async () => {
    const cache = new ResultCache<{ bytes: number; id: number }>(16 * 1024 * 1024);
    let computed = 0;
    const sweep = async () => {
      for (let i = 0; i < 1000; i++)
        await cache.getOrCompute(`city-${i}`, async () => {
          computed += 1;
          return weighing(10_000, i);
        });
    };
    await sweep();
    expect(computed).toBe(1000);
    await sweep();
    expect(computed).toBe(1000);
    expect(cache.size).toBe(1000);
    expect(cache.bytes).toBe(10_000_000);
  });

  it('drops the least recently used entries first, once the bytes are over the bound', async () => {
    const cache = new ResultCache<{ bytes: number; id: number }>(30);
    await cache.getOrCompute('a', async () => weighing(10, 1));
    await cache.getOrCompute('b', async () => weighing(10, 2));
    await cache.getOrCompute('c', async () => weighing(10, 3));
    // Reading "a" makes it the most recent: "b" is now the oldest.
    await cache.getOrCompute('a', async () => weighing(10, 99));
    await cache.getOrCompute('d', async () => weighing(10, 4));
    let recomputed = '';
    for (const key of ['a', 'c', 'd', 'b'])
      await cache.getOrCompute(key, async () => {
        recomputed += key;
        return weighing(10, 0);
      });
    expect(recomputed).toBe('b');
    expect(cache.bytes).toBeLessThanOrEqual(30);
  });

  it('keeps the newest entry even when it alone is over the bound', async () => {
    const cache = new ResultCache<{ bytes: number; id: number }>(5);
    await cache.getOrCompute('a', async () => weighing(10, 1));
    await cache.getOrCompute('big', async () => weighing(100, 2));
    expect(cache.size).toBe(1);
    const again = await cache.getOrCompute('big', async () => weighing(100, 3));
    expect(again.id).toBe(2);
  });

  it('shares one computation between concurrent misses, and forgets a failed one', async () => {
    const cache = new ResultCache<{ bytes: number; id: number }>(1000);
    let calls = 0;
    const slow = () =>
      new Promise<{ bytes: number; id: number }>((resolve) => {
        calls += 1;
        setTimeout(() => resolve(weighing(1, calls)), 5);
      });
    const [x, y] = await Promise.all([
      cache.getOrCompute('k', slow),
      cache.getOrCompute('k', slow),
    ]);
    expect(calls).toBe(1);
    expect(x).toBe(y);
    await expect(cache.getOrCompute('bad', () => Promise.reject(new Error('no')))).rejects.toThrow(
      'no',
    );
    const retried = await cache.getOrCompute('bad', async () => weighing(1, 42));
    expect(retried.id).toBe(42);
  });
});

describe('a cached payload', () => {
  const body = {
    city: 'València',
    indicators: Array.from({ length: 60 }, (_, i) => ({
      slug: `indicator-${i}`,
      series: Array.from({ length: 11 }, (_, y) => ({ year: 2015 + y, value: i * 1.5 + y })),
    })),
  };
  const serialize = (b: typeof body) => JSON.stringify(b);

  it('keeps only the compressed bytes once sent, and gives the same body and text back', () => {
    const payload = new CachedPayload(body, 'city|1.2');
    const before = payload.bytes;
    const text = payload.json(serialize);
    expect(text).toBe(JSON.stringify(body));
    expect(payload.bytes).toBeLessThan(before);
    expect(payload.bytes).toBeLessThan(text.length / 4);
    // Made again from the kept bytes: the same text, the same body, every encoding.
    expect(payload.json(() => 'never called')).toBe(text);
    expect(payload.body).toEqual(body);
    expect(zlib.gunzipSync(payload.gzip(serialize)).toString()).toBe(text);
    expect(zlib.brotliDecompressSync(payload.brotli(serialize)).toString()).toBe(text);
  });

  it('a first brotli request compresses with brotli alone; the rest is made again from those bytes', () => {
    const payload = new CachedPayload(body, 'city|1.3');
    let serialised = 0;
    const counting = (b: typeof body) => {
      serialised += 1;
      return serialize(b);
    };
    const br = payload.brotli(counting);
    const text = zlib.brotliDecompressSync(br).toString();
    expect(text).toBe(JSON.stringify(body));
    expect(payload.bytes).toBe(br.length + 256); // no gzip copy made for it
    expect(payload.json(counting)).toBe(text);
    expect(zlib.gunzipSync(payload.gzip(counting)).toString()).toBe(text);
    expect(payload.body).toEqual(body);
    expect(payload.brotli(counting)).toBe(br);
    expect(serialised).toBe(1);
  });

  it('names its version in a stable entity tag', () => {
    expect(new CachedPayload(body, 'v1').etag).toBe(new CachedPayload({}, 'v1').etag);
    expect(new CachedPayload(body, 'v1').etag).not.toBe(new CachedPayload(body, 'v2').etag);
  });
});
