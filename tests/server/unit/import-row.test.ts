import { describe, expect, it } from 'vitest';
import {
  firstYearOf,
  parseFlags,
  SKIP_REASONS,
  validateRow,
  type Cell,
  type RowCity,
  type RowContext,
  type RowIndicator,
  type RowInput,
} from '../../../server/src/domain/import-row';

/** The pure validator every import format feeds, with literal catalogues. */

const espoo: RowCity = { id: 1, slug: 'espoo' };
const tallinn: RowCity = { id: 2, slug: 'tallinn' };
const share = (overrides: Partial<RowIndicator> = {}): RowIndicator => ({
  id: 10,
  slug: 'renewables-share',
  name: 'Renewables share',
  unit: '%',
  allowedMin: 0,
  allowedMax: 100,
  networkId: 5,
  networkSlug: 'net',
  archived: false,
  ...overrides,
});
const archived = share({ id: 11, slug: 'old', archived: true });
const other = share({ id: 12, slug: 'other-network', networkId: 6, networkSlug: 'elsewhere' });

function context(
  extra: Partial<RowContext<RowCity, RowIndicator>> = {},
): RowContext<RowCity, RowIndicator> {
  const cities = new Map([
    ['espoo', espoo],
    ['tallinn', tallinn],
    ['FI005C', espoo],
  ]);
  const indicators = new Map([
    ['renewables-share', share()],
    ['old', archived],
    ['other-network', other],
  ]);
  return {
    fixedIndicator: null,
    decimalComma: false,
    yearRanges: false,
    missingMarkers: new Set(),
    city: (cell) => cities.get(cell.trim().toLowerCase()) ?? cities.get(cell.trim().toUpperCase()),
    indicator: (cell) => indicators.get(cell.trim().toLowerCase()),
    isMember: (indicator) => indicator.networkId === 5,
    mayEdit: (city) => city.id === 1,
    ...extra,
  };
}

const cell = (column: string, text: string): Cell => ({ column, text });
/** A long-format line as the reader hands it over. */
function line(
  city: string,
  indicator: string,
  year: string,
  value: string,
  more: { status?: string; source?: string; note?: string; series?: string; flags?: string } = {},
): RowInput {
  return {
    city: cell('city', city),
    indicator: cell('indicator', indicator),
    year: cell('year', year),
    value: cell('value', value),
    status: more.status === undefined ? null : cell('status', more.status),
    source: more.source === undefined ? null : cell('source', more.source),
    note: more.note === undefined ? null : cell('note', more.note),
    flags: more.flags === undefined ? null : cell('flags', more.flags),
    series: more.series === undefined ? { dimensions: {} } : { json: cell('series', more.series) },
  };
}
const check = (input: RowInput, extra?: Partial<RowContext<RowCity, RowIndicator>>) =>
  validateRow(input, context(extra));
const messages = (outcome: ReturnType<typeof check>): string[] =>
  outcome.kind === 'invalid' ? outcome.problems.map((p) => p.message) : [];

