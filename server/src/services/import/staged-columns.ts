import { AppError } from '../../errors';

/**
 * A compact copy of the staged rows, kept for the plausibility pass: typed
 * arrays that grow as rows arrive, so a million rows need no objects.
 */
export class StagedColumns {
  city = new Int32Array(1024);
  indicator = new Int32Array(1024);
  /** The series' number (SeriesNumbers). */
  series = new Int32Array(1024);
  year = new Int16Array(1024);
  value = new Float64Array(1024);
  row = new Int32Array(1024);
  length = 0;

  push(
    city: number,
    indicator: number,
    series: number,
    year: number,
    value: number,
    row: number,
  ): void {
    if (this.length === this.city.length) this.grow();
    const i = this.length++;
    this.city[i] = city;
    this.indicator[i] = indicator;
    this.series[i] = series;
    this.year[i] = year;
    this.value[i] = value;
    this.row[i] = row;
  }

  private grow(): void {
    const size = this.city.length * 2;
    const copy = <T extends Int32Array | Int16Array | Float64Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.city = copy(this.city, (n) => new Int32Array(n));
    this.indicator = copy(this.indicator, (n) => new Int32Array(n));
    this.series = copy(this.series, (n) => new Int32Array(n));
    this.year = copy(this.year, (n) => new Int16Array(n));
    this.value = copy(this.value, (n) => new Float64Array(n));
    this.row = copy(this.row, (n) => new Int32Array(n));
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
