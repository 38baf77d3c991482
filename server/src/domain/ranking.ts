/**
 * The network's ranking in pages: sorted, searched and filtered on the
 * server, so a national network of 3,000 places is never sent whole to a
 * browser that shows fifty rows.
 */

export interface RankedRow {
  slug: string;
  name: string;
  countryCode: string;
  index: number | null;
  rank: number | null;
  goals: ReadonlyArray<{ goal: number; score: number | null }>;
}

export type RankingSort = 'rank' | 'name' | 'index';

export interface RankingPageQuery {
  /** Part of the name or slug, any case, with or without accents ("kos" finds Košice). */
  q?: string | undefined;
  /** ISO country code. */
  country?: string | undefined;
  /** Rank (ranked first, then the others by index and name), name, or index (highest first). */
  sort?: RankingSort | undefined;
  /** Sort by this goal's score instead (highest first, cities without a score last). */
  goal?: number | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Lower case, accents and punctuation folded: what a search matches on. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Highest first, missing last, then by name. */
const byScore =
  <T extends RankedRow>(score: (row: T) => number | null, collator: Intl.Collator) =>
  (a: T, b: T): number => {
    const x = score(a);
    const y = score(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return y - x;
    }
    return collator.compare(a.name, b.name);
  };

/**
 * A network's rows with their sort orders made once (per sort asked for) and
 * their search keys: each page is then a filter over a sorted list.
 */
export class RankingTable<T extends RankedRow> {
  private readonly orders = new Map<string, readonly T[]>();
  private readonly keys: Map<T, string>;
  private readonly collator: Intl.Collator;

  constructor(
    readonly rows: readonly T[],
    locale: string,
  ) {
    this.collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    this.keys = new Map(rows.map((r) => [r, ` ${searchKey(r.name)} ${searchKey(r.slug)}`]));
  }

  private sorted(query: RankingPageQuery): readonly T[] {
    const name = query.goal !== undefined ? `goal:${query.goal}` : (query.sort ?? 'rank');
    let order = this.orders.get(name);
    if (order === undefined) {
      const byName = (a: T, b: T) => this.collator.compare(a.name, b.name);
      const compare =
        query.goal !== undefined
          ? byScore<T>(
              (r) => r.goals.find((g) => g.goal === query.goal)?.score ?? null,
              this.collator,
            )
          : name === 'name'
            ? byName
            : name === 'index'
              ? byScore<T>((r) => r.index, this.collator)
              : (a: T, b: T) =>
                  // Ranked first by rank; the unranked after them by index, then name.
                  a.rank !== null && b.rank !== null
                    ? a.rank - b.rank
                    : a.rank !== null
                      ? -1
                      : b.rank !== null
                        ? 1
                        : byScore<T>((r) => r.index, this.collator)(a, b);
      order = [...this.rows].sort(compare);
      this.orders.set(name, order);
    }
    return order;
  }

  /** One page of the rows the query selects, and how many it selects in all. */
  page(query: RankingPageQuery): { total: number; offset: number; limit: number; rows: T[] } {
    const needle = query.q === undefined ? '' : searchKey(query.q);
    const country = query.country?.toUpperCase();
    const selected = this.sorted(query).filter(
      (r) =>
        (needle === '' || this.keys.get(r)!.includes(` ${needle}`)) &&
        (country === undefined || r.countryCode === country),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    return { total: selected.length, offset, limit, rows: selected.slice(offset, offset + limit) };
  }
}
