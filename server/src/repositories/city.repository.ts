import type { Knex } from 'knex';
import type { CityRow } from '../db/rows';

export interface CityNetworkRow {
  slug: string;
  name: string;
  role: 'lead_partner' | 'partner';
  data_kind: 'synthetic' | 'published' | 'reported';
}

export interface CityObservationStats {
  observation_count: number;
  first_year: number | null;
  last_year: number | null;
}

/** Cities and what they belong to. */
export class CityRepository {
  constructor(private readonly knex: Knex) {}

  async list(): Promise<CityRow[]> {
    return (await this.knex('cities').orderBy('name')) as CityRow[];
  }

  async findBySlug(slug: string): Promise<CityRow | undefined> {
    return (await this.knex('cities').where({ slug }).first()) as CityRow | undefined;
  }

  async listNetworks(cityId: number): Promise<CityNetworkRow[]> {
    return (await this.knex('network_members as m')
      .join('networks as n', 'n.id', 'm.network_id')
      .where('m.city_id', cityId)
      .select('n.slug', 'n.name', 'm.role', 'n.data_kind')
      .orderBy('n.name')) as CityNetworkRow[];
  }

  async observationStats(cityId: number): Promise<CityObservationStats> {
    const row = (await this.knex('observations')
      .where({ city_id: cityId })
      .select(
        this.knex.raw('count(*)::int as observation_count'),
        this.knex.raw('min(year)::int as first_year'),
        this.knex.raw('max(year)::int as last_year'),
      )
      .first()) as CityObservationStats | undefined;
    return row ?? { observation_count: 0, first_year: null, last_year: null };
  }
}
