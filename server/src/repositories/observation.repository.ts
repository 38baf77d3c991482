import type { Knex } from 'knex';
import type { ObservationStatus } from '../domain/observation-rules';
import type { PlausibilityFlag } from '../domain/plausibility';

export interface StoredFlag extends PlausibilityFlag {
  message: string;
}

export interface ObservationFields {
  value: number;
  status: ObservationStatus;
  source: string | null;
  note: string | null;
  flag: StoredFlag | null;
  /** Statistical flag letters (e, p, b, u, c). */
  flags: string;
}

export interface ObservationKey {
  cityId: number;
  indicatorId: number;
  /** The series' canonical key ('' for the headline series; domain/series.ts). */
  series: string;
  year: number;
}

/** One value of one series of an indicator for one city and year. */
export interface ObservationRecord extends ObservationKey, ObservationFields {
  citySlug: string;
  indicatorSlug: string;
  version: number;
  createdAt: Date;
  /** The import that created the value, when one did (its creation is recorded there). */
  createdImportId: number | null;
  updatedAt: Date;
  updatedBy: string;
}

/** What a write needs to know about its city and indicator, resolved in one query. */
export interface WriteTarget {
  city: { id: number; slug: string; name: string } | null;
  indicator: {
    id: number;
    slug: string;
    name: string;
    unit: string;
    decimals: number;
    networkId: number;
    networkSlug: string;
    allowedMin: number | null;
    allowedMax: number | null;
    maxChange: number | null;
    archivedAt: Date | null;
  } | null;
  /** The city belongs to the network that owns the indicator. */
  isMember: boolean;
}

interface Row {
  city_id: number;
  city_slug: string;
  indicator_id: number;
  indicator_slug: string;
  series: string;
  year: number;
  value: number;
  status: ObservationStatus;
  source: string | null;
  note: string | null;
  flag: StoredFlag | null;
  value_flags: string;
  version: number;
  created_at: Date;
  created_import_id: number | null;
  updated_at: Date;
  updated_by_label: string | null;
}

function toRecord(row: Row): ObservationRecord {
  return {
    cityId: row.city_id,
    citySlug: row.city_slug,
    indicatorId: row.indicator_id,
    indicatorSlug: row.indicator_slug,
    series: row.series,
    year: row.year,
    value: row.value,
    status: row.status,
    source: row.source,
    note: row.note,
    flag: row.flag,
    flags: row.value_flags,
    version: row.version,
    createdAt: row.created_at,
    createdImportId: row.created_import_id,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by_label ?? 'system',
  };
}

export interface ObservationFilter {
  cityId?: number;
  indicatorId?: number;
  networkId?: number;
  /** Only indicators of these networks (the reader's scope). */
  networkIds?: readonly number[];
  goal?: number;
  from?: number;
  to?: number;
  /** One series ('' = the headline); every series when absent. */
  series?: string;
}

/** The columns a write sets from an observation's fields. */
function valueColumns(fields: ObservationFields): Record<string, unknown> {
  return {
    value: fields.value,
    status: fields.status,
    source: fields.source,
    note: fields.note,
    flag: fields.flag === null ? null : JSON.stringify(fields.flag),
    value_flags: fields.flags,
  };
}

/** The columns of an observation's key (its unique index), in the index's order. */
function keyColumns(key: ObservationKey): Record<string, unknown> {
  return {
    city_id: key.cityId,
    indicator_id: key.indicatorId,
    series: key.series,
    year: key.year,
  };
}

/** Who writes: the user (null for the system) and the label a record shows. */
type Actor = { userId: number | null; label: string };

/** The slugs of a written record's city and indicator (the row holds only their ids). */
type Slugs = { city: string; indicator: string };

/** The record of a row just written by `actor` (whose label the row does not hold). */
function writtenRecord(row: Row, actor: Actor, slugs: Slugs): ObservationRecord {
  return toRecord({
    ...row,
    city_slug: slugs.city,
    indicator_slug: slugs.indicator,
    updated_by_label: actor.userId === null ? null : actor.label,
  });
}

/** Observations: reads by city, by indicator, latest values; versioned writes. */
export class ObservationRepository {
  constructor(private readonly knex: Knex) {}

  private base(published = false): Knex.QueryBuilder {
    return this.knex(`${published ? 'published_observations' : 'observations'} as o`)
      .join('cities as c', 'c.id', 'o.city_id')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .leftJoin('users as u', 'u.id', 'o.updated_by')
      .select(
        'o.*',
        'c.slug as city_slug',
        'i.slug as indicator_slug',
        'u.display_name as updated_by_label',
      );
  }

