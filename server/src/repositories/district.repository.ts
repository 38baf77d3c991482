import type { Knex } from 'knex';
import type { BBox } from '../domain/districts';

/** What an upload of a city's districts sets. */
export interface DistrictsFields {
  codeProperty: string;
  nameProperty: string | null;
  /** The FeatureCollection the browser gets. */
  geojson: unknown;
  featureCount: number;
  bbox: BBox;
  uploadedBytes: number;
  storedBytes: number;
}

/** A city's stored districts, with their version and who changed them last. */
export interface DistrictsRecord extends DistrictsFields {
  cityId: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

interface Row {
  city_id: number;
  code_property: string;
  name_property: string | null;
  geojson: unknown;
  feature_count: number;
  bbox: unknown;
  uploaded_bytes: number;
  stored_bytes: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

const parsed = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

const columns = (f: DistrictsFields): Record<string, unknown> => ({
  code_property: f.codeProperty,
  name_property: f.nameProperty,
  geojson: JSON.stringify(f.geojson),
  feature_count: f.featureCount,
  bbox: JSON.stringify(f.bbox),
  uploaded_bytes: f.uploadedBytes,
  stored_bytes: f.storedBytes,
});

/** Cities' district boundaries, versioned. */
export class DistrictRepository {
  constructor(private readonly knex: Knex) {}

  async find(
    cityId: number,
    options: { lock?: boolean } = {},
  ): Promise<DistrictsRecord | undefined> {
    const query = this.knex('city_districts').where({ city_id: cityId });
    if (options.lock === true) query.forUpdate();
    const row = (await query.first()) as Row | undefined;
    if (row === undefined) return undefined;
    return {
      cityId: row.city_id,
      codeProperty: row.code_property,
      nameProperty: row.name_property,
      geojson: parsed(row.geojson),
      featureCount: row.feature_count,
      bbox: parsed(row.bbox) as BBox,
      uploadedBytes: row.uploaded_bytes,
      storedBytes: row.stored_bytes,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  async insertIfAbsent(cityId: number, fields: DistrictsFields, actor: string): Promise<boolean> {
    const rows = (await this.knex('city_districts')
      .insert({ city_id: cityId, ...columns(fields), updated_by: actor })
      .onConflict('city_id')
      .ignore()
      .returning('city_id')) as unknown[];
    return rows.length === 1;
  }

  async updateIfVersion(
    cityId: number,
    expectedVersion: number,
    fields: DistrictsFields,
    actor: string,
  ): Promise<boolean> {
    const count = await this.knex('city_districts')
      .where({ city_id: cityId, version: expectedVersion })
      .update({
        ...columns(fields),
        version: this.knex.raw('version + 1'),
        updated_by: actor,
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  async deleteIfVersion(cityId: number, expectedVersion: number): Promise<boolean> {
    return (
      (await this.knex('city_districts')
        .where({ city_id: cityId, version: expectedVersion })
        .del()) === 1
    );
  }

  /** The area codes in a city's data: the `geocode` dimension of its series, with the areas' names. */
  async areaCodes(cityId: number): Promise<Map<string, string | null>> {
    const rows = (await this.knex('observations')
      .where({ city_id: cityId })
      .where('series', 'like', '%"geocode"%')
      .distinct('series')) as Array<{ series: string }>;
    const codes = new Map<string, string | null>();
    for (const { series } of rows) {
      const dims = JSON.parse(series) as Record<string, string>;
      const code = dims.geocode;
      if (code === undefined) continue;
      const name = Object.entries(dims).find(
        ([k]) => k !== 'geocode' && k !== 'units' && k !== 'series',
      )?.[1];
      if (!codes.has(code) || codes.get(code) === null) codes.set(code, name ?? null);
    }
    return codes;
  }
}
