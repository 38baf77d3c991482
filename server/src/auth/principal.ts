import type { GrantRecord, Role } from '../repositories/auth.repository';
import type { Actor } from './actor';

export interface SignedInUser {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
}

/** How a signed-in principal proved who it is. */
export interface Credentials {
  /** An API token (`Authorization: Bearer`) rather than the session cookie. */
  readonly viaToken: boolean;
  /** A read-only API token: no action that changes data. */
  readonly readOnly: boolean;
  /**
   * Roles not counted because the configuration requires a second factor for
   * them and the user has not set one up (they may still set it up).
   */
  readonly heldBack: readonly Role[];
}

const SESSION: Credentials = Object.freeze({ viaToken: false, readOnly: false, heldBack: [] });

/**
 * Who is asking and what they may do: the one identity every caller has,
 * passed explicitly to the policy (auth/policy.ts) and to every service.
 *
 * - anonymous: a visitor; a new instance per request (it memoises the read scope).
 * - user: a signed-in user with their role grants, by session or API token.
 * - system: the command line and seeds; may do everything.
 *
 * Roles: admin (everything), coordinator of a network (its catalogue,
 * members and details; reads it), editor of a city (the city's values,
 * ambitions and imports; reads the networks the city belongs to), viewer of a
 * network (reads it; private networks need a role to be read).
 */
export class Principal {
  readonly isAdmin: boolean;
  private readonly coordinates: ReadonlySet<number>;
  private readonly edits: ReadonlySet<number>;
  private readonly member: ReadonlySet<number>;

  private constructor(
    readonly kind: 'anonymous' | 'user' | 'system',
    readonly user: SignedInUser | null,
    readonly grants: readonly GrantRecord[],
    /** Networks the user's editor cities belong to. */
    editorNetworkIds: readonly number[],
    readonly credentials: Credentials,
  ) {
    const ids = (role: Role, key: 'networkId' | 'cityId'): number[] =>
      grants.filter((g) => g.role === role && g[key] !== null).map((g) => g[key]!);
    this.isAdmin = kind === 'system' || grants.some((g) => g.role === 'admin');
    this.coordinates = new Set(ids('coordinator', 'networkId'));
    this.edits = new Set(ids('editor', 'cityId'));
    this.member = new Set([
      ...this.coordinates,
      ...ids('viewer', 'networkId'),
      ...editorNetworkIds,
    ]);
  }

  /** A visitor. A new object per request, so per-request memos never outlive it. */
  static anonymous(): Principal {
    return new Principal('anonymous', null, [], [], SESSION);
  }

  /** The command line, seeds and maintenance: may do everything; history says "system". */
  static readonly system: Principal = new Principal('system', null, [], [], SESSION);

  /** A signed-in user with their grants (held-back roles already left out). */
  static user(
    user: SignedInUser,
    grants: readonly GrantRecord[],
    editorNetworkIds: readonly number[],
    credentials: Credentials = SESSION,
  ): Principal {
    return new Principal('user', user, grants, editorNetworkIds, credentials);
  }

  get signedIn(): boolean {
    return this.kind !== 'anonymous';
  }

  get readOnly(): boolean {
    return this.credentials.readOnly;
  }

  get viaToken(): boolean {
    return this.credentials.viaToken;
  }

  /** Appended to a refusal when a role was held back for want of a second factor. */
  get heldBackNote(): string {
    const held = this.credentials.heldBack;
    if (held.length === 0) return '';
    return ` Your ${held.join(' and ')} role needs two-factor authentication: set it up on your account page.`;
  }

  /** How the principal appears in history and on public pages: a display name, never an email. */
  get actor(): Actor {
    if (this.user !== null) return { userId: this.user.id, label: this.user.displayName };
    return { userId: null, label: this.kind === 'system' ? 'system' : 'anonymous' };
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
