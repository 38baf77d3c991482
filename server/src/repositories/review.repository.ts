import type { Knex } from 'knex';

export type ReviewState = 'draft' | 'submitted' | 'returned' | 'approved';

/** States in which a city's editors may not change the year's values. */
export const LOCKED_STATES: ReadonlySet<ReviewState> = new Set<ReviewState>([
  'submitted',
  'approved',
]);

export interface ReviewPeriodRecord {
  networkId: number;
  cityId: number;
  year: number;
  state: ReviewState;
  version: number;
  submittedAt: Date | null;
  submittedBy: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  approvedAt: Date | null;
  updatedAt: Date;
}

/** One row of a year's review checklist (review.repository.ts checklistValues). */
export interface ChecklistValueRow {
  slug: string;
  name: string;
  unit: string;
  decimals: number;
  translations: unknown;
  series: string;
  value: number;
  flag: unknown;
  flags: string;
  previous_year: number | null;
  previous_value: number | null;
  published_value: number | null;
  published_flags: string | null;
}

export interface ReviewCommentRecord {
  id: number;
  year: number;
  indicatorId: number | null;
  indicatorSlug: string | null;
  author: string;
  body: string;
  createdAt: Date;
}

interface PeriodRow {
  network_id: number;
  city_id: number;
  year: number;
  state: ReviewState;
  version: number;
  submitted_at: Date | null;
  submitted_by: string | null;
  decided_at: Date | null;
  decided_by: string | null;
  approved_at: Date | null;
  updated_at: Date;
}

const toPeriod = (r: PeriodRow): ReviewPeriodRecord => ({
  networkId: r.network_id,
  cityId: r.city_id,
  year: r.year,
  state: r.state,
  version: r.version,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  approvedAt: r.approved_at,
  updatedAt: r.updated_at,
});

/** The columns copied from observations into published_observations. */
const OBSERVATION_COLUMNS = [
  'city_id',
  'indicator_id',
  'series',
  'year',
  'value',
  'status',
  'source',
  'note',
  'flag',
  'value_flags',
  'version',
  'created_by',
  'updated_by',
  'created_at',
  'updated_at',
  'created_import_id',
];

/** Review periods, comments and the published copy of approved values. */
export class ReviewRepository {
  constructor(private readonly knex: Knex) {}

  /** Creates the period as a draft unless it exists (the row a lock needs). */
  private async ensure(key: { network_id: number; city_id: number; year: number }): Promise<void> {
    await this.knex('review_periods')
      .insert(key)
      .onConflict(['network_id', 'city_id', 'year'])
      .ignore();
  }

  /**
   * Locks the review period a single write touches (created as a draft if it
   * was never reviewed) with a share lock held to the end of the transaction:
   * an approval, which locks it exclusively, waits for the write to commit,
   * and a write waits for an approval. Imports lock theirs in one statement
   * (ImportRepository.lockChangedPeriods).
   */
  async lockForWrite(period: {
    networkId: number;
    cityId: number;
    year: number;
  }): Promise<ReviewPeriodRecord> {
    const key = { network_id: period.networkId, city_id: period.cityId, year: period.year };
    await this.ensure(key);
    const row = (await this.knex('review_periods').where(key).forShare().first()) as PeriodRow;
    return toPeriod(row);
  }

  /** One period; with `lock`, locked exclusively until the transaction ends (created as a draft if new). */
  async find(
    networkId: number,
    cityId: number,
    year: number,
    options: { lock?: boolean } = {},
  ): Promise<ReviewPeriodRecord | undefined> {
    const key = { network_id: networkId, city_id: cityId, year };
    const query = this.knex('review_periods').where(key);
    if (options.lock === true) {
      await this.ensure(key);
      query.forUpdate();
    }
    const row = (await query.first()) as PeriodRow | undefined;
    return row === undefined ? undefined : toPeriod(row);
  }

  async update(
    networkId: number,
    cityId: number,
    year: number,
    patch: Partial<Omit<PeriodRow, 'network_id' | 'city_id' | 'year' | 'version' | 'updated_at'>>,
  ): Promise<ReviewPeriodRecord> {
    const [row] = (await this.knex('review_periods')
      .where({ network_id: networkId, city_id: cityId, year })
      .update({
        ...patch,
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      })
      .returning('*')) as PeriodRow[];
    return toPeriod(row!);
  }

  /** Every period of the city that has a row, for the given networks. */
  async forCity(cityId: number, networkIds: readonly number[]): Promise<ReviewPeriodRecord[]> {
    if (networkIds.length === 0) return [];
    const rows = (await this.knex('review_periods')
      .where('city_id', cityId)
      .whereIn('network_id', networkIds)
      .orderBy(['network_id', 'year'])) as PeriodRow[];
    return rows.map(toPeriod);
  }

