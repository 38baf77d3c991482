import type { Knex } from 'knex';
import type { CityRow } from '../db/rows';

export interface CityNetworkRow {
  id: number;
  slug: string;
  name: string;
  role: 'lead_partner' | 'partner';
  data_kind: 'synthetic' | 'published' | 'reported' | 'mixed';
}

export interface CityObservationStats {
  observation_count: number;
  first_year: number | null;
  last_year: number | null;
}

export interface CityFields {
  slug: string;
  name: string;
  countryCode: string;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
}

function cityColumns(fields: Partial<CityFields>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (fields.slug !== undefined) columns.slug = fields.slug;
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.countryCode !== undefined) columns.country_code = fields.countryCode;
  if (fields.population !== undefined) columns.population = fields.population;
  if (fields.latitude !== undefined) columns.latitude = fields.latitude;
  if (fields.longitude !== undefined) columns.longitude = fields.longitude;
  return columns;
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
      .select('n.id', 'n.slug', 'n.name', 'm.role', 'n.data_kind')
      .orderBy('n.name')) as CityNetworkRow[];
  }

  /**
   * Counts and years of a city's values, in the given networks only when
   * given; of the approved copy when `published`.
   */
  async observationStats(
    cityId: number,
    networkIds?: readonly number[],
    published = false,
  ): Promise<CityObservationStats> {
    const query = this.knex(published ? 'published_observations' : 'observations').where({
      city_id: cityId,
    });
    if (networkIds !== undefined)
      query.whereIn(
        'indicator_id',
        this.knex('indicators').select('id').whereIn('network_id', networkIds),
      );
    const row = (await query
      .select(
        this.knex.raw('count(*)::int as observation_count'),
        this.knex.raw('min(year)::int as first_year'),
        this.knex.raw('max(year)::int as last_year'),
      )
      .first()) as CityObservationStats | undefined;
    return row ?? { observation_count: 0, first_year: null, last_year: null };
  }

  async insert(fields: CityFields): Promise<void> {
    await this.knex('cities').insert(cityColumns(fields));
  }

  async update(id: number, expectedVersion: number, fields: Partial<CityFields>): Promise<boolean> {
    const count = await this.knex('cities')
      .where({ id, version: expectedVersion })
      .update({
        ...cityColumns(fields),
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  async deleteIfVersion(id: number, expectedVersion: number): Promise<boolean> {
    return (await this.knex('cities').where({ id, version: expectedVersion }).del()) === 1;
  }

  /** Network ids the city belongs to. */
  async networkIds(cityId: number): Promise<number[]> {
    const rows = (await this.knex('network_members')
      .where({ city_id: cityId })
      .select('network_id')) as Array<{
      network_id: number;
    }>;
    return rows.map((r) => r.network_id);
  }

  // ---- codes in other systems (Urban Audit, LAU, NUTS, ONS, …)

  /** A city's codes, scheme → code. */
  async codesOf(cityId: number): Promise<Record<string, string>> {
    const rows = (await this.knex('city_codes')
      .where({ city_id: cityId })
      .orderBy('scheme')
      .select('scheme', 'code')) as Array<{ scheme: string; code: string }>;
    return Object.fromEntries(rows.map((r) => [r.scheme, r.code]));
  }

  /** Every city's codes (imports match a file's geography on them). */
  async allCodes(): Promise<Array<{ cityId: number; scheme: string; code: string }>> {
    const rows = (await this.knex('city_codes').select('city_id', 'scheme', 'code')) as Array<{
      city_id: number;
      scheme: string;
      code: string;
    }>;
    return rows.map((r) => ({ cityId: r.city_id, scheme: r.scheme, code: r.code }));
  }

  /** The city that has this code in this scheme. */
  async findByCode(scheme: string, code: string): Promise<number | undefined> {
    const row = (await this.knex('city_codes').where({ scheme, code }).first('city_id')) as
      { city_id: number } | undefined;
    return row?.city_id;
  }

  /** Sets a city's codes: the given schemes are replaced (null removes one), others stay. */
  async putCodes(cityId: number, codes: Readonly<Record<string, string | null>>): Promise<void> {
    for (const [scheme, code] of Object.entries(codes)) {
      await this.knex('city_codes').where({ city_id: cityId, scheme }).delete();
      if (code !== null)
        await this.knex('city_codes').insert({ city_id: cityId, scheme, code: code.trim() });
    }
  }
}
