import type { Knex } from 'knex';
import type { ActionStatus } from '../domain/action-plan';

/** One expected effect of an action on one indicator (the working copy). */
export interface EffectRecord {
  indicatorId: number;
  indicatorSlug: string;
  indicatorName: string;
  indicatorTranslations: Record<string, { name?: string; unit?: string }>;
  unit: string;
  decimals: number;
  effect: number;
  effectYear: number;
  note: string | null;
  realised: boolean;
}

export interface StatusChangeRecord {
  status: ActionStatus;
  at: Date;
  by: string | null;
}

export type ActionReviewState = 'draft' | 'submitted' | 'returned' | 'approved';

export interface ActionFields {
  title: string;
  description: string;
  department: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  startYear: number;
  endYear: number | null;
  status: ActionStatus;
}

/** An action of a city's local action plan, as members see it (the working copy). */
export interface ActionRecord extends ActionFields {
  id: number;
  cityId: number;
  citySlug: string;
  cityName: string;
  synthetic: boolean;
  reviewState: ActionReviewState;
  reviewComment: string | null;
  /** The approved copy the public sees (the API body as approved), or null. */
  published: unknown;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
  targets: string[];
  effects: EffectRecord[];
  statusHistory: StatusChangeRecord[];
  goodPracticeIn: string[];
}

export interface EffectFields {
  indicatorId: number;
  effect: number;
  effectYear: number;
  note: string | null;
  realised: boolean;
}

/** What a projection needs of one effect (drafts from the working copy, the public's from the approved one). */
export interface EffectPoint {
  actionId: number;
  indicatorId: number;
  status: ActionStatus;
  effect: number;
  effectYear: number;
  realised: boolean;
}

interface Row {
  id: number;
  city_id: number;
  city_slug: string;
  city_name: string;
  title: string;
  description: string;
  department: string | null;
  budget_amount: number | null;
  budget_currency: string | null;
  start_year: number;
  end_year: number | null;
  status: ActionStatus;
  synthetic: boolean;
  review_state: ActionReviewState;
  review_comment: string | null;
  published: unknown;
  published_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

const columns = (f: ActionFields): Record<string, unknown> => ({
  title: f.title,
  description: f.description,
  department: f.department,
  budget_amount: f.budgetAmount,
  budget_currency: f.budgetCurrency,
  start_year: f.startYear,
  end_year: f.endYear,
  status: f.status,
});

/** jsonb comes back parsed from pg, as text from some drivers. */
const parsed = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

/** An action's detail rows, by action id. */
interface ActionDetails {
  targetsOf: Map<number, Array<{ action_id: number; target_code: string }>>;
  effectsOf: Map<number, Array<Record<string, unknown> & { action_id: number }>>;
  historyOf: Map<
    number,
    Array<{ action_id: number; status: ActionStatus; changed_at: Date; changed_by: string | null }>
  >;
  practicesOf: Map<number, Array<{ action_id: number; slug: string }>>;
}

function groupByAction<T extends { action_id: number }>(list: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of list) map.set(item.action_id, [...(map.get(item.action_id) ?? []), item]);
  return map;
}

/** An effect row (joined with its indicator) → its record. */
function toEffectRecord(e: Record<string, unknown>): EffectRecord {
  return {
    indicatorId: e.indicator_id as number,
    indicatorSlug: e.indicator_slug as string,
    indicatorName: e.indicator_name as string,
    indicatorTranslations: (parsed(e.translations) ?? {}) as EffectRecord['indicatorTranslations'],
    unit: e.unit as string,
    decimals: e.decimals as number,
    effect: e.effect as number,
    effectYear: e.effect_year as number,
    note: e.note as string | null,
    realised: e.realised as boolean,
  };
}

/** An action row and its details → its record. */
function toActionRecord(row: Row, details: ActionDetails): ActionRecord {
  const { targetsOf, effectsOf, historyOf, practicesOf } = details;
  return {
    id: row.id,
    cityId: row.city_id,
    citySlug: row.city_slug,
    cityName: row.city_name,
    title: row.title,
    description: row.description,
    department: row.department,
    budgetAmount: row.budget_amount,
    budgetCurrency: row.budget_currency,
    startYear: row.start_year,
    endYear: row.end_year,
    status: row.status,
    synthetic: row.synthetic,
    reviewState: row.review_state,
    reviewComment: row.review_comment,
    published: parsed(row.published),
    publishedAt: row.published_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    targets: (targetsOf.get(row.id) ?? []).map((t) => t.target_code),
    effects: (effectsOf.get(row.id) ?? []).map(toEffectRecord),
    statusHistory: (historyOf.get(row.id) ?? []).map((h) => ({
      status: h.status,
      at: h.changed_at,
      by: h.changed_by,
    })),
    goodPracticeIn: (practicesOf.get(row.id) ?? []).map((p) => p.slug),
  };
}

