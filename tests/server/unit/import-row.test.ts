import { describe, expect, it } from 'vitest';
import {
  SKIP_REASONS,
  validateRow,
  type RowCity,
  type RowContext,
  type RowIndicator,
  type RowLayout,
} from '../../../server/src/domain/import-row';

/** The pure row validator every import format feeds, with literal catalogues. */

const LONG: RowLayout = {
  columnNames: ['city', 'indicator', 'year', 'value', 'status', 'source', 'note'],
  city: 0,
  indicator: 1,
  year: 2,
  value: 3,
  status: 4,
  source: 5,
  note: 6,
  disaggregations: [],
  skipRowsWithoutCity: false,
};
const OPEN_SDG: RowLayout = {
  columnNames: ['Year', 'GeoCode', 'Sex', 'Units', 'Value'],
  city: 1,
  indicator: -1,
  year: 0,
  value: 4,
  status: -1,
  source: -1,
  note: -1,
  disaggregations: [2],
  skipRowsWithoutCity: true,
};

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
  layout: RowLayout = LONG,
  extra: Partial<RowContext<RowCity, RowIndicator>> = {},
): RowContext<RowCity, RowIndicator> {
  const cities = new Map([
    ['espoo', espoo],
    ['tallinn', tallinn],
  ]);
  const indicators = new Map([
    ['renewables-share', share()],
    ['old', archived],
    ['other-network', other],
  ]);
  return {
    layout,
    fixedIndicator: null,
    decimalComma: false,
    city: (cell) => cities.get(cell.trim().toLowerCase()),
    indicator: (cell) => indicators.get(cell.trim().toLowerCase()),
    isMember: (indicator) => indicator.networkId === 5,
    mayEdit: (city) => city.id === 1,
    ...extra,
  };
}

const row = (...cells: string[]) => validateRow(cells, context());

describe('validateRow', () => {
  it('turns a good row into typed values (names case-insensitive, text trimmed, escape undone)', () => {
    expect(
      row(' Espoo ', 'Renewables-Share', '2021', '41.5', 'provisional', 'Stats', "'=not a formula"),
    ).toEqual({
      kind: 'valid',
      row: {
        city: espoo,
        indicator: share(),
        year: 2021,
        value: 41.5,
        status: 'provisional',
        source: 'Stats',
        note: '=not a formula',
      },
    });
    const comma = validateRow(
      ['espoo', 'renewables-share', '2021', '41,5', '', '', ''],
      context(LONG, { decimalComma: true }),
    );
    expect(comma).toMatchObject({
      kind: 'valid',
      row: { value: 41.5, status: 'final', source: null, note: null },
    });
  });

  it('skips empty values, breakdown rows and area totals, with the reason', () => {
    expect(row('espoo', 'renewables-share', '2021', ' ', '', '', '')).toEqual({
      kind: 'skipped',
      reason: SKIP_REASONS.noValue,
    });
    const sdg = (cells: string[]) =>
      validateRow(cells, context(OPEN_SDG, { fixedIndicator: share() }));
    expect(sdg(['2020', 'espoo', 'Female', '%', '40'])).toEqual({
      kind: 'skipped',
      reason: SKIP_REASONS.breakdown('Sex'),
    });
    expect(sdg(['2020', '', '', '%', '40'])).toEqual({
      kind: 'skipped',
      reason: SKIP_REASONS.noCity,
    });
    expect(sdg(['2020', 'espoo', '', '%', '40'])).toMatchObject({
      kind: 'valid',
      row: { value: 40 },
    });
  });

  it('names every problem of a row with its column and cell', () => {
    const outcome = row('atlantis', 'nothing', '19', 'abc', 'maybe', 'x'.repeat(501), '');
    expect(outcome.kind).toBe('invalid');
    const problems = outcome.kind === 'invalid' ? outcome.problems : [];
    expect(problems.map((p) => p.column)).toEqual([
      'city',
      'indicator',
      'year',
      'value',
      'status',
      'source',
    ]);
    expect(problems[0]).toEqual({
      column: 'city',
      value: 'atlantis',
      message: 'There is no city "atlantis".',
    });
    expect(problems[1]!.message).toBe('There is no indicator "nothing".');
    expect(problems[5]!.value).toHaveLength(80);
  });

  it('refuses values out of range, -0, archived indicators and cities outside the network', () => {
    const message = (outcome: ReturnType<typeof row>) =>
      outcome.kind === 'invalid' ? outcome.problems.map((p) => p.message) : [];
    expect(message(row('espoo', 'renewables-share', '2021', '120', '', '', ''))).toEqual([
      '120 is outside the allowed range for "Renewables share": from 0 to 100 %.',
    ]);
    expect(message(row('espoo', 'renewables-share', '2021', '-0', '', '', ''))).toHaveLength(1);
    expect(message(row('espoo', 'old', '2021', '1', '', '', ''))).toEqual([
      'The indicator "old" is archived; values cannot be added.',
    ]);
    expect(message(row('espoo', 'other-network', '2021', '1', '', '', ''))).toEqual([
      '"espoo" is not a member of the network that owns "other-network" (elsewhere).',
    ]);
    expect(message(row('', 'renewables-share', '2021', '1', '', '', ''))).toEqual([
      'The city is missing.',
    ]);
  });

  it('marks a city the importer may not change, without calling it an error', () => {
    expect(row('tallinn', 'renewables-share', '2021', '1', '', '', '')).toEqual({
      kind: 'invalid',
      problems: [],
      forbiddenCity: tallinn,
    });
  });

  it('refuses a row whose number of fields differs from the header', () => {
    expect(validateRow(['espoo', 'renewables-share'], context())).toEqual({
      kind: 'invalid',
      problems: [
        { column: null, value: null, message: 'This row has 2 fields but the header has 7.' },
      ],
      forbiddenCity: null,
    });
  });
});
