import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A computed response kept ready to send: serialised once (through the
 * route's response schema, by the first request that sends it), compressed
 * once per encoding on first use, with an entity tag derived from the data
 * versions it was computed from. Re-serialising and compressing a network's
 * scores on every request costs more than computing them.
 *
 * Once serialised, only the compressed bytes are kept (about a tenth of the
 * object graph and the JSON text), so a cache of a given size holds ten times
 * as many cities: the JSON text and the object are made again from the gzip
 * bytes when someone needs them (a client without compression, the brief).
 */
export class CachedPayload<T> {
  readonly etag: string;
  private held: T | undefined;
  private gzipped: Buffer | undefined;
  private brotlied: Buffer | undefined;

  constructor(body: T, versionKey: string) {
    this.held = body;
    this.etag = `"${createHash('sha1').update(versionKey).digest('base64url').slice(0, 20)}"`;
  }

  /** The computed result (parsed back from the kept bytes once it has been sent). */
  get body(): T {
    return this.held ?? (JSON.parse(this.unzipped()) as T);
  }

  /** The JSON text, made by `serialize` (the route's response serialiser) the first time. */
  json(serialize: (body: T) => string): string {
    if (this.gzipped !== undefined) return this.unzipped();
    const text = serialize(this.held as T);
    this.gzipped = zlib.gzipSync(text, { level: 6 });
    this.held = undefined;
    return text;
  }

  gzip(serialize: (body: T) => string): Buffer {
    if (this.gzipped === undefined) this.json(serialize);
    return this.gzipped as Buffer;
  }

  brotli(serialize: (body: T) => string): Buffer {
    if (this.brotlied === undefined) {
      const json = this.json(serialize);
      this.brotlied = zlib.brotliCompressSync(json, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.length,
        },
      });
    }
    return this.brotlied;
  }

  /** What it holds in memory, roughly: the bytes, or an estimate of the object before it is sent. */
  get bytes(): number {
    if (this.gzipped === undefined) return 256 * 1024;
    return this.gzipped.length + (this.brotlied?.length ?? 0) + 256;
  }

  private unzipped(): string {
    return zlib.gunzipSync(this.gzipped as Buffer).toString('utf8');
  }
}