  /** Periods of a network in the given states, oldest submission first. */
  async forNetwork(
    networkId: number,
    states: readonly ReviewState[],
  ): Promise<Array<ReviewPeriodRecord & { citySlug: string; cityName: string }>> {
    const rows = (await this.knex('review_periods as p')
      .join('cities as c', 'c.id', 'p.city_id')
      .where('p.network_id', networkId)
      .whereIn('p.state', states)
      .select('p.*', 'c.slug as city_slug', 'c.name as city_name')
      .orderBy([
        { column: 'p.submitted_at', order: 'asc', nulls: 'last' },
        'c.name',
        'p.year',
      ])) as Array<PeriodRow & { city_slug: string; city_name: string }>;
    return rows.map((r) => ({ ...toPeriod(r), citySlug: r.city_slug, cityName: r.city_name }));
  }

  /** Per year: how many values the city has in the network, and how many are published. */
  async yearCounts(
    networkId: number,
    cityId: number,
  ): Promise<Map<number, { values: number; published: number }>> {
    const result = (await this.knex.raw(
      `select year, sum(v)::int as values, sum(p)::int as published from (
         select o.year, 1 as v, 0 as p from observations o join indicators i on i.id = o.indicator_id
          where i.network_id = ? and o.city_id = ?
         union all
         select o.year, 0, 1 from published_observations o join indicators i on i.id = o.indicator_id
          where i.network_id = ? and o.city_id = ?) x
       group by year`,
      [networkId, cityId, networkId, cityId],
    )) as { rows: Array<{ year: number; values: number; published: number }> };
    return new Map(
      result.rows.map((r) => [
        r.year,
        { values: Number(r.values), published: Number(r.published) },
      ]),
    );
  }

  /**
   * What a reviewer checks for one year: each of the city's values in the
   * network (every series) with the previous year's value of its series,
   * its plausibility flag and statistical flags, and the value the public
   * sees now (the last approval).
   */
  async checklistValues(
    networkId: number,
    cityId: number,
    year: number,
  ): Promise<ChecklistValueRow[]> {
    const result = (await this.knex.raw(
      `select i.slug, i.name, i.unit, i.decimals, i.translations, o.series, o.value, o.flag, o.value_flags as flags,
              prev.year as previous_year, prev.value as previous_value,
              p.value as published_value, p.value_flags as published_flags
         from observations o
         join indicators i on i.id = o.indicator_id
         left join lateral (
           select q.year, q.value from observations q
            where q.city_id = o.city_id and q.indicator_id = o.indicator_id
              and q.series = o.series and q.year < o.year
            order by q.year desc limit 1) prev on true
         left join published_observations p
           on p.city_id = o.city_id and p.indicator_id = o.indicator_id
          and p.series = o.series and p.year = o.year
        where i.network_id = ? and o.city_id = ? and o.year = ? and i.archived_at is null
        order by i.sort_order, i.slug, o.series`,
      [networkId, cityId, year],
    )) as { rows: ChecklistValueRow[] };
    return result.rows;
  }

  /** The network's active indicators without a headline value for the year, with the city's last year. */
  async missingIndicators(
    networkId: number,
    cityId: number,
    year: number,
  ): Promise<
    Array<{ slug: string; name: string; translations: unknown; last_year: number | null }>
  > {
    const result = (await this.knex.raw(
      `select i.slug, i.name, i.translations,
              (select max(q.year) from observations q
                where q.city_id = ? and q.indicator_id = i.id and q.series = '') as last_year
         from indicators i
        where i.network_id = ? and i.archived_at is null
          and not exists (select 1 from observations o
                           where o.city_id = ? and o.indicator_id = i.id and o.year = ? and o.series = '')
        order by i.sort_order, i.slug`,
      [cityId, networkId, cityId, year],
    )) as {
      rows: Array<{ slug: string; name: string; translations: unknown; last_year: number | null }>;
    };
    return result.rows;
  }

  /** Number of the city's values in the network and year. */
  async valueCount(networkId: number, cityId: number, year: number): Promise<number> {
    const row = (await this.knex('observations as o')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .where({ 'i.network_id': networkId, 'o.city_id': cityId, 'o.year': year })
      .count<{ count: string | number }>('* as count')
      .first()) as { count: string | number } | undefined;
    return Number(row?.count ?? 0);
  }

  /**
   * Replaces the published copy of a network's values with the current ones,
   * for one city and year or (no city) every year up to `lastYear`.
   * Returns the number of values published.
   */
  private async copyToPublished(
    networkId: number,
    by: string,
    scope: { cityId: number; year: number } | { lastYear: number },
  ): Promise<number> {
    const [where, bindings] =
      'cityId' in scope
        ? ['and o.city_id = ? and o.year = ?', [scope.cityId, scope.year]]
        : ['and o.year <= ?', [scope.lastYear]];
    await this.knex.raw(
      `delete from published_observations o using indicators i
        where i.id = o.indicator_id and i.network_id = ? ${where}`,
      [networkId, ...bindings],
    );
    const columns = OBSERVATION_COLUMNS.join(', ');
    const selected = OBSERVATION_COLUMNS.map((c) => `o.${c}`).join(', ');
    const result = (await this.knex.raw(
      `insert into published_observations (${columns}, published_by)
       select ${selected}, ? from observations o join indicators i on i.id = o.indicator_id
        where i.network_id = ? ${where}`,
      [by, networkId, ...bindings],
    )) as { rowCount?: number | null; affectedRows?: number };
    return result.rowCount ?? result.affectedRows ?? 0;
  }

