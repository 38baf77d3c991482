import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * A computed response kept ready to send: serialised once, compressed once
 * per encoding (on first use), with an entity tag derived from the data
 * versions it was computed from. Re-serialising and compressing a network's
 * scores on every request costs more than computing them.
 */
export class CachedPayload<T> {
  readonly json: string;
  readonly etag: string;
  private gzipped: Buffer | undefined;
  private brotlied: Buffer | undefined;

  constructor(
    readonly body: T,
    versionKey: string,
  ) {
    this.json = JSON.stringify(body);
    this.etag = `"${createHash('sha1').update(versionKey).digest('base64url').slice(0, 20)}"`;
  }

  gzip(): Buffer {
    this.gzipped ??= zlib.gzipSync(this.json, { level: 6 });
    return this.gzipped;
  }

  brotli(): Buffer {
    this.brotlied ??= zlib.brotliCompressSync(this.json, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: this.json.length,
      },
    });
    return this.brotlied;
  }
}
