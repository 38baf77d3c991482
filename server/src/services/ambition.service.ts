import { type Principal, readParts } from '../auth/principal';
import { checkValue } from '../domain/observation-rules';
import { notFound, validationFailed, type ErrorDetail } from '../errors';
import type { AmbitionFields, AmbitionRecord } from '../repositories/ambition.repository';
import type { IndicatorRecord } from '../repositories/indicator.repository';
import type { UnitOfWork } from '../repositories/unit-of-work';
import type {
  Ambition,
  AmbitionInput,
  AmbitionListResponse,
  HistoryResponse,
} from '../schemas/observation.schema';
import type { AccessService } from './access.service';
import { requireActive, requireCity, requireCityIndicator, requireReporting } from './lookup';
import { toHistoryEvent } from './observation.service';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, putVersioned, type Versioned } from './versioned-change';

/** Ambitions have a composite key; their creation time tells a re-created one from the old. */
function ambitionEtag(record: AmbitionRecord): string {
  return etagOf(record.createdAt.getTime(), record.version);
}

/** Whether a working-copy ambition is the approved one (the copy is made whole, version and all). */
function isApproved(record: AmbitionRecord, approved: AmbitionRecord | undefined): boolean {
  return (
    approved !== undefined &&
    approved.version === record.version &&
    approved.createdAt.getTime() === record.createdAt.getTime()
  );
}

export function toAmbition(record: AmbitionRecord, approved: boolean): Ambition {
  return {
    city: record.citySlug,
    indicator: record.indicatorSlug,
    baselineYear: record.baselineYear,
    baselineValue: record.baselineValue,
    targetYear: record.targetYear,
    targetValue: record.targetValue,
    note: record.note,
    version: record.version,
    etag: ambitionEtag(record),
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
    approved,
  };
}

function validateAmbition(input: AmbitionInput, indicator: IndicatorRecord): void {
  const details: ErrorDetail[] = [];
  if (input.targetYear <= input.baselineYear) {
    details.push({
      path: '/targetYear',
      message: `The target year (${input.targetYear}) must come after the baseline year (${input.baselineYear}).`,
    });
  }
  const baseline = checkValue(input.baselineValue, indicator);
  if (baseline !== null) details.push({ path: '/baselineValue', message: `Baseline: ${baseline}` });
  const target = checkValue(input.targetValue, indicator);
  if (target !== null) details.push({ path: '/targetValue', message: `Target: ${target}` });
  if (details.length > 0) {
    const first = details[0]!.message;
    throw validationFailed(
      details.length > 1 ? `${first} (and ${details.length - 1} more problems)` : first,
      details,
    );
  }
}

/** An ambition as a versioned record (versioned-change.ts). */
const versionedAmbition = (
  city: { id: number; slug: string },
  indicator: IndicatorRecord,
): Versioned<AmbitionRecord> => ({
  what: 'ambition',
  etag: ambitionEtag,
  // A write makes the ambition the working one until the next approval.
  body: (record) => toAmbition(record, false),
  snapshot,
  audit: {
    entityType: 'ambition',
    entityKey: `${city.slug}/${indicator.slug}`,
    networkId: indicator.networkId,
    cityId: city.id,
    indicatorId: indicator.id,
  },
});

const snapshot = (f: AmbitionFields & { version: number }): Record<string, unknown> => ({
  baselineYear: f.baselineYear,
  baselineValue: f.baselineValue,
  targetYear: f.targetYear,
  targetValue: f.targetValue,
  note: f.note,
  version: f.version,
});

