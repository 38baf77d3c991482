import type { Knex } from 'knex';

export type Role = 'admin' | 'coordinator' | 'editor' | 'viewer';

export interface UserRecord {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  passwordChangedAt: Date | null;
  /** A confirmed second factor (TOTP) is set up. */
  hasSecondFactor: boolean;
}

export interface GrantRecord {
  id: number;
  userId: number;
  role: Role;
  networkId: number | null;
  networkSlug: string | null;
  networkName: string | null;
  cityId: number | null;
  citySlug: string | null;
  cityName: string | null;
  grantedAt: Date;
}

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ThrottleRecord {
  key: string;
  failures: number;
  blockedUntil: Date | null;
}

/** Failures allowed before a block, the first block's length, and the longest block. */
export interface ThrottlePolicy {
  readonly threshold: number;
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

interface UserRow {
  id: number;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_disabled: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
  password_changed_at: Date | null;
  has_second_factor?: boolean;
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  disabled: row.is_disabled,
  createdAt: row.created_at,
  lastSignInAt: row.last_sign_in_at,
  passwordChangedAt: row.password_changed_at,
  hasSecondFactor: row.has_second_factor === true,
});

/** Whether the user (aliased `u`) has a confirmed second factor: one column of every user read. */
const HAS_SECOND_FACTOR = `exists (select 1 from second_factors f where f.user_id = u.id and f.confirmed_at is not null) as has_second_factor`;

/** A user's grants as one JSON array, in the order grantsOf() gives them. */
const GRANTS_JSON = `(select coalesce(jsonb_agg(jsonb_build_object(
    'id', g.id, 'user_id', g.user_id, 'role', g.role,
    'network_id', g.network_id, 'network_slug', n.slug, 'network_name', n.name,
    'city_id', g.city_id, 'city_slug', c.slug, 'city_name', c.name, 'granted_at', g.granted_at
  ) order by g.role, g.id), '[]'::jsonb)
  from role_grants g left join networks n on n.id = g.network_id left join cities c on c.id = g.city_id
  where g.user_id = u.id) as grants_json`;

/** The networks of the cities a user edits, as one JSON array. */
const EDITOR_NETWORKS_JSON = `(select coalesce(jsonb_agg(distinct m.network_id), '[]'::jsonb)
  from role_grants g join network_members m on m.city_id = g.city_id
  where g.user_id = u.id and g.role = 'editor') as editor_networks`;

/** A live session with everything a request needs to know who is asking. */
export interface LiveSession {
  session: SessionRecord;
  user: UserRecord;
  grants: GrantRecord[];
  /** Networks of the cities the user has editor grants for. */
  editorNetworkIds: number[];
}

interface GrantRow {
  id: number;
  user_id: number;
  role: Role;
  network_id: number | null;
  network_slug: string | null;
  network_name: string | null;
  city_id: number | null;
  city_slug: string | null;
  city_name: string | null;
  granted_at: Date;
}

const toGrant = (row: GrantRow): GrantRecord => ({
  id: row.id,
  userId: row.user_id,
  role: row.role,
  networkId: row.network_id,
  networkSlug: row.network_slug,
  networkName: row.network_name,
  cityId: row.city_id,
  citySlug: row.city_slug,
  cityName: row.city_name,
  grantedAt: row.granted_at,
});

/** Users, role grants, sessions, login throttling and invitation tokens. */
export class AuthRepository {
  constructor(private readonly knex: Knex) {}

  // ---- users

  private users(): Knex.QueryBuilder {
    return this.knex('users as u').select('u.*', this.knex.raw(HAS_SECOND_FACTOR));
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = (await this.users().whereRaw('lower(u.email) = lower(?)', [email]).first()) as
      UserRow | undefined;
    return row === undefined ? undefined : toUser(row);
  }

