import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvLine,
  CsvLimitError,
  CsvReader,
  CsvSyntaxError,
  detectDelimiter,
  fromTextCell,
  toTextCell,
  type Delimiter,
} from '../../../server/src/domain/csv';

function readAll(
  text: string,
  delimiter: Delimiter = ',',
  chunkSizes: number[] = [text.length || 1],
): string[][] {
  const reader = new CsvReader(delimiter);
  const records: string[][] = [];
  let offset = 0;
  let k = 0;
  while (offset < text.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length] ?? 1);
    records.push(...reader.push(text.slice(offset, offset + size)));
    offset += size;
  }
  records.push(...reader.finish());
  return records;
}

describe('CsvReader', () => {
  it('reads plain, quoted, escaped and multi-line fields with LF or CRLF', () => {
    const text = 'city,note\r\nespoo,"a, b"\nbraga,"say ""hi"""\n"tallinn","line1\nline2"\n';
    expect(readAll(text)).toEqual([
      ['city', 'note'],
      ['espoo', 'a, b'],
      ['braga', 'say "hi"'],
      ['tallinn', 'line1\nline2'],
    ]);
  });

  it('keeps empty fields and skips empty lines', () => {
    expect(readAll('a,,c\n\n,\n"",x')).toEqual([
      ['a', '', 'c'],
      ['', ''],
      ['', 'x'],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'a,"b""c",d\r\n"e\r\nf",g,""""\nh,i,j';
    const whole = readAll(text);
    for (const sizes of [[1], [2], [3], [1, 2, 5], [7]])
      expect(readAll(text, ',', sizes)).toEqual(whole);
  });

  it('rejects a quote in the middle of a field and an unclosed quote, naming the record', () => {
    expect(() => readAll('a,b\nc,d"e\n')).toThrow(CsvSyntaxError);
    expect(() => readAll('a,b\nc,"d\n')).toThrow(
      expect.objectContaining({ name: 'CsvSyntaxError', record: 2 }),
    );
    expect(() => readAll('a,"b"c\n')).toThrow(/followed by a separator/);
  });

  it('agrees with csv-parse on random files, in random chunks', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', 'é', ';', '1'),
      maxLength: 6,
    });
    const records = fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        records,
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        (rows, sizes) => {
          // Lines made only of one empty field are blank lines for both parsers; avoid them.
          const usable = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const text = usable.map((r) => csvLine(r)).join('');
          const expected =
            text === '' ? [] : (parse(text, { relax_column_count: true }) as string[][]);
          expect(readAll(text, ',', sizes)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('detectDelimiter', () => {
  it('picks the separator the header uses', () => {
    expect(detectDelimiter('city,indicator,year,value')).toBe(',');
    expect(detectDelimiter('city;indicator;year;value')).toBe(';');
    expect(detectDelimiter('city\tindicator\tyear\tvalue')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('Year')).toBe(',');
  });

  it('reads Eurostat bulk TSV as tab separated even with one year (its first field has commas)', () => {
    expect(detectDelimiter('indic_ur,unit,cities\\time\t2019 ')).toBe('\t');
    expect(detectDelimiter('freq,indic_ur,cities\\TIME_PERIOD\t2019\t2020')).toBe('\t');
    expect(detectDelimiter('indic_ur,unit,cities,time\t2019')).toBe(',');
  });
});

describe('csvLine', () => {
  it('quotes only what needs it and round-trips through the reader', () => {
    expect(csvLine(['espoo', 'pm25', '2020', '7.5', 'final', '', ''])).toBe(
      'espoo,pm25,2020,7.5,final,,\n',
    );
    expect(csvLine(['a,b', 'say "x"', ' padded'])).toBe('"a,b","say ""x"""," padded"\n');
    const fields = ['x;y', 'tab\there', 'new\nline', '', '"'];
    expect(readAll(csvLine(fields))).toEqual([fields]);
  });

  it('stops at once at the limits: columns, cell length, line length, header length', () => {
    const limits = { maxFields: 5, maxFieldLength: 10, maxRecordLength: 30, maxHeaderLength: 20 };
    const read = (text: string) => {
      const reader = new CsvReader(',', limits);
      return [...reader.push(text), ...reader.finish()];
    };
    expect(read('a,b,c\n1,2,3\n')).toHaveLength(2);
    expect(() => read('a,b,c,d,e,f\n')).toThrow(
      expect.objectContaining({
        name: 'CsvLimitError',
        record: 1,
        message: expect.stringMatching(/more than 5 columns/),
      }),
    );
    expect(() => read('a,b\n1,xxxxxxxxxxx\n')).toThrow(
      /cell longer than 10 characters \(column 2\)/,
    );
    expect(() => read('abcdefghij,abcdefghij,x\n')).toThrow(/header \(row 1\) is longer than 20/);
    expect(() => read('a\n1234567890,1234567890,1234567890,1\n')).toThrow(
      /Row 2 is longer than 30/,
    );
    // A huge cell arriving in many chunks is refused as soon as it passes the limit.
    const reader = new CsvReader(',', limits);
    reader.push('a\n');
    expect(() => {
      for (let i = 0; i < 100; i++) reader.push('xxxx');
    }).toThrow(CsvLimitError);
  });

  it('escapes formula-like text cells and reads them back unchanged', () => {
    for (const text of [
      '=1+1',
      '+cmd',
      '-x',
      '@SUM(A1)',
      '\tx',
      '\rx',
      "'=x",
      "''=x",
      'plain',
      "'quoted",
    ]) {
      const cell = toTextCell(text);
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(fromTextCell(cell)).toBe(text);
    }
    expect(toTextCell('plain')).toBe('plain');
    expect(toTextCell("'quoted")).toBe("'quoted");
  });
});
