import type { Knex } from 'knex';
import type { ReadMemo } from '../db/read-memo';
import type { DatabaseKind } from '../db/database';
import { copyPointsOut, type PointSink } from '../db/copy-points';
import { preparedQuery } from '../db/prepared';
import type { Point } from '../domain/network-scores';
import { HEADLINE } from '../domain/series';

export interface NetworkVersion {
  id: number;
  slug: string;
  name: string;
  dataKind: 'synthetic' | 'published' | 'reported' | 'mixed';
  citation: string | null;
  /** The version of everything members' (draft-including) results depend on (compare for equality only). */
  dataVersion: string;
  /**
   * The version of what the public sees (approved values, ambitions,
   * catalogue): editing a draft leaves it alone, so visitors' cache keys and
   * ETags do not reveal draft activity.
   */
  publishedVersion: string;
}

/** A network's latest year with a headline value: in all values (members) and the approved ones. */
export interface NetworkLatestYears {
  latestDraftYear: number | null;
  latestPublishedYear: number | null;
}

export interface AmbitionRow {
  cityId: number;
  indicatorId: number;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  /** Whether this is the approved ambition (always, for the public's copy). */
  approved: boolean;
}

/** A city and its networks with their data versions and latest years (city progress's cache key). */
export interface CityWithNetworks {
  city: { id: number; slug: string; name: string; countryCode: string; version: number };
  networks: Array<NetworkVersion & NetworkLatestYears>;
}

/** All values (members' view) or the approved copy (the public's). */
export const valuesTable = (published: boolean): string =>
  published ? 'published_observations' : 'observations';

/**
 * The reads behind progress and scores: versions for caching, then bulk
 * data. Progress, scores and comparisons use the headline series only.
 */
export class ProgressRepository {
  constructor(
    private readonly knex: Knex,
    private readonly kind: DatabaseKind,
    /** Outside transactions: the cache-key reads kept in memory until anything changes (db/read-memo.ts). */
    private readonly memo: ReadMemo | null = null,
  ) {}

