import type { Knex } from 'knex';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DatabaseKind } from './database';

/** One row of a points query: city id, indicator id, year, value. */
export type PointSink = (cityId: number, indicatorId: number, year: number, value: number) => void;

interface PoolClient {
  acquireConnection(): Promise<pg.Client>;
  releaseConnection(connection: unknown): Promise<void>;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Field count (2) + four fields of length (4) and value: int4, int4, int2, float8. */
const TUPLE_BYTES = 2 + 4 + 4 + 4 + 4 + 4 + 2 + 4 + 8;

/**
 * Reads PostgreSQL's binary COPY format for rows of (int4, int4, int2,
 * float8), none null, as the chunks arrive: no text to parse and no row
 * objects (a national network's scores read 3 M values: the text protocol
 * and a row object each cost seconds).
 */
export class BinaryPointReader {
  private pending: Buffer | null = null;
  private headerRead = false;
  private ended = false;
  rows = 0;

  constructor(private readonly sink: PointSink) {}

  push(chunk: Buffer): void {
    const buf = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    let pos = 0;
    if (!this.headerRead) {
      if (buf.length < SIGNATURE.length + 8) {
        this.pending = Buffer.from(buf);
        return;
      }
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE))
        throw new Error('binary COPY: not a PGCOPY stream');
      const extension = buf.readUInt32BE(SIGNATURE.length + 4);
      pos = SIGNATURE.length + 8 + extension;
      this.headerRead = true;
    }
    while (!this.ended && buf.length - pos >= 2) {
      const fields = buf.readInt16BE(pos);
      if (fields === -1) {
        this.ended = true;
        pos += 2;
        break;
      }
      if (buf.length - pos < TUPLE_BYTES) break;
      if (
        fields !== 4 ||
        buf.readInt32BE(pos + 2) !== 4 ||
        buf.readInt32BE(pos + 10) !== 4 ||
        buf.readInt32BE(pos + 18) !== 2 ||
        buf.readInt32BE(pos + 24) !== 8
      )
        throw new Error('binary COPY: expected rows of int4, int4, int2, float8 without nulls');
      this.sink(
        buf.readInt32BE(pos + 6),
        buf.readInt32BE(pos + 14),
        buf.readInt16BE(pos + 22),
        buf.readDoubleBE(pos + 28),
      );
      this.rows++;
      pos += TUPLE_BYTES;
    }
    this.pending = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
  }

  /** Whether the whole stream, trailer included, was read. */
  get complete(): boolean {
    return this.ended && this.pending === null;
  }
}

/**
 * Runs `select` (its four columns: int4, int4, int2, float8, never null) as a
 * binary COPY on a pooled PostgreSQL connection and hands each row to `sink`.
 * Returns false without running anything on PGlite or inside a transaction
 * (the caller then runs the query through knex). `select` must be complete
 * SQL without placeholders: COPY takes no parameters.
 */
export async function copyPointsOut(
  knex: Knex,
  kind: DatabaseKind,
  select: string,
  sink: PointSink,
): Promise<boolean> {
  const client = knex.client as unknown as PoolClient & { transacting?: boolean };
  if (kind !== 'postgres' || client.transacting === true) return false;
  const connection = await client.acquireConnection();
  try {
    const reader = new BinaryPointReader(sink);
    const stream = connection.query(copyTo(`copy (${select}) to stdout (format binary)`));
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        try {
          reader.push(chunk);
        } catch (err) {
          stream.destroy(err as Error);
        }
      });
      stream.on('error', reject);
      stream.on('end', resolve);
    });
    if (!reader.complete) throw new Error('binary COPY: the stream ended early');
    return true;
  } finally {
    await client.releaseConnection(connection);
  }
}
