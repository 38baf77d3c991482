import { checkValue } from '../domain/observation-rules';
import { assessPlausibility } from '../domain/plausibility';
import { notFound, validationFailed } from '../errors';
import type { AuditEvent } from '../repositories/audit.repository';
import type {
  ObservationFields,
  ObservationKey,
  ObservationRecord,
} from '../repositories/observation.repository';
import type { UnitOfWork } from '../repositories/unit-of-work';
import type {
  HistoryEvent,
  HistoryResponse,
  Observation,
  ObservationInput,
  ObservationListResponse,
} from '../schemas/observation.schema';
import type { Actor } from './actor';
import { describeFlag } from './flag-messages';
import { requireActive, requireCity, requireIndicator, requireReporting } from './lookup';
import {
  checkDeletePreconditions,
  checkWritePreconditions,
  concurrentChange,
  etagOf,
  type Preconditions,
} from './preconditions';

/** The API shape of an observation. */
export function toObservation(record: ObservationRecord): Observation {
  return {
    city: record.citySlug,
    indicator: record.indicatorSlug,
    year: record.year,
    value: record.value,
    status: record.status,
    source: record.source,
    note: record.note,
    flag: record.flag,
    version: record.version,
    etag: etagOf(record.id, record.version),
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

/** The API shape of an audit event. */
export function toHistoryEvent(event: AuditEvent): HistoryEvent {
  return {
    id: event.id,
    at: event.occurredAt.toISOString(),
    actor: event.actor,
    action: event.action,
    entity: event.entityKey,
    before: event.before,
    after: event.after,
    comment: event.comment,
    importId: event.importId,
  };
}

function snapshot(fields: ObservationFields & { version: number }): Record<string, unknown> {
  return {
    value: fields.value,
    status: fields.status,
    source: fields.source,
    note: fields.note,
    version: fields.version,
  };
}

function sameContent(a: ObservationFields, b: ObservationRecord): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.status === b.status &&
    a.source === b.source &&
    a.note === b.note
  );
}

export interface WriteResult {
  observation: Observation;
  created: boolean;
}

/** Reading and writing single observations, with optimistic concurrency and history. */
export class ObservationService {
  constructor(private readonly uow: UnitOfWork) {}

  async get(citySlug: string, indicatorSlug: string, year: number): Promise<Observation> {
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const indicator = await requireIndicator(repos, indicatorSlug);
    const record = await repos.observations.find({
      cityId: city.id,
      indicatorId: indicator.id,
      year,
    });
    if (record === undefined)
      throw notFound(`${city.name} has no value for "${indicator.slug}" in ${year}.`);
    return toObservation(record);
  }

