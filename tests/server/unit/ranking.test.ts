import { describe, expect, it } from 'vitest';
import { RankingTable, searchKey, type RankedRow } from '../../../server/src/domain/ranking';

const row = (
  name: string,
  rank: number | null,
  index: number | null,
  goal3: number | null,
  countryCode = 'DE',
): RankedRow => ({
  slug: searchKey(name).replace(/ /g, '-'),
  name,
  countryCode,
  index,
  rank,
  goals: [{ goal: 3, score: goal3 }],
});

const rows = [
  row('Košice', 2, 61.5, 40, 'SK'),
  row('Frankfurt am Main', 1, 70.25, null),
  row('Zwickau', null, null, 80),
  row('Aachen', 3, 55, 60),
  row('Österreichisches Dorf', null, 12, 10, 'AT'),
];
const names = (page: { rows: RankedRow[] }) => page.rows.map((r) => r.name);

describe('a page of the ranking', () => {
  const table = new RankingTable(rows, 'de');

  it('sorts by rank, the unranked last by index then name, fifty to a page', () => {
    const page = table.page({});
    expect(names(page)).toEqual([
      'Frankfurt am Main',
      'Košice',
      'Aachen',
      'Österreichisches Dorf',
      'Zwickau',
    ]);
    expect(page).toMatchObject({ total: 5, offset: 0, limit: 50 });
  });

  it('sorts by name in the language’s order, by index and by a goal’s score (missing last)', () => {
    expect(names(table.page({ sort: 'name' }))).toEqual([
      'Aachen',
      'Frankfurt am Main',
      'Košice',
      'Österreichisches Dorf',
      'Zwickau',
    ]);
    expect(names(table.page({ sort: 'index' }))).toEqual([
      'Frankfurt am Main',
      'Košice',
      'Aachen',
      'Österreichisches Dorf',
      'Zwickau',
    ]);
    expect(names(table.page({ goal: 3 }))).toEqual([
      'Zwickau',
      'Aachen',
      'Košice',
      'Österreichisches Dorf',
      'Frankfurt am Main',
    ]);
  });

  it('finds a city by the start of any word, without accents or case', () => {
    expect(names(table.page({ q: 'kos' }))).toEqual(['Košice']);
    expect(names(table.page({ q: 'MAIN' }))).toEqual(['Frankfurt am Main']);
    expect(names(table.page({ q: 'oster' }))).toEqual(['Österreichisches Dorf']);
    // Inside a word is not a match: "ach" is not "Aachen".
    expect(table.page({ q: 'ach' }).total).toBe(0);
  });

  it('filters by country and pages what the filters select', () => {
    expect(names(table.page({ country: 'de' }))).toEqual([
      'Frankfurt am Main',
      'Aachen',
      'Zwickau',
    ]);
    const second = table.page({ country: 'DE', offset: 1, limit: 1 });
    expect(names(second)).toEqual(['Aachen']);
    expect(second.total).toBe(3);
    expect(table.page({ offset: 10 }).rows).toEqual([]);
  });
});