/** A city's ambitions: baseline and target per indicator. */
export class AmbitionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /**
   * A city's ambitions as the reader may see them: the working copy in the
   * networks the reader is a member of (each marked approved or not), the
   * approved copy in the other readable ones.
   */
  async list(principal: Principal, citySlug: string): Promise<AmbitionListResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'city.read', { city: citySlug });
    const scope = await this.access.scopeOf(principal);
    const city = await requireCity(repos, citySlug);
    const ambitions: Ambition[] = [];
    for (const part of readParts(scope)) {
      const filter = {
        cityId: city.id,
        ...(part.networkIds === undefined ? {} : { networkIds: part.networkIds }),
      };
      const records = await repos.ambitions.list(filter, part.published);
      if (part.published) {
        ambitions.push(...records.map((r) => toAmbition(r, true)));
        continue;
      }
      const approved = new Map(
        (await repos.ambitions.list(filter, true)).map((a) => [a.indicatorId, a]),
      );
      ambitions.push(
        ...records.map((r) => toAmbition(r, isApproved(r, approved.get(r.indicatorId)))),
      );
    }
    return { ambitions };
  }

  async get(principal: Principal, citySlug: string, indicatorSlug: string): Promise<Ambition> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'data.read', {
      city: citySlug,
      indicator: indicatorSlug,
    });
    const { city, indicator } = await requireCityIndicator(repos, citySlug, indicatorSlug);
    const scope = await this.access.scopeOf(principal);
    const member = scope.draftNetworkIds === null || scope.draftNetworkIds.has(indicator.networkId);
    const approved = await repos.ambitions.find(city.id, indicator.id, { published: true });
    const record = member ? await repos.ambitions.find(city.id, indicator.id) : approved;
    if (record === undefined)
      throw notFound(`${city.name} has not set an ambition for "${indicator.slug}" yet.`);
    return toAmbition(record, !member || isApproved(record, approved));
  }

  /** Sets the ambition (creating it, or changing it with If-Match). */
  async put(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    input: AmbitionInput,
    pre: Preconditions,
  ): Promise<{ ambition: Ambition; created: boolean }> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'data.write', {
        city: citySlug,
        indicator: indicatorSlug,
      });
      const { city, indicator } = await requireCityIndicator(repos, citySlug, indicatorSlug);
      await requireReporting(repos, city, indicator, 'write');
      requireActive(indicator);
      validateAmbition(input, indicator);
      const existing = await repos.ambitions.find(city.id, indicator.id, { lock: true });
      const fields: AmbitionFields = {
        baselineYear: input.baselineYear,
        baselineValue: input.baselineValue,
        targetYear: input.targetYear,
        targetValue: input.targetValue,
        note: input.note !== undefined ? input.note : (existing?.note ?? null),
      };
      const { record: saved, created } = await putVersioned(
        repos,
        versionedAmbition(city, indicator),
        existing,
        {
          principal,
          pre,
          createAction: 'ambition.created',
          action: 'ambition.updated',
          create: () => repos.ambitions.insertIfAbsent(city.id, indicator.id, fields, actor.userId),
          update: (a) =>
            repos.ambitions.updateIfVersion(city.id, indicator.id, a.version, fields, actor.userId),
          reload: () => repos.ambitions.find(city.id, indicator.id),
          // Saving the same ambition again writes nothing (and so stays approved when it was).
          unchanged: (a) =>
            a.baselineYear === fields.baselineYear &&
            a.baselineValue === fields.baselineValue &&
            a.targetYear === fields.targetYear &&
            a.targetValue === fields.targetValue &&
            a.note === fields.note,
        },
      );
      const approved = created
        ? undefined
        : await repos.ambitions.find(city.id, indicator.id, { published: true });
      return { ambition: toAmbition(saved, isApproved(saved, approved)), created };
    });
  }

  async delete(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
    pre: Preconditions,
  ): Promise<void> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'data.write', {
        city: citySlug,
        indicator: indicatorSlug,
      });
      const { city, indicator } = await requireCityIndicator(repos, citySlug, indicatorSlug);
      const existing = await repos.ambitions.find(city.id, indicator.id, { lock: true });
      if (existing === undefined)
        throw notFound(`${city.name} has not set an ambition for "${indicator.slug}".`);
      await deleteVersioned(repos, versionedAmbition(city, indicator), existing, {
        principal,
        pre,
        action: 'ambition.deleted',
        remove: (a) => repos.ambitions.deleteIfVersion(city.id, indicator.id, a.version),
      });
    });
  }

  async history(
    principal: Principal,
    citySlug: string,
    indicatorSlug: string,
  ): Promise<HistoryResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'data.members', {
      city: citySlug,
      indicator: indicatorSlug,
    });
    const { city, indicator } = await requireCityIndicator(repos, citySlug, indicatorSlug);
    const events = await repos.audit.forEntity('ambition', `${city.slug}/${indicator.slug}`);
    return { events: events.map(toHistoryEvent), nextBefore: null };
  }
}
