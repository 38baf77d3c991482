import type { Knex } from 'knex';
import type { Actor } from '../auth/actor';

/** One change in the audit trail. */
export interface AuditEvent {
  id: number;
  occurredAt: Date;
  actor: string;
  action: string;
  entityType: string;
  entityKey: string;
  year: number | null;
  before: unknown;
  after: unknown;
  comment: string | null;
  importId: number | null;
}

export interface NewAuditEvent {
  /** Who acted: a user (named by display name), "system" or "anonymous". */
  actor: Actor;
  action: string;
  entityType: string;
  entityKey: string;
  networkId?: number | null;
  cityId?: number | null;
  indicatorId?: number | null;
  /** An observation's series ('' for the headline). */
  series?: string | null;
  year?: number | null;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
  importId?: number | null;
}

interface Row {
  id: number;
  occurred_at: Date;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_key: string;
  year: number | null;
  before: unknown;
  after: unknown;
  comment: string | null;
  import_id: number | null;
}

function toEvent(row: Row): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityKey: row.entity_key,
    year: row.year,
    before: row.before,
    after: row.after,
    comment: row.comment,
    importId: row.import_id,
  };
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** The append-only audit trail: who changed what, when, from what to what. */
export class AuditRepository {
  constructor(private readonly knex: Knex) {}

  async record(event: NewAuditEvent): Promise<void> {
    await this.knex('audit_events').insert({
      actor_user_id: event.actor.userId,
      actor_label: event.actor.label,
      action: event.action,
      entity_type: event.entityType,
      entity_key: event.entityKey,
      network_id: event.networkId ?? null,
      city_id: event.cityId ?? null,
      indicator_id: event.indicatorId ?? null,
      series: event.series ?? null,
      year: event.year ?? null,
      before: json(event.before),
      after: json(event.after),
      comment: event.comment ?? null,
      import_id: event.importId ?? null,
    });
  }

  /** Every change of one observation (of one series), oldest first. */
  async forObservation(
    cityId: number,
    indicatorId: number,
    series: string,
    year: number,
  ): Promise<AuditEvent[]> {
    const rows = (await this.knex('audit_events')
      .where({ entity_type: 'observation', city_id: cityId, indicator_id: indicatorId, year })
      // Events from before series existed are the headline's.
      .where((q) =>
        series === '' ? q.where('series', '').orWhereNull('series') : q.where('series', series),
      )
      .orderBy('id')) as Row[];
    return rows.map(toEvent);
  }

  /** A city's changes, newest first, paginated by id (`before` = the last id seen). */
  async forCity(
    cityId: number,
    options: { before?: number; limit: number; networkIds?: readonly number[] },
  ): Promise<AuditEvent[]> {
    const query = this.knex('audit_events')
      .where({ city_id: cityId })
      .orderBy('id', 'desc')
      .limit(options.limit);
    if (options.before !== undefined) query.where('id', '<', options.before);
    const networkIds = options.networkIds;
    if (networkIds !== undefined) {
      // Only events of networks the reader may see (and the city's own, network-less ones).
      query
        .where((q) => q.whereNull('network_id').orWhereIn('network_id', networkIds))
        .where((q) =>
          q
            .whereNull('indicator_id')
            .orWhereIn(
              'indicator_id',
              this.knex('indicators').select('id').whereIn('network_id', networkIds),
            ),
        );
    }
    return ((await query) as Row[]).map(toEvent);
  }

  /** Events of one entity (e.g. an ambition), oldest first. */
  async forEntity(entityType: string, entityKey: string): Promise<AuditEvent[]> {
    const rows = (await this.knex('audit_events')
      .where({ entity_type: entityType, entity_key: entityKey })
      .orderBy('id')) as Row[];
    return rows.map(toEvent);
  }
}
