/**
 * How whoever made a change appears in history: the principal's user id and
 * a label (a display name, never an email; "system" or "anonymous" otherwise).
 * `Principal.actor` gives it; repositories store it with every write.
 */
export interface Actor {
  readonly userId: number | null;
  readonly label: string;
}
