/**
 * A compact copy of the staged rows, kept for the plausibility pass: typed
 * arrays that grow as rows arrive, so a million rows need no objects.
 */
export class StagedColumns {
  city = new Int32Array(1024);
  indicator = new Int32Array(1024);
  year = new Int16Array(1024);
  value = new Float64Array(1024);
  row = new Int32Array(1024);
  length = 0;

  push(city: number, indicator: number, year: number, value: number, row: number): void {
    if (this.length === this.city.length) this.grow();
    const i = this.length++;
    this.city[i] = city;
    this.indicator[i] = indicator;
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
    this.year = copy(this.year, (n) => new Int16Array(n));
    this.value = copy(this.value, (n) => new Float64Array(n));
    this.row = copy(this.row, (n) => new Int32Array(n));
  }
}

/** One series (city, indicator) as one number: ids stay far below 2^26. */
export const seriesKey = (cityId: number, indicatorId: number): number =>
  cityId * 2 ** 26 + indicatorId;
