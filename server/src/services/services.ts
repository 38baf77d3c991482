import type { Database } from '../db/database';
import { UnitOfWork } from '../repositories/unit-of-work';
import { AccessService } from './access.service';
import { AmbitionService } from './ambition.service';
import { AuthService, type SessionPolicy } from './auth.service';
import { CityService } from './city.service';
import { ExportService } from './export.service';
import { HealthService } from './health.service';
import { ImportService } from './import.service';
import { IndicatorService } from './indicator.service';
import { NetworkService } from './network.service';
import { ObservationService } from './observation.service';
import { ProgressService } from './progress.service';
import { ReviewService } from './review.service';
import { SdgService } from './sdg.service';
import { UsersService } from './users.service';

/** Every use case, wired to one database. Built once per app. */
export interface Services {
  readonly sdg: SdgService;
  readonly networks: NetworkService;
  readonly cities: CityService;
  readonly indicators: IndicatorService;
  readonly observations: ObservationService;
  readonly ambitions: AmbitionService;
  readonly imports: ImportService;
  readonly exports: ExportService;
  readonly health: HealthService;
  readonly progress: ProgressService;
  readonly access: AccessService;
  readonly auth: AuthService;
  readonly users: UsersService;
  readonly reviews: ReviewService;
}

const DEFAULT_SESSIONS: SessionPolicy = {
  idleSeconds: 30 * 60,
  maxSeconds: 12 * 3600,
  allowDemoAccounts: false,
};

export function createServices(db: Database, sessions: SessionPolicy = DEFAULT_SESSIONS): Services {
  const uow = new UnitOfWork(db);
  return {
    sdg: new SdgService(uow.repos.sdg),
    networks: new NetworkService(uow),
    cities: new CityService(uow),
    indicators: new IndicatorService(uow),
    observations: new ObservationService(uow),
    ambitions: new AmbitionService(uow),
    imports: new ImportService(uow),
    exports: new ExportService(uow),
    health: new HealthService(uow),
    progress: new ProgressService(uow),
    access: new AccessService(uow),
    auth: new AuthService(uow, sessions),
    users: new UsersService(uow),
    reviews: new ReviewService(uow),
  };
}
