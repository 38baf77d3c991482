import type { GrantRecord, Role } from '../repositories/auth.repository';
import type { Actor } from '../services/actor';

export interface SignedInUser {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
}

/**
 * Who is asking and what they may do: the signed-in user with their role
 * grants, or an anonymous visitor. Built once per request from the session.
 *
 * - admin: everything in the installation.
 * - coordinator of a network: its catalogue, members and details; reads it.
 * - editor of a city: the city's values, ambitions and imports; reads the
 *   networks the city belongs to.
 * - viewer of a network: reads it (private networks need a role to be read).
 */
export class Principal {
  readonly isAdmin: boolean;
  private readonly coordinates: ReadonlySet<number>;
  private readonly edits: ReadonlySet<number>;
  private readonly member: ReadonlySet<number>;

  constructor(
    readonly user: SignedInUser | null,
    readonly grants: readonly GrantRecord[] = [],
    /** Networks the user's editor cities belong to. */
    editorNetworkIds: readonly number[] = [],
  ) {
    const ids = (role: Role, key: 'networkId' | 'cityId'): number[] =>
      grants.filter((g) => g.role === role && g[key] !== null).map((g) => g[key]!);
    this.isAdmin = grants.some((g) => g.role === 'admin');
    this.coordinates = new Set(ids('coordinator', 'networkId'));
    this.edits = new Set(ids('editor', 'cityId'));
    this.member = new Set([
      ...this.coordinates,
      ...ids('viewer', 'networkId'),
      ...editorNetworkIds,
    ]);
  }

  static readonly anonymous = new Principal(null);

  get signedIn(): boolean {
    return this.user !== null;
  }

  get actor(): Actor {
    return this.user === null
      ? { userId: null, label: 'anonymous' }
      : { userId: this.user.id, label: this.user.email };
  }

  /** Member of a network: may read it even when it is private. */
  isMemberOf(networkId: number): boolean {
    return this.isAdmin || this.member.has(networkId);
  }

  canManageNetwork(networkId: number): boolean {
    return this.isAdmin || this.coordinates.has(networkId);
  }

  canEditCity(cityId: number): boolean {
    return this.isAdmin || this.edits.has(cityId);
  }

  /** Admins and coordinators may register new cities (to add them to a network). */
  get canCreateCities(): boolean {
    return this.isAdmin || this.coordinates.size > 0;
  }

  /** Whether the user edits at least one city (may start an import). */
  get editsAnyCity(): boolean {
    return this.isAdmin || this.edits.size > 0;
  }

  /** Networks the user is a member of (empty for admins, who read everything anyway). */
  get memberNetworkIds(): readonly number[] {
    return [...this.member];
  }
}

/**
 * What a request may read: `null` for everything (admins), otherwise the
 * networks whose data it may see (public ones plus its memberships).
 * Services filter every list and every cross-network read by it.
 */
export interface ReadScope {
  readonly networkIds: ReadonlySet<number> | null;
  /**
   * The networks whose drafts (values not yet approved) the request sees:
   * its memberships, `null` for all (admins). Others see the published copy.
   */
  readonly draftNetworkIds: ReadonlySet<number> | null;
}

export const FULL_SCOPE: ReadScope = Object.freeze({ networkIds: null, draftNetworkIds: null });

/** Whether the reader sees a network's drafts rather than its approved values only. */
export function seesDrafts(scope: ReadScope, networkId: number): boolean {
  return scope.draftNetworkIds === null || scope.draftNetworkIds.has(networkId);
}

export function canRead(scope: ReadScope, networkId: number): boolean {
  return scope.networkIds === null || scope.networkIds.has(networkId);
}

/** The ids to filter by, or undefined when nothing is filtered. */
export function scopeIds(scope: ReadScope): readonly number[] | undefined {
  return scope.networkIds === null ? undefined : [...scope.networkIds];
}

/** One part of a read: all values (`published: false`) or the approved copy, of these networks (undefined = all). */
export interface ReadPart {
  readonly published: boolean;
  readonly networkIds: readonly number[] | undefined;
}

/**
 * How to read values for a scope: the drafts of the networks the reader is a
 * member of, the approved copy of the other readable ones.
 */
export function readParts(scope: ReadScope): ReadPart[] {
  if (scope.draftNetworkIds === null) return [{ published: false, networkIds: undefined }];
  const drafts = [...scope.draftNetworkIds];
  const parts: ReadPart[] = [];
  if (drafts.length > 0) parts.push({ published: false, networkIds: drafts });
  const others =
    scope.networkIds === null
      ? undefined
      : [...scope.networkIds].filter((id) => !scope.draftNetworkIds!.has(id));
  if (others === undefined) {
    // Everything readable; published for all but the member networks.
    parts.push({ published: true, networkIds: undefined });
  } else if (others.length > 0) parts.push({ published: true, networkIds: others });
  return parts;
}
