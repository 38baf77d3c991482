import { Principal, type SignedInUser } from '../auth/principal';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../auth/passwords';
import { isDemoAccount } from '../auth/demo-accounts';
import { isToken, newToken, tokenHash } from '../auth/tokens';
import { AppError, validationFailed } from '../errors';
import type { SessionRecord, UserRecord } from '../repositories/auth.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';

export interface SessionPolicy {
  idleSeconds: number;
  maxSeconds: number;
  /** Demo accounts (@demo.example) may sign in: embedded demo only, unless DEMO_ACCOUNTS=true. */
  allowDemoAccounts: boolean;
}

/** Throttling: per account 5 failures, then 1 min doubling up to 1 h; per IP 30, then 1 min up to 1 h. */
export const THROTTLE = {
  account: { threshold: 5, baseSeconds: 60, maxSeconds: 3600 },
  ip: { threshold: 30, baseSeconds: 60, maxSeconds: 3600 },
} as const;

/** Seconds between writes of a session's last-seen time (a write per request would be waste). */
const TOUCH_AFTER_SECONDS = 60;

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

const WRONG_CREDENTIALS = 'The email or password is not right.';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function userOf(record: UserRecord): SignedInUser {
  return { id: record.id, email: record.email, displayName: record.displayName };
}

/** Sign-in, sessions, sign-out, password changes and invitations. */
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policy: SessionPolicy,
  ) {}

  /** The principal behind a user (their grants, and the networks of the cities they edit). */
  async principalOf(repos: Repositories, user: SignedInUser): Promise<Principal> {
    const grants = await repos.auth.grantsOf(user.id);
    const editorCities = grants.filter((g) => g.role === 'editor').map((g) => g.cityId!);
    return new Principal(user, grants, await repos.auth.networksOfCities(editorCities));
  }

  /** The live session behind a cookie token, refreshing its last-seen time now and then. */
  async resolve(token: string): Promise<ResolvedSession | undefined> {
    if (!isToken(token)) return undefined;
    const { repos } = this.uow;
    const found = await repos.auth.findLiveSession(tokenHash(token), this.policy.idleSeconds);
    if (found === undefined) return undefined;
    if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_AFTER_SECONDS * 1000) {
      await repos.auth.touchSession(found.session.id);
    }
    return { session: found.session, principal: await this.principalOf(repos, userOf(found.user)) };
  }

  /**
   * Checks the throttles, then the password. Every failure says the same
   * thing and takes as long whether or not the email exists. A previous
   * session sent with the request is destroyed: the new one has a new id.
   */
  async signIn(input: {
    email: string;
    password: string;
    ip: string;
    userAgent: string | null;
    previousToken?: string;
  }): Promise<SignedInSession> {
    const { repos } = this.uow;
    const email = normaliseEmail(input.email);
    const accountKey = `account:${email}`;
    const ipKey = `ip:${input.ip}`;
    const now = Date.now();
    const blocked = (await repos.auth.throttleState([accountKey, ipKey]))
      .map((t) => t.blockedUntil?.getTime() ?? 0)
      .reduce((a, b) => Math.max(a, b), 0);
    if (blocked > now) throw tooManyAttempts(blocked - now);

    const user = await repos.auth.findUserByEmail(email);
    const stored = user?.passwordHash ?? null;
    const passwordOk =
      stored !== null
        ? await verifyPassword(stored, input.password)
        : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
    const demoRefused = !this.policy.allowDemoAccounts && isDemoAccount(email);
    if (user === undefined || !passwordOk || user.disabled || demoRefused) {
      const account = await repos.auth.recordFailure(accountKey, THROTTLE.account);
      const ip = await repos.auth.recordFailure(ipKey, THROTTLE.ip);
      await repos.audit.record({
        actorUserId: null,
        actorLabel: 'anonymous',
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
      if (until > Date.now()) throw tooManyAttempts(until - Date.now());
      throw new AppError('unauthorized', WRONG_CREDENTIALS);
    }

    // Expired sessions are never accepted; sign-ins are a convenient moment to remove them.
    await repos.auth.deleteExpiredSessions(this.policy.idleSeconds);
    return this.uow.transaction(async (trx) => {
      if (input.previousToken !== undefined)
        await trx.auth.deleteSession(tokenHash(input.previousToken));
      await trx.auth.clearThrottle(accountKey);
      await trx.auth.markSignedIn(user.id);
      const created = await this.createSession(trx, user, input.ip, input.userAgent);
      await trx.audit.record({
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'auth.signed_in',
        entityType: 'user',
        entityKey: user.email,
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
      principal: await this.principalOf(repos, userOf(user)),
    };
  }

  async signOut(session: SessionRecord, user: SignedInUser): Promise<void> {
    await this.uow.transaction(async (repos) => {
      await repos.auth.deleteSession(session.id);
      await repos.audit.record({
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'auth.signed_out',
        entityType: 'user',
        entityKey: user.email,
      });
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
      await trx.audit.record({
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'auth.password_changed',
        entityType: 'user',
        entityKey: user.email,
      });
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
      await repos.audit.record({
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'auth.password_changed',
        entityType: 'user',
        entityKey: user.email,
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

function tooManyAttempts(milliseconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    'rate_limited',
    `Too many failed sign-ins. Try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
    undefined,
    { 'retry-after': String(seconds) },
  );
}
