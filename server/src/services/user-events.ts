import type { Actor } from '../auth/actor';
import type { NewAuditEvent } from '../repositories/audit.repository';
import type { Repositories } from '../repositories/unit-of-work';

/** A user acting on their own account, as history shows them (their display name, never the email). */
export function userActor(user: { id: number; displayName: string }): Actor {
  return { userId: user.id, label: user.displayName };
}

/** Records an event of a user's account: the entity is the user, keyed by their email. */
export function recordUserEvent(
  repos: Repositories,
  actor: Actor,
  email: string,
  action: string,
  details: Pick<NewAuditEvent, 'after' | 'comment'> = {},
): Promise<void> {
  return repos.audit.record({ actor, action, entityType: 'user', entityKey: email, ...details });
}
