import type { Knex } from 'knex';

export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  readOnly: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  read_only: boolean;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  last_used_ip: string | null;
  revoked_at: Date | null;
}

const toApiToken = (row: ApiTokenRow): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  prefix: row.prefix,
  readOnly: row.read_only,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  lastUsedIp: row.last_used_ip,
  revokedAt: row.revoked_at,
});

export interface SecondFactorRecord {
  userId: number;
  secret: string;
  confirmedAt: Date | null;
  lastTimeStep: number | null;
}

export interface ChallengeRecord {
  userId: number;
  attempts: number;
  ip: string | null;
  userAgent: string | null;
}

/** API tokens and second factors: what proves who someone is besides a password. */
export class CredentialsRepository {
  constructor(private readonly knex: Knex) {}

  // ---- API tokens

  async insertApiToken(fields: {
    userId: number;
    name: string;
    tokenHash: string;
    prefix: string;
    readOnly: boolean;
    expiresAt: Date | null;
  }): Promise<ApiTokenRecord> {
    const [row] = (await this.knex('api_tokens')
      .insert({
        user_id: fields.userId,
        name: fields.name,
        token_hash: fields.tokenHash,
        prefix: fields.prefix,
        read_only: fields.readOnly,
        expires_at: fields.expiresAt,
      })
      .returning('*')) as ApiTokenRow[];
    return toApiToken(row!);
  }

  /** A user's tokens, newest first (revoked ones included, so the list explains itself). */
  async apiTokensOf(userId: number): Promise<ApiTokenRecord[]> {
    const rows = (await this.knex('api_tokens')
      .where({ user_id: userId })
      .orderBy('id', 'desc')) as ApiTokenRow[];
    return rows.map(toApiToken);
  }

  /** A live token (not revoked, not expired) by its hash. */
  async findLiveApiToken(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = (await this.knex('api_tokens')
      .where({ token_hash: tokenHash })
      .whereNull('revoked_at')
      .andWhere((q) => {
        void q.whereNull('expires_at').orWhere('expires_at', '>', this.knex.fn.now());
      })
      .first()) as ApiTokenRow | undefined;
    return row === undefined ? undefined : toApiToken(row);
  }

  async touchApiToken(id: number, ip: string): Promise<void> {
    await this.knex('api_tokens')
      .where({ id })
      .update({ last_used_at: this.knex.fn.now(), last_used_ip: ip.slice(0, 64) });
  }

  /** Revokes one of a user's tokens; false when there is no such live token. */
  async revokeApiToken(userId: number, id: number): Promise<boolean> {
    const count = await this.knex('api_tokens')
      .where({ id, user_id: userId })
      .whereNull('revoked_at')
      .update({ revoked_at: this.knex.fn.now() });
    return count > 0;
  }

  async revokeApiTokensOf(userId: number): Promise<void> {
    await this.knex('api_tokens')
      .where({ user_id: userId })
      .whereNull('revoked_at')
      .update({ revoked_at: this.knex.fn.now() });
  }

  // ---- second factor (TOTP)

  async findSecondFactor(userId: number): Promise<SecondFactorRecord | undefined> {
    const row = (await this.knex('second_factors').where({ user_id: userId }).first()) as
      | {
          user_id: number;
          secret: string;
          confirmed_at: Date | null;
          last_time_step: string | number | null;
        }
      | undefined;
    if (row === undefined) return undefined;
    return {
      userId: row.user_id,
      secret: row.secret,
      confirmedAt: row.confirmed_at,
      lastTimeStep: row.last_time_step === null ? null : Number(row.last_time_step),
    };
  }

  /** Starts (or restarts) an unconfirmed set-up with a new secret. */
  async putPendingSecondFactor(userId: number, secret: string): Promise<void> {
    await this.knex('second_factors')
      .insert({ user_id: userId, secret, confirmed_at: null, last_time_step: null })
      .onConflict('user_id')
      .merge({ secret, confirmed_at: null, last_time_step: null, created_at: this.knex.fn.now() });
  }

  async confirmSecondFactor(userId: number, timeStep: number): Promise<void> {
    await this.knex('second_factors')
      .where({ user_id: userId })
      .update({ confirmed_at: this.knex.fn.now(), last_time_step: timeStep });
  }

  /**
   * Records an accepted code's time step, unless a code of that step or a
   * later one was accepted already (a replay): false then.
   */
  async useTimeStep(userId: number, timeStep: number): Promise<boolean> {
    const count = await this.knex('second_factors')
      .where({ user_id: userId })
      .andWhere((q) => {
        void q.whereNull('last_time_step').orWhere('last_time_step', '<', timeStep);
      })
      .update({ last_time_step: timeStep });
    return count > 0;
  }

  async deleteSecondFactor(userId: number): Promise<void> {
    await this.knex('second_factors').where({ user_id: userId }).delete();
    await this.knex('recovery_codes').where({ user_id: userId }).delete();
  }

  async replaceRecoveryCodes(userId: number, codeHashes: readonly string[]): Promise<void> {
    await this.knex('recovery_codes').where({ user_id: userId }).delete();
    if (codeHashes.length > 0)
      await this.knex('recovery_codes').insert(
        codeHashes.map((hash) => ({ user_id: userId, code_hash: hash })),
      );
  }

  /** Uses a recovery code once; false when it is unknown or used. */
  async useRecoveryCode(userId: number, codeHash: string): Promise<boolean> {
    const count = await this.knex('recovery_codes')
      .where({ user_id: userId, code_hash: codeHash })
      .whereNull('used_at')
      .update({ used_at: this.knex.fn.now() });
    return count > 0;
  }

  async unusedRecoveryCodes(userId: number): Promise<number> {
    const row = (await this.knex('recovery_codes')
      .where({ user_id: userId })
      .whereNull('used_at')
      .count<{ n: number }>('* as n')
      .first()) as { n: number | string } | undefined;
    return Number(row?.n ?? 0);
  }

  // ---- sign-in challenges (password right, second factor pending)

  async insertChallenge(fields: {
    id: string;
    userId: number;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.knex('second_factor_challenges').where({ user_id: fields.userId }).delete();
    await this.knex('second_factor_challenges').insert({
      id: fields.id,
      user_id: fields.userId,
      expires_at: fields.expiresAt,
      ip: fields.ip,
      user_agent: fields.userAgent?.slice(0, 300) ?? null,
    });
  }

  /** A live challenge, counting this attempt; undefined when unknown, expired or tried too often. */
  async attemptChallenge(id: string, maxAttempts: number): Promise<ChallengeRecord | undefined> {
    const rows = (await this.knex('second_factor_challenges')
      .where({ id })
      .andWhere('expires_at', '>', this.knex.fn.now())
      .andWhere('attempts', '<', maxAttempts)
      .increment('attempts', 1)
      .returning(['user_id', 'attempts', 'ip', 'user_agent'])) as Array<{
      user_id: number;
      attempts: number;
      ip: string | null;
      user_agent: string | null;
    }>;
    const row = rows[0];
    if (row === undefined) return undefined;
    return { userId: row.user_id, attempts: row.attempts, ip: row.ip, userAgent: row.user_agent };
  }

  async deleteChallenge(id: string): Promise<void> {
    await this.knex('second_factor_challenges').where({ id }).delete();
  }
}
