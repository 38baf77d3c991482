import type { Knex } from 'knex';
import pg from 'pg';

/**
 * The small, hot reads every public request makes before its cached result
 * can be sent — who may see a city or network (access facts) and the data
 * versions the result cache is keyed on — kept in memory, so a warm public
 * read makes no database round trip at all.
 *
 * Correctness rests on one rule: **any change anywhere forgets everything**.
 * Each entry remembers the generation it was read in; a change bumps the
 * generation, and a read that overlapped a change is not kept. Changes are
 * seen three ways:
 * - every statement that may write, sent through this process's knex (the
 *   app's, the seeds', the tests' factories), before and after it runs
 *   (`watchWrites`), and COMMIT;
 * - the end of every transaction of the app (`UnitOfWork.transaction`), so a
 *   reader who wrote through this instance reads the write next;
 * - on PostgreSQL, a `NOTIFY sdgcm_changed` sent by triggers on the tables
 *   the versions and facts live in (migration 20261207001500), delivered to
 *   every instance after the writer's commit (`listenForChanges`): another
 *   instance, the command line or psql. While that listener is not
 *   connected, nothing is kept (every read goes to the database).
 *
 * Values are frozen: a caller that tried to change a shared one would throw.
 */
export class ReadMemo {
  private generation = 0;
  private readonly entries = new Map<string, { generation: number; value: unknown }>();
  private keeping: boolean;

  constructor(
    /** Whether entries may be kept now (false on PostgreSQL until the listener is up). */
    keeping = true,
    private readonly maxEntries = 50_000,
  ) {
    this.keeping = keeping;
  }

  /** Something changed: every entry is forgotten, and reads under way are not kept. */
  changed(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Keep entries (true) or read through every time (false, e.g. while the listener is down). */
  keep(keeping: boolean): void {
    this.keeping = keeping;
    this.changed();
  }

  get size(): number {
    return this.entries.size;
  }

  /** A mark to pass to `keepSince`: what a computation saw was current at this point. */
  get mark(): number {
    return this.generation;
  }

  /**
   * A value kept with `keepSince` in this generation, or undefined. Such a
   * value stands in front of several memoised reads (a whole answer).
   */
  peek<T extends object>(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined || hit.generation !== this.generation) return undefined;
    return hit.value instanceof WeakRef ? (hit.value.deref() as T | undefined) : undefined;
  }

  /**
   * Keeps `value` as it is (not frozen: a cached payload compresses itself
   * on first use) if nothing changed since `mark` was taken, before the reads
   * it was made from. Held weakly: whatever owns the value (the result
   * cache, bounded in bytes) decides how long it stays in memory.
   */
  keepSince(mark: number, key: string, value: object): void {
    if (!this.keeping || mark !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { generation: mark, value: new WeakRef(value) });
  }

  /** The remembered value, or `load()`'s, remembered when no change happened while it ran. */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.generation === this.generation) return hit.value as T;
    const started = this.generation;
    const value = deepFreeze(await load());
    if (this.keeping && started === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { generation: started, value });
    }
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Statements that cannot change data: reads and transaction control before the end. */
const READS = /^\s*(select|show|explain|begin|savepoint|release|set\s+(local\s+)?transaction)\b/i;
const WRITING_CTE = /\b(insert|update|delete|merge)\b/i;
/** Writes to tables no memoised read depends on, made on ordinary requests (session touches…). */
const UNRELATED =
  /^\s*(update|insert\s+into|delete\s+from)\s+"?(sessions|login_throttle|health_probe|notifications)"?[\s(]/i;

/** Whether a statement may change what the memo holds. */
export function mayChange(sql: string): boolean {
  if (UNRELATED.test(sql)) return false;
  if (/^\s*with\b/i.test(sql)) return WRITING_CTE.test(sql);
  return !READS.test(sql);
}

/** Forgets the memo around every statement of this knex that may write (COMMIT included). */
export function watchWrites(knex: Knex, memo: ReadMemo): void {
  const onStatement = (query: { sql?: string }): void => {
    if (typeof query.sql === 'string' && mayChange(query.sql)) memo.changed();
  };
  knex.on('query', onStatement);
  knex.on('query-response', (_response: unknown, query: { sql?: string }) => onStatement(query));
  knex.on('query-error', (_error: unknown, query: { sql?: string }) => onStatement(query));
}

export const CHANGE_CHANNEL = 'sdgcm_changed';

/**
 * Listens for `NOTIFY sdgcm_changed` on a connection of its own and forgets
 * the memo on each; keeps nothing while disconnected, reconnects with
 * back-off. Returns a function that stops it.
 */
export function listenForChanges(
  connectionString: string,
  memo: ReadMemo,
  log: (error: unknown, message: string) => void,
): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | undefined;

  const retry = (): void => {
    memo.keep(false);
    if (stopped) return;
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
    delay = Math.min(delay * 2, 10_000);
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, application_name: 'sdg-city-monitor-listen' });
    let failed = false;
    const fail = (error: unknown, message: string): void => {
      if (failed) return;
      failed = true;
      if (client === next) client = null;
      if (!stopped) log(error, message);
      void next.end().catch(() => undefined);
      retry();
    };
    next.on('notification', () => memo.changed());
    next.on('error', (error) =>
      fail(error, 'Change listener lost its database connection; reading through until it is back'),
    );
    try {
      await next.connect();
      await next.query(`listen ${CHANGE_CHANNEL}`);
    } catch (error) {
      fail(error, 'Change listener could not connect; reading through until it can');
      return;
    }
    if (stopped || failed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = 250;
    // Changes made while disconnected were not heard: start afresh.
    memo.keep(true);
  };

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    memo.keep(false);
    const current = client;
    client = null;
    if (current !== null) await current.end().catch(() => undefined);
  };
}
