import type { Principal } from '../auth/principal';
import { canRead, readParts } from '../auth/principal';
import { AppError, notFound } from '../errors';
import type { CityObservationStats, CityRecord } from '../repositories/city.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type { CityCreate, CityPatch } from '../schemas/catalogue.schema';
import type { CityDetail, CityListResponse, CitySummary } from '../schemas/city.schema';
import type { AccessService } from './access.service';
import { requireCity } from './lookup';
import { memberEvent, toYearRange } from './network.service';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, updateVersioned, type Versioned } from './versioned-change';

export function toCitySummary(row: CityRecord): CitySummary {
  return {
    slug: row.slug,
    name: row.name,
    countryCode: row.countryCode,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
    version: row.version,
    etag: etagOf(row.id, row.version),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const snapshot = (row: CityRecord): Record<string, unknown> => ({
  name: row.name,
  countryCode: row.countryCode,
  population: row.population,
  latitude: row.latitude,
  longitude: row.longitude,
  version: row.version,
});

/** A city as a versioned record (versioned-change.ts). */
const versionedCity = (row: CityRecord): Versioned<CityRecord> => ({
  what: 'city',
  etag: (r) => etagOf(r.id, r.version),
  body: toCitySummary,
  snapshot,
  audit: { entityType: 'city', entityKey: row.slug, cityId: row.id },
});

/** Cities and their details. */
export class CityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /** Cities of the networks a reader may see, and cities in no network yet. */
  async list(principal: Principal): Promise<CityListResponse> {
    const { repos } = this.uow;
    const scope = await this.access.scopeOf(principal);
    const cities = await repos.cities.list();
    if (scope.networkIds === null) return { cities: cities.map(toCitySummary) };
    const networksOf = new Map<number, number[]>();
    for (const m of await repos.networks.allMemberships()) {
      networksOf.set(m.cityId, [...(networksOf.get(m.cityId) ?? []), m.networkId]);
    }
    const visible = cities.filter((c) => {
      const networks = networksOf.get(c.id) ?? [];
      return (
        networks.length === 0 ||
        principal.canEditCity(c.id) ||
        networks.some((id) => canRead(scope, id))
      );
    });
    return { cities: visible.map(toCitySummary) };
  }

  /**
   * One city with the networks the reader sees and how much data they hold:
   * members count drafts, everyone else the approved copy only.
   */
  async get(principal: Principal, slug: string): Promise<CityDetail> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'city.read', { city: slug });
    return this.detail(repos, principal, slug);
  }

  private async detail(
    repos: Repositories,
    principal: Principal,
    slug: string,
  ): Promise<CityDetail> {
    const row = await repos.cities.findBySlug(slug);
    if (row === undefined) throw notFound(`There is no city "${slug}".`);
    const scope = await this.access.scopeOf(principal);
    const networks = (await repos.cities.listNetworks(row.id)).filter(
      (n) => canRead(scope, n.id) || principal.canEditCity(row.id),
    );
    let stats: CityObservationStats = { observationCount: 0, firstYear: null, lastYear: null };
    for (const part of readParts(scope)) {
      const s = await repos.cities.observationStats(row.id, part.networkIds, part.published);
      stats = {
        observationCount: stats.observationCount + s.observationCount,
        firstYear: minOf(stats.firstYear, s.firstYear),
        lastYear: maxOf(stats.lastYear, s.lastYear),
      };
    }
    return {
      ...toCitySummary(row),
      codes: await repos.cities.codesOf(row.id),
      networks: networks.map((n) => ({
        slug: n.slug,
        name: n.name,
        role: n.role,
        dataKind: n.dataKind,
      })),
      observationCount: stats.observationCount,
      dataYears: toYearRange(stats.firstYear, stats.lastYear),
    };
  }

  /**
   * Registers a city. With `network`, a coordinator of that network makes it
   * a member at once: the city is new, so nobody else's city is taken over.
   */
  async create(principal: Principal, input: CityCreate): Promise<CityDetail> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'city.create', {});
      const network =
        input.network === undefined
          ? undefined
          : (
              await this.access.check(repos, principal, 'network.manage', {
                network: input.network,
              })
            ).network;
      if (input.network !== undefined && network === undefined)
        throw notFound(`There is no network "${input.network}".`);
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
      if (input.codes !== undefined) await putCodes(repos, created, input.codes);
      await repos.audit.record({
        actor: principal.actor,
        action: 'city.created',
        entityType: 'city',
        entityKey: input.slug,
        cityId: created.id,
        after: { ...snapshot(created), codes: input.codes ?? {} },
      });
      if (network !== undefined) {
        await repos.networks.upsertMember(network.id, created.id, 'partner');
        await repos.audit.record({
          ...memberEvent(principal, network, created),
          action: 'member.added',
          after: { role: 'partner' },
        });
      }
    });
    return this.detail(this.uow.repos, principal, input.slug);
  }

  /** Changes a city's details: its editors (and administrators) only. */
  async update(
    principal: Principal,
    slug: string,
    patch: CityPatch,
    pre: Preconditions,
  ): Promise<CityDetail> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'city.edit', { city: slug });
      const current = await requireCity(repos, slug);
      await updateVersioned(repos, versionedCity(current), current, {
        principal,
        pre,
        action: 'city.updated',
        write: async (c) => {
          if (!(await repos.cities.update(c.id, c.version, patch))) return false;
          if (patch.codes !== undefined) await putCodes(repos, c, patch.codes);
          return true;
        },
        reload: () => repos.cities.findBySlug(slug),
      });
    });
    return this.detail(this.uow.repos, principal, slug);
  }

  /** Deletes a city that has no reported values (409 otherwise). */
  async delete(principal: Principal, slug: string, pre: Preconditions): Promise<void> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'admin', { city: slug });
      const current = await requireCity(repos, slug);
      await deleteVersioned(repos, versionedCity(current), current, {
        principal,
        pre,
        action: 'city.deleted',
        check: async () => {
          const stats = await repos.cities.observationStats(current.id);
          if (stats.observationCount > 0) {
            throw new AppError(
              'conflict',
              `${current.name} has ${stats.observationCount} reported ${stats.observationCount === 1 ? 'value' : 'values'}; delete them before deleting the city.`,
              { observations: stats.observationCount },
            );
          }
        },
        remove: (c) => repos.cities.deleteIfVersion(c.id, c.version),
      });
    });
  }
}

/** Sets a city's codes; a code another city already has in that scheme is a 409 naming it. */
async function putCodes(
  repos: Repositories,
  city: CityRecord,
  codes: Readonly<Record<string, string | null>>,
): Promise<void> {
  for (const [scheme, code] of Object.entries(codes)) {
    if (code === null) continue;
    const owner = await repos.cities.findByCode(scheme, code.trim());
    if (owner !== undefined && owner !== city.id) {
      const other = (await repos.cities.list()).find((c) => c.id === owner);
      throw new AppError(
        'conflict',
        `The ${scheme} code ${code.trim()} belongs to ${other?.name ?? 'another city'} already.`,
        [{ path: `/codes/${scheme}`, message: 'Already used.' }],
      );
    }
  }
  await repos.cities.putCodes(city.id, codes);
}

const minOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);
const maxOf = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);
