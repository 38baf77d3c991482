/**
 * Who performs a write. Every write service takes one, so permissions can be
 * enforced in services and every change is attributed in the audit trail.
 */
export interface Actor {
  /** The signed-in user, or null for the system (seeds, maintenance). */
  readonly userId: number | null;
  /** How the actor appears in history: an email, or "system". */
  readonly label: string;
}

/** The actor for writes that no signed-in user makes. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, label: 'system' });