  private remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.memo === null ? load() : this.memo.get(`progress:${key}`, load);
  }

  /** One of the hot cache-key queries, as a prepared statement on PostgreSQL (db/prepared.ts). */
  private hot(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<Array<Record<string, unknown>>> {
    return preparedQuery(this.knex, this.kind, name, text, values);
  }

  private static toVersion(row: Record<string, unknown>): NetworkVersion {
    return {
      id: row.id as number,
      slug: row.slug as string,
      name: row.name as string,
      dataKind: row.data_kind as NetworkVersion['dataKind'],
      citation: row.citation as string | null,
      dataVersion: String(row.data_version),
      publishedVersion: String(row.published_version),
    };
  }

  /** A network and the version of its data (one indexed read: the cache key). */
  networkVersion(slug: string): Promise<NetworkVersion | undefined> {
    return this.remembered(`network-version:${slug}`, () => this.readNetworkVersion(slug));
  }

  private async readNetworkVersion(slug: string): Promise<NetworkVersion | undefined> {
    const [row] = await this.hot(
      'sdgcm_network_version',
      `select n.id, n.slug, n.name, n.data_kind, n.citation,
              n.data_version || '.' || coalesce((select sum(m.data_version) from network_members m where m.network_id = n.id), 0)
                as data_version,
              n.data_version || '.' || coalesce((select sum(m.published_version) from network_members m where m.network_id = n.id), 0)
                as published_version
         from networks n where n.slug = $1`,
      [slug],
    );
    return row === undefined ? undefined : ProgressRepository.toVersion(row);
  }

  /**
   * A city and the networks it belongs to with their data versions, in one
   * round trip: everything a cached progress response is keyed on.
   */
  cityWithNetworks(slug: string): Promise<CityWithNetworks | undefined> {
    return this.remembered(`city-versions:${slug}`, () => this.readCityWithNetworks(slug));
  }

  private async readCityWithNetworks(slug: string): Promise<CityWithNetworks | undefined> {
    // Each network's latest year too (one backward index probe per indicator and table):
    // a city's page is computed for it, so another city reporting a later year changes it.
    const latest = (table: string) =>
      `(select max((select o.year from ${table} o where o.indicator_id = i.id and o.series = '' order by o.year desc limit 1))
          from indicators i where i.network_id = n.id and i.archived_at is null)`;
    const rows = await this.hot(
      'sdgcm_city_versions_years',
      `select c.id as city_id, c.slug as city_slug, c.name as city_name, c.country_code, c.version as city_version,
              n.id, n.slug, n.name, n.data_kind, n.citation, n.data_version || '.' || m.data_version as data_version,
              n.data_version || '.' || m.published_version as published_version,
              ${latest(valuesTable(false))} as latest_draft_year,
              ${latest(valuesTable(true))} as latest_published_year
         from cities c
         left join network_members m on m.city_id = c.id
         left join networks n on n.id = m.network_id
        where c.slug = $1
        order by n.name`,
      [slug],
    );
    const first = rows[0];
    if (first === undefined) return undefined;
    return {
      city: {
        id: first.city_id as number,
        slug: first.city_slug as string,
        name: first.city_name as string,
        countryCode: first.country_code as string,
        version: first.city_version as number,
      },
      networks: rows
        .filter((r) => r.id !== null)
        .map((r) => ({
          ...ProgressRepository.toVersion(r),
          latestDraftYear: r.latest_draft_year === null ? null : Number(r.latest_draft_year),
          latestPublishedYear:
            r.latest_published_year === null ? null : Number(r.latest_published_year),
        })),
    };
  }

  /** The networks a city belongs to, with their data versions. */
  async cityNetworks(cityId: number): Promise<NetworkVersion[]> {
    const rows = (await this.knex('network_members as m')
      .join('networks as n', 'n.id', 'm.network_id')
      .where('m.city_id', cityId)
      .select(
        'n.id',
        'n.slug',
        'n.name',
        'n.data_kind',
        'n.citation',
        this.knex.raw(`n.data_version || '.' || m.data_version as data_version`),
        this.knex.raw(`n.data_version || '.' || m.published_version as published_version`),
      )
      .orderBy('n.name')) as Array<Record<string, unknown>>;
    return rows.map((r) => ProgressRepository.toVersion(r));
  }

  /**
   * Hands each value of the network's active indicators within `years` to
   * `sink` (with `published`, the approved copy only).
   */
  async networkPoints(
    networkId: number,
    published: boolean,
    years: { from: number; to: number },
    sink: PointSink,
  ): Promise<void> {
    const query = this.knex(`${valuesTable(published)} as o`)
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .where('i.network_id', networkId)
      .where('o.series', HEADLINE)
      .whereNull('i.archived_at')
      .whereBetween('o.year', [years.from, years.to])
      .select('o.city_id', 'o.indicator_id', 'o.year', 'o.value');
    // On PostgreSQL, a binary COPY of the same select: millions of rows at national scale,
    // read without text parsing or row objects (knex inlines the bound integers and text).
    if (await copyPointsOut(this.knex, this.kind, query.toQuery(), sink)) return;
    const rows = (await query) as Array<{
      city_id: number;
      indicator_id: number;
      year: number;
      value: number;
    }>;
    for (const r of rows) sink(r.city_id, r.indicator_id, r.year, r.value);
  }

  /**
   * One city's values for the active indicators of the given networks: all
   * values of `draftNetworkIds`, the approved copy of `publishedNetworkIds`.
   */
  async cityPoints(
    cityId: number,
    draftNetworkIds: readonly number[],
    publishedNetworkIds: readonly number[] = [],
  ): Promise<Point[]> {
    const points: Point[] = [];
    for (const [published, networkIds] of [
      [false, draftNetworkIds],
      [true, publishedNetworkIds],
    ] as const) {
      if (networkIds.length === 0) continue;
      const rows = (await this.knex(`${valuesTable(published)} as o`)
        .join('indicators as i', 'i.id', 'o.indicator_id')
        .where('o.city_id', cityId)
        .where('o.series', HEADLINE)
        .whereIn('i.network_id', networkIds)
        .whereNull('i.archived_at')
        .select('o.indicator_id', 'o.year', 'o.value')) as Array<{
        indicator_id: number;
        year: number;
        value: number;
      }>;
      for (const r of rows)
        points.push({ cityId, indicatorId: r.indicator_id, year: r.year, value: r.value });
    }
    return points;
  }

  /**
   * The years of a city's values that are not approved yet, per network
   * (what members see as drafts), with their review state.
   */
  async draftYears(
    cityId: number,
    networkIds: readonly number[],
  ): Promise<Array<{ networkId: number; year: number; state: string; values: number }>> {
    if (networkIds.length === 0) return [];
    const result = (await this.knex.raw(
      `select i.network_id, o.year, coalesce(p.state, 'draft') as state, count(*)::int as values
         from observations o
         join indicators i on i.id = o.indicator_id
         left join review_periods p on p.network_id = i.network_id and p.city_id = o.city_id and p.year = o.year
        where o.city_id = ? and i.network_id in (${networkIds.map(() => '?').join(', ')})
          and i.archived_at is null and coalesce(p.state, 'draft') <> 'approved'
        group by i.network_id, o.year, coalesce(p.state, 'draft')
        order by i.network_id, o.year`,
      [cityId, ...networkIds],
    )) as { rows: Array<{ network_id: number; year: number; state: string; values: number }> };
    return result.rows.map((r) => ({
      networkId: r.network_id,
      year: r.year,
      state: r.state,
      values: Number(r.values),
    }));
  }

  /** Slugs of the member cities with values in the network not approved yet (what a drafts view includes). */
  async draftCities(networkId: number): Promise<Set<string>> {
    const result = (await this.knex.raw(
      `select distinct c.slug
         from observations o
         join indicators i on i.id = o.indicator_id
         join cities c on c.id = o.city_id
         left join review_periods p on p.network_id = i.network_id and p.city_id = o.city_id and p.year = o.year
        where i.network_id = ? and i.archived_at is null and coalesce(p.state, 'draft') <> 'approved'`,
      [networkId],
    )) as { rows: Array<{ slug: string }> };
    return new Set(result.rows.map((r) => r.slug));
  }

  /** Every city's values of one indicator (with `published`, the approved copy only). */
  async indicatorPoints(indicatorId: number, published: boolean): Promise<Point[]> {
    const rows = (await this.knex(valuesTable(published))
      .where({ indicator_id: indicatorId, series: HEADLINE })
      .select('city_id', 'year', 'value')) as Array<{
      city_id: number;
      year: number;
      value: number;
    }>;
    return rows.map((r) => ({ cityId: r.city_id, indicatorId, year: r.year, value: r.value }));
  }

  /** Ambitions, by city or by network (or both): the working copy, or with `published` the approved one. */
  async ambitions(
    filter: {
      cityId?: number;
      networkIds?: readonly number[];
      indicatorId?: number;
    },
    published = false,
  ): Promise<AmbitionRow[]> {
    const query = this.knex(published ? 'published_ambitions as a' : 'ambitions as a')
      .join('indicators as i', 'i.id', 'a.indicator_id')
      .select(
        'a.city_id',
        'a.indicator_id',
        'a.baseline_year',
        'a.baseline_value',
        'a.target_year',
        'a.target_value',
      );
    if (published) void query.select(this.knex.raw('true as approved'));
    else
      // The working copy is the approved one when the published copy was made from it
      // (copied whole, version and creation time included: ambition.service.ts isApproved).
      void query
        .leftJoin('published_ambitions as p', function () {
          this.on('p.city_id', 'a.city_id').andOn('p.indicator_id', 'a.indicator_id');
        })
        .select(
          this.knex.raw(
            'coalesce(p.version = a.version and p.created_at = a.created_at, false) as approved',
          ),
        );
    if (filter.cityId !== undefined) query.where('a.city_id', filter.cityId);
    if (filter.networkIds !== undefined) query.whereIn('i.network_id', filter.networkIds);
    if (filter.indicatorId !== undefined) query.where('a.indicator_id', filter.indicatorId);
    const rows = (await query) as Array<Record<string, number> & { approved: boolean }>;
    return rows.map((r) => ({
      cityId: r.city_id!,
      indicatorId: r.indicator_id!,
      baselineYear: r.baseline_year!,
      baselineValue: r.baseline_value!,
      targetYear: r.target_year!,
      targetValue: r.target_value!,
      approved: r.approved,
    }));
  }

  /** The latest year with any value in these networks (the default reference year). */
  async latestYear(
    draftNetworkIds: readonly number[],
    publishedNetworkIds: readonly number[] = [],
  ): Promise<number | null> {
    let latest: number | null = null;
    for (const [published, networkIds] of [
      [false, draftNetworkIds],
      [true, publishedNetworkIds],
    ] as const) {
      if (networkIds.length === 0) continue;
      // One backward index probe per indicator ((indicator_id, year, city_id)
      // index), not a scan of every value of the network.
      const table = valuesTable(published);
      const row = (await this.knex('indicators as i')
        .whereIn('i.network_id', networkIds)
        .whereNull('i.archived_at')
        .select(
          this.knex.raw(
            `max((select o.year from ${table} o where o.indicator_id = i.id and o.series = '' order by o.year desc limit 1)) as year`,
          ),
        )
        .first()) as { year: number | null } | undefined;
      const year = row?.year ?? null;
      if (year !== null && (latest === null || year > latest)) latest = year;
    }
    return latest;
  }
}
