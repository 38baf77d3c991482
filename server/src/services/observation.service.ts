import { type Principal, readParts, scopeIds, seesDrafts } from '../auth/principal';
import { checkValue } from '../domain/observation-rules';
import {
  describeSeries,
  flagWords,
  HEADLINE,
  lettersOfWords,
  seriesDimensions,
} from '../domain/series';
import { assessPlausibility } from '../domain/plausibility';
import { AppError, notFound, validationFailed } from '../errors';
import type { AuditEvent } from '../repositories/audit.repository';
import type {
  ObservationFields,
  ObservationKey,
  ObservationRecord,
  WriteTarget,
} from '../repositories/observation.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  HistoryEvent,
  HistoryResponse,
  Observation,
  ObservationInput,
  ObservationListResponse,
} from '../schemas/observation.schema';
import type { AccessService } from './access.service';
import { describeFlag } from './flag-messages';
import { requireCity, requireCityIndicator, requireIndicator } from './lookup';
import { requireWritable } from './review.service';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, putVersioned, type Versioned } from './versioned-change';

/**
 * An observation's entity tag: its creation time and version, so a value
 * deleted and created again never matches a tag of the old one.
 */
export function observationEtag(record: Pick<ObservationRecord, 'createdAt' | 'version'>): string {
  return etagOf(record.createdAt.getTime(), record.version);
}

