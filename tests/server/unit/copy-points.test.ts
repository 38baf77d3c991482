import { describe, expect, it } from 'vitest';
import { BinaryPointReader } from '../../../server/src/db/copy-points';

/** A PostgreSQL binary COPY stream of (int4, int4, int2, float8) rows, as the server sends it. */
function copyStream(rows: Array<[number, number, number, number]>): Buffer {
  const header = Buffer.concat([
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
    Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]), // flags, header extension length
  ]);
  const tuples = rows.map(([city, indicator, year, value]) => {
    const b = Buffer.alloc(36);
    b.writeInt16BE(4, 0);
    b.writeInt32BE(4, 2);
    b.writeInt32BE(city, 6);
    b.writeInt32BE(4, 10);
    b.writeInt32BE(indicator, 14);
    b.writeInt32BE(2, 18);
    b.writeInt16BE(year, 22);
    b.writeInt32BE(8, 24);
    b.writeDoubleBE(value, 28);
    return b;
  });
  return Buffer.concat([header, ...tuples, Buffer.from([0xff, 0xff])]);
}

const rows: Array<[number, number, number, number]> = [
  [1, 7, 2016, 12.5],
  [2, 7, 2024, -0.001],
  [3000, 120, 2020, 1e300],
  [42, 1, 2019, 0],
];

describe('BinaryPointReader', () => {
  it('reads every row, whatever the chunk boundaries (one byte at a time too)', () => {
    const stream = copyStream(rows);
    for (const size of [1, 5, 36, 37, 1000]) {
      const seen: Array<[number, number, number, number]> = [];
      const reader = new BinaryPointReader((c, i, y, v) => seen.push([c, i, y, v]));
      for (let at = 0; at < stream.length; at += size) reader.push(stream.subarray(at, at + size));
      expect(seen, `chunks of ${size}`).toEqual(rows);
      expect(reader.complete).toBe(true);
    }
  });

  it('is not complete without the trailer, and refuses other column types', () => {
    const stream = copyStream(rows);
    const cut = new BinaryPointReader(() => undefined);
    cut.push(stream.subarray(0, stream.length - 2));
    expect(cut.complete).toBe(false);
    const wrong = Buffer.from(stream);
    wrong.writeInt32BE(8, 19 + 18); // the year as an int8
    expect(() => new BinaryPointReader(() => undefined).push(wrong)).toThrow(/int2/);
    expect(() => new BinaryPointReader(() => undefined).push(Buffer.alloc(40))).toThrow(
      /not a PGCOPY/,
    );
  });
});
