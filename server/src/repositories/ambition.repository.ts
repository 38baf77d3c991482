import type { Knex } from 'knex';

/** A city's ambition for one indicator: from a baseline to a target by a target year. */
export interface AmbitionRecord {
  cityId: number;
  citySlug: string;
  indicatorId: number;
  indicatorSlug: string;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

export interface AmbitionFields {
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  note: string | null;
}

interface Row {
  city_id: number;
  city_slug: string;
  indicator_id: number;
  indicator_slug: string;
  baseline_year: number;
  baseline_value: number;
  target_year: number;
  target_value: number;
  note: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  updated_by_label: string | null;
}

function toRecord(row: Row): AmbitionRecord {
  return {
    cityId: row.city_id,
    citySlug: row.city_slug,
    indicatorId: row.indicator_id,
    indicatorSlug: row.indicator_slug,
    baselineYear: row.baseline_year,
    baselineValue: row.baseline_value,
    targetYear: row.target_year,
    targetValue: row.target_value,
    note: row.note,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_label ?? 'system',
  };
}

const columns = (fields: AmbitionFields): Record<string, unknown> => ({
  baseline_year: fields.baselineYear,
  baseline_value: fields.baselineValue,
  target_year: fields.targetYear,
  target_value: fields.targetValue,
  note: fields.note,
});

/** City ambitions (baseline and target per indicator), versioned. */
export class AmbitionRepository {
  constructor(private readonly knex: Knex) {}

  /** The working copy (members), or with `published` the approved copy (everyone else). */
  private base(published = false): Knex.QueryBuilder {
    return this.knex(published ? 'published_ambitions as a' : 'ambitions as a')
      .join('cities as c', 'c.id', 'a.city_id')
      .join('indicators as i', 'i.id', 'a.indicator_id')
      .leftJoin('users as u', 'u.id', 'a.updated_by')
      .select(
        'a.*',
        'c.slug as city_slug',
        'i.slug as indicator_slug',
        'u.display_name as updated_by_label',
      );
  }

  /** One ambition (of the working copy, or the approved one); with `lock` it stays locked until the transaction ends. */
  async find(
    cityId: number,
    indicatorId: number,
    options: { lock?: boolean; published?: boolean } = {},
  ): Promise<AmbitionRecord | undefined> {
    const query = this.base(options.published === true).where({
      'a.city_id': cityId,
      'a.indicator_id': indicatorId,
    });
    if (options.lock === true) query.forUpdate('a');
    const row = (await query.first()) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /**
   * Ambitions of a city (optionally of one network's indicators), in
   * catalogue order: the working copy, or with `published` the approved one.
   */
  async list(
    filter: {
      cityId?: number;
      indicatorId?: number;
      networkId?: number;
      networkIds?: readonly number[];
    },
    published = false,
  ): Promise<AmbitionRecord[]> {
    const query = this.base(published).orderBy([
      { column: 'c.slug' },
      { column: 'i.sort_order' },
      { column: 'i.slug' },
    ]);
    if (filter.cityId !== undefined) query.where('a.city_id', filter.cityId);
    if (filter.indicatorId !== undefined) query.where('a.indicator_id', filter.indicatorId);
    if (filter.networkId !== undefined) query.where('i.network_id', filter.networkId);
    if (filter.networkIds !== undefined) query.whereIn('i.network_id', filter.networkIds);
    return ((await query) as Row[]).map(toRecord);
  }

  /** Creates unless one exists already (a concurrent writer won); returns whether it was created. */
  async insertIfAbsent(
    cityId: number,
    indicatorId: number,
    fields: AmbitionFields,
    userId: number | null,
  ): Promise<boolean> {
    const rows = (await this.knex('ambitions')
      .insert({
        city_id: cityId,
        indicator_id: indicatorId,
        ...columns(fields),
        updated_by: userId,
      })
      .onConflict(['city_id', 'indicator_id'])
      .ignore()
      .returning('city_id')) as unknown[];
    return rows.length === 1;
  }

  async updateIfVersion(
    cityId: number,
    indicatorId: number,
    expectedVersion: number,
    fields: AmbitionFields,
    userId: number | null,
  ): Promise<boolean> {
    const count = await this.knex('ambitions')
      .where({ city_id: cityId, indicator_id: indicatorId, version: expectedVersion })
      .update({
        ...columns(fields),
        version: this.knex.raw('version + 1'),
        updated_by: userId,
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  async deleteIfVersion(
    cityId: number,
    indicatorId: number,
    expectedVersion: number,
  ): Promise<boolean> {
    const count = await this.knex('ambitions')
      .where({ city_id: cityId, indicator_id: indicatorId, version: expectedVersion })
      .del();
    return count === 1;
  }
}
