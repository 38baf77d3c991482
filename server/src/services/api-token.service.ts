import { enforce } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { newToken, tokenHash } from '../auth/tokens';
import { AppError, notFound } from '../errors';
import type { ApiTokenRecord } from '../repositories/credentials.repository';
import type { UnitOfWork } from '../repositories/unit-of-work';
import { THROTTLE, throttleKeys, type AuthService } from './auth.service';

/** What an API token looks like: a recognisable prefix and 256 random bits. */
const TOKEN_PREFIX = 'sdgcm_';
const TOKEN_PATTERN = /^sdgcm_[A-Za-z0-9_-]{43}$/;
/** Writes of a token's last use: at most one a minute. */
const TOUCH_AFTER_MS = 60_000;

export interface ApiTokenDto {
  id: number;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  access: 'read' | 'roles';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
}

function toDto(record: ApiTokenRecord): ApiTokenDto {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    access: record.readOnly ? 'read' : 'roles',
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revoked: record.revokedAt !== null,
  };
}

const invalidToken = (): AppError =>
  new AppError(
    'unauthorized',
    'This API token is not valid: it may be mistyped, expired or revoked. Create a new one on your account page.',
  );

/**
 * Personal access tokens for scripts: created on the account page (shown
 * once, only a hash stored), read-only or with the user's roles, optional
 * expiry, revocable; sent as `Authorization: Bearer`. Requests per token
 * are limited per minute and failed attempts per address are throttled.
 */
export class ApiTokenService {
  private readonly windows = new Map<number, { start: number; count: number }>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly auth: AuthService,
    private readonly perMinute: number,
  ) {}

  async list(principal: Principal): Promise<{ tokens: ApiTokenDto[] }> {
    enforce(principal, 'session', {});
    const tokens = await this.uow.repos.credentials.apiTokensOf(principal.user!.id);
    return { tokens: tokens.map(toDto) };
  }

  /** Creates a token; the answer is the only time the token itself is shown. */
  async create(
    principal: Principal,
    input: { name: string; access: 'read' | 'roles'; expiresInDays?: number | null },
  ): Promise<{ token: string; apiToken: ApiTokenDto }> {
    enforce(principal, 'session', {});
    const user = principal.user!;
    const token = `${TOKEN_PREFIX}${newToken()}`;
    return this.uow.transaction(async (repos) => {
      const record = await repos.credentials.insertApiToken({
        userId: user.id,
        name: input.name.trim(),
        tokenHash: tokenHash(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 4),
        readOnly: input.access === 'read',
        expiresAt:
          input.expiresInDays === undefined || input.expiresInDays === null
            ? null
            : new Date(Date.now() + input.expiresInDays * 86_400_000),
      });
      await repos.audit.record({
        actor: principal.actor,
        action: 'auth.token_created',
        entityType: 'user',
        entityKey: user.email,
        after: {
          id: record.id,
          name: record.name,
          access: input.access,
          expiresAt: record.expiresAt,
        },
      });
      return { token, apiToken: toDto(record) };
    });
  }

  async revoke(principal: Principal, id: number): Promise<void> {
    enforce(principal, 'session', {});
    const user = principal.user!;
    await this.uow.transaction(async (repos) => {
      if (!(await repos.credentials.revokeApiToken(user.id, id)))
        throw notFound(`You have no active API token with id ${id}.`);
      await repos.audit.record({
        actor: principal.actor,
        action: 'auth.token_revoked',
        entityType: 'user',
        entityKey: user.email,
        after: { id },
      });
    });
  }

  /**
   * The principal behind a Bearer token: 401 when it is not a live token of
   * an enabled user (failures count against the address, 429 past the
   * limit), 429 when the token made too many requests this minute.
   */
  async authenticate(token: string, ip: string): Promise<Principal> {
    const { repos } = this.uow;
    const key = throttleKeys.address(ip);
    const [state] = await repos.auth.throttleState([key]);
    const blocked = state?.blockedUntil?.getTime() ?? 0;
    if (blocked > Date.now()) throw rateLimited(blocked - Date.now(), 'failed attempts');
    const record = TOKEN_PATTERN.test(token)
      ? await repos.credentials.findLiveApiToken(tokenHash(token))
      : undefined;
    const user = record === undefined ? undefined : await repos.auth.findUser(record.userId);
    if (record === undefined || user === undefined || user.disabled) {
      const failure = await repos.auth.recordFailure(key, THROTTLE.address);
      if (failure.blockedUntil !== null && failure.blockedUntil.getTime() > Date.now())
        throw rateLimited(failure.blockedUntil.getTime() - Date.now(), 'failed attempts');
      throw invalidToken();
    }
    this.count(record.id);
    if (record.lastUsedAt === null || Date.now() - record.lastUsedAt.getTime() > TOUCH_AFTER_MS)
      await repos.credentials.touchApiToken(record.id, ip);
    return this.auth.principalOf(repos, user, { viaToken: true, readOnly: record.readOnly });
  }

  /** A fixed one-minute window per token (per server instance). */
  private count(id: number): void {
    const now = Date.now();
    let window = this.windows.get(id);
    if (window === undefined || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.windows.set(id, window);
      if (this.windows.size > 10_000) {
        for (const [other, w] of this.windows)
          if (now - w.start >= 60_000) this.windows.delete(other);
      }
    }
    window.count++;
    if (window.count > this.perMinute)
      throw rateLimited(60_000 - (now - window.start), 'requests with this token');
  }
}

function rateLimited(milliseconds: number, what: string): AppError {
  const seconds = Math.max(1, Math.ceil(milliseconds / 1000));
  return new AppError(
    'rate_limited',
    `Too many ${what}. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    undefined,
    { 'retry-after': String(seconds) },
  );
}
