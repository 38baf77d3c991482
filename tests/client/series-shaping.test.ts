import { describe, expect, it } from 'vitest';
import { latestByCity } from '../../client/src/features/series/utils/across-cities';
import {
  breakdown,
  breakdownContexts,
  contextFor,
} from '../../client/src/features/series/utils/breakdown';
import {
  describeSeries,
  dimensionsOf,
  flagsPresent,
  groupBySeries,
  parseSeries,
  seriesKey,
  seriesParam,
} from '../../client/src/lib/series';
import { observation } from './series-fixtures';

describe('series helpers', () => {
  it('key a series like the server: sorted dimensions as JSON, the headline as empty text', () => {
    expect(seriesKey({})).toBe('');
    expect(seriesKey({ sex: 'female', age: '15-24' })).toBe('{"age":"15-24","sex":"female"}');
    expect(seriesKey({ age: '15-24', sex: 'female' })).toBe(
      seriesKey({ sex: 'female', age: '15-24' }),
    );
    expect(seriesParam({})).toBeUndefined();
    expect(seriesParam({ sex: 'male' })).toBe('{"sex":"male"}');
  });

  it('read ?series= leniently: anything that is not a series is the headline', () => {
    expect(parseSeries('{"sex":"female"}')).toEqual({ sex: 'female' });
    expect(parseSeries(null)).toEqual({});
    expect(parseSeries('not json')).toEqual({});
    expect(parseSeries('[1,2]')).toEqual({});
    expect(parseSeries('{"sex":3,"age":"15-24"}')).toEqual({ age: '15-24' });
  });

  it('describe a series for people and list dimensions with their values in natural order', () => {
    expect(describeSeries({ sex: 'female', age: '15–24' })).toBe('age: 15–24 · sex: female');
    expect(
      dimensionsOf([
        { dimensions: { ward: 'Ward 10' } },
        { dimensions: { ward: 'Ward 2' } },
        { dimensions: { sex: 'male' } },
      ]),
    ).toEqual([
      { name: 'sex', values: ['male'] },
      { name: 'ward', values: ['Ward 2', 'Ward 10'] },
    ]);
  });

  it('group values by series, headline first, each sorted by year', () => {
    const groups = groupBySeries([
      observation({ series: { ward: 'Ward 10' }, year: 2020 }),
      observation({ series: { ward: 'Ward 2' }, year: 2021 }),
      observation({ year: 2021 }),
      observation({ year: 2019 }),
    ]);
    expect(groups.map((g) => g.key)).toEqual(['', '{"ward":"Ward 2"}', '{"ward":"Ward 10"}']);
    expect(groups[0]!.observations.map((o) => o.year)).toEqual([2019, 2021]);
  });

  it('list the flags present in the API order', () => {
    expect(
      flagsPresent([{ flags: ['low-reliability'] }, { flags: ['estimated', 'low-reliability'] }]),
    ).toEqual(['estimated', 'low-reliability']);
  });
});

describe('breakdowns', () => {
  const values = [
    observation({ year: 2023, value: 50 }),
    observation({ series: { sex: 'female' }, year: 2023, value: 52 }),
    observation({ series: { sex: 'male' }, year: 2023, value: 48 }),
    observation({ series: { sex: 'male' }, year: 2021, value: 47 }),
    observation({ series: { sex: 'female', age: 'young' }, year: 2023, value: 60 }),
    observation({ series: { sex: 'male', age: 'young' }, year: 2022, value: 58 }),
    observation({ series: { sex: 'female', age: 'old' }, year: 2023, value: 40 }),
  ];
  const groups = groupBySeries(values);

  it('find the other dimensions a dimension is broken down under, the most common first', () => {
    expect(breakdownContexts(groups, 'sex')).toEqual([
      { context: {}, count: 2 },
      { context: { age: 'young' }, count: 2 },
      { context: { age: 'old' }, count: 1 },
    ]);
    expect(contextFor(groups, 'sex', {})).toEqual({});
    expect(contextFor(groups, 'sex', { sex: 'male', age: 'young' })).toEqual({ age: 'young' });
    expect(contextFor(groups, 'age', {})).toEqual({ sex: 'female' });
  });

  it('shape lines by year and the latest year best first, with the headline for reference', () => {
    const data = breakdown(groups, 'sex', {}, 'decrease');
    expect(data.members.map((m) => [m.id, m.label])).toEqual([
      ['s0', 'female'],
      ['s1', 'male'],
    ]);
    expect(data.rows).toEqual([
      { year: 2021, s1: 47 },
      { year: 2023, s0: 52, s1: 48 },
    ]);
    expect(data.latestYear).toBe(2023);
    expect(data.latest.map((l) => l.member.label)).toEqual(['male', 'female']);
    expect(data.headline?.value).toBe(50);
  });

  it('hold the other dimensions, list members without a latest value apart, no headline then', () => {
    const data = breakdown(groups, 'sex', { age: 'young' }, 'increase');
    expect(data.latestYear).toBe(2023);
    expect(data.latest.map((l) => [l.member.label, l.value.value])).toEqual([['female', 60]]);
    expect(data.missingLatest.map((m) => m.label)).toEqual(['male']);
    expect(data.headline).toBeNull();
  });
});

describe('one series across cities', () => {
  const values = [
    observation({ city: 'espoo', year: 2021, value: 10 }),
    observation({ city: 'espoo', year: 2023, value: 14 }),
    observation({ city: 'braga', year: 2023, value: 14 }),
    observation({ city: 'tallinn', year: 2024, value: 9 }),
  ];
  const name = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1);

  it('take each city’s latest value, best first, ties by name', () => {
    const { ranked, without } = latestByCity(values, 'increase', undefined, name);
    expect(ranked.map((v) => [v.city, v.year])).toEqual([
      ['braga', 2023],
      ['espoo', 2023],
      ['tallinn', 2024],
    ]);
    expect(without).toEqual([]);
  });

  it('stop at the chosen year and name the cities without a value by then', () => {
    const { ranked, without } = latestByCity(values, 'decrease', 2022, name);
    expect(ranked.map((v) => [v.city, v.value])).toEqual([['espoo', 10]]);
    expect(without).toEqual(['braga', 'tallinn']);
  });
});
