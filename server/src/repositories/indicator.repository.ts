import type { Knex } from 'knex';
import type { IndicatorRow } from '../db/rows';

export interface SdgLink {
  target: string;
  indicator: string | null;
}

export interface Thresholds {
  green: number;
  yellow: number;
  orange: number;
}

export type IndicatorTranslations = Record<
  string,
  { name?: string; description?: string; unit?: string }
>;

/** Catalogue fields a write may set (camelCase, already validated). */
export interface IndicatorFields {
  slug: string;
  name: string;
  description: string;
  unit: string;
  direction: 'increase' | 'decrease';
  decimals: number;
  trendType: 'auto' | 'compound' | 'linear';
  bestBound: number | null;
  worstBound: number | null;
  thresholds: Thresholds | null;
  allowedMin: number | null;
  allowedMax: number | null;
  maxChange: number | null;
  source: string | null;
  translations: IndicatorTranslations;
  /** Codes in other systems, e.g. { eurostat: 'urb_percep:PS1012V', opensdg: '11-6-2' }. */
  codes: Record<string, string>;
  /** The best value that can exist (100 for a coverage rate); progress without a target is judged near it. */
  naturalLimit: number | null;
  /** Its values are synthetic (demo data), which pages say next to them. */
  synthetic: boolean;
  sortOrder: number;
}

/** An indicator of a network's catalogue, as services use it: its fields and what the catalogue keeps. */
export interface IndicatorRecord extends IndicatorFields {
  id: number;
  networkId: number;
  networkSlug: string;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Primary goal: the goal of the first SDG link (null without links). */
  goal: number | null;
  sdgLinks: SdgLink[];
}

type Row = IndicatorRow & { network_slug: string };

function toColumns(fields: Partial<IndicatorFields>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  const map: Array<[keyof IndicatorFields, string]> = [
    ['slug', 'slug'],
    ['name', 'name'],
    ['description', 'description'],
    ['unit', 'unit'],
    ['direction', 'direction'],
    ['decimals', 'decimals'],
    ['trendType', 'trend_type'],
    ['bestBound', 'best_bound'],
    ['worstBound', 'worst_bound'],
    ['allowedMin', 'allowed_min'],
    ['allowedMax', 'allowed_max'],
    ['maxChange', 'max_change'],
    ['source', 'source'],
    ['naturalLimit', 'natural_limit'],
    ['synthetic', 'synthetic'],
    ['sortOrder', 'sort_order'],
  ];
  for (const [key, column] of map) {
    if (fields[key] !== undefined) columns[column] = fields[key];
  }
  if (fields.translations !== undefined) columns.translations = JSON.stringify(fields.translations);
  if (fields.codes !== undefined) columns.codes = JSON.stringify(fields.codes);
  if (fields.thresholds !== undefined) {
    columns.green_threshold = fields.thresholds?.green ?? null;
    columns.yellow_threshold = fields.thresholds?.yellow ?? null;
    columns.orange_threshold = fields.thresholds?.orange ?? null;
  }
  return columns;
}

/** An indicator row and its SDG links (in order) → its record. */
function toIndicatorRecord(
  row: Row,
  own: ReadonlyArray<{ sdg_target: string; sdg_indicator: string | null; goal: number }>,
): IndicatorRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    networkSlug: row.network_slug,
    slug: row.slug,
    name: row.name,
    description: row.description,
    unit: row.unit,
    direction: row.direction,
    decimals: row.decimals,
    trendType: row.trend_type,
    bestBound: row.best_bound,
    worstBound: row.worst_bound,
    thresholds:
      row.green_threshold === null || row.yellow_threshold === null || row.orange_threshold === null
        ? null
        : {
            green: row.green_threshold,
            yellow: row.yellow_threshold,
            orange: row.orange_threshold,
          },
    allowedMin: row.allowed_min,
    allowedMax: row.allowed_max,
    maxChange: row.max_change,
    source: row.source,
    translations: row.translations,
    codes: row.codes,
    naturalLimit: row.natural_limit,
    synthetic: row.synthetic,
    sortOrder: row.sort_order,
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    goal: own[0]?.goal ?? null,
    sdgLinks: own.map((l) => ({ target: l.sdg_target, indicator: l.sdg_indicator })),
  };
}

/** The network's indicator catalogue and its links to the SDG framework. */
export class IndicatorRepository {
  constructor(private readonly knex: Knex) {}

  private base(): Knex.QueryBuilder {
    return this.knex('indicators as i')
      .join('networks as n', 'n.id', 'i.network_id')
      .select('i.*', 'n.slug as network_slug');
  }

  private async hydrate(rows: Row[]): Promise<IndicatorRecord[]> {
    if (rows.length === 0) return [];
    const links = (await this.knex('indicator_sdg_links as l')
      .join('sdg_targets as t', 't.code', 'l.sdg_target')
      .whereIn(
        'l.indicator_id',
        rows.map((r) => r.id),
      )
      .select('l.indicator_id', 'l.sdg_target', 'l.sdg_indicator', 't.goal')
      .orderBy('l.id')) as Array<{
      indicator_id: number;
      sdg_target: string;
      sdg_indicator: string | null;
      goal: number;
    }>;
    const byIndicator = new Map<number, typeof links>();
    for (const link of links) {
      const list = byIndicator.get(link.indicator_id) ?? [];
      list.push(link);
      byIndicator.set(link.indicator_id, list);
    }
    return rows.map((row) => toIndicatorRecord(row, byIndicator.get(row.id) ?? []));
  }

