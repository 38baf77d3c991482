import { describe, expect, it } from 'vitest';
import {
  editableNumber,
  parseLocaleNumber,
} from '../../client/src/features/workspace/utils/parse-number';
import { errorRowsCsv, splitRows } from '../../client/src/features/workspace/utils/csv';

describe('parseLocaleNumber', () => {
  it.each([
    ['12,5', 'fr', 12.5],
    ['12.5', 'fr', 12.5],
    ['1 234,5', 'fr', 1234.5],
    ['1\u202f234,5', 'fr', 1234.5],
    ['1.234,5', 'de', 1234.5],
    ['1.234', 'de', 1234],
    ['\u22123,2', 'de', -3.2],
    ['-0,5', 'it', -0.5],
    ['12.5', 'en', 12.5],
    ['1,234.5', 'en', 1234.5],
    [' 42 ', 'en', 42],
    ['1e3', 'en', 1000],
  ])('reads %s in %s as %d', (text, locale, value) => {
    expect(parseLocaleNumber(text, locale)).toBe(value);
  });

  it.each([
    ['abc', 'en'],
    ['', 'fr'],
    ['12,5', 'en'],
    ['12,5,3', 'fr'],
    ['1.2.3', 'de'],
    ['12 abc', 'fr'],
    ['--1', 'en'],
    ['1e', 'en'],
  ])('refuses %s in %s', (text, locale) => {
    expect(parseLocaleNumber(text, locale)).toBeNull();
  });

  it('round-trips what it shows for editing', () => {
    for (const locale of ['en', 'fr', 'de', 'es', 'it'])
      for (const value of [0, -3.25, 1234.5, 0.001, 99.99])
        expect(parseLocaleNumber(editableNumber(value, locale), locale)).toBe(value);
  });
});

describe('CSV helpers', () => {
  it('splits CSV and tab-separated text with quotes', () => {
    expect(splitRows('a,b\n"x, y","say ""hi"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(splitRows('a\tb\r\n1,5\t2')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('escapes cells that a spreadsheet would run as formulas, but not numbers', () => {
    const text = 'city,indicator,year,value,note\nlyon,waste,2021,-4,"=HYPERLINK(""x"")"\n';
    expect(errorRowsCsv(text, [{ row: 2, column: 'note', message: 'Too long' }])).toBe(
      'city,indicator,year,value,note,error\nlyon,waste,2021,-4,"\'=HYPERLINK(""x"")",note: Too long\n',
    );
  });

  it('lists the error rows with the header and an error column', () => {
    const text = 'city,indicator,year,value\nlyon,waste,2020,12\nlyon,waste,2021,abc\n';
    expect(errorRowsCsv(text, [{ row: 3, column: 'value', message: 'Not a number' }])).toBe(
      'city,indicator,year,value,error\nlyon,waste,2021,abc,value: Not a number\n',
    );
  });
});
