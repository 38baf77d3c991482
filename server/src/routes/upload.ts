import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../errors';

export interface SpooledUpload {
  /** The whole upload, read back from disk. */
  open(): Readable;
  readonly bytes: number;
  /** Removes the file; call it when done, whatever happened. */
  dispose(): Promise<void>;
}

/**
 * Receives an upload completely into a temporary file before any database
 * work starts, so a slow sender holds a socket and a file, never a database
 * connection or transaction. Refuses (413) past `maxBytes` and (408) when no
 * byte arrives for `idleSeconds`.
 */
export async function spoolUpload(
  body: Readable,
  options: { maxBytes: number; idleSeconds: number },
): Promise<SpooledUpload> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdgcm-upload-'));
  const file = path.join(dir, 'upload');
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true });
  let bytes: number;
  try {
    bytes = await receiveInto(body, file, options);
  } catch (err) {
    await dispose();
    throw err;
  }
  return { open: () => fs.createReadStream(file), bytes, dispose };
}

const stalled = (idleSeconds: number): AppError =>
  new AppError(
    'request_timeout',
    `The upload stalled: nothing arrived for ${idleSeconds} seconds. Check the connection and send the file again.`,
    undefined,
    { connection: 'close' },
  );

const tooLarge = (maxBytes: number): AppError =>
  new AppError(
    'payload_too_large',
    `The file is larger than the ${Math.round(maxBytes / 1_048_576)} MB an import may be.`,
    undefined,
    { connection: 'close' },
  );

/** Pipes the body into the file, within the limits; resolves with the bytes received. */
function receiveInto(
  body: Readable,
  file: string,
  options: { maxBytes: number; idleSeconds: number },
): Promise<number> {
  let bytes = 0;
  return new Promise<number>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    let settled = false;
    /**
     * Stops receiving. A sender that is too big or too slow is cut off (the
     * answer says Connection: close); otherwise (the disk is full…) the rest
     * of the body is read and dropped, so the client gets to read the answer.
     */
    const fail = (err: Error, cutOff = false): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      body.unpipe(out);
      out.destroy();
      if (cutOff) body.pause();
      else body.resume();
      reject(err);
    };
    const timer = setTimeout(
      () => fail(stalled(options.idleSeconds), true),
      options.idleSeconds * 1000,
    );
    body.on('data', (chunk: Buffer | string) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (bytes > options.maxBytes) {
        if (settled) body.pause();
        fail(tooLarge(options.maxBytes), true);
        return;
      }
      timer.refresh();
    });
    body.on('error', (err) => fail(err));
    body.on('aborted', () => fail(new AppError('bad_request', 'The upload was interrupted.')));
    out.on('error', (err) => fail(err));
    out.on('finish', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(bytes);
    });
    body.pipe(out);
  });
}