  async findBySlug(slug: string): Promise<IndicatorRecord | undefined> {
    const row = (await this.base().where('i.slug', slug).first()) as Row | undefined;
    return row === undefined ? undefined : (await this.hydrate([row]))[0];
  }

  /** Every indicator of every network, archived ones included. */
  async listAll(): Promise<IndicatorRecord[]> {
    return this.hydrate((await this.base().orderBy('i.id')) as Row[]);
  }

  /**
   * A network's catalogue in display order, optionally only the indicators
   * linked to an SDG goal or target.
   */
  async listForNetwork(
    networkId: number,
    filter: { goal?: number; target?: string; includeArchived?: boolean } = {},
  ): Promise<IndicatorRecord[]> {
    const query = this.base()
      .where('i.network_id', networkId)
      .orderBy([{ column: 'i.sort_order' }, { column: 'i.slug' }]);
    if (filter.includeArchived !== true) query.whereNull('i.archived_at');
    this.whereLinked(query, filter.goal, filter.target, undefined);
    return this.hydrate((await query) as Row[]);
  }

  /** Active indicators of every network linked to an SDG goal, target or indicator. */
  async listBySdg(filter: {
    goal?: number;
    target?: string;
    sdgIndicator?: string;
    networkIds?: readonly number[];
  }): Promise<IndicatorRecord[]> {
    const query = this.base()
      .whereNull('i.archived_at')
      .orderBy([{ column: 'n.name' }, { column: 'i.sort_order' }, { column: 'i.slug' }]);
    this.whereLinked(query, filter.goal, filter.target, filter.sdgIndicator);
    if (filter.networkIds !== undefined) query.whereIn('i.network_id', filter.networkIds);
    return this.hydrate((await query) as Row[]);
  }

  private whereLinked(
    query: Knex.QueryBuilder,
    goal: number | undefined,
    target: string | undefined,
    sdgIndicator: string | undefined,
  ): void {
    if (goal === undefined && target === undefined && sdgIndicator === undefined) return;
    query.whereExists((sub) => {
      sub
        .select(this.knex.raw('1'))
        .from('indicator_sdg_links as l')
        .join('sdg_targets as t', 't.code', 'l.sdg_target')
        .whereRaw('l.indicator_id = i.id');
      if (goal !== undefined) sub.where('t.goal', goal);
      if (target !== undefined) sub.where('l.sdg_target', target);
      if (sdgIndicator !== undefined) sub.where('l.sdg_indicator', sdgIndicator);
    });
  }

  /** Inserts an indicator and its SDG links; returns it. */
  async insert(
    networkId: number,
    fields: IndicatorFields,
    links: readonly SdgLink[],
  ): Promise<IndicatorRecord> {
    const [row] = (await this.knex('indicators')
      .insert({ network_id: networkId, ...toColumns(fields) })
      .returning('id')) as Array<{ id: number }>;
    if (row === undefined) throw new Error('indicator insert returned nothing');
    await this.replaceLinks(row.id, links);
    return (await this.findBySlug(fields.slug))!;
  }

  /**
   * Applies a partial update when the stored version is `expectedVersion`
   * (optimistic concurrency); returns false when someone changed it meanwhile.
   */
  async update(
    id: number,
    expectedVersion: number,
    fields: Partial<IndicatorFields>,
  ): Promise<boolean> {
    const count = await this.knex('indicators')
      .where({ id, version: expectedVersion })
      .update({
        ...toColumns(fields),
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  /** Sets or clears the archive mark (with the same optimistic check). */
  async setArchived(id: number, expectedVersion: number, archived: boolean): Promise<boolean> {
    const count = await this.knex('indicators')
      .where({ id, version: expectedVersion })
      .update({
        archived_at: archived ? this.knex.fn.now() : null,
        version: this.knex.raw('version + 1'),
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  async replaceLinks(indicatorId: number, links: readonly SdgLink[]): Promise<void> {
    await this.knex('indicator_sdg_links').where({ indicator_id: indicatorId }).del();
    if (links.length === 0) return;
    await this.knex('indicator_sdg_links').insert(
      links.map((l) => ({
        indicator_id: indicatorId,
        sdg_target: l.target,
        sdg_indicator: l.indicator,
      })),
    );
  }

  async countObservations(id: number): Promise<number> {
    const row = (await this.knex('observations')
      .where({ indicator_id: id })
      .select(this.knex.raw('count(*)::int as c'))
      .first()) as { c: number } | undefined;
    return row?.c ?? 0;
  }

  /** Deletes the indicator with its values, ambitions and links; returns false on a stale version. */
  async deleteWithData(id: number, expectedVersion: number): Promise<boolean> {
    const locked = await this.knex('indicators')
      .where({ id, version: expectedVersion })
      .forUpdate()
      .first('id');
    if (locked === undefined) return false;
    await this.knex('observations').where({ indicator_id: id }).del();
    await this.knex('indicators').where({ id }).del();
    return true;
  }
}
