import type { Readable } from 'node:stream';
import { CsvReader, CsvSyntaxError, detectDelimiter, type Delimiter } from '../../domain/csv';

/** A file that is not UTF-8 text, at the record where decoding failed. */
export class EncodingError extends Error {
  constructor(readonly record: number) {
    super('The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.');
    this.name = 'EncodingError';
  }
}

// Long on purpose: one stream's reading, its closures sharing the decoder, the CSV reader and the
// record count; apart they would pass that state back and forth.
/**
 * Decodes a CSV stream (UTF-8, an optional byte-order mark, delimiter from
 * the first line) into records, handed to `onRecord` one by one (awaited
 * when it returns a promise, so staging can apply back-pressure). Throws
 * CsvSyntaxError (with its limits) and EncodingError.
 */
export async function readRecords(
  body: Readable,
  onRecord: (fields: string[], recordNo: number) => Promise<void> | void,
  onDelimiter: (delimiter: Delimiter) => void,
  /** Asked after each record: true stops reading (the rest of the file is not needed). */
  enough: () => boolean = () => false,
): Promise<void> {
  const stop = Symbol('enough');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let reader: CsvReader | null = null;
  let pending = '';
  let recordNo = 0;
  const handle = async (records: string[][]): Promise<void> => {
    for (const fields of records) {
      recordNo++;
      const waiting = onRecord(fields, recordNo);
      if (waiting !== undefined) await waiting;
      if (enough()) throw stop;
    }
  };
  try {
    await readAll();
  } catch (err) {
    if (err !== stop) throw err;
    body.destroy();
  }

  async function readAll(): Promise<void> {
    const start = (firstLine: string): CsvReader => {
      const delimiter = detectDelimiter(firstLine);
      onDelimiter(delimiter);
      return new CsvReader(delimiter);
    };
    const decode = (buffer?: Buffer): string => {
      try {
        return buffer === undefined ? decoder.decode() : decoder.decode(buffer, { stream: true });
      } catch (err) {
        // The fatal decoder's TypeError carries this code (Node.js), not a message to match.
        if ((err as { code?: unknown }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
          throw new EncodingError(recordNo + 1);
        throw err;
      }
    };
    for await (const chunk of body) {
      let text = decode(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      if (reader === null) {
        pending += text;
        const newline = pending.search(/\r|\n/);
        if (newline < 0 && pending.length < 65_536) continue;
        text = pending.replace(/^\uFEFF/, '');
        reader = start(newline < 0 ? text : text.slice(0, newline));
      }
      await handle(reader.push(text));
    }
    const tail = decode();
    if (reader === null) {
      const text = (pending + tail).replace(/^\uFEFF/, '');
      if (text.trim() === '') return;
      reader = start(text.split(/\r|\n/)[0] ?? '');
      await handle(reader.push(text));
    } else if (tail !== '') {
      await handle(reader.push(tail));
    }
    await handle(reader.finish());
  }
}

export { CsvSyntaxError };
