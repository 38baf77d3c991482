import type { Knex } from 'knex';
import type { NetworkRow } from '../db/rows';

export interface NetworkWithStats extends NetworkRow {
  city_count: number;
  indicator_count: number;
  first_year: number | null;
  last_year: number | null;
}

export interface MemberRow {
  slug: string;
  name: string;
  country_code: string;
  population: number | null;
  role: 'lead_partner' | 'partner';
}

/** Networks and their membership. */
export class NetworkRepository {
  constructor(private readonly knex: Knex) {}

  private withStats(): Knex.QueryBuilder {
    const k = this.knex;
    return k('networks as n').select(
      'n.*',
      k.raw(
        '(select count(*)::int from network_members m where m.network_id = n.id) as city_count',
      ),
      k.raw(
        '(select count(*)::int from indicators i where i.network_id = n.id and i.archived_at is null) as indicator_count',
      ),
      k.raw(
        `(select min(o.year)::int from observations o join indicators i on i.id = o.indicator_id
           where i.network_id = n.id) as first_year`,
      ),
      k.raw(
        `(select max(o.year)::int from observations o join indicators i on i.id = o.indicator_id
           where i.network_id = n.id) as last_year`,
      ),
    );
  }

  /** Every network with member, indicator and year counts, by name. */
  async list(): Promise<NetworkWithStats[]> {
    return (await this.withStats().orderBy('n.name')) as NetworkWithStats[];
  }

  async findBySlug(slug: string): Promise<NetworkWithStats | undefined> {
    return (await this.withStats().where('n.slug', slug).first()) as NetworkWithStats | undefined;
  }

  /** Member cities, lead partner first, then by name. */
  async listMembers(networkId: number): Promise<MemberRow[]> {
    return (await this.knex('network_members as m')
      .join('cities as c', 'c.id', 'm.city_id')
      .where('m.network_id', networkId)
      .select('c.slug', 'c.name', 'c.country_code', 'c.population', 'm.role')
      .orderByRaw(`m.role = 'lead_partner' desc, c.name`)) as MemberRow[];
  }

  /** Distinct SDGs covered by the network's active indicators, through their links. */
  async listGoals(networkId: number): Promise<number[]> {
    const rows = (await this.knex('indicator_sdg_links as l')
      .join('indicators as i', 'i.id', 'l.indicator_id')
      .join('sdg_targets as t', 't.code', 'l.sdg_target')
      .where('i.network_id', networkId)
      .whereNull('i.archived_at')
      .distinct('t.goal')
      .orderBy('t.goal')) as Array<{ goal: number }>;
    return rows.map((r) => r.goal);
  }
}