describe('validateRow', () => {
  it('turns a good line into typed values (names case-insensitive, text trimmed, escape undone)', () => {
    expect(
      check(
        line(' Espoo ', 'Renewables-Share', '2021', '41.5', {
          status: 'provisional',
          source: 'Stats',
          note: "'=not a formula",
          series: '{"Sex":"female","age":"15-24"}',
          flags: 'e b',
        }),
      ),
    ).toEqual({
      kind: 'valid',
      row: {
        city: espoo,
        indicator: share(),
        series: '{"age":"15-24","sex":"female"}',
        year: 2021,
        value: 41.5,
        status: 'provisional',
        source: 'Stats',
        note: '=not a formula',
        flags: 'eb',
      },
    });
    expect(
      check(line('espoo', 'renewables-share', '2021', '41,5'), { decimalComma: true }),
    ).toMatchObject({
      kind: 'valid',
      row: { value: 41.5, series: '', status: null, source: null, note: null, flags: null },
    });
  });

  it('finds a city by one of its codes', () => {
    expect(check(line('FI005C', 'renewables-share', '2021', '1'))).toMatchObject({
      kind: 'valid',
      row: { city: espoo },
    });
  });

  it('leaves out empty values and, in published files, values marked missing', () => {
    expect(check(line('espoo', 'renewables-share', '2021', ' '))).toEqual({
      kind: 'skipped',
      reason: SKIP_REASONS.noValue,
    });
    const published = { missingMarkers: new Set(['n/a', '..', '-', ':']) };
    for (const marker of ['n/a', 'N/A', '..', '-', ':'])
      expect(check(line('espoo', 'renewables-share', '2021', marker), published)).toEqual({
        kind: 'skipped',
        reason: SKIP_REASONS.markedMissing,
      });
    // Not in our own long format: there "n/a" is a mistake to report.
    expect(messages(check(line('espoo', 'renewables-share', '2021', 'n/a')))).toHaveLength(1);
  });

  it('reads published periods as their first year, only where allowed', () => {
    for (const [text, year] of [
      ['2016/17', '2016'],
      ['2017-18', '2017'],
      ['2009–2010', '2009'],
      ['2000 - 02', '2000'],
      ['2004-2013', '2004'],
      ['2021', '2021'],
      ['non-statistical', 'non-statistical'],
    ])
      expect(firstYearOf(text!)).toBe(year);
    expect(
      check(line('espoo', 'renewables-share', '2016/17', '1'), { yearRanges: true }),
    ).toMatchObject({
      kind: 'valid',
      row: { year: 2016 },
    });
    expect(messages(check(line('espoo', 'renewables-share', '2016/17', '1')))).toHaveLength(1);
  });

  it('names every problem of a line with its column and cell', () => {
    const outcome = check(
      line('atlantis', 'nothing', '19', 'abc', {
        status: 'maybe',
        source: 'x'.repeat(501),
        flags: 'zz',
        series: '[1]',
      }),
    );
    expect(outcome.kind).toBe('invalid');
    const problems = outcome.kind === 'invalid' ? outcome.problems : [];
    expect(problems.map((p) => p.column)).toEqual([
      'city',
      'indicator',
      'series',
      'year',
      'value',
      'status',
      'flags',
      'source',
    ]);
    expect(problems[0]).toEqual({
      column: 'city',
      value: 'atlantis',
      message: 'There is no city "atlantis".',
    });
    expect(problems[1]!.message).toBe('There is no indicator "nothing".');
    expect(problems[7]!.value).toHaveLength(80);
  });

  it('refuses values out of range, -0, archived indicators and cities outside the network', () => {
    expect(messages(check(line('espoo', 'renewables-share', '2021', '120')))).toEqual([
      '120 is outside the allowed range for "Renewables share": from 0 to 100 %.',
    ]);
    expect(messages(check(line('espoo', 'renewables-share', '2021', '-0')))).toHaveLength(1);
    expect(messages(check(line('espoo', 'old', '2021', '1')))).toEqual([
      'The indicator "old" is archived; values cannot be added.',
    ]);
    expect(messages(check(line('espoo', 'other-network', '2021', '1')))).toEqual([
      '"espoo" is not a member of the network that owns "other-network" (elsewhere).',
    ]);
    expect(messages(check(line('', 'renewables-share', '2021', '1')))).toEqual([
      'The city is missing.',
    ]);
  });

  it('marks a city the importer may not change, without calling it an error', () => {
    expect(check(line('tallinn', 'renewables-share', '2021', '1'))).toEqual({
      kind: 'invalid',
      problems: [],
      forbiddenCity: tallinn,
    });
  });

  it('uses the fixed indicator of a one-indicator file and the dimensions a reader found', () => {
    const input: RowInput = {
      ...line('espoo', '', '2020', '40'),
      indicator: null,
      series: { dimensions: { Sex: 'Female', units: ' ' } },
    };
    expect(check(input, { fixedIndicator: share() })).toMatchObject({
      kind: 'valid',
      row: { indicator: share(), series: '{"sex":"Female"}' },
    });
  });
});

describe('parseFlags', () => {
  it('reads letters and words, in any order, into the stored letters', () => {
    expect(parseFlags('b e')).toEqual({ ok: true, value: 'eb' });
    expect(parseFlags('estimated, break-in-series')).toEqual({ ok: true, value: 'eb' });
    expect(parseFlags('low reliability')).toEqual({
      ok: false,
      message: expect.stringContaining('"low"'),
    });
    expect(parseFlags('')).toEqual({ ok: true, value: '' });
    expect(parseFlags('x')).toMatchObject({ ok: false });
  });
});
