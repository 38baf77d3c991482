import { type Principal, canRead, seesDrafts } from '../auth/principal';
import { AppError, notFound } from '../errors';
import type { InvitationRecord, NetworkRecord } from '../repositories/network.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  MembershipBody,
  MembershipResponse,
  NetworkCreate,
  NetworkPatch,
} from '../schemas/catalogue.schema';
import type { NetworkDetail, NetworkListResponse, NetworkSummary } from '../schemas/network.schema';
import type { AccessService } from './access.service';
import { requireCity, requireNetwork } from './lookup';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, updateVersioned, type Versioned } from './versioned-change';

export function toYearRange(
  first: number | null,
  last: number | null,
): { first: number; last: number } | null {
  return first === null || last === null ? null : { first, last };
}

/** A network as the API shows it; `drafts`: the reader is a member (years count drafts). */
export function toNetworkSummary(row: NetworkRecord, drafts = true): NetworkSummary {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    isPublic: row.isPublic,
    dataKind: row.dataKind,
    citation: row.citation,
    licence: row.licence,
    cityCount: row.cityCount,
    indicatorCount: row.indicatorCount,
    dataYears: drafts
      ? toYearRange(row.firstYear, row.lastYear)
      : toYearRange(row.publishedFirstYear, row.publishedLastYear),
    version: row.version,
    etag: etagOf(row.id, row.version),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const snapshot = (row: NetworkRecord): Record<string, unknown> => ({
  name: row.name,
  description: row.description,
  isPublic: row.isPublic,
  dataKind: row.dataKind,
  citation: row.citation,
  licence: row.licence,
  version: row.version,
});

/** A network as a versioned record (versioned-change.ts). */
const versionedNetwork = (row: NetworkRecord): Versioned<NetworkRecord> => ({
  what: 'network',
  etag: (r) => etagOf(r.id, r.version),
  body: (r) => toNetworkSummary(r),
  snapshot,
  audit: { entityType: 'network', entityKey: row.slug, networkId: row.id },
});

/** A pending invitation as the API shows it. */
export interface InvitationDto {
  network: { slug: string; name: string };
  city: { slug: string; name: string };
  role: 'lead_partner' | 'partner';
  invitedBy: string;
  invitedAt: string;
}

function toInvitation(record: InvitationRecord): InvitationDto {
  return {
    network: { slug: record.networkSlug, name: record.networkName },
    city: { slug: record.citySlug, name: record.cityName },
    role: record.role,
    invitedBy: record.invitedBy,
    invitedAt: record.invitedAt.toISOString(),
  };
}

/** What every audit event of a membership says: who, and which network and city. */
export function memberEvent(
  principal: Principal,
  network: { id: number; slug: string },
  city: { id: number; slug: string },
) {
  return {
    actor: principal.actor,
    entityType: 'member',
    entityKey: `${network.slug}/${city.slug}`,
    networkId: network.id,
    cityId: city.id,
  };
}

/**
 * Networks of partner cities and their membership. A city joins a network
 * by consent: a coordinator invites it and one of the city's editors (or an
 * administrator) accepts; coordinators never take a city over by adding it.
 */
export class NetworkService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /** The networks a reader may see: public ones and their memberships. */
  async list(principal: Principal): Promise<NetworkListResponse> {
    const scope = await this.access.scopeOf(principal);
    const rows = await this.uow.repos.networks.list();
    return {
      networks: rows
        .filter((n) => canRead(scope, n.id))
        .map((n) => toNetworkSummary(n, seesDrafts(scope, n.id))),
    };
  }

  async get(principal: Principal, slug: string): Promise<NetworkDetail> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'network.read', { network: slug });
    const row = await repos.networks.findBySlug(slug);
    if (row === undefined) throw notFound(`There is no network "${slug}".`);
    const members = await repos.networks.listMembers(row.id);
    const goals = await repos.networks.listGoals(row.id);
    return {
      ...toNetworkSummary(row, seesDrafts(await this.access.scopeOf(principal), row.id)),
      members: members.map((m) => ({
        slug: m.slug,
        name: m.name,
        countryCode: m.countryCode,
        population: m.population,
        role: m.role,
      })),
      goals,
    };
  }

  async create(principal: Principal, input: NetworkCreate): Promise<NetworkDetail> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'admin', {});
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
        actor: principal.actor,
        action: 'network.created',
        entityType: 'network',
        entityKey: input.slug,
        networkId: created.id,
        after: snapshot(created),
      });
    });
    return this.get(principal, input.slug);
  }

  async update(
    principal: Principal,
    slug: string,
    patch: NetworkPatch,
    pre: Preconditions,
  ): Promise<NetworkDetail> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'network.manage', { network: slug });
      const current = await requireNetwork(repos, slug);
      await updateVersioned(repos, versionedNetwork(current), current, {
        principal,
        pre,
        action: 'network.updated',
        write: (n) => repos.networks.update(n.id, n.version, patch),
        reload: () => repos.networks.findBySlug(slug),
      });
    });
    return this.get(principal, slug);
  }

  /** Deletes an empty network; one holding values is refused (409). */
  async delete(principal: Principal, slug: string, pre: Preconditions): Promise<void> {
    await this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'admin', { network: slug });
      const current = await requireNetwork(repos, slug);
      await deleteVersioned(repos, versionedNetwork(current), current, {
        principal,
        pre,
        action: 'network.deleted',
        check: async (n) => {
          const values = await repos.networks.countObservations(n.id);
          if (values > 0) {
            throw new AppError(
              'conflict',
              `The network "${slug}" holds ${values} reported ${values === 1 ? 'value' : 'values'}; delete or archive its indicators' data before deleting it.`,
              { observations: values },
            );
          }
        },
        remove: (n) => repos.networks.deleteIfVersion(n.id, n.version),
      });
    });
  }

  /**
   * A membership a network's coordinator manages: the check, the network and
   * the city (404 for either), and the membership if the city is a member.
   */
  private async member(
    repos: Repositories,
    principal: Principal,
    networkSlug: string,
    citySlug: string,
  ) {
    await this.access.check(repos, principal, 'network.manage', {
      network: networkSlug,
      city: citySlug,
    });
    const network = await requireNetwork(repos, networkSlug);
    const city = await requireCity(repos, citySlug);
    const before = await repos.networks.findMember(network.id, city.id);
    return { network, city, before };
  }

  /**
   * Invites a city into a network, or changes a member's role. The city
   * joins at once only when the caller may answer for it (an administrator,
   * or one of its editors); otherwise it is invited and joins when one of
   * its editors accepts.
   */
  async putMember(
    principal: Principal,
    networkSlug: string,
    citySlug: string,
    body: MembershipBody,
  ): Promise<{ membership: MembershipResponse; created: boolean }> {
    return this.uow.transaction(async (repos) => {
      const { network, city, before } = await this.member(repos, principal, networkSlug, citySlug);
      const membership = { network: network.slug, city: city.slug, role: body.role };
      if (before === undefined && !principal.canEditCity(city.id)) {
        await repos.networks.putInvitation({
          networkId: network.id,
          cityId: city.id,
          role: body.role,
          invitedBy: principal.actor.userId,
          invitedByLabel: principal.actor.label,
        });
        await repos.audit.record({
          ...memberEvent(principal, network, city),
          action: 'member.invited',
          after: { role: body.role },
        });
        return { membership: { ...membership, status: 'invited' as const }, created: false };
      }
      if (before?.role !== body.role) {
        await repos.networks.upsertMember(network.id, city.id, body.role);
        await repos.networks.deleteInvitation(network.id, city.id);
        await repos.audit.record({
          ...memberEvent(principal, network, city),
          action: before === undefined ? 'member.added' : 'member.updated',
          before: before ?? null,
          after: { role: body.role },
        });
      }
      return {
        membership: { ...membership, status: 'member' as const },
        created: before === undefined,
      };
    });
  }

  /** A network's pending invitations (its coordinators). */
  async invitationsOfNetwork(
    principal: Principal,
    networkSlug: string,
  ): Promise<{ invitations: InvitationDto[] }> {
    const { repos } = this.uow;
    const { network } = await this.access.check(repos, principal, 'network.manage', {
      network: networkSlug,
    });
    if (network === undefined) throw notFound(`There is no network "${networkSlug}".`);
    return {
      invitations: (await repos.networks.invitationsOfNetwork(network.id)).map(toInvitation),
    };
  }

  /** A city's pending invitations (its editors): the networks that want it as a member. */
  async invitationsOfCity(
    principal: Principal,
    citySlug: string,
  ): Promise<{ invitations: InvitationDto[] }> {
    const { repos } = this.uow;
    const { city } = await this.access.check(repos, principal, 'membership.respond', {
      city: citySlug,
    });
    if (city === undefined) throw notFound(`There is no city "${citySlug}".`);
    return { invitations: (await repos.networks.invitationsOfCity(city.id)).map(toInvitation) };
  }

  /**
   * A city's editor accepts (the city becomes a member) or declines an
   * invitation. The inviting network is named by the invitation itself, so
   * a private network's invitation can be answered before the city is in it.
   */
  async answerInvitation(
    principal: Principal,
    citySlug: string,
    networkSlug: string,
    answer: 'accept' | 'decline',
  ): Promise<MembershipResponse> {
    return this.uow.transaction(async (repos) => {
      const { city } = await this.access.check(repos, principal, 'membership.respond', {
        city: citySlug,
      });
      if (city === undefined) throw notFound(`There is no city "${citySlug}".`);
      const invitation = await repos.networks.findInvitationBySlugs(networkSlug, city.id);
      if (invitation === undefined)
        throw notFound(`${city.name} has no invitation from "${networkSlug}".`);
      await repos.networks.deleteInvitation(invitation.networkId, city.id);
      if (answer === 'accept')
        await repos.networks.upsertMember(invitation.networkId, city.id, invitation.role);
      await repos.audit.record({
        actor: principal.actor,
        action: answer === 'accept' ? 'member.added' : 'member.declined',
        entityType: 'member',
        entityKey: `${invitation.networkSlug}/${city.slug}`,
        networkId: invitation.networkId,
        cityId: city.id,
        after: { role: invitation.role },
        comment: `Invited by ${invitation.invitedBy}`,
      });
      return {
        network: invitation.networkSlug,
        city: city.slug,
        role: invitation.role,
        status: answer === 'accept' ? 'member' : 'declined',
      };
    });
  }

  /**
   * Withdraws an invitation, or removes a city from a network unless it
   * reported values for the network's indicators.
   */
  async deleteMember(principal: Principal, networkSlug: string, citySlug: string): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const { network, city, before } = await this.member(repos, principal, networkSlug, citySlug);
      if (before === undefined) {
        if (await repos.networks.deleteInvitation(network.id, city.id)) {
          await repos.audit.record({
            ...memberEvent(principal, network, city),
            action: 'member.invitation_withdrawn',
          });
          return;
        }
        throw notFound(`${city.name} is not a member of "${network.slug}".`);
      }
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
        ...memberEvent(principal, network, city),
        action: 'member.removed',
        before,
      });
    });
  }
}
