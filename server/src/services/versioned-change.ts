import type { Principal } from '../auth/principal';
import type { NewAuditEvent } from '../repositories/audit.repository';
import type { Repositories } from '../repositories/unit-of-work';
import {
  checkDeletePreconditions,
  checkWritePreconditions,
  concurrentChange,
  type Preconditions,
} from './preconditions';

/**
 * One way to change a versioned record (Outline's "commands"): check the
 * preconditions against what is stored (If-Match / If-None-Match), write
 * with the version in the WHERE clause (whoever comes second gets 412),
 * read back, and record the audit event with before and after. Every write
 * of a city, network, indicator, ambition or value goes through here, so
 * none can forget a step. The service loads the record and checks the
 * policy and its own rules first, in the same transaction.
 */
export interface Versioned<R> {
  /** For messages: "city", "value"… */
  readonly what: string;
  etag(record: R): string;
  /** The API shape, sent back with 412/428 so the client can show what changed. */
  body(record: R): unknown;
  /** What the audit trail keeps of the record. */
  snapshot(record: R): Record<string, unknown>;
  /** Where the audit event belongs: entity type and key, network, city, indicator, year. */
  readonly audit: Omit<NewAuditEvent, 'actor' | 'action' | 'before' | 'after' | 'comment'>;
}

interface Change<R> {
  readonly principal: Principal;
  readonly pre: Preconditions;
  /** Audit action, e.g. "city.updated". */
  readonly action: string;
  readonly comment?: string | null;
  /** Reads the record as it is now (after the write, or the winner of a lost race). */
  reload(): Promise<R | undefined>;
}

/** Changes an existing record; 428/412 on missing or stale If-Match, 412 on a lost race. */
export async function updateVersioned<R>(
  repos: Repositories,
  entity: Versioned<R>,
  current: R,
  change: Change<R> & { write(current: R): Promise<boolean> },
): Promise<R> {
  checkWritePreconditions(
    change.pre,
    { etag: entity.etag(current), body: entity.body(current) },
    entity.what,
  );
  if (!(await change.write(current))) throw await lostRace(entity, change);
  const updated = (await change.reload())!;
  await record(repos, entity, change, current, updated);
  return updated;
}

/**
 * Creates a record or changes the existing one (PUT): creating needs no
 * precondition (If-None-Match: * refuses to overwrite), changing needs If-Match.
 */
export async function putVersioned<R>(
  repos: Repositories,
  entity: Versioned<R>,
  current: R | undefined,
  change: Change<R> & {
    create(): Promise<boolean>;
    update(current: R): Promise<boolean>;
    /** The audit action of a creation, e.g. "ambition.created" (`action` is the update's). */
    createAction: string;
    /** A change that changes nothing is not written (nor recorded); checked after the preconditions. */
    unchanged?(current: R): boolean;
  },
): Promise<{ record: R; created: boolean }> {
  checkWritePreconditions(
    change.pre,
    current === undefined ? null : { etag: entity.etag(current), body: entity.body(current) },
    entity.what,
  );
  if (current !== undefined && change.unchanged?.(current) === true)
    return { record: current, created: false };
  const written = current === undefined ? await change.create() : await change.update(current);
  if (!written) throw await lostRace(entity, change);
  const saved = (await change.reload())!;
  await record(
    repos,
    entity,
    { ...change, action: current === undefined ? change.createAction : change.action },
    current,
    saved,
  );
  return { record: saved, created: current === undefined };
}

/** Deletes a record; If-Match is required and must be current. */
export async function deleteVersioned<R>(
  repos: Repositories,
  entity: Versioned<R>,
  current: R,
  change: Omit<Change<R>, 'reload'> & {
    /** Rules that may still refuse the delete (409), checked after the preconditions. */
    check?(current: R): Promise<void>;
    remove(current: R): Promise<boolean>;
    reload?(): Promise<R | undefined>;
    /** Extra facts for the audit's "before" (e.g. how many values went with it). */
    before?: Record<string, unknown>;
  },
): Promise<void> {
  checkDeletePreconditions(
    change.pre,
    { etag: entity.etag(current), body: entity.body(current) },
    entity.what,
  );
  if (change.check !== undefined) await change.check(current);
  if (!(await change.remove(current))) {
    const winner = change.reload === undefined ? undefined : await change.reload();
    throw concurrentChange(entity.what, winner === undefined ? null : entity.body(winner));
  }
  await repos.audit.record({
    ...entity.audit,
    actor: change.principal.actor,
    action: change.action,
    before: { ...entity.snapshot(current), ...change.before },
    after: null,
    comment: change.comment ?? null,
  });
}

async function lostRace<R>(entity: Versioned<R>, change: Change<R>): Promise<Error> {
  const winner = await change.reload();
  return concurrentChange(entity.what, winner === undefined ? null : entity.body(winner));
}

async function record<R>(
  repos: Repositories,
  entity: Versioned<R>,
  change: Change<R>,
  before: R | undefined,
  after: R,
): Promise<void> {
  await repos.audit.record({
    ...entity.audit,
    actor: change.principal.actor,
    action: change.action,
    before: before === undefined ? null : entity.snapshot(before),
    after: entity.snapshot(after),
    comment: change.comment ?? null,
  });
}
