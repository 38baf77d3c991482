import { type ReadScope, canRead } from '../auth/principal';
import { AppError, notFound } from '../errors';
import type { NetworkWithStats } from '../repositories/network.repository';
import type { UnitOfWork } from '../repositories/unit-of-work';
import type {
  MembershipBody,
  MembershipResponse,
  NetworkCreate,
  NetworkPatch,
} from '../schemas/catalogue.schema';
import type { NetworkDetail, NetworkListResponse, NetworkSummary } from '../schemas/network.schema';
import type { Actor } from './actor';
import { requireCity, requireNetwork } from './lookup';
import {
  checkDeletePreconditions,
  checkWritePreconditions,
  concurrentChange,
  etagOf,
  type Preconditions,
} from './preconditions';

export function toYearRange(
  first: number | null,
  last: number | null,
): { first: number; last: number } | null {
  return first === null || last === null ? null : { first, last };
}

export function toNetworkSummary(row: NetworkWithStats): NetworkSummary {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    isPublic: row.is_public,
    dataKind: row.data_kind,
    citation: row.citation,
    licence: row.licence,
    cityCount: row.city_count,
    indicatorCount: row.indicator_count,
    dataYears: toYearRange(row.first_year, row.last_year),
    version: row.version,
    etag: etagOf(row.id, row.version),
    updatedAt: row.updated_at.toISOString(),
  };
}

const snapshot = (row: NetworkWithStats): Record<string, unknown> => ({
  name: row.name,
  description: row.description,
  isPublic: row.is_public,
  dataKind: row.data_kind,
  citation: row.citation,
  licence: row.licence,
  version: row.version,
});

/** Networks of partner cities and their membership. */
export class NetworkService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The networks a reader may see: public ones and their memberships. */
  async list(scope: ReadScope): Promise<NetworkListResponse> {
    const rows = await this.uow.repos.networks.list();
    return { networks: rows.filter((n) => canRead(scope, n.id)).map(toNetworkSummary) };
  }

  async get(slug: string): Promise<NetworkDetail> {
    const { repos } = this.uow;
    const row = await repos.networks.findBySlug(slug);
    if (row === undefined) throw notFound(`There is no network "${slug}".`);
    const members = await repos.networks.listMembers(row.id);
    const goals = await repos.networks.listGoals(row.id);
    return {
      ...toNetworkSummary(row),
      members: members.map((m) => ({
        slug: m.slug,
        name: m.name,
        countryCode: m.country_code,
        population: m.population,
        role: m.role,
      })),
      goals,
    };
  }

  async create(actor: Actor, input: NetworkCreate): Promise<NetworkDetail> {
    await this.uow.transaction(async (repos) => {
      if ((await repos.networks.findBySlug(input.slug)) !== undefined) {
        throw new AppError(
          'conflict',
          `A network "${input.slug}" already exists; choose another slug.`,
        );
      }
      await repos.networks.insert({
        slug: input.slug,
        name: input.name,
        description: input.description ?? '',
        isPublic: input.isPublic ?? true,
        dataKind: input.dataKind ?? 'reported',
        citation: input.citation ?? null,
        licence: input.licence ?? null,
      });
      const created = (await repos.networks.findBySlug(input.slug))!;
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'network.created',
        entityType: 'network',
        entityKey: input.slug,
        networkId: created.id,
        after: snapshot(created),
      });
    });
    return this.get(input.slug);
  }

  async update(
    actor: Actor,
    slug: string,
    patch: NetworkPatch,
    pre: Preconditions,
  ): Promise<NetworkDetail> {
    await this.uow.transaction(async (repos) => {
      const current = await requireNetwork(repos, slug);
      checkWritePreconditions(
        pre,
        { etag: etagOf(current.id, current.version), body: toNetworkSummary(current) },
        'network',
      );
      if (!(await repos.networks.update(current.id, current.version, patch))) {
        throw concurrentChange(
          'network',
          toNetworkSummary((await repos.networks.findBySlug(slug))!),
        );
      }
      const updated = (await repos.networks.findBySlug(slug))!;
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'network.updated',
        entityType: 'network',
        entityKey: slug,
        networkId: current.id,
        before: snapshot(current),
        after: snapshot(updated),
      });
    });
    return this.get(slug);
  }

  /** Deletes an empty network; one holding values is refused (409). */
  async delete(actor: Actor, slug: string, pre: Preconditions): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const current = await requireNetwork(repos, slug);
      checkDeletePreconditions(
        pre,
        { etag: etagOf(current.id, current.version), body: toNetworkSummary(current) },
        'network',
      );
      const values = await repos.networks.countObservations(current.id);
      if (values > 0) {
        throw new AppError(
          'conflict',
          `The network "${slug}" holds ${values} reported ${values === 1 ? 'value' : 'values'}; delete or archive its indicators' data before deleting it.`,
          { observations: values },
        );
      }
      if (!(await repos.networks.deleteIfVersion(current.id, current.version)))
        throw concurrentChange('network', null);
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'network.deleted',
        entityType: 'network',
        entityKey: slug,
        networkId: current.id,
        before: snapshot(current),
      });
    });
  }

  /** Adds a city to a network, or changes its role. */
  async putMember(
    actor: Actor,
    networkSlug: string,
    citySlug: string,
    body: MembershipBody,
  ): Promise<{ membership: MembershipResponse; created: boolean }> {
    return this.uow.transaction(async (repos) => {
      const network = await requireNetwork(repos, networkSlug);
      const city = await requireCity(repos, citySlug);
      const before = await repos.networks.findMember(network.id, city.id);
      if (before?.role !== body.role) {
        await repos.networks.upsertMember(network.id, city.id, body.role);
        await repos.audit.record({
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: before === undefined ? 'member.added' : 'member.updated',
          entityType: 'member',
          entityKey: `${network.slug}/${city.slug}`,
          networkId: network.id,
          cityId: city.id,
          before: before ?? null,
          after: { role: body.role },
        });
      }
      return {
        membership: { network: network.slug, city: city.slug, role: body.role },
        created: before === undefined,
      };
    });
  }

  /** Removes a city from a network unless it reported values for the network's indicators. */
  async deleteMember(actor: Actor, networkSlug: string, citySlug: string): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const network = await requireNetwork(repos, networkSlug);
      const city = await requireCity(repos, citySlug);
      const before = await repos.networks.findMember(network.id, city.id);
      if (before === undefined)
        throw notFound(`${city.name} is not a member of "${network.slug}".`);
      const values = await repos.networks.countMemberObservations(network.id, city.id);
      if (values > 0) {
        throw new AppError(
          'conflict',
          `${city.name} reported ${values} ${values === 1 ? 'value' : 'values'} for this network; they must be deleted before the city leaves it.`,
          { observations: values },
        );
      }
      await repos.networks.deleteMember(network.id, city.id);
      await repos.audit.record({
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'member.removed',
        entityType: 'member',
        entityKey: `${network.slug}/${city.slug}`,
        networkId: network.id,
        cityId: city.id,
        before,
      });
    });
  }
}
