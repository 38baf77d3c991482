import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../errors';
import type { NotificationRecord } from '../repositories/notification.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  Notification,
  NotificationCount,
  NotificationKind,
  NotificationList,
} from '../schemas/notification.schema';
import type { MailMessage, Mailer } from './mailer';

/** A review step someone should hear about. */
export interface ReviewStepEvent {
  kind: NotificationKind;
  network: { id: number; slug: string; name: string };
  city: { id: number; slug: string; name: string };
  year: number;
  actor: { userId: number | null; label: string };
  comment: string | null;
}

/** Who hears about each step: the side that must act next. */
const AUDIENCE: Readonly<Record<NotificationKind, 'coordinator' | 'editor'>> = {
  'review.submitted': 'coordinator',
  'review.withdrawn': 'coordinator',
  'review.returned': 'editor',
  'review.approved': 'editor',
  'review.reopened': 'editor',
};

const VERB: Readonly<Record<NotificationKind, string>> = {
  'review.submitted': 'submitted',
  'review.withdrawn': 'withdrew',
  'review.returned': 'returned',
  'review.approved': 'approved',
  'review.reopened': 'reopened',
};

const NEXT: Readonly<Record<NotificationKind, string>> = {
  'review.submitted': 'The year waits for your decision in the review queue.',
  'review.withdrawn': 'The city is editing the year again; it leaves your review queue.',
  'review.returned': 'Fix what the comment asks, then submit the year again.',
  'review.approved': 'The values are now public.',
  'review.reopened':
    'The year can be edited again; the approved values stay public until it is approved again.',
};

const toNotification = (record: NotificationRecord): Notification => ({
  id: record.id,
  kind: record.kind,
  network: record.network,
  city: record.city,
  year: record.year,
  actor: record.actor,
  comment: record.comment,
  at: record.createdAt.toISOString(),
  read: record.readAt !== null,
});

/**
 * In-app notifications of review steps (and their e-mails): a submitted or
 * withdrawn year is told to the network's coordinators, a returned, approved
 * or reopened one to the city's editors; never to whoever took the step.
 * Each reader sees and marks only their own.
 */
export class NotificationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly mailer: Mailer,
    private readonly publicUrl: string | null,
  ) {}

  async list(
    principal: Principal,
    options: { unreadOnly: boolean; limit: number },
  ): Promise<NotificationList> {
    const userId = this.reader(principal);
    const [items, unread] = await Promise.all([
      this.uow.repos.notifications.list(userId, options),
      this.uow.repos.notifications.unreadCount(userId),
    ]);
    return { unread, items: items.map(toNotification) };
  }

  async unread(principal: Principal): Promise<NotificationCount> {
    return { unread: await this.uow.repos.notifications.unreadCount(this.reader(principal)) };
  }

  /** Marks one of the reader's notifications read; someone else's answers like a missing one. */
  async markRead(principal: Principal, id: number): Promise<NotificationCount> {
    const userId = this.reader(principal);
    if (!(await this.uow.repos.notifications.markRead(userId, id)))
      throw notFound('That notification does not exist.');
    return { unread: await this.uow.repos.notifications.unreadCount(userId) };
  }

  async markAllRead(principal: Principal): Promise<NotificationCount> {
    const userId = this.reader(principal);
    await this.uow.repos.notifications.markAllRead(userId);
    return { unread: 0 };
  }

  /**
   * Records a step's notifications in the step's transaction; returns the
   * e-mails to send once it has committed (`send`), none when mail is off.
   */
  async recordStep(repos: Repositories, event: ReviewStepEvent): Promise<MailMessage[]> {
    const audience = AUDIENCE[event.kind];
    const recipients = await repos.notifications.recipients(
      audience === 'coordinator'
        ? { role: 'coordinator', networkId: event.network.id }
        : { role: 'editor', cityId: event.city.id },
      event.actor.userId,
    );
    await repos.notifications.add(
      recipients.map((r) => r.userId),
      {
        kind: event.kind,
        networkId: event.network.id,
        cityId: event.city.id,
        year: event.year,
        actorLabel: event.actor.label,
        comment: event.comment,
      },
    );
    if (!this.mailer.enabled) return [];
    return recipients.map((r) => ({
      to: r.email,
      subject: `${event.city.name} ${event.year}: ${VERB[event.kind]} by ${event.actor.label}`,
      text: this.mailText(event, r.displayName),
    }));
  }

  /** Sends what `recordStep` prepared; returns at once. */
  send(messages: readonly MailMessage[]): void {
    if (messages.length > 0) this.mailer.send(messages);
  }

  /** Waits for e-mails under way (on close, and in tests). */
  idle(): Promise<void> {
    return this.mailer.idle();
  }

  private mailText(event: ReviewStepEvent, name: string): string {
    const where =
      AUDIENCE[event.kind] === 'coordinator'
        ? `/networks/${event.network.slug}/review`
        : `/cities/${event.city.slug}/workspace?year=${event.year}`;
    return [
      `Hello ${name},`,
      '',
      `${event.actor.label} ${VERB[event.kind]} ${event.city.name}’s figures for ${event.year} in ${event.network.name}.`,
      ...(event.comment === null ? [] : ['', `Comment: ${event.comment}`]),
      '',
      NEXT[event.kind],
      ...(this.publicUrl === null ? [] : ['', `${this.publicUrl}${where}`]),
      '',
      `— SDG City Monitor. You receive this e-mail because you are ${AUDIENCE[event.kind] === 'coordinator' ? `a coordinator of ${event.network.name}` : `an editor of ${event.city.name}`}.`,
    ].join('\n');
  }

  private reader(principal: Principal): number {
    const id = principal.user?.id;
    if (id === undefined) throw new AppError('unauthorized', 'Sign in to see your notifications.');
    return id;
  }
}
