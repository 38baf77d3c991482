import { Principal, type Credentials, type SignedInUser } from '../auth/principal';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../auth/passwords';
import { isDemoAccount } from '../auth/demo-accounts';
import { isToken, newToken, tokenHash } from '../auth/tokens';
import { AppError, validationFailed } from '../errors';
import type { GrantRecord, Role, SessionRecord, UserRecord } from '../repositories/auth.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import { recordUserEvent, userActor } from './user-events';

export interface SessionPolicy {
  idleSeconds: number;
  maxSeconds: number;
  /** Demo accounts (@demo.example) may sign in: embedded demo only, unless DEMO_ACCOUNTS=true. */
  allowDemoAccounts: boolean;
  /** Roles that count only once the user has set up a second factor (SECOND_FACTOR_ROLES). */
  secondFactorRoles: readonly Role[];
}

/**
 * Throttling, so that nobody can lock someone else out: failures count per
 * (account, address) — 5, then 1 min doubling up to 1 h — and per address —
 * 30, then the same. A right password from an address without failures
 * always signs in. Second-factor codes count per account (only someone with
 * the password gets that far): 5, then the same doubling.
 */
export const THROTTLE = {
  accountAddress: { threshold: 5, baseSeconds: 60, maxSeconds: 3600 },
  address: { threshold: 30, baseSeconds: 60, maxSeconds: 3600 },
  secondFactor: { threshold: 5, baseSeconds: 60, maxSeconds: 3600 },
} as const;

/** Throttle keys: never one that a stranger's failures can fill for someone else. */
export const throttleKeys = {
  accountAddress: (email: string, ip: string): string => `account-ip:${email}|${ip}`,
  address: (ip: string): string => `ip:${ip}`,
  secondFactor: (userId: number): string => `second-factor:${userId}`,
};

/**
 * Seconds between writes of a session's last-seen time (a write per request
 * would be waste): a tenth of the idle timeout, at most a minute, so an
 * active session never lapses (it ends after at least 90 % of the idle time).
 */
export function touchAfterSeconds(idleSeconds: number): number {
  return Math.min(60, idleSeconds / 10);
}

/** How long the second step of a sign-in may wait, and how many codes it may try. */
const CHALLENGE_SECONDS = 300;
const CHALLENGE_ATTEMPTS = 5;

export interface SignedInSession {
  /** The token for the cookie; only its hash is stored. */
  token: string;
  session: SessionRecord;
  principal: Principal;
}

export interface ResolvedSession {
  session: SessionRecord;
  principal: Principal;
}

/** A sign-in either opens a session or, with a second factor set up, asks for a code first. */
export type SignInResult =
  ({ kind: 'signed-in' } & SignedInSession) | { kind: 'second-factor'; challenge: string };

const WRONG_CREDENTIALS = 'The email or password is not right.';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function userOf(record: UserRecord): SignedInUser {
  return { id: record.id, email: record.email, displayName: record.displayName };
}