  async findUser(id: number): Promise<UserRecord | undefined> {
    const row = (await this.users().where('u.id', id).first()) as UserRow | undefined;
    return row === undefined ? undefined : toUser(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    return ((await this.users().orderBy('u.email')) as UserRow[]).map(toUser);
  }

  async insertUser(fields: {
    email: string;
    displayName: string;
    passwordHash: string | null;
  }): Promise<UserRecord> {
    const [row] = (await this.knex('users')
      .insert({
        email: fields.email,
        display_name: fields.displayName,
        password_hash: fields.passwordHash,
        password_changed_at: fields.passwordHash === null ? null : this.knex.fn.now(),
      })
      .returning('*')) as UserRow[];
    return toUser(row!);
  }

  async updateUser(
    id: number,
    fields: { displayName?: string; disabled?: boolean; passwordHash?: string },
  ): Promise<void> {
    const columns: Record<string, unknown> = { updated_at: this.knex.fn.now() };
    if (fields.displayName !== undefined) columns.display_name = fields.displayName;
    if (fields.disabled !== undefined) columns.is_disabled = fields.disabled;
    if (fields.passwordHash !== undefined) {
      columns.password_hash = fields.passwordHash;
      columns.password_changed_at = this.knex.fn.now();
    }
    await this.knex('users').where({ id }).update(columns);
  }

  async markSignedIn(id: number): Promise<void> {
    await this.knex('users').where({ id }).update({ last_sign_in_at: this.knex.fn.now() });
  }

  /** Active (not disabled) administrators. */
  async countActiveAdmins(): Promise<number> {
    const row = (await this.knex('role_grants as g')
      .join('users as u', 'u.id', 'g.user_id')
      .where('g.role', 'admin')
      .andWhere('u.is_disabled', false)
      .countDistinct({ n: 'u.id' })
      .first()) as { n: number | string } | undefined;
    return Number(row?.n ?? 0);
  }

  // ---- grants

  private grants(): Knex.QueryBuilder {
    return this.knex('role_grants as g')
      .leftJoin('networks as n', 'n.id', 'g.network_id')
      .leftJoin('cities as c', 'c.id', 'g.city_id')
      .select(
        'g.id',
        'g.user_id',
        'g.role',
        'g.network_id',
        'n.slug as network_slug',
        'n.name as network_name',
        'g.city_id',
        'c.slug as city_slug',
        'c.name as city_name',
        'g.granted_at',
      )
      .orderBy(['g.role', 'g.id']);
  }

  async grantsOf(userId: number): Promise<GrantRecord[]> {
    return ((await this.grants().where('g.user_id', userId)) as GrantRow[]).map(toGrant);
  }

  async grantsOfUsers(userIds: readonly number[]): Promise<GrantRecord[]> {
    if (userIds.length === 0) return [];
    return ((await this.grants().whereIn('g.user_id', userIds)) as GrantRow[]).map(toGrant);
  }

  async findGrant(id: number): Promise<GrantRecord | undefined> {
    const row = (await this.grants().where('g.id', id).first()) as GrantRow | undefined;
    return row === undefined ? undefined : toGrant(row);
  }

  /** Inserts a grant; returns undefined when the user already has it. */
  async insertGrant(fields: {
    userId: number;
    role: Role;
    networkId: number | null;
    cityId: number | null;
    grantedBy: number | null;
  }): Promise<number | undefined> {
    const rows = (await this.knex('role_grants')
      .insert({
        user_id: fields.userId,
        role: fields.role,
        network_id: fields.networkId,
        city_id: fields.cityId,
        granted_by: fields.grantedBy,
      })
      .onConflict(this.knex.raw('(user_id, role, coalesce(network_id, 0), coalesce(city_id, 0))'))
      .ignore()
      .returning('id')) as Array<{ id: number }>;
    return rows[0]?.id;
  }

  async deleteGrant(id: number): Promise<boolean> {
    return (await this.knex('role_grants').where({ id }).delete()) > 0;
  }

  /** Networks of the cities a user edits (editors read their cities' networks). */
  async networksOfCities(cityIds: readonly number[]): Promise<number[]> {
    if (cityIds.length === 0) return [];
    const rows = (await this.knex('network_members')
      .whereIn('city_id', cityIds)
      .distinct('network_id')) as Array<{ network_id: number }>;
    return rows.map((r) => r.network_id);
  }

  // ---- sessions

  async insertSession(fields: {
    id: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.knex('sessions').insert({
      id: fields.id,
      user_id: fields.userId,
      csrf_token: fields.csrfToken,
      expires_at: fields.expiresAt,
      ip: fields.ip,
      user_agent: fields.userAgent?.slice(0, 300) ?? null,
    });
  }

  /**
   * The session with this id when it is still valid (not past its absolute
   * expiry, used within the idle timeout, its user not disabled), with its user.
   */
  /**
   * The live session behind a token hash with its user, the user's grants
   * and the networks of the cities the user edits, in ONE round trip: every
   * signed-in request starts here, so it is the floor of every write's cost.
   */
  async findLiveSessionWithGrants(
    id: string,
    idleSeconds: number,
  ): Promise<LiveSession | undefined> {
    const row = (await this.knex('sessions as s')
      .join('users as u', 'u.id', 's.user_id')
      .where('s.id', id)
      .andWhere('s.expires_at', '>', this.knex.fn.now())
      .andWhereRaw(`s.last_seen_at > now() - make_interval(secs => ?::float8)`, [idleSeconds])
      .andWhere('u.is_disabled', false)
      .select(
        'u.*',
        this.knex.raw(HAS_SECOND_FACTOR),
        's.id as session_id',
        's.csrf_token',
        's.created_at as session_created_at',
        's.last_seen_at',
        's.expires_at',
        this.knex.raw(GRANTS_JSON),
        this.knex.raw(EDITOR_NETWORKS_JSON),
      )
      .first()) as
      | (UserRow & {
          session_id: string;
          csrf_token: string;
          session_created_at: Date;
          last_seen_at: Date;
          expires_at: Date;
          grants_json: Array<Omit<GrantRow, 'granted_at'> & { granted_at: string }>;
          editor_networks: number[];
        })
      | undefined;
    if (row === undefined) return undefined;
    return {
      grants: row.grants_json.map((g) => toGrant({ ...g, granted_at: new Date(g.granted_at) })),
      editorNetworkIds: row.editor_networks,
      user: toUser(row),
      session: {
        id: row.session_id,
        userId: row.id,
        csrfToken: row.csrf_token,
        createdAt: row.session_created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      },
    };
  }

  async touchSession(id: string): Promise<void> {
    await this.knex('sessions').where({ id }).update({ last_seen_at: this.knex.fn.now() });
  }

  async deleteSession(id: string): Promise<void> {
    await this.knex('sessions').where({ id }).delete();
  }

  /** Ends every session of a user, except one when given. */
  async deleteSessionsOf(userId: number, except?: string): Promise<number> {
    const query = this.knex('sessions').where({ user_id: userId });
    if (except !== undefined) void query.whereNot({ id: except });
    return query.delete();
  }

  async deleteExpiredSessions(idleSeconds: number): Promise<number> {
    return this.knex('sessions')
      .where('expires_at', '<=', this.knex.fn.now())
      .orWhereRaw(`last_seen_at <= now() - make_interval(secs => ?::float8)`, [idleSeconds])
      .delete();
  }

  // ---- throttling

  async throttleState(keys: readonly string[]): Promise<ThrottleRecord[]> {
    const rows = (await this.knex('login_throttle').whereIn('key', keys)) as Array<{
      key: string;
      failures: number;
      blocked_until: Date | null;
    }>;
    return rows.map((r) => ({ key: r.key, failures: r.failures, blockedUntil: r.blocked_until }));
  }

  /**
   * Counts one failure for a key (a quiet day resets the count) and blocks the
   * key for a delay that doubles with every failure past `threshold`, capped.
   */
  async recordFailure(
    key: string,
    { threshold, baseSeconds, maxSeconds }: ThrottlePolicy,
  ): Promise<ThrottleRecord> {
    const result = (await this.knex.raw(
      `insert into login_throttle as t (key, failures, last_failure_at)
       values (?, 1, now())
       on conflict (key) do update set
         failures = case when t.last_failure_at < now() - interval '24 hours' then 1 else t.failures + 1 end,
         last_failure_at = now()
       returning key, failures`,
      [key],
    )) as { rows: Array<{ key: string; failures: number }> };
    const failures = result.rows[0]!.failures;
    let blockedUntil: Date | null = null;
    if (failures >= threshold) {
      const seconds = Math.min(maxSeconds, baseSeconds * 2 ** Math.min(30, failures - threshold));
      const updated = (await this.knex.raw(
        `update login_throttle set blocked_until = now() + make_interval(secs => ?::float8) where key = ? returning blocked_until`,
        [seconds, key],
      )) as { rows: Array<{ blocked_until: Date }> };
      blockedUntil = updated.rows[0]?.blocked_until ?? null;
    }
    return { key, failures, blockedUntil };
  }

  async clearThrottle(key: string): Promise<void> {
    await this.knex('login_throttle').where({ key }).delete();
  }

  // ---- invitation tokens

  async insertToken(fields: {
    tokenHash: string;
    userId: number;
    createdBy: number | null;
    expiresAt: Date;
  }): Promise<void> {
    await this.knex('user_tokens').insert({
      token_hash: fields.tokenHash,
      user_id: fields.userId,
      purpose: 'invitation',
      created_by: fields.createdBy,
      expires_at: fields.expiresAt,
    });
  }

  /** The user a live (unused, unexpired) token belongs to. */
  async findUserByToken(tokenHash: string): Promise<UserRecord | undefined> {
    const row = (await this.knex('user_tokens as t')
      .join('users as u', 'u.id', 't.user_id')
      .where('t.token_hash', tokenHash)
      .whereNull('t.used_at')
      .andWhere('t.expires_at', '>', this.knex.fn.now())
      .first('u.*', this.knex.raw(HAS_SECOND_FACTOR))) as UserRow | undefined;
    return row === undefined ? undefined : toUser(row);
  }

  /** Marks a live token used and returns its user, or undefined when it is unknown, used or expired. */
  async consumeToken(tokenHash: string): Promise<number | undefined> {
    const rows = (await this.knex('user_tokens')
      .where({ token_hash: tokenHash })
      .whereNull('used_at')
      .andWhere('expires_at', '>', this.knex.fn.now())
      .update({ used_at: this.knex.fn.now() })
      .returning('user_id')) as Array<{ user_id: number }>;
    return rows[0]?.user_id;
  }

  /** Invalidates a user's unused invitations (a new one replaces them). */
  async revokeTokensOf(userId: number): Promise<void> {
    await this.knex('user_tokens')
      .where({ user_id: userId })
      .whereNull('used_at')
      .update({ used_at: this.knex.fn.now() });
  }
}
