import { AppError } from '../../errors';

type Typed = Int32Array | Int16Array | Float64Array;

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** One column filled in fixed chunks: growing never copies, and never holds twice the rows. */
class ChunkedColumn<T extends Typed> {
  private chunks: T[] = [];

  constructor(private readonly make: (n: number) => T) {}

  set(i: number, value: number): void {
    const c = i >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(this.make(CHUNK));
    this.chunks[c]![i & (CHUNK - 1)] = value;
  }

  /** The first `length` values in one array; the chunks are let go. */
  join(length: number): T {
    const out = this.make(length);
    let at = 0;
    for (const chunk of this.chunks) {
      const n = Math.min(CHUNK, length - at);
      if (n <= 0) break;
      out.set(n === CHUNK ? chunk : chunk.subarray(0, n), at);
      at += n;
    }
    this.chunks = [];
    return out;
  }
}

/**
 * A compact copy of the staged rows, kept for the plausibility pass: typed
 * arrays, so a million rows need no objects. Rows arrive in chunks (growing
 * by doubling held up to three times the rows during the copy: 330 MB at
 * 5.4 M rows); `seal()` joins each column into one array of the exact length,
 * one column at a time, before the rows are read.
 */
export class StagedColumns {
  private readonly parts = {
    city: new ChunkedColumn((n) => new Int32Array(n)),
    indicator: new ChunkedColumn((n) => new Int32Array(n)),
    series: new ChunkedColumn((n) => new Int32Array(n)),
    year: new ChunkedColumn((n) => new Int16Array(n)),
    value: new ChunkedColumn((n) => new Float64Array(n)),
    row: new ChunkedColumn((n) => new Int32Array(n)),
  };
  city = new Int32Array(0);
  indicator = new Int32Array(0);
  /** The series' number (SeriesNumbers). */
  series = new Int32Array(0);
  year = new Int16Array(0);
  value = new Float64Array(0);
  row = new Int32Array(0);
  length = 0;
  private sealed = false;

  push(
    city: number,
    indicator: number,
    series: number,
    year: number,
    value: number,
    row: number,
  ): void {
    if (this.sealed) throw new Error('StagedColumns: push after seal');
    const i = this.length++;
    const { parts } = this;
    parts.city.set(i, city);
    parts.indicator.set(i, indicator);
    parts.series.set(i, series);
    parts.year.set(i, year);
    parts.value.set(i, value);
    parts.row.set(i, row);
  }

  /** Makes the columns readable (city[i], …); no row can be added after. */
  seal(): this {
    if (this.sealed) return this;
    this.sealed = true;
    const { parts, length } = this;
    this.city = parts.city.join(length);
    this.indicator = parts.indicator.join(length);
    this.series = parts.series.join(length);
    this.year = parts.year.join(length);
    this.value = parts.value.join(length);
    this.row = parts.row.join(length);
    return this;
  }
}

/** Distinct series keys one import may hold (the numbers fit 12 bits of a numeric key). */
export const MAX_SERIES = 2 ** 12;

/** Numbers the series keys of an import 0, 1, 2… ('' , the headline, is always 0). */
export class SeriesNumbers {
  private readonly numbers = new Map<string, number>([['', 0]]);
  private readonly keys: string[] = [''];

  numberOf(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      if (this.keys.length >= MAX_SERIES)
        throw new AppError(
          'payload_too_large',
          `This file holds more than ${MAX_SERIES.toLocaleString('en')} different series (breakdowns); split it into several files.`,
        );
      n = this.keys.length;
      this.numbers.set(key, n);
      this.keys.push(key);
    }
    return n;
  }

  /** The number of a key already seen, or undefined. */
  find(key: string): number | undefined {
    return this.numbers.get(key);
  }

  keyOf(n: number): string {
    return this.keys[n]!;
  }
}

/** One series of one city (city id, indicator id, series number) as one exact double. */
export const seriesKey = (cityId: number, indicatorId: number, series: number): number =>
  (cityId * 2 ** 22 + indicatorId) * MAX_SERIES + series;
