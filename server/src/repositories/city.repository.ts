import type { Knex } from 'knex';
import type { CityRow } from '../db/rows';

/** A city's details a write may set (camelCase, already validated). */
export interface CityFields {
  slug: string;
  name: string;
  countryCode: string;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
}

/** A city as services see it (camelCase; mapped from the row in `toCityRecord` only). */
export interface CityRecord extends CityFields {
  id: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toCityRecord(row: CityRow): CityRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    countryCode: row.country_code,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface CityNetworkRecord {
  id: number;
  slug: string;
  name: string;
  role: 'lead_partner' | 'partner';
  dataKind: 'synthetic' | 'published' | 'reported' | 'mixed';
}

export interface CityObservationStats {
  observationCount: number;
  firstYear: number | null;
  lastYear: number | null;
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

  async list(): Promise<CityRecord[]> {
    return ((await this.knex('cities').orderBy('name')) as CityRow[]).map(toCityRecord);
  }

  async findBySlug(slug: string): Promise<CityRecord | undefined> {
    const row = (await this.knex('cities').where({ slug }).first()) as CityRow | undefined;
    return row === undefined ? undefined : toCityRecord(row);
  }

  async listNetworks(cityId: number): Promise<CityNetworkRecord[]> {
    return (await this.knex('network_members as m')
      .join('networks as n', 'n.id', 'm.network_id')
      .where('m.city_id', cityId)
      .select('n.id', 'n.slug', 'n.name', 'm.role', 'n.data_kind as dataKind')
      .orderBy('n.name')) as CityNetworkRecord[];
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
        this.knex.raw('count(*)::int as "observationCount"'),
        this.knex.raw('min(year)::int as "firstYear"'),
        this.knex.raw('max(year)::int as "lastYear"'),
      )
      .first()) as CityObservationStats | undefined;
    return row ?? { observationCount: 0, firstYear: null, lastYear: null };
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