/** The API shape of an observation. */
export function toObservation(record: ObservationRecord): Observation {
  return {
    city: record.citySlug,
    indicator: record.indicatorSlug,
    series: seriesDimensions(record.series),
    year: record.year,
    value: record.value,
    status: record.status,
    source: record.source,
    note: record.note,
    flag: record.flag,
    flags: flagWords(record.flags),
    version: record.version,
    etag: observationEtag(record),
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

/**
 * What history stores of a value. For a stored value it includes the import
 * that created it, so a value's origin stays in its history after a delete.
 */
function snapshot(
  fields: ObservationFields & { version: number },
  record?: ObservationRecord,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    value: fields.value,
    status: fields.status,
    source: fields.source,
    note: fields.note,
    version: fields.version,
  };
  if (fields.flags !== '') base.flags = flagWords(fields.flags);
  if (record !== undefined && record.createdImportId !== null)
    base.createdImportId = record.createdImportId;
  return base;
}

function sameContent(a: ObservationFields, b: ObservationRecord): boolean {
  return (
    Object.is(a.value, b.value) &&
    a.status === b.status &&
    a.source === b.source &&
    a.note === b.note &&
    a.flags === b.flags
  );
}

/**
 * How history names one value: "espoo/pm25/2024", followed by the series'
 * key when it is not the headline (imports write the same in SQL).
 */
export function observationEntityKey(
  citySlug: string,
  indicatorSlug: string,
  series: string,
  year: number,
): string {
  const base = `${citySlug}/${indicatorSlug}/${year}`;
  return series === HEADLINE ? base : `${base} ${series}`;
}

interface ImportCreation {
  importId: number;
  initial: unknown;
  /** The event the creation precedes; null when it precedes the present. */
  before: HistoryEvent | null;
}

/**
 * Finds where an import created the value without an event of its own: an
 * update or delete while the value did not exist yet, or a current value
 * after a delete (or with no events at all). Its initial content is the
 * `before` of the next event, or the current value.
 */
export function importCreations(
  events: readonly HistoryEvent[],
  current: Record<string, unknown> | null,
): ImportCreation[] {
  const creations: ImportCreation[] = [];
  let exists = false;
  const importOf = (snapshot: unknown): number | null => {
    const id = (snapshot as { createdImportId?: unknown } | null)?.createdImportId;
    return typeof id === 'number' ? id : null;
  };
  for (const event of events) {
    // Comments on the value are part of its history but not changes of it.
    if (!event.action.startsWith('observation.')) continue;
    if (event.action === 'observation.created') {
      exists = true;
      continue;
    }
    if (!exists) {
      const importId = importOf(event.before);
      if (importId !== null) creations.push({ importId, initial: event.before, before: event });
      exists = true;
    }
    if (event.action === 'observation.deleted') exists = false;
  }
  if (!exists && current !== null) {
    const importId = importOf(current);
    if (importId !== null) creations.push({ importId, initial: current, before: null });
  }
  return creations;
}

/** A value as a versioned record (versioned-change.ts). */
function versionedObservation(
  city: { id: number; slug: string },
  indicator: { id: number; slug: string; networkId: number },
  series: string,
  year: number,
): Versioned<ObservationRecord> {
  return {
    what: 'value',
    etag: observationEtag,
    body: toObservation,
    snapshot: (record) => snapshot(record, record),
    audit: {
      entityType: 'observation',
      entityKey: observationEntityKey(city.slug, indicator.slug, series, year),
      networkId: indicator.networkId,
      cityId: city.id,
      indicatorId: indicator.id,
      series,
      year,
    },
  };
}

/** City and indicator of a write, with the 404s and 409s a write must give. */
async function resolveWriteTarget(
  repos: Repositories,
  citySlug: string,
  indicatorSlug: string,
): Promise<{
  city: NonNullable<WriteTarget['city']>;
  indicator: NonNullable<WriteTarget['indicator']>;
}> {
  const target = await repos.observations.writeTarget(citySlug, indicatorSlug);
  if (target.city === null) throw notFound(`There is no city "${citySlug}".`);
  if (target.indicator === null) throw notFound(`There is no indicator "${indicatorSlug}".`);
  const { city, indicator } = target;
  if (!target.isMember) {
    throw new AppError(
      'conflict',
      `${city.name} is not a member of the network "${indicator.networkSlug}" that owns the indicator "${indicator.slug}".`,
    );
  }
  if (indicator.archivedAt !== null) {
    throw new AppError(
      'conflict',
      `The indicator "${indicator.slug}" is archived; restore it before changing its values.`,
    );
  }
  return { city, indicator };
}

/**
 * What a put writes: the input over the stored value (fields left out keep
 * their content), flagged when implausible next to the rest of its series.
 */
function fieldsToWrite(
  input: ObservationInput,
  existing: ObservationRecord | undefined,
  records: readonly ObservationRecord[],
  year: number,
  /** The indicator as a write resolves it: what the flag's message and check need. */
  indicator: Parameters<typeof describeFlag>[1] & { maxChange: number | null },
): ObservationFields {
  const fields: ObservationFields = {
    value: input.value,
    status: input.status ?? existing?.status ?? 'final',
    source: input.source !== undefined ? input.source : (existing?.source ?? null),
    note: input.note !== undefined ? input.note : (existing?.note ?? null),
    flag: null,
    flags: input.flags !== undefined ? lettersOfWords(input.flags) : (existing?.flags ?? ''),
  };
  const points = records
    .filter((p) => p.year !== year)
    .map((p) => ({ year: p.year, value: p.value }));
  points.push({ year, value: fields.value });
  const flag = assessPlausibility(points, year, indicator.maxChange);
  fields.flag = flag === null ? null : { ...flag, message: describeFlag(flag, indicator) };
  return fields;
}

function noValue(cityName: string, indicatorSlug: string, series: string, year: number): AppError {
  const which = series === HEADLINE ? '' : ` (${describeSeries(series)})`;
  return notFound(`${cityName} has no value for "${indicatorSlug}"${which} in ${year}.`);
}

export interface WriteResult {
  observation: Observation;
  created: boolean;
}

/** Reading and writing single observations, with optimistic concurrency and history. */
export class ObservationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /** One value: members of the indicator's network see the current one, others the approved one. */
  async get(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    year: number,
    series: string = HEADLINE,
  ): Promise<Observation> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'data.read', {
      city: citySlug,
      indicator: indicatorSlug,
    });
    const scope = await this.access.scopeOf(principal);
    const { city, indicator } = await requireCityIndicator(repos, citySlug, indicatorSlug);
    const record = await repos.observations.find(
      { cityId: city.id, indicatorId: indicator.id, series, year },
      { published: !seesDrafts(scope, indicator.networkId) },
    );
    if (record === undefined) throw noValue(city.name, indicator.slug, series, year);
    return toObservation(record);
  }

  /**
   * Creates or changes one value. An existing value changes only with a
   * matching If-Match; fields left out keep their stored content; a write
   * that changes nothing is not recorded. Implausible jumps are flagged.
   * Four statements in one transaction: resolve, read the series, write, record.
   */
  /**
   * The first steps of every single-value write, inside its transaction: the
   * access check, the city and indicator (404/409s), the period lock.
   */
  private async openWrite(
    repos: Repositories,
    principal: Principal,
    at: { citySlug: string; indicatorSlug: string; series: string; year: number },
  ): Promise<Awaited<ReturnType<typeof resolveWriteTarget>> & { key: ObservationKey }> {
    await this.access.check(repos, principal, 'data.write', {
      city: at.citySlug,
      indicator: at.indicatorSlug,
    });
    const { city, indicator } = await resolveWriteTarget(repos, at.citySlug, at.indicatorSlug);
    await requireWritable(repos, city.name, {
      networkId: indicator.networkId,
      cityId: city.id,
      year: at.year,
    });
    const key = { cityId: city.id, indicatorId: indicator.id, series: at.series, year: at.year };
    return { city, indicator, key };
  }

  async put(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    year: number,
    input: ObservationInput,
    pre: Preconditions,
    series: string = HEADLINE,
  ): Promise<WriteResult> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      const { city, indicator, key } = await this.openWrite(repos, principal, {
        citySlug,
        indicatorSlug,
        series,
        year,
      });
      const problem = checkValue(input.value, indicator);
      if (problem !== null) throw validationFailed(problem, [{ path: '/value', message: problem }]);

      const slugs = { city: city.slug, indicator: indicator.slug };
      const records = await repos.observations.seriesRecords(city.id, indicator.id, series, slugs);
      const existing = records.find((r) => r.year === year);
      const fields = fieldsToWrite(input, existing, records, year, indicator);

      // The version check in the write is what stops a concurrent writer:
      // whoever comes second matches no row and gets 412.
      let written: ObservationRecord | null = null;
      const { record: saved, created } = await putVersioned(
        repos,
        versionedObservation(city, indicator, series, year),
        existing,
        {
          principal,
          pre,
          createAction: 'observation.created',
          action: 'observation.updated',
          comment: input.comment?.trim() || null,
          unchanged: (current) => sameContent(fields, current),
          create: async () =>
            (written = await repos.observations.insertIfAbsent(key, fields, actor, slugs)) !== null,
          update: async (current) =>
            (written = await repos.observations.updateIfVersion(
              key,
              current.version,
              fields,
              actor,
              slugs,
            )) !== null,
          reload: async () => written ?? (await repos.observations.find(key)),
        },
      );
      return { observation: toObservation(saved), created };
    });
  }

  /** Deletes one value; If-Match is required and must be current. */
  async delete(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    year: number,
    pre: Preconditions,
    series: string = HEADLINE,
  ): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const { city, indicator, key } = await this.openWrite(repos, principal, {
        citySlug,
        indicatorSlug,
        series,
        year,
      });
      const existing = await repos.observations.find(key);
      if (existing === undefined) throw noValue(city.name, indicator.slug, series, year);
      await deleteVersioned(repos, versionedObservation(city, indicator, series, year), existing, {
        principal,
        pre,
        action: 'observation.deleted',
        remove: (current) => repos.observations.deleteIfVersion(key, current.version),
        reload: () => repos.observations.find(key),
      });
    });
  }

  /** A city's values, filtered by indicator, goal and years (drafts for members, else approved). */
  async listForCity(
    principal: Principal,
    citySlug: string,
    query: { indicator?: string; goal?: number; from?: number; to?: number; series?: string },
  ): Promise<ObservationListResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'data.read', {
      city: citySlug,
      indicator: query.indicator,
    });
    const scope = await this.access.scopeOf(principal);
    const city = await requireCity(repos, citySlug);
    const indicator =
      query.indicator === undefined ? undefined : await requireIndicator(repos, query.indicator);
    const records: ObservationRecord[] = [];
    for (const part of readParts(scope)) {
      records.push(
        ...(await repos.observations.list(
          {
            cityId: city.id,
            indicatorId: indicator?.id,
            networkIds: part.networkIds,
            goal: query.goal,
            from: query.from,
            to: query.to,
            series: query.series,
          },
          part.published,
        )),
      );
    }
    return { observations: records.map(toObservation) };
  }

  /** One indicator's values across cities (drafts for members of its network, else approved). */
  async listForIndicator(
    principal: Principal,
    indicatorSlug: string,
    query: { city?: string; from?: number; to?: number; series?: string },
  ): Promise<ObservationListResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'data.read', {
      city: query.city,
      indicator: indicatorSlug,
    });
    const scope = await this.access.scopeOf(principal);
    const indicator = await requireIndicator(repos, indicatorSlug);
    const city = query.city === undefined ? undefined : await requireCity(repos, query.city);
    const records = await repos.observations.list(
      {
        indicatorId: indicator.id,
        cityId: city?.id,
        from: query.from,
        to: query.to,
        series: query.series,
      },
      !seesDrafts(scope, indicator.networkId),
    );
    return { observations: records.map(toObservation) };
  }

  /** The latest value of each indicator for a city. */
  async latestForCity(
    principal: Principal,
    citySlug: string,
    query: { goal?: number },
  ): Promise<ObservationListResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'city.read', { city: citySlug });
    const scope = await this.access.scopeOf(principal);
    const city = await requireCity(repos, citySlug);
    const records: ObservationRecord[] = [];
    for (const part of readParts(scope)) {
      records.push(
        ...(await repos.observations.latest(
          { cityId: city.id, goal: query.goal, networkIds: part.networkIds },
          part.published,
        )),
      );
    }
    records.sort(
      (a, b) =>
        a.citySlug.localeCompare(b.citySlug) || a.indicatorSlug.localeCompare(b.indicatorSlug),
    );
    return { observations: records.map(toObservation) };
  }

  /**
   * Every change of one value, oldest first (including a deleted value's).
   * Values created by an import have no event of their own (the import
   * records them once); their creation event is rebuilt from the import.
   */
  async history(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    year: number,
    series: string = HEADLINE,
  ): Promise<HistoryResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'data.members', {
      city: citySlug,
      indicator: indicatorSlug,
    });
    const { city, indicator } = await requireCityIndicator(repos, citySlug, indicatorSlug);
    const events = (await repos.audit.forObservation(city.id, indicator.id, series, year)).map(
      toHistoryEvent,
    );
    const current = await repos.observations.find({
      cityId: city.id,
      indicatorId: indicator.id,
      series,
      year,
    });
    const entity = observationEntityKey(city.slug, indicator.slug, series, year);
    const creations = importCreations(
      events,
      current === undefined ? null : { ...snapshot(current, current) },
    );
    const imports = new Map(
      (await repos.imports.findRecords(creations.map((c) => c.importId))).map((i) => [i.id, i]),
    );
    const complete: HistoryEvent[] = [];
    for (const event of [...events, null]) {
      for (const creation of creations.filter((c) => c.before === event)) {
        const record = imports.get(creation.importId);
        complete.push({
          id: -creation.importId,
          at: (record?.createdAt ?? new Date(0)).toISOString(),
          actor: record?.actorLabel ?? 'unknown',
          action: 'observation.created',
          entity,
          before: null,
          after: creation.initial,
          comment: `Created by import #${creation.importId}${record?.fileName ? ` (${record.fileName})` : ''}`,
          importId: creation.importId,
        });
      }
      if (event !== null) complete.push(event);
    }
    return { events: complete, nextBefore: null };
  }

  /** A city's recent changes, newest first, paginated. */
  async cityHistory(
    principal: Principal,
    citySlug: string,
    query: { before?: number; limit?: number },
  ): Promise<HistoryResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'city.members', { city: citySlug });
    const scope = await this.access.scopeOf(principal);
    const city = await requireCity(repos, citySlug);
    const limit = query.limit ?? 50;
    const events = await repos.audit.forCity(city.id, {
      before: query.before,
      limit,
      networkIds: scopeIds(scope),
    });
    const last = events[events.length - 1];
    return {
      events: events.map(toHistoryEvent),
      nextBefore: events.length === limit && last !== undefined ? last.id : null,
    };
  }
}