/** Local action plans: actions, their links and effects, status history and good-practice marks. */
export class ActionRepository {
  constructor(private readonly knex: Knex) {}

  private base(): Knex.QueryBuilder {
    return this.knex('city_actions as a')
      .join('cities as c', 'c.id', 'a.city_id')
      .select('a.*', 'c.slug as city_slug', 'c.name as city_name');
  }

  /** Rows with their targets, effects, status history and good-practice marks (four more queries, whatever the count). */
  private async complete(rows: Row[]): Promise<ActionRecord[]> {
    if (rows.length === 0) return [];
    const details = await this.details(rows.map((r) => r.id));
    return rows.map((row) => toActionRecord(row, details));
  }

  /** The four detail queries for these actions, run together, grouped by action. */
  private async details(ids: number[]): Promise<ActionDetails> {
    const [targets, effects, history, practices] = await Promise.all([
      this.knex('action_targets')
        .whereIn('action_id', ids)
        .orderBy(['action_id', 'target_code'])
        .select('action_id', 'target_code') as Promise<
        Array<{ action_id: number; target_code: string }>
      >,
      this.knex('action_effects as e')
        .join('indicators as i', 'i.id', 'e.indicator_id')
        .whereIn('e.action_id', ids)
        .orderBy([{ column: 'e.action_id' }, { column: 'i.sort_order' }, { column: 'i.slug' }])
        .select(
          'e.*',
          'i.slug as indicator_slug',
          'i.name as indicator_name',
          'i.translations',
          'i.unit',
          'i.decimals',
        ) as Promise<Array<Record<string, unknown>>>,
      this.knex('action_status_changes')
        .whereIn('action_id', ids)
        .orderBy(['action_id', 'id'])
        .select('action_id', 'status', 'changed_at', 'changed_by') as Promise<
        Array<{
          action_id: number;
          status: ActionStatus;
          changed_at: Date;
          changed_by: string | null;
        }>
      >,
      this.knex('good_practices as g')
        .join('networks as n', 'n.id', 'g.network_id')
        .whereIn('g.action_id', ids)
        .orderBy(['g.action_id', 'n.slug'])
        .select('g.action_id', 'n.slug') as Promise<Array<{ action_id: number; slug: string }>>,
    ]);
    return {
      targetsOf: groupByAction(targets),
      effectsOf: groupByAction(effects as Array<Record<string, unknown> & { action_id: number }>),
      historyOf: groupByAction(history),
      practicesOf: groupByAction(practices),
    };
  }

  /** One action; with `lock` its row stays locked until the transaction ends. */
  async find(id: number, options: { lock?: boolean } = {}): Promise<ActionRecord | undefined> {
    const query = this.base().where('a.id', id);
    if (options.lock === true) query.forUpdate('a');
    const row = (await query.first()) as Row | undefined;
    return row === undefined ? undefined : (await this.complete([row]))[0];
  }

  /** A city's actions (optionally only those linked to one indicator), by start year then id. */
  async listForCity(
    cityId: number,
    filter: { indicatorId?: number } = {},
  ): Promise<ActionRecord[]> {
    const query = this.base()
      .where('a.city_id', cityId)
      .orderBy([{ column: 'a.start_year' }, { column: 'a.id' }]);
    if (filter.indicatorId !== undefined)
      query.whereExists(
        this.knex('action_effects as e')
          .whereRaw('e.action_id = a.id')
          .where('e.indicator_id', filter.indicatorId),
      );
    return this.complete((await query) as Row[]);
  }

