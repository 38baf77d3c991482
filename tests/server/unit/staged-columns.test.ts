import { describe, expect, it } from 'vitest';
import {
  SeriesNumbers,
  StagedColumns,
  seriesKey,
} from '../../../server/src/services/import/staged-columns';

describe('StagedColumns', () => {
  it('keeps every row in order across chunk boundaries, each column at its exact length', () => {
    const columns = new StagedColumns();
    const n = 65_536 * 2 + 17; // two whole chunks and part of a third
    for (let i = 0; i < n; i++) columns.push(i, i % 120, i % 3, 2010 + (i % 15), i / 4, i + 2);
    columns.seal();
    expect(columns.length).toBe(n);
    for (const column of [columns.city, columns.year, columns.value, columns.row])
      expect(column.length).toBe(n);
    for (const i of [0, 65_535, 65_536, 131_071, 131_072, n - 1]) {
      expect(columns.city[i]).toBe(i);
      expect(columns.indicator[i]).toBe(i % 120);
      expect(columns.series[i]).toBe(i % 3);
      expect(columns.year[i]).toBe(2010 + (i % 15));
      expect(columns.value[i]).toBe(i / 4);
      expect(columns.row[i]).toBe(i + 2);
    }
  });

  it('is empty until sealed, and refuses rows after', () => {
    const columns = new StagedColumns();
    columns.push(1, 2, 0, 2020, 1.5, 2);
    expect(columns.city.length).toBe(0);
    expect(columns.seal().city[0]).toBe(1);
    expect(() => columns.push(1, 2, 0, 2021, 1.5, 3)).toThrow(/after seal/);
  });
});

describe('series numbers and keys', () => {
  it('numbers keys from 1 (the headline is 0) and keys stay distinct', () => {
    const numbers = new SeriesNumbers();
    expect(numbers.numberOf('')).toBe(0);
    expect(numbers.numberOf('sex=F')).toBe(1);
    expect(numbers.numberOf('sex=F')).toBe(1);
    expect(numbers.keyOf(1)).toBe('sex=F');
    expect(numbers.find('sex=M')).toBeUndefined();
    expect(seriesKey(3000, 120, 1)).not.toBe(seriesKey(3000, 121, 1));
    expect(seriesKey(3000, 120, 1)).not.toBe(seriesKey(3001, 120, 1));
  });
});
