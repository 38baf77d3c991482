import { FULL_SCOPE, type ReadScope, canRead, scopeIds } from '../auth/principal';
import type { CityRow } from '../db/rows';
import { AppError, notFound } from '../errors';
import type { UnitOfWork } from '../repositories/unit-of-work';
import type { CityCreate, CityPatch } from '../schemas/catalogue.schema';
import type { CityDetail, CityListResponse, CitySummary } from '../schemas/city.schema';
import type { Actor } from './actor';
import { requireCity } from './lookup';
import { toYearRange } from './network.service';
import {
  checkDeletePreconditions,
  checkWritePreconditions,
  concurrentChange,
  etagOf,
  type Preconditions,
} from './preconditions';

export function toCitySummary(row: CityRow): CitySummary {
  return {
    slug: row.slug,
    name: row.name,
    countryCode: row.country_code,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
    version: row.version,
    etag: etagOf(row.id, row.version),
    updatedAt: row.updated_at.toISOString(),
  };
}

const snapshot = (row: CityRow): Record<string, unknown> => ({
  name: row.name,
  countryCode: row.country_code,
  population: row.population,
  latitude: row.latitude,
  longitude: row.longitude,
  version: row.version,
});

/** Cities and their memberships. */
export class CityService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Cities of the networks a reader may see, and cities in no network yet. */
  async list(scope: ReadScope): Promise<CityListResponse> {
    const { repos } = this.uow;
    const cities = await repos.cities.list();
    if (scope.networkIds === null) return { cities: cities.map(toCitySummary) };
    const networksOf = new Map<number, number[]>();
    for (const m of await repos.networks.allMemberships()) {
      networksOf.set(m.cityId, [...(networksOf.get(m.cityId) ?? []), m.networkId]);
    }
    const visible = cities.filter((c) => {
      const networks = networksOf.get(c.id) ?? [];
      return networks.length === 0 || networks.some((id) => canRead(scope, id));
    });
    return { cities: visible.map(toCitySummary) };
  }

  async get(slug: string, scope: ReadScope): Promise<CityDetail> {
    const { repos } = this.uow;
    const row = await repos.cities.findBySlug(slug);
    if (row === undefined) throw notFound(`There is no city "${slug}".`);
    const networks = (await repos.cities.listNetworks(row.id)).filter((n) => canRead(scope, n.id));
    const stats = await repos.cities.observationStats(row.id, scopeIds(scope));
    return {
      ...toCitySummary(row),
      networks: networks.map((n) => ({
        slug: n.slug,
        name: n.name,
        role: n.role,
        dataKind: n.data_kind,
      })),
      observationCount: stats.observation_count,
      dataYears: toYearRange(stats.first_year, stats.last_year),
    };
  }

  async create(actor: Actor, input: CityCreate): Promise<CityDetail> {
    await this.uow.transaction(async (repos) => {
      if ((await repos.cities.findBySlug(input.slug)) !== undefined) {
        throw new AppError(
          'conflict',
          `A city "${input.slug}" already exists; choose another slug.`,
        );
      }
      await repos.cities.insert({
        slug: input.slug,
        name: input.name,
        countryCode: input.countryCode,
        population: input.population ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
      });
      const created = (await repos.cities.findBySlug(input.slug))!;
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'city.created',
        entityType: 'city',
        entityKey: input.slug,
        cityId: created.id,
        after: snapshot(created),
      });
    });
    return this.get(input.slug, FULL_SCOPE);
  }

  async update(
    actor: Actor,
    slug: string,
    patch: CityPatch,
    pre: Preconditions,
    scope: ReadScope,
  ): Promise<CityDetail> {
    await this.uow.transaction(async (repos) => {
      const current = await requireCity(repos, slug);
      checkWritePreconditions(
        pre,
        { etag: etagOf(current.id, current.version), body: toCitySummary(current) },
        'city',
      );
      if (!(await repos.cities.update(current.id, current.version, patch))) {
        throw concurrentChange('city', toCitySummary((await repos.cities.findBySlug(slug))!));
      }
      const updated = (await repos.cities.findBySlug(slug))!;
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'city.updated',
        entityType: 'city',
        entityKey: slug,
        cityId: current.id,
        before: snapshot(current),
        after: snapshot(updated),
      });
    });
    return this.get(slug, scope);
  }

  /** Deletes a city that has no reported values (409 otherwise). */
  async delete(actor: Actor, slug: string, pre: Preconditions): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const current = await requireCity(repos, slug);
      checkDeletePreconditions(
        pre,
        { etag: etagOf(current.id, current.version), body: toCitySummary(current) },
        'city',
      );
      const stats = await repos.cities.observationStats(current.id);
      if (stats.observation_count > 0) {
        throw new AppError(
          'conflict',
          `${current.name} has ${stats.observation_count} reported ${stats.observation_count === 1 ? 'value' : 'values'}; delete them before deleting the city.`,
          { observations: stats.observation_count },
        );
      }
      if (!(await repos.cities.deleteIfVersion(current.id, current.version)))
        throw concurrentChange('city', null);
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'city.deleted',
        entityType: 'city',
        entityKey: slug,
        cityId: current.id,
        before: snapshot(current),
      });
    });
  }
}