  /** Actions by id, in the order given (missing ones left out). */
  async findMany(ids: readonly number[]): Promise<ActionRecord[]> {
    if (ids.length === 0) return [];
    const records = await this.complete((await this.base().whereIn('a.id', ids)) as Row[]);
    const byId = new Map(records.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async insert(
    cityId: number,
    fields: ActionFields,
    extra: { synthetic?: boolean; actor: string },
  ): Promise<number> {
    const [row] = (await this.knex('city_actions')
      .insert({
        city_id: cityId,
        ...columns(fields),
        synthetic: extra.synthetic ?? false,
        updated_by: extra.actor,
      })
      .returning('id')) as Array<{ id: number }>;
    return row!.id;
  }

  /** Changes the action if it is still at `expectedVersion`; a change makes it a draft again. */
  async updateIfVersion(
    id: number,
    expectedVersion: number,
    fields: ActionFields,
    actor: string,
  ): Promise<boolean> {
    const count = await this.knex('city_actions')
      .where({ id, version: expectedVersion })
      .update({
        ...columns(fields),
        review_state: 'draft',
        version: this.knex.raw('version + 1'),
        updated_by: actor,
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  /** A review step: the new state (and comment), and on approval the copy the public sees. */
  async setReview(
    id: number,
    expectedVersion: number,
    step: {
      state: ActionReviewState;
      comment: string | null;
      published?: unknown;
      actor: string;
    },
  ): Promise<boolean> {
    const count = await this.knex('city_actions')
      .where({ id, version: expectedVersion })
      .update({
        review_state: step.state,
        review_comment: step.comment,
        ...(step.published === undefined
          ? {}
          : { published: JSON.stringify(step.published), published_at: this.knex.fn.now() }),
        version: this.knex.raw('version + 1'),
        updated_by: step.actor,
        updated_at: this.knex.fn.now(),
      });
    return count === 1;
  }

  async deleteIfVersion(id: number, expectedVersion: number): Promise<boolean> {
    const count = await this.knex('city_actions').where({ id, version: expectedVersion }).del();
    return count === 1;
  }

  /** Replaces the action's SDG targets. */
  async setTargets(id: number, codes: readonly string[]): Promise<void> {
    await this.knex('action_targets').where({ action_id: id }).del();
    if (codes.length > 0)
      await this.knex('action_targets').insert(
        codes.map((code) => ({ action_id: id, target_code: code })),
      );
  }

  /** Replaces the action's expected effects. */
  async setEffects(id: number, effects: readonly EffectFields[]): Promise<void> {
    await this.knex('action_effects').where({ action_id: id }).del();
    if (effects.length > 0)
      await this.knex('action_effects').insert(
        effects.map((e) => ({
          action_id: id,
          indicator_id: e.indicatorId,
          effect: e.effect,
          effect_year: e.effectYear,
          note: e.note,
          realised: e.realised,
        })),
      );
  }

  async addStatusChange(id: number, status: ActionStatus, actor: string): Promise<void> {
    await this.knex('action_status_changes').insert({
      action_id: id,
      status,
      changed_by: actor,
    });
  }

  /** Which of the codes are SDG targets. */
  async knownTargets(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = (await this.knex('sdg_targets').whereIn('code', codes).select('code')) as Array<{
      code: string;
    }>;
    return new Set(rows.map((r) => r.code));
  }

  /**
   * The effects a city's projections add: from the working copy (members,
   * `published` false) or from the approved copies (the public).
   */
  async effectPoints(cityId: number, published: boolean): Promise<EffectPoint[]> {
    return published ? this.approvedEffectPoints(cityId) : this.workingEffectPoints(cityId);
  }

  /** The effects of the actions' working copies (members). */
  private async workingEffectPoints(cityId: number): Promise<EffectPoint[]> {
    const rows = (await this.knex('action_effects as e')
      .join('city_actions as a', 'a.id', 'e.action_id')
      .where('a.city_id', cityId)
      .select(
        'e.action_id',
        'e.indicator_id',
        'a.status',
        'e.effect',
        'e.effect_year',
        'e.realised',
      )) as Array<{
      action_id: number;
      indicator_id: number;
      status: ActionStatus;
      effect: number;
      effect_year: number;
      realised: boolean;
    }>;
    return rows.map((r) => ({
      actionId: r.action_id,
      indicatorId: r.indicator_id,
      status: r.status,
      effect: r.effect,
      effectYear: r.effect_year,
      realised: r.realised,
    }));
  }

  /** The effects of the actions' approved copies (the public): indicators named by slug, found by id. */
  private async approvedEffectPoints(cityId: number): Promise<EffectPoint[]> {
    const rows = (await this.knex('city_actions')
      .where({ city_id: cityId })
      .whereNotNull('published')
      .select('id', 'published')) as Array<{ id: number; published: unknown }>;
    const slugs = new Set<string>();
    const approved = rows.map((r) => ({
      id: r.id,
      body: parsed(r.published) as {
        status: ActionStatus;
        effects: Array<{
          indicator: string;
          effect: number;
          effectYear: number;
          realised: boolean;
        }>;
      },
    }));
    for (const a of approved) for (const e of a.body.effects) slugs.add(e.indicator);
    const ids = new Map(
      (
        (await this.knex('indicators')
          .whereIn('slug', [...slugs])
          .select('id', 'slug')) as Array<{
          id: number;
          slug: string;
        }>
      ).map((r) => [r.slug, r.id]),
    );
    return approved.flatMap((a) =>
      a.body.effects.flatMap((e) => {
        const indicatorId = ids.get(e.indicator);
        return indicatorId === undefined
          ? []
          : [
              {
                actionId: a.id,
                indicatorId,
                status: a.body.status,
                effect: e.effect,
                effectYear: e.effectYear,
                realised: e.realised,
              },
            ];
      }),
    );
  }

  /**
   * The approved copies of the actions of these cities whose approved copy
   * links the indicator ("peers who improved on this, and what they did").
   */
  async publishedForIndicator(
    indicatorSlug: string,
    citySlugs: readonly string[],
  ): Promise<Array<{ citySlug: string; id: number; published: unknown }>> {
    if (citySlugs.length === 0) return [];
    const rows = (await this.knex('city_actions as a')
      .join('cities as c', 'c.id', 'a.city_id')
      .whereIn('c.slug', citySlugs)
      .whereNotNull('a.published')
      .whereRaw(`a.published -> 'effects' @> ?::jsonb`, [
        JSON.stringify([{ indicator: indicatorSlug }]),
      ])
      .orderBy([{ column: 'a.start_year' }, { column: 'a.id' }])
      .select('c.slug as city_slug', 'a.id', 'a.published')) as Array<{
      city_slug: string;
      id: number;
      published: unknown;
    }>;
    return rows.map((r) => ({ citySlug: r.city_slug, id: r.id, published: parsed(r.published) }));
  }

  /** Actions of a network's member cities in a review state (the coordinators' queue). */
  async listForNetwork(networkId: number, state: ActionReviewState): Promise<ActionRecord[]> {
    const rows = (await this.base()
      .join('network_members as m', 'm.city_id', 'a.city_id')
      .where('m.network_id', networkId)
      .where('a.review_state', state)
      .orderBy([{ column: 'a.updated_at' }, { column: 'a.id' }])) as Row[];
    return this.complete(rows);
  }

  // ---------- good practices ----------

  async markGoodPractice(
    networkId: number,
    actionId: number,
    note: string | null,
    actor: string,
  ): Promise<void> {
    await this.knex('good_practices')
      .insert({ network_id: networkId, action_id: actionId, note, marked_by: actor })
      .onConflict(['network_id', 'action_id'])
      .merge({ note, marked_by: actor, marked_at: this.knex.fn.now() });
  }

  async unmarkGoodPractice(networkId: number, actionId: number): Promise<boolean> {
    return (
      (await this.knex('good_practices')
        .where({ network_id: networkId, action_id: actionId })
        .del()) > 0
    );
  }

  /** A network's good practices with their marks, newest first. */
  async goodPractices(
    networkId: number,
  ): Promise<
    Array<{ actionId: number; note: string | null; markedAt: Date; markedBy: string | null }>
  > {
    const rows = (await this.knex('good_practices')
      .where({ network_id: networkId })
      .orderBy([{ column: 'marked_at', order: 'desc' }, { column: 'action_id' }])
      .select('action_id', 'note', 'marked_at', 'marked_by')) as Array<{
      action_id: number;
      note: string | null;
      marked_at: Date;
      marked_by: string | null;
    }>;
    return rows.map((r) => ({
      actionId: r.action_id,
      note: r.note,
      markedAt: r.marked_at,
      markedBy: r.marked_by,
    }));
  }
}
