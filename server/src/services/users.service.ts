import type { Principal } from '../auth/principal';
import { hashPassword } from '../auth/passwords';
import { newToken, tokenHash } from '../auth/tokens';
import { conflict, notFound, validationFailed } from '../errors';
import type { GrantRecord, Role, UserRecord } from '../repositories/auth.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import { enforce } from '../auth/policy';
import { normaliseEmail, requireStrongPassword } from './auth.service';

/** Invitation links are valid for a week. */
export const INVITATION_DAYS = 7;

export interface RoleGrantDto {
  id: number;
  role: Role;
  network: { slug: string; name: string } | null;
  city: { slug: string; name: string } | null;
}

export interface UserDto {
  id: number;
  email: string;
  displayName: string;
  disabled: boolean;
  hasPassword: boolean;
  secondFactor: boolean;
  createdAt: string;
  lastSignInAt: string | null;
  roles: RoleGrantDto[];
}

export interface Invitation {
  /** Path of the page where the user sets a password; the token is in the fragment so no server logs it. */
  path: string;
  expiresAt: string;
}

export function toGrantDto(grant: GrantRecord): RoleGrantDto {
  return {
    id: grant.id,
    role: grant.role,
    network:
      grant.networkSlug === null
        ? null
        : { slug: grant.networkSlug, name: grant.networkName ?? '' },
    city: grant.citySlug === null ? null : { slug: grant.citySlug, name: grant.cityName ?? '' },
  };
}

function toUserDto(user: UserRecord, grants: readonly GrantRecord[]): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    secondFactor: user.hasSecondFactor,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    roles: grants.filter((g) => g.userId === user.id).map(toGrantDto),
  };
}

/** Accounts are the administrators' business (and the command line's). */
function requireAdmin(principal: Principal, action: 'admin' | 'admin.read' = 'admin'): void {
  enforce(principal, action, {});
}