/** Sign-in, sessions, sign-out, password changes and invitations. */
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: SessionPolicy,
  ) {}

  /**
   * The principal behind a user: their grants (without the roles held back
   * for want of a second factor) and the networks of the cities they edit.
   */
  async principalOf(
    repos: Repositories,
    user: UserRecord,
    credentials: Pick<Credentials, 'viaToken' | 'readOnly'> = { viaToken: false, readOnly: false },
  ): Promise<Principal> {
    const all = await repos.auth.grantsOf(user.id);
    const editorCities = all.filter((g) => g.role === 'editor').map((g) => g.cityId!);
    return this.principalFrom(
      user,
      all,
      await repos.auth.networksOfCities(editorCities),
      credentials,
    );
  }

  /**
   * The principal from a user's grants (all of them, as stored) and the
   * networks of the cities they edit: roles that need a second factor the
   * user has not set up are held back.
   */
  private principalFrom(
    user: UserRecord,
    all: readonly GrantRecord[],
    editorNetworkIds: readonly number[],
    credentials: Pick<Credentials, 'viaToken' | 'readOnly'> = { viaToken: false, readOnly: false },
  ): Principal {
    const heldBack = user.hasSecondFactor
      ? []
      : [...new Set(all.map((g) => g.role))].filter((r) =>
          this.policy.secondFactorRoles.includes(r),
        );
    const grants = all.filter((g) => !heldBack.includes(g.role));
    // Held-back editor grants edit nothing, so their cities' networks do not count.
    const networks = heldBack.includes('editor') ? [] : [...editorNetworkIds];
    return Principal.user(userOf(user), grants, networks, { ...credentials, heldBack });
  }

  /** The live session behind a cookie token, refreshing its last-seen time now and then. */
  async resolve(token: string): Promise<ResolvedSession | undefined> {
    if (!isToken(token)) return undefined;
    const { repos } = this.uow;
    // One round trip: session, user, grants and the networks of edited cities.
    const found = await repos.auth.findLiveSessionWithGrants(
      tokenHash(token),
      this.policy.idleSeconds,
    );
    if (found === undefined) return undefined;
    if (
      Date.now() - found.session.lastSeenAt.getTime() >
      touchAfterSeconds(this.policy.idleSeconds) * 1000
    ) {
      await repos.auth.touchSession(found.session.id);
    }
    return {
      session: found.session,
      principal: this.principalFrom(found.user, found.grants, found.editorNetworkIds),
    };
  }

  /**
   * Checks the throttles, then the password. Every failure says the same
   * thing and takes as long whether or not the email exists. With a second
   * factor set up, a right password yields a challenge for the code instead
   * of a session. A previous session sent with the request is destroyed:
   * the new one has a new id.
   */
  async signIn(input: {
    email: string;
    password: string;
    ip: string;
    userAgent: string | null;
    previousToken?: string;
  }): Promise<SignInResult> {
    const { repos } = this.uow;
    const email = normaliseEmail(input.email);
    const accountKey = throttleKeys.accountAddress(email, input.ip);
    const ipKey = throttleKeys.address(input.ip);
    await this.checkThrottle([accountKey, ipKey], 'sign-ins');

    const user = await repos.auth.findUserByEmail(email);
    const stored = user?.passwordHash ?? null;
    const passwordOk =
      stored !== null
        ? await verifyPassword(stored, input.password)
        : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
    const demoRefused = !this.policy.allowDemoAccounts && isDemoAccount(email);
    if (user === undefined || !passwordOk || user.disabled || demoRefused) {
      const account = await repos.auth.recordFailure(accountKey, THROTTLE.accountAddress);
      const ip = await repos.auth.recordFailure(ipKey, THROTTLE.address);
      await repos.audit.record({
        actor: { userId: null, label: 'anonymous' },
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityKey: email.slice(0, 254),
        after: {
          ip: input.ip,
          reason:
            user === undefined
              ? 'unknown'
              : !passwordOk
                ? 'password'
                : user.disabled
                  ? 'disabled'
                  : 'demo account on a real installation',
          failures: account.failures,
        },
      });
      const until = Math.max(account.blockedUntil?.getTime() ?? 0, ip.blockedUntil?.getTime() ?? 0);
      if (until > Date.now()) throw tooManyAttempts(until - Date.now(), 'sign-ins');
      throw new AppError('unauthorized', WRONG_CREDENTIALS);
    }

    // Expired sessions are never accepted; sign-ins are a convenient moment to remove them.
    await repos.auth.deleteExpiredSessions(this.policy.idleSeconds);
    await repos.auth.clearThrottle(accountKey);
    if (user.hasSecondFactor) {
      const challenge = newToken();
      await repos.credentials.insertChallenge({
        id: tokenHash(challenge),
        userId: user.id,
        expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000),
        ip: input.ip,
        userAgent: input.userAgent,
      });
      return { kind: 'second-factor', challenge };
    }
    return { kind: 'signed-in', ...(await this.openSession(user, input)) };
  }

  /**
   * The second step of a sign-in: the code from the authenticator app (or a
   * recovery code) for the challenge the password step handed out.
   */
  async completeSignIn(
    input: { challenge: string; code: string; previousToken?: string },
    verify: (user: UserRecord, code: string) => Promise<boolean>,
  ): Promise<SignedInSession> {
    const { repos } = this.uow;
    const expired = new AppError(
      'unauthorized',
      'This sign-in has expired or was tried too often. Sign in again with your password.',
    );
    if (!isToken(input.challenge)) throw expired;
    const challenge = await repos.credentials.attemptChallenge(
      tokenHash(input.challenge),
      CHALLENGE_ATTEMPTS,
    );
    if (challenge === undefined) throw expired;
    const user = await repos.auth.findUser(challenge.userId);
    if (user === undefined || user.disabled) throw expired;
    const key = throttleKeys.secondFactor(user.id);
    await this.checkThrottle([key], 'codes');
    if (!(await verify(user, input.code))) {
      const failure = await repos.auth.recordFailure(key, THROTTLE.secondFactor);
      await recordUserEvent(repos, userActor(user), user.email, 'auth.second_factor_failed', {
        after: { ip: challenge.ip, failures: failure.failures },
      });
      if (failure.blockedUntil !== null && failure.blockedUntil.getTime() > Date.now())
        throw tooManyAttempts(failure.blockedUntil.getTime() - Date.now(), 'codes');
      throw validationFailed('This code is not right. Type the current code from your app.', [
        { path: '/code', message: 'Not the current code.' },
      ]);
    }
    await repos.credentials.deleteChallenge(tokenHash(input.challenge));
    await repos.auth.clearThrottle(key);
    return this.openSession(user, {
      ip: challenge.ip ?? '',
      userAgent: challenge.userAgent,
      previousToken: input.previousToken,
    });
  }

  private async checkThrottle(keys: string[], what: 'sign-ins' | 'codes'): Promise<void> {
    const now = Date.now();
    const blocked = (await this.uow.repos.auth.throttleState(keys))
      .map((t) => t.blockedUntil?.getTime() ?? 0)
      .reduce((a, b) => Math.max(a, b), 0);
    if (blocked > now) throw tooManyAttempts(blocked - now, what);
  }

  private async openSession(
    user: UserRecord,
    input: { ip: string; userAgent: string | null; previousToken?: string | undefined },
  ): Promise<SignedInSession> {
    return this.uow.transaction(async (trx) => {
      if (input.previousToken !== undefined)
        await trx.auth.deleteSession(tokenHash(input.previousToken));
      await trx.auth.markSignedIn(user.id);
      const created = await this.createSession(trx, user, input.ip, input.userAgent);
      await recordUserEvent(trx, created.principal.actor, user.email, 'auth.signed_in', {
        after: { ip: input.ip },
      });
      return created;
    });
  }

  private async createSession(
    repos: Repositories,
    user: UserRecord,
    ip: string | null,
    userAgent: string | null,
  ): Promise<SignedInSession> {
    const token = newToken();
    const id = tokenHash(token);
    const expiresAt = new Date(Date.now() + this.policy.maxSeconds * 1000);
    const csrfToken = newToken();
    await repos.auth.insertSession({ id, userId: user.id, csrfToken, expiresAt, ip, userAgent });
    const now = new Date();
    return {
      token,
      session: { id, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt },
      principal: await this.principalOf(repos, user),
    };
  }

  async signOut(session: SessionRecord, user: SignedInUser): Promise<void> {
    await this.uow.transaction(async (repos) => {
      await repos.auth.deleteSession(session.id);
      await recordUserEvent(repos, userActor(user), user.email, 'auth.signed_out');
    });
  }

  /**
   * Changes the signed-in user's password after checking the current one.
   * Every session of the user ends and a new one replaces the current.
   */
  async changePassword(
    user: SignedInUser,
    input: { currentPassword: string; newPassword: string },
    ip: string | null,
    userAgent: string | null,
  ): Promise<SignedInSession> {
    const { repos } = this.uow;
    const record = await repos.auth.findUser(user.id);
    const stored = record?.passwordHash ?? null;
    if (
      record === undefined ||
      stored === null ||
      !(await verifyPassword(stored, input.currentPassword))
    ) {
      throw validationFailed('Your current password is not right.', [
        { path: '/currentPassword', message: 'Not your current password.' },
      ]);
    }
    if (input.newPassword === input.currentPassword) {
      throw validationFailed('The new password must differ from the current one.', [
        { path: '/newPassword', message: 'Same as the current password.' },
      ]);
    }
    await requireStrongPassword(input.newPassword, record.email, '/newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    return this.uow.transaction(async (trx) => {
      await trx.auth.updateUser(user.id, { passwordHash });
      await trx.auth.deleteSessionsOf(user.id);
      await recordUserEvent(trx, userActor(user), user.email, 'auth.password_changed');
      return this.createSession(trx, record, ip, userAgent);
    });
  }

  /** Sets the password of an invited user (or a reset) and signs them in. */
  async acceptInvitation(input: {
    token: string;
    password: string;
    ip: string;
    userAgent: string | null;
  }): Promise<SignedInSession> {
    const invalid = new AppError(
      'not_found',
      'This invitation link is not valid: it was used already, replaced by a newer one or has expired. Ask your administrator for a new one.',
    );
    if (!isToken(input.token)) throw invalid;
    const pending = await this.uow.repos.auth.findUserByToken(tokenHash(input.token));
    if (pending === undefined) throw invalid;
    await requireStrongPassword(input.password, pending.email, '/password');
    const passwordHash = await hashPassword(input.password);
    return this.uow.transaction(async (repos) => {
      const userId = await repos.auth.consumeToken(tokenHash(input.token));
      const user = userId === undefined ? undefined : await repos.auth.findUser(userId);
      if (user === undefined || user.disabled) throw invalid;
      await repos.auth.updateUser(user.id, { passwordHash });
      await repos.auth.deleteSessionsOf(user.id);
      await repos.auth.markSignedIn(user.id);
      await recordUserEvent(repos, userActor(user), user.email, 'auth.password_changed', {
        comment: 'Password set from an invitation link',
      });
      return this.createSession(repos, user, input.ip, input.userAgent);
    });
  }
}

export async function requireStrongPassword(
  password: string,
  email: string,
  path: string,
): Promise<void> {
  const problems = await passwordProblems(password, email);
  if (problems.length > 0) {
    throw validationFailed(
      problems[0]!,
      problems.map((message) => ({ path, message })),
    );
  }
}

function tooManyAttempts(milliseconds: number, what: 'sign-ins' | 'codes'): AppError {
  const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'rate_limited',
    `Too many failed ${what === 'codes' ? 'codes' : 'sign-ins'}. Try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
    undefined,
    { 'retry-after': String(seconds) },
  );
}
