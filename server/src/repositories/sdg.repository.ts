import type { Knex } from 'knex';
import type { SdgGoalRow, SdgIndicatorRow, SdgTargetRow } from '../db/rows';

export interface SdgGoalWithCounts extends SdgGoalRow {
  target_count: number;
  indicator_count: number;
}

export interface LinkedIndicatorRow {
  slug: string;
  name: string;
  unit: string;
  translations: Record<string, { name?: string; unit?: string }>;
  network_slug: string;
  network_name: string;
  sdg_target: string;
  sdg_indicator: string | null;
}

/** Reads the UN framework (fixed reference data). */
export class SdgRepository {
  constructor(private readonly knex: Knex) {}

  private goalsQuery(): Knex.QueryBuilder {
    return this.knex('sdg_goals as g')
      .select(
        'g.*',
        this.knex.raw(
          '(select count(*)::int from sdg_targets t where t.goal = g.goal) as target_count',
        ),
        this.knex.raw(
          '(select count(*)::int from sdg_indicators i where i.goal = g.goal) as indicator_count',
        ),
      )
      .orderBy('g.goal');
  }

  /** All 17 goals with their target and indicator counts. */
  async listGoals(): Promise<SdgGoalWithCounts[]> {
    return (await this.goalsQuery()) as SdgGoalWithCounts[];
  }

  /** One goal, or undefined. */
  async findGoal(goal: number): Promise<SdgGoalWithCounts | undefined> {
    return (await this.goalsQuery().where('g.goal', goal).first()) as SdgGoalWithCounts | undefined;
  }

  /** Targets of a goal in official order (1.1 … 1.5, 1.a, 1.b). */
  async listTargets(goal: number): Promise<SdgTargetRow[]> {
    return (await this.knex('sdg_targets').where({ goal }).orderBy('sort_order')) as SdgTargetRow[];
  }

  async findTarget(code: string): Promise<SdgTargetRow | undefined> {
    return (await this.knex('sdg_targets').where({ code }).first()) as SdgTargetRow | undefined;
  }

  /** Indicators under the given targets, in official order. */
  async listIndicatorsOfTargets(targets: readonly string[]): Promise<SdgIndicatorRow[]> {
    if (targets.length === 0) return [];
    return (await this.knex('sdg_indicators')
      .whereIn('target', targets)
      .orderBy('sort_order')) as SdgIndicatorRow[];
  }

  async findIndicator(code: string): Promise<SdgIndicatorRow | undefined> {
    return (await this.knex('sdg_indicators').where({ code }).first()) as
      SdgIndicatorRow | undefined;
  }

  /**
   * Indicators of public networks (not archived) linked to any of the given
   * SDG targets. The framework pages are cached publicly, so private networks
   * never appear there.
   */
  async listLinkedIndicators(targets: readonly string[]): Promise<LinkedIndicatorRow[]> {
    if (targets.length === 0) return [];
    return (await this.knex('indicator_sdg_links as l')
      .join('indicators as i', 'i.id', 'l.indicator_id')
      .join('networks as n', 'n.id', 'i.network_id')
      .whereIn('l.sdg_target', targets)
      .whereNull('i.archived_at')
      .where('n.is_public', true)
      .select(
        'i.slug',
        'i.name',
        'i.unit',
        'i.translations',
        'n.slug as network_slug',
        'n.name as network_name',
        'l.sdg_target',
        'l.sdg_indicator',
      )
      .orderBy([
        { column: 'n.name' },
        { column: 'i.sort_order' },
        { column: 'i.slug' },
      ])) as LinkedIndicatorRow[];
  }
}