  /**
   * Makes the year's current values the public ones (replacing the last
   * approved copy), and the city's current ambitions for the network's
   * indicators with them: an ambition changed since is public from this
   * approval on.
   */
  async publish(networkId: number, cityId: number, year: number, by: string): Promise<number> {
    await this.publishAmbitions(networkId, by, cityId);
    return this.copyToPublished(networkId, by, { cityId, year });
  }

  /** Replaces the published ambitions of a network's indicators (of one city, or all) with the working ones. */
  private async publishAmbitions(networkId: number, by: string, cityId?: number): Promise<void> {
    const [where, bindings] = cityId === undefined ? ['', []] : ['and a.city_id = ?', [cityId]];
    await this.knex.raw(
      `delete from published_ambitions a using indicators i
        where i.id = a.indicator_id and i.network_id = ? ${where}`,
      [networkId, ...bindings],
    );
    await this.knex.raw(
      `insert into published_ambitions
         (city_id, indicator_id, baseline_year, baseline_value, target_year, target_value, note,
          version, updated_by, created_at, updated_at, published_by)
       select a.city_id, a.indicator_id, a.baseline_year, a.baseline_value, a.target_year,
              a.target_value, a.note, a.version, a.updated_by, a.created_at, a.updated_at, ?
         from ambitions a join indicators i on i.id = a.indicator_id
        where i.network_id = ? ${where}`,
      [by, networkId, ...bindings],
    );
  }

  /** Removes a year's values from the public copy (the demo's draft years). */
  async unpublish(networkId: number, cityId: number, year: number): Promise<void> {
    await this.knex.raw(
      `delete from published_observations o using indicators i
        where i.id = o.indicator_id and i.network_id = ? and o.city_id = ? and o.year = ?`,
      [networkId, cityId, year],
    );
  }

  /**
   * Approves and publishes every year with values of a network at once (for
   * published reference data and generated datasets, which need no review),
   * or every year up to `lastYear`.
   */
  async approveAll(networkId: number, by: string, lastYear = 2100): Promise<void> {
    await this.knex.raw(
      `insert into review_periods (network_id, city_id, year, state, decided_at, decided_by, approved_at)
       select distinct i.network_id, o.city_id, o.year, 'approved', now(), ?, now()
         from observations o join indicators i on i.id = o.indicator_id
        where i.network_id = ? and o.year <= ?
       on conflict (network_id, city_id, year) do update
         set state = 'approved', decided_at = now(), decided_by = excluded.decided_by,
             approved_at = now(), version = review_periods.version + 1, updated_at = now()`,
      [by, networkId, lastYear],
    );
    await this.copyToPublished(networkId, by, { lastYear });
    await this.publishAmbitions(networkId, by);
  }

  async addComment(comment: {
    networkId: number;
    cityId: number;
    year: number;
    indicatorId: number | null;
    authorUserId: number | null;
    authorLabel: string;
    body: string;
  }): Promise<number> {
    const [row] = (await this.knex('review_comments')
      .insert({
        network_id: comment.networkId,
        city_id: comment.cityId,
        year: comment.year,
        indicator_id: comment.indicatorId,
        author_user_id: comment.authorUserId,
        author_label: comment.authorLabel,
        body: comment.body,
      })
      .returning('id')) as Array<{ id: number | string }>;
    return Number(row!.id);
  }

  /** A city's comments in a network, for one year or all, newest first. */
  async comments(networkId: number, cityId: number, year?: number): Promise<ReviewCommentRecord[]> {
    const query = this.knex('review_comments as r')
      .leftJoin('indicators as i', 'i.id', 'r.indicator_id')
      .where({ 'r.network_id': networkId, 'r.city_id': cityId })
      .select('r.*', 'i.slug as indicator_slug')
      .orderBy('r.id', 'desc');
    if (year !== undefined) query.where('r.year', year);
    const rows = (await query) as Array<{
      id: number | string;
      year: number;
      indicator_id: number | null;
      indicator_slug: string | null;
      author_label: string;
      body: string;
      created_at: Date;
    }>;
    return rows.map((r) => ({
      id: Number(r.id),
      year: r.year,
      indicatorId: r.indicator_id,
      indicatorSlug: r.indicator_slug,
      author: r.author_label,
      body: r.body,
      createdAt: r.created_at,
    }));
  }
}
