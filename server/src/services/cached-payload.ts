import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A computed response kept ready to send: serialised once (through the
 * route's response schema, by the first request that sends it), compressed
 * once per encoding on first use, with an entity tag derived from the data
 * versions it was computed from. Re-serialising and compressing a network's
 * scores on every request costs more than computing them.
 */
export class CachedPayload<T> {
  readonly etag: string;
  private text: string | undefined;
  private gzipped: Buffer | undefined;
  private brotlied: Buffer | undefined;

  constructor(
    readonly body: T,
    versionKey: string,
  ) {
    this.etag = `"${createHash('sha1').update(versionKey).digest('base64url').slice(0, 20)}"`;
  }

  /** The JSON text, made by `serialize` (the route's response serialiser) the first time. */
  json(serialize: (body: T) => string): string {
    this.text ??= serialize(this.body);
    return this.text;
  }

  gzip(serialize: (body: T) => string): Buffer {
    this.gzipped ??= zlib.gzipSync(this.json(serialize), { level: 6 });
    return this.gzipped;
  }

  brotli(serialize: (body: T) => string): Buffer {
    const json = this.json(serialize);
    this.brotlied ??= zlib.brotliCompressSync(json, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      },
    });
    return this.brotlied;
  }
}
