import type { Knex } from 'knex';
import type { NotificationKind } from '../schemas/notification.schema';

export interface NotificationRecord {
  id: number;
  kind: NotificationKind;
  network: { slug: string; name: string };
  city: { slug: string; name: string };
  year: number;
  actor: string;
  comment: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A person to tell about a review step. */
export interface RecipientRecord {
  userId: number;
  email: string;
  displayName: string;
}

interface NotificationRow {
  id: number | string;
  kind: NotificationKind;
  network_slug: string;
  network_name: string;
  city_slug: string;
  city_name: string;
  year: number;
  actor_label: string;
  comment: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

const toNotification = (row: NotificationRow): NotificationRecord => ({
  id: Number(row.id),
  kind: row.kind,
  network: { slug: row.network_slug, name: row.network_name },
  city: { slug: row.city_slug, name: row.city_name },
  year: row.year,
  actor: row.actor_label,
  comment: row.comment,
  createdAt: toDate(row.created_at),
  readAt: row.read_at === null ? null : toDate(row.read_at),
});

/** Review notifications: who is told, what they were told, and what they have read. */
export class NotificationRepository {
  constructor(private readonly knex: Knex) {}

  /**
   * The people a step concerns, the actor excepted: the network's
   * coordinators (a year was submitted or withdrawn) or the city's editors
   * (it was returned, approved or reopened). Disabled accounts are not told.
   */
  async recipients(
    audience: { role: 'coordinator'; networkId: number } | { role: 'editor'; cityId: number },
    exceptUserId: number | null,
  ): Promise<RecipientRecord[]> {
    const rows = (await this.knex('role_grants as g')
      .join('users as u', 'u.id', 'g.user_id')
      .where('g.role', audience.role)
      .where(
        audience.role === 'coordinator' ? 'g.network_id' : 'g.city_id',
        audience.role === 'coordinator' ? audience.networkId : audience.cityId,
      )
      .where('u.is_disabled', false)
      .whereNot('u.id', exceptUserId ?? -1)
      .distinct('u.id', 'u.email', 'u.display_name')
      .orderBy('u.id')) as Array<{ id: number; email: string; display_name: string }>;
    return rows.map((r) => ({ userId: r.id, email: r.email, displayName: r.display_name }));
  }

  /** One notification per recipient, in one statement. */
  async add(
    userIds: readonly number[],
    fields: {
      kind: NotificationKind;
      networkId: number;
      cityId: number;
      year: number;
      actorLabel: string;
      comment: string | null;
    },
  ): Promise<void> {
    if (userIds.length === 0) return;
    await this.knex('notifications').insert(
      userIds.map((userId) => ({
        user_id: userId,
        kind: fields.kind,
        network_id: fields.networkId,
        city_id: fields.cityId,
        year: fields.year,
        actor_label: fields.actorLabel,
        comment: fields.comment,
      })),
    );
  }

  /** A user's notifications, newest first. */
  async list(
    userId: number,
    options: { unreadOnly: boolean; limit: number },
  ): Promise<NotificationRecord[]> {
    const query = this.knex('notifications as x')
      .join('networks as n', 'n.id', 'x.network_id')
      .join('cities as c', 'c.id', 'x.city_id')
      .where('x.user_id', userId)
      .orderBy('x.id', 'desc')
      .limit(options.limit)
      .select(
        'x.id',
        'x.kind',
        'n.slug as network_slug',
        'n.name as network_name',
        'c.slug as city_slug',
        'c.name as city_name',
        'x.year',
        'x.actor_label',
        'x.comment',
        'x.created_at',
        'x.read_at',
      );
    if (options.unreadOnly) void query.whereNull('x.read_at');
    return ((await query) as NotificationRow[]).map(toNotification);
  }

  async unreadCount(userId: number): Promise<number> {
    const row = (await this.knex('notifications')
      .where('user_id', userId)
      .whereNull('read_at')
      .count({ count: '*' })
      .first()) as { count: number | string } | undefined;
    return Number(row?.count ?? 0);
  }

  /** Marks one of the user's notifications read; false when the user has no such notification. */
  async markRead(userId: number, id: number): Promise<boolean> {
    const rows = (await this.knex('notifications')
      .where({ id, user_id: userId })
      .update({ read_at: this.knex.raw('coalesce(read_at, now())') })
      .returning('id')) as unknown[];
    return rows.length > 0;
  }

  async markAllRead(userId: number): Promise<void> {
    await this.knex('notifications')
      .where('user_id', userId)
      .whereNull('read_at')
      .update({ read_at: this.knex.fn.now() });
  }
}
