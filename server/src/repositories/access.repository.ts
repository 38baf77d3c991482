import type { Knex } from 'knex';
import type { ReadMemo } from '../db/read-memo';
import type { ActionFacts, CityFacts, IndicatorFacts, NetworkFacts } from '../auth/policy';

interface NetworkFactsRow {
  id: number;
  slug: string;
  name: string;
  is_public: boolean;
}

const toNetworkFacts = (row: NetworkFactsRow): NetworkFacts => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  isPublic: row.is_public,
});

/** What the access policy needs to know about networks, cities and indicators: one query each. */
export class AccessRepository {
  constructor(
    private readonly knex: Knex,
    /** Outside transactions: facts kept in memory until anything changes (db/read-memo.ts). */
    private readonly memo: ReadMemo | null = null,
  ) {}

  private remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.memo === null ? load() : this.memo.get(`access:${key}`, load);
  }

  networkFacts(slug: string): Promise<NetworkFacts | undefined> {
    return this.remembered(`network:${slug}`, () => this.readNetworkFacts(slug));
  }

  cityFacts(slug: string): Promise<CityFacts | undefined> {
    return this.remembered(`city:${slug}`, () => this.readCityFacts(slug));
  }

  indicatorFacts(slug: string): Promise<IndicatorFacts | undefined> {
    return this.remembered(`indicator:${slug}`, () => this.readIndicatorFacts(slug));
  }

  /** Ids of the networks anyone may read. */
  publicNetworkIds(): Promise<number[]> {
    return this.remembered('public-networks', () => this.readPublicNetworkIds());
  }

  private async readNetworkFacts(slug: string): Promise<NetworkFacts | undefined> {
    const row = (await this.knex('networks')
      .where({ slug })
      .first('id', 'slug', 'name', 'is_public')) as NetworkFactsRow | undefined;
    return row === undefined ? undefined : toNetworkFacts(row);
  }

  /** A city with the networks it belongs to (they decide who sees it). */
  private async readCityFacts(slug: string): Promise<CityFacts | undefined> {
    const row = (await this.knex('cities as c')
      .where('c.slug', slug)
      .first(
        'c.id',
        'c.slug',
        'c.name',
        this.knex.raw(
          `coalesce((select json_agg(json_build_object('id', n.id, 'slug', n.slug, 'name', n.name, 'is_public', n.is_public) order by n.id)
             from network_members m join networks n on n.id = m.network_id where m.city_id = c.id), '[]'::json) as networks`,
        ),
      )) as
      { id: number; slug: string; name: string; networks: NetworkFactsRow[] | string } | undefined;
    if (row === undefined) return undefined;
    const networks =
      typeof row.networks === 'string'
        ? (JSON.parse(row.networks) as NetworkFactsRow[])
        : row.networks;
    return { id: row.id, slug: row.slug, name: row.name, networks: networks.map(toNetworkFacts) };
  }

  private async readIndicatorFacts(slug: string): Promise<IndicatorFacts | undefined> {
    const row = (await this.knex('indicators as i')
      .join('networks as n', 'n.id', 'i.network_id')
      .where('i.slug', slug)
      .first(
        'i.id',
        'i.slug',
        'n.id as network_id',
        'n.slug as network_slug',
        'n.name as network_name',
        'n.is_public as network_is_public',
      )) as
      | {
          id: number;
          slug: string;
          network_id: number;
          network_slug: string;
          network_name: string;
          network_is_public: boolean;
        }
      | undefined;
    if (row === undefined) return undefined;
    return {
      id: row.id,
      slug: row.slug,
      network: {
        id: row.network_id,
        slug: row.network_slug,
        name: row.network_name,
        isPublic: row.network_is_public,
      },
    };
  }

  /** An action of a local action plan: its city decides who sees and changes it, its publication who sees it. */
  async actionFacts(id: number): Promise<ActionFacts | undefined> {
    const row = (await this.knex('city_actions as a')
      .join('cities as c', 'c.id', 'a.city_id')
      .where('a.id', id)
      .first(
        'a.id',
        'c.slug as city_slug',
        this.knex.raw('(a.published is not null) as published'),
      )) as { id: number; city_slug: string; published: boolean } | undefined;
    if (row === undefined) return undefined;
    const city = await this.cityFacts(row.city_slug);
    return city === undefined ? undefined : { id: row.id, published: row.published, city };
  }

  private async readPublicNetworkIds(): Promise<number[]> {
    const rows = (await this.knex('networks').where({ is_public: true }).select('id')) as Array<{
      id: number;
    }>;
    return rows.map((r) => r.id);
  }
}