  /**
   * Creates or changes one value. An existing value changes only with a
   * matching If-Match; fields left out keep their stored content; a write
   * that changes nothing is not recorded. Implausible jumps are flagged.
   */
  async put(
    actor: Actor,
    citySlug: string,
    indicatorSlug: string,
    year: number,
    input: ObservationInput,
    pre: Preconditions,
  ): Promise<WriteResult> {
    return this.uow.transaction(async (repos) => {
      const city = await requireCity(repos, citySlug);
      const indicator = await requireIndicator(repos, indicatorSlug);
      await requireReporting(repos, city, indicator, 'write');
      requireActive(indicator);
      const problem = checkValue(input.value, indicator);
      if (problem !== null) throw validationFailed(problem, [{ path: '/value', message: problem }]);

      const key: ObservationKey = { cityId: city.id, indicatorId: indicator.id, year };
      const existing = await repos.observations.find(key, { lock: true });
      checkWritePreconditions(
        pre,
        existing === undefined
          ? null
          : { etag: etagOf(existing.id, existing.version), body: toObservation(existing) },
        'value',
      );

      const fields: ObservationFields = {
        value: input.value,
        status: input.status ?? existing?.status ?? 'final',
        source: input.source !== undefined ? input.source : (existing?.source ?? null),
        note: input.note !== undefined ? input.note : (existing?.note ?? null),
        flag: null,
      };
      if (existing !== undefined && sameContent(fields, existing)) {
        return { observation: toObservation(existing), created: false };
      }

      const series = (await repos.observations.series(city.id, indicator.id)).filter(
        (p) => p.year !== year,
      );
      series.push({ year, value: fields.value });
      const flag = assessPlausibility(series, year, indicator.maxChange);
      fields.flag = flag === null ? null : { ...flag, message: describeFlag(flag, indicator) };

      if (existing === undefined) {
        const id = await repos.observations.insertIfAbsent(key, fields, actor.userId);
        if (id === null) {
          const winner = await repos.observations.find(key);
          throw concurrentChange('value', winner === undefined ? null : toObservation(winner));
        }
      } else if (
        !(await repos.observations.updateIfVersion(key, existing.version, fields, actor.userId))
      ) {
        const winner = await repos.observations.find(key);
        throw concurrentChange('value', winner === undefined ? null : toObservation(winner));
      }
      const saved = await repos.observations.find(key);
      if (saved === undefined) throw new Error('observation vanished inside its own transaction');
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: existing === undefined ? 'observation.created' : 'observation.updated',
        entityType: 'observation',
        entityKey: `${city.slug}/${indicator.slug}/${year}`,
        networkId: indicator.networkId,
        cityId: city.id,
        indicatorId: indicator.id,
        year,
        before: existing === undefined ? null : snapshot(existing),
        after: snapshot({ ...fields, version: saved.version }),
      });
      return { observation: toObservation(saved), created: existing === undefined };
    });
  }

  /** Deletes one value; If-Match is required and must be current. */
  async delete(
    actor: Actor,
    citySlug: string,
    indicatorSlug: string,
    year: number,
    pre: Preconditions,
  ): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const city = await requireCity(repos, citySlug);
      const indicator = await requireIndicator(repos, indicatorSlug);
      const key: ObservationKey = { cityId: city.id, indicatorId: indicator.id, year };
      const existing = await repos.observations.find(key, { lock: true });
      if (existing === undefined)
        throw notFound(`${city.name} has no value for "${indicator.slug}" in ${year}.`);
      requireActive(indicator);
      checkDeletePreconditions(
        pre,
        { etag: etagOf(existing.id, existing.version), body: toObservation(existing) },
        'value',
      );
      if (!(await repos.observations.deleteIfVersion(key, existing.version))) {
        const winner = await repos.observations.find(key);
        throw concurrentChange('value', winner === undefined ? null : toObservation(winner));
      }
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'observation.deleted',
        entityType: 'observation',
        entityKey: `${city.slug}/${indicator.slug}/${year}`,
        networkId: indicator.networkId,
        cityId: city.id,
        indicatorId: indicator.id,
        year,
        before: snapshot(existing),
        after: null,
      });
    });
  }

  /** A city's values, filtered by indicator, goal and years. */
  async listForCity(
    citySlug: string,
    query: { indicator?: string; goal?: number; from?: number; to?: number },
  ): Promise<ObservationListResponse> {
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const indicator =
      query.indicator === undefined ? undefined : await requireIndicator(repos, query.indicator);
    const records = await repos.observations.list({
      cityId: city.id,
      indicatorId: indicator?.id,
      goal: query.goal,
      from: query.from,
      to: query.to,
    });
    return { observations: records.map(toObservation) };
  }

  /** One indicator's values across cities. */
  async listForIndicator(
    indicatorSlug: string,
    query: { city?: string; from?: number; to?: number },
  ): Promise<ObservationListResponse> {
    const { repos } = this.uow;
    const indicator = await requireIndicator(repos, indicatorSlug);
    const city = query.city === undefined ? undefined : await requireCity(repos, query.city);
    const records = await repos.observations.list({
      indicatorId: indicator.id,
      cityId: city?.id,
      from: query.from,
      to: query.to,
    });
    return { observations: records.map(toObservation) };
  }

  /** The latest value of each indicator for a city. */
  async latestForCity(
    citySlug: string,
    query: { goal?: number },
  ): Promise<ObservationListResponse> {
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const records = await repos.observations.latest({ cityId: city.id, goal: query.goal });
    return { observations: records.map(toObservation) };
  }

  /** Every change of one value, oldest first (including a deleted value's). */
  async history(citySlug: string, indicatorSlug: string, year: number): Promise<HistoryResponse> {
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const indicator = await requireIndicator(repos, indicatorSlug);
    const events = await repos.audit.forObservation(city.id, indicator.id, year);
    return { events: events.map(toHistoryEvent), nextBefore: null };
  }

  /** A city's recent changes, newest first, paginated. */
  async cityHistory(
    citySlug: string,
    query: { before?: number; limit?: number },
  ): Promise<HistoryResponse> {
    const { repos } = this.uow;
    const city = await requireCity(repos, citySlug);
    const limit = query.limit ?? 50;
    const events = await repos.audit.forCity(city.id, { before: query.before, limit });
    const last = events[events.length - 1];
    return {
      events: events.map(toHistoryEvent),
      nextBefore: events.length === limit && last !== undefined ? last.id : null,
    };
  }
}