/** Accounts and roles, managed by administrators (and by `npm run user:create`). */
export class UsersService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(principal: Principal): Promise<{ users: UserDto[] }> {
    requireAdmin(principal, 'admin.read');
    const { repos } = this.uow;
    const users = await repos.auth.listUsers();
    const grants = await repos.auth.grantsOfUsers(users.map((u) => u.id));
    return { users: users.map((u) => toUserDto(u, grants)) };
  }

  async get(principal: Principal, id: number): Promise<UserDto> {
    requireAdmin(principal, 'admin.read');
    return this.load(this.uow.repos, id);
  }

  private async load(repos: Repositories, id: number): Promise<UserDto> {
    const user = await repos.auth.findUser(id);
    if (user === undefined) throw notFound(`There is no user with id ${id}.`);
    return toUserDto(user, await repos.auth.grantsOf(id));
  }

  /**
   * Creates an account. Without a password the answer carries an invitation
   * link (valid for a week) where the new user chooses one.
   */
  async create(
    principal: Principal,
    input: { email: string; displayName?: string; password?: string; role?: Role },
  ): Promise<{ user: UserDto; invitation: Invitation | null }> {
    requireAdmin(principal);
    const email = normaliseEmail(input.email);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254) {
      throw validationFailed(`"${input.email}" is not an email address.`, [
        { path: '/email', message: 'Enter an email address like name@city.eu.' },
      ]);
    }
    if (input.password !== undefined)
      await requireStrongPassword(input.password, email, '/password');
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      if ((await repos.auth.findUserByEmail(email)) !== undefined) {
        throw conflict(`There is already an account for ${email}.`);
      }
      const user = await repos.auth.insertUser({
        email,
        displayName: input.displayName?.trim() || email.split('@')[0]!,
        passwordHash,
      });
      await repos.audit.record({
        actor,
        action: 'user.created',
        entityType: 'user',
        entityKey: email,
        after: { email, displayName: user.displayName },
      });
      if (input.role === 'admin') {
        await repos.auth.insertGrant({
          userId: user.id,
          role: 'admin',
          networkId: null,
          cityId: null,
          grantedBy: actor.userId,
        });
        await repos.audit.record({
          actor,
          action: 'role.granted',
          entityType: 'user',
          entityKey: email,
          after: { role: 'admin' },
        });
      }
      const invitation =
        passwordHash === null ? await this.invite(repos, user.id, actor.userId) : null;
      return { user: await this.load(repos, user.id), invitation };
    });
  }

  private async invite(
    repos: Repositories,
    userId: number,
    createdBy: number | null,
  ): Promise<Invitation> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await repos.auth.revokeTokensOf(userId);
    await repos.auth.insertToken({ tokenHash: tokenHash(token), userId, createdBy, expiresAt });
    return { path: `/welcome#token=${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** A new invitation link (also how a forgotten password is reset). Older links stop working. */
  async reinvite(principal: Principal, id: number): Promise<Invitation> {
    requireAdmin(principal);
    return this.uow.transaction(async (repos) => {
      const user = await repos.auth.findUser(id);
      if (user === undefined) throw notFound(`There is no user with id ${id}.`);
      const invitation = await this.invite(repos, id, principal.actor.userId);
      await repos.audit.record({
        actor: principal.actor,
        action: 'user.invited',
        entityType: 'user',
        entityKey: user.email,
      });
      return invitation;
    });
  }

  /** Renames or disables/enables an account; disabling ends its sessions at once. */
  async update(
    principal: Principal,
    id: number,
    input: { displayName?: string; disabled?: boolean },
  ): Promise<UserDto> {
    requireAdmin(principal);
    return this.uow.transaction(async (repos) => {
      const user = await repos.auth.findUser(id);
      if (user === undefined) throw notFound(`There is no user with id ${id}.`);
      if (input.disabled === true && !user.disabled) {
        if (id === principal.actor.userId)
          throw conflict('You cannot disable your own account; ask another administrator.');
        const grants = await repos.auth.grantsOf(id);
        if (grants.some((g) => g.role === 'admin') && (await repos.auth.countActiveAdmins()) <= 1)
          throw conflict('This is the last active administrator; it cannot be disabled.');
      }
      await repos.auth.updateUser(id, {
        displayName: input.displayName?.trim() || undefined,
        disabled: input.disabled,
      });
      if (input.disabled === true) await repos.auth.deleteSessionsOf(id);
      if (input.disabled !== undefined && input.disabled !== user.disabled) {
        await repos.audit.record({
          actor: principal.actor,
          action: input.disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityKey: user.email,
        });
      }
      return this.load(repos, id);
    });
  }

  /** Grants a role: admin (no scope), coordinator or viewer of a network, editor of a city. */
  async grant(
    principal: Principal,
    id: number,
    input: { role: Role; network?: string; city?: string },
  ): Promise<{ grant: RoleGrantDto; created: boolean }> {
    requireAdmin(principal);
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      const user = await repos.auth.findUser(id);
      if (user === undefined) throw notFound(`There is no user with id ${id}.`);
      let networkId: number | null = null;
      let cityId: number | null = null;
      if (input.role === 'coordinator' || input.role === 'viewer') {
        if (input.network === undefined || input.city !== undefined)
          throw validationFailed(
            `A ${input.role} role is granted for a network: give "network" only.`,
          );
        const network = await repos.networks.findRefBySlug(input.network);
        if (network === undefined) throw notFound(`There is no network "${input.network}".`);
        networkId = network.id;
      } else if (input.role === 'editor') {
        if (input.city === undefined || input.network !== undefined)
          throw validationFailed('An editor role is granted for a city: give "city" only.');
        const city = await repos.cities.findBySlug(input.city);
        if (city === undefined) throw notFound(`There is no city "${input.city}".`);
        cityId = city.id;
      } else if (input.network !== undefined || input.city !== undefined) {
        throw validationFailed(
          'The admin role covers the whole installation: give no network or city.',
        );
      }
      const grantId = await repos.auth.insertGrant({
        userId: id,
        role: input.role,
        networkId,
        cityId,
        grantedBy: actor.userId,
      });
      const created = grantId !== undefined;
      const grant = created
        ? await repos.auth.findGrant(grantId)
        : (await repos.auth.grantsOf(id)).find(
            (g) => g.role === input.role && g.networkId === networkId && g.cityId === cityId,
          );
      if (created) {
        await repos.audit.record({
          actor,
          action: 'role.granted',
          entityType: 'user',
          entityKey: user.email,
          networkId,
          cityId,
          after: { role: input.role, network: input.network ?? null, city: input.city ?? null },
        });
      }
      return { grant: toGrantDto(grant!), created };
    });
  }

  async revoke(principal: Principal, id: number, grantId: number): Promise<void> {
    requireAdmin(principal);
    await this.uow.transaction(async (repos) => {
      const grant = await repos.auth.findGrant(grantId);
      if (grant?.userId !== id) throw notFound(`User ${id} has no role grant ${grantId}.`);
      if (grant.role === 'admin' && (await repos.auth.countActiveAdmins()) <= 1)
        throw conflict('This is the last active administrator; the admin role cannot be removed.');
      await repos.auth.deleteGrant(grantId);
      const user = await repos.auth.findUser(id);
      await repos.audit.record({
        actor: principal.actor,
        action: 'role.revoked',
        entityType: 'user',
        entityKey: user?.email ?? String(id),
        networkId: grant.networkId,
        cityId: grant.cityId,
        before: { role: grant.role, network: grant.networkSlug, city: grant.citySlug },
      });
    });
  }
}