  private applyFilter(query: Knex.QueryBuilder, filter: ObservationFilter): Knex.QueryBuilder {
    if (filter.cityId !== undefined) query.where('o.city_id', filter.cityId);
    if (filter.indicatorId !== undefined) query.where('o.indicator_id', filter.indicatorId);
    if (filter.networkId !== undefined) query.where('i.network_id', filter.networkId);
    if (filter.networkIds !== undefined) query.whereIn('i.network_id', filter.networkIds);
    if (filter.from !== undefined) query.where('o.year', '>=', filter.from);
    if (filter.to !== undefined) query.where('o.year', '<=', filter.to);
    if (filter.series !== undefined) query.where('o.series', filter.series);
    if (filter.goal !== undefined) {
      const goal = filter.goal;
      query.whereExists((sub) => {
        sub
          .select(this.knex.raw('1'))
          .from('indicator_sdg_links as l')
          .join('sdg_targets as t', 't.code', 'l.sdg_target')
          .whereRaw('l.indicator_id = o.indicator_id')
          .where('t.goal', goal);
      });
    }
    return query;
  }

  /**
   * One observation. With `lock`, the row stays locked until the transaction
   * ends, so a concurrent writer waits and then sees this one's version.
   */
  async find(
    key: ObservationKey,
    options: { lock?: boolean; published?: boolean } = {},
  ): Promise<ObservationRecord | undefined> {
    const query = this.base(options.published).where({
      'o.city_id': key.cityId,
      'o.indicator_id': key.indicatorId,
      'o.series': key.series,
      'o.year': key.year,
    });
    if (options.lock === true) query.forUpdate('o');
    const row = (await query.first()) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** Observations matching the filter, ordered by city, indicator order and year. */
  async list(filter: ObservationFilter, published = false): Promise<ObservationRecord[]> {
    const query = this.applyFilter(this.base(published), filter).orderBy([
      { column: 'c.slug' },
      { column: 'i.sort_order' },
      { column: 'i.slug' },
      { column: 'o.series' },
      { column: 'o.year' },
    ]);
    return ((await query) as Row[]).map(toRecord);
  }

  /** The most recent headline observation per city and indicator within the filter. */
  async latest(filter: ObservationFilter, published = false): Promise<ObservationRecord[]> {
    const query = this.applyFilter(this.base(published), { ...filter, series: '' })
      .distinctOn(['o.city_id', 'o.indicator_id'])
      .orderBy([
        { column: 'o.city_id' },
        { column: 'o.indicator_id' },
        { column: 'o.year', order: 'desc' },
      ]);
    const rows = ((await query) as Row[]).map(toRecord);
    return rows.sort(
      (a, b) =>
        a.citySlug.localeCompare(b.citySlug) || a.indicatorSlug.localeCompare(b.indicatorSlug),
    );
  }

  /**
   * Resolves a write's city and indicator by slug and whether the city
   * reports for the indicator's network, in one round trip.
   */
  async writeTarget(citySlug: string, indicatorSlug: string): Promise<WriteTarget> {
    const result = (await this.knex.raw(
      `select c.id as city_id, c.slug as city_slug, c.name as city_name,
              i.id as indicator_id, i.slug as indicator_slug, i.name as indicator_name, i.unit, i.decimals,
              i.network_id, n.slug as network_slug, i.allowed_min, i.allowed_max, i.max_change, i.archived_at,
              exists (select 1 from network_members m where m.network_id = i.network_id and m.city_id = c.id) as is_member
         from (select 1) as one
         left join cities c on c.slug = ?
         left join (indicators i join networks n on n.id = i.network_id) on i.slug = ?`,
      [citySlug, indicatorSlug],
    )) as { rows: Array<Record<string, unknown>> };
    const row = result.rows[0];
    if (row === undefined) return { city: null, indicator: null, isMember: false };
    return {
      city:
        row.city_id === null
          ? null
          : {
              id: row.city_id as number,
              slug: row.city_slug as string,
              name: row.city_name as string,
            },
      indicator:
        row.indicator_id === null
          ? null
          : {
              id: row.indicator_id as number,
              slug: row.indicator_slug as string,
              name: row.indicator_name as string,
              unit: row.unit as string,
              decimals: row.decimals as number,
              networkId: row.network_id as number,
              networkSlug: row.network_slug as string,
              allowedMin: row.allowed_min as number | null,
              allowedMax: row.allowed_max as number | null,
              maxChange: row.max_change as number | null,
              archivedAt: row.archived_at as Date | null,
            },
      isMember: row.is_member === true,
    };
  }

  /** A city's whole series of one indicator, as records, by year (the write path's one read). */
  async seriesRecords(
    cityId: number,
    indicatorId: number,
    series: string,
    slugs: Slugs,
  ): Promise<ObservationRecord[]> {
    const rows = (await this.knex('observations as o')
      .leftJoin('users as u', 'u.id', 'o.updated_by')
      .where({ 'o.city_id': cityId, 'o.indicator_id': indicatorId, 'o.series': series })
      .select('o.*', 'u.display_name as updated_by_label')
      .orderBy('o.year')) as Row[];
    return rows.map((row) =>
      toRecord({ ...row, city_slug: slugs.city, indicator_slug: slugs.indicator }),
    );
  }

  /** The series an indicator has for a city (their keys, headline first). */
  async seriesKeys(cityId: number, indicatorId: number, published = false): Promise<string[]> {
    const rows = (await this.knex(published ? 'published_observations' : 'observations')
      .where({ city_id: cityId, indicator_id: indicatorId })
      .distinct('series')
      .orderBy('series')) as Array<{ series: string }>;
    return rows.map((r) => r.series);
  }

  /**
   * Inserts unless the key exists (a concurrent writer won). Returns the
   * stored record, or null when another writer created it first.
   */
  async insertIfAbsent(
    key: ObservationKey,
    fields: ObservationFields,
    actor: Actor,
    slugs: Slugs,
  ): Promise<ObservationRecord | null> {
    const rows = (await this.knex('observations')
      .insert({
        ...keyColumns(key),
        ...valueColumns(fields),
        created_by: actor.userId,
        updated_by: actor.userId,
      })
      .onConflict(['city_id', 'indicator_id', 'series', 'year'])
      .ignore()
      .returning('*')) as Row[];
    return rows[0] === undefined ? null : writtenRecord(rows[0], actor, slugs);
  }

  /**
   * Updates when the stored version is `expectedVersion`. Returns the stored
   * record, or null when someone changed it meanwhile.
   */
  async updateIfVersion(
    key: ObservationKey,
    expectedVersion: number,
    fields: ObservationFields,
    actor: Actor,
    slugs: Slugs,
  ): Promise<ObservationRecord | null> {
    const rows = (await this.knex('observations')
      .where({ ...keyColumns(key), version: expectedVersion })
      .update({
        ...valueColumns(fields),
        version: this.knex.raw('version + 1'),
        updated_by: actor.userId,
        updated_at: this.knex.fn.now(),
      })
      .returning('*')) as Row[];
    return rows[0] === undefined ? null : writtenRecord(rows[0], actor, slugs);
  }

  /** Deletes when the stored version is `expectedVersion`. */
  async deleteIfVersion(key: ObservationKey, expectedVersion: number): Promise<boolean> {
    const count = await this.knex('observations')
      .where({ ...keyColumns(key), version: expectedVersion })
      .del();
    return count === 1;
  }

  /**
   * One page of an export in (city, indicator, series, year) order, after the given
   * key. Keyset pagination on the unique index keeps memory and time per page
   * flat however large the export.
   */
  async exportPage(
    filter: { cityId?: number; networkId?: number; networkIds?: readonly number[] },
    after: ObservationKey | null,
    limit: number,
    published = false,
  ): Promise<ExportRow[]> {
    const query = this.knex(`${published ? 'published_observations' : 'observations'} as o`)
      .join('cities as c', 'c.id', 'o.city_id')
      .join('indicators as i', 'i.id', 'o.indicator_id')
      .select(
        'o.city_id',
        'o.indicator_id',
        'c.slug as city',
        'i.slug as indicator',
        'o.series',
        'o.year',
        'o.value',
        'o.status',
        'o.source',
        'o.note',
        'o.value_flags',
      )
      .orderBy([
        { column: 'o.city_id' },
        { column: 'o.indicator_id' },
        { column: 'o.series' },
        { column: 'o.year' },
      ])
      .limit(limit);
    if (filter.cityId !== undefined) query.where('o.city_id', filter.cityId);
    if (filter.networkId !== undefined) query.where('i.network_id', filter.networkId);
    if (filter.networkIds !== undefined) query.whereIn('i.network_id', filter.networkIds);
    if (after !== null) {
      query.whereRaw('(o.city_id, o.indicator_id, o.series, o.year) > (?, ?, ?, ?)', [
        after.cityId,
        after.indicatorId,
        after.series,
        after.year,
      ]);
    }
    return (await query) as ExportRow[];
  }
}

export interface ExportRow {
  city_id: number;
  indicator_id: number;
  city: string;
  indicator: string;
  series: string;
  year: number;
  value: number;
  status: ObservationStatus;
  source: string | null;
  note: string | null;
  value_flags: string;
}

/** The key of an export row: the next page starts after it. */
export function exportRowKey(row: ExportRow): ObservationKey {
  return { cityId: row.city_id, indicatorId: row.indicator_id, series: row.series, year: row.year };
}
