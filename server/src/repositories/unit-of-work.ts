import type { Knex } from 'knex';
import type { Database } from '../db/database';
import type { ReadMemo } from '../db/read-memo';
import { AccessRepository } from './access.repository';
import { ActionRepository } from './action.repository';
import { AmbitionRepository } from './ambition.repository';
import { AuditRepository } from './audit.repository';
import { AuthRepository } from './auth.repository';
import { DistrictRepository } from './district.repository';
import { CityRepository } from './city.repository';
import { CredentialsRepository } from './credentials.repository';
import { HealthRepository } from './health.repository';
import { ImportRepository } from './import.repository';
import { IndicatorRepository } from './indicator.repository';
import { NetworkRepository } from './network.repository';
import { NotificationRepository } from './notification.repository';
import { ObservationRepository } from './observation.repository';
import { ProgressRepository } from './progress.repository';
import { ReviewRepository } from './review.repository';
import { SdgRepository } from './sdg.repository';

/** Every repository, bound to one connection or transaction. */
export interface Repositories {
  readonly access: AccessRepository;
  readonly credentials: CredentialsRepository;
  readonly networks: NetworkRepository;
  readonly cities: CityRepository;
  readonly indicators: IndicatorRepository;
  readonly ambitions: AmbitionRepository;
  readonly observations: ObservationRepository;
  readonly audit: AuditRepository;
  readonly auth: AuthRepository;
  readonly imports: ImportRepository;
  readonly sdg: SdgRepository;
  readonly health: HealthRepository;
  readonly progress: ProgressRepository;
  readonly reviews: ReviewRepository;
  readonly actions: ActionRepository;
  readonly districts: DistrictRepository;
  readonly notifications: NotificationRepository;
  /**
   * Runs `work` in a savepoint of the current transaction: rolled back alone
   * when it throws (an import of many files that skips the bad ones). Only
   * inside a transaction.
   */
  savepoint<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/**
 * The repositories on one connection or transaction. `memo` (the database's
 * read memo) only outside transactions: a transaction's reads must see its own
 * uncommitted writes, and must never be remembered for others.
 */
function bind(knex: Knex, db: Database, memo: ReadMemo | null): Repositories {
  return {
    access: new AccessRepository(knex, memo),
    credentials: new CredentialsRepository(knex),
    networks: new NetworkRepository(knex),
    cities: new CityRepository(knex),
    indicators: new IndicatorRepository(knex),
    ambitions: new AmbitionRepository(knex),
    observations: new ObservationRepository(knex),
    audit: new AuditRepository(knex),
    auth: new AuthRepository(knex),
    imports: new ImportRepository(knex, db.kind),
    sdg: new SdgRepository(knex),
    health: new HealthRepository(knex),
    progress: new ProgressRepository(knex, db.kind, memo),
    reviews: new ReviewRepository(knex),
    actions: new ActionRepository(knex),
    districts: new DistrictRepository(knex),
    notifications: new NotificationRepository(knex),
    savepoint: (work) => knex.transaction((nested) => work(bind(nested, db, null))),
  };
}

/**
 * How services reach the database without touching knex: `repos` for single
 * reads, `transaction()` for anything that must be all-or-nothing. Inside a
 * transaction only the repositories it hands over may be used (PGlite has one
 * connection: a query on the outer pool would wait for ever).
 */
export class UnitOfWork {
  readonly repos: Repositories;

  constructor(private readonly db: Database) {
    this.repos = bind(db.knex, db, db.memo);
  }

  /** What is remembered of the database until anything changes (server/src/db/read-memo.ts). */
  get memo(): ReadMemo {
    return this.db.memo;
  }

  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    try {
      return await this.db.knex.transaction((trx) => work(bind(trx, this.db, null)));
    } finally {
      // Committed (or not): what was remembered may be out of date; the writer reads its write next.
      this.db.memo.changed();
    }
  }

  /** Runs `work` in a transaction that is always rolled back (dry runs). */
  async rehearse<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const trx = await this.db.knex.transaction();
    try {
      return await work(bind(trx, this.db, null));
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
    }
  }
}
