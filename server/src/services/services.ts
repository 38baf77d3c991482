import type { Database } from '../db/database';
import { UnitOfWork } from '../repositories/unit-of-work';
import { AccessService } from './access.service';
import { ActionService } from './action.service';
import { DistrictService } from './district.service';
import { AmbitionService } from './ambition.service';
import { ApiTokenService } from './api-token.service';
import { AuthService, type SessionPolicy } from './auth.service';
import { CityService } from './city.service';
import { ExportService } from './export.service';
import { HealthService } from './health.service';
import { ImportService } from './import.service';
import { IndicatorService } from './indicator.service';
import type { Mailer } from './mailer';
import { NetworkService } from './network.service';
import { NotificationService } from './notification.service';
import { ObservationService } from './observation.service';
import { OpenSdgRepositoryService } from './opensdg-repository.service';
import { ProgressService } from './progress.service';
import { ReviewService } from './review.service';
import { SdgService } from './sdg.service';
import { SecondFactorService } from './second-factor.service';
import { UsersService } from './users.service';

/** Every use case, wired to one database. Built once per app. */
export interface Services {
  readonly sdg: SdgService;
  readonly networks: NetworkService;
  readonly cities: CityService;
  readonly indicators: IndicatorService;
  readonly observations: ObservationService;
  readonly ambitions: AmbitionService;
  readonly actions: ActionService;
  readonly districts: DistrictService;
  readonly imports: ImportService;
  readonly openSdg: OpenSdgRepositoryService;
  readonly exports: ExportService;
  readonly health: HealthService;
  readonly progress: ProgressService;
  readonly access: AccessService;
  readonly auth: AuthService;
  readonly tokens: ApiTokenService;
  readonly secondFactor: SecondFactorService;
  readonly users: UsersService;
  readonly reviews: ReviewService;
  readonly notifications: NotificationService;
}

export interface ServiceOptions extends SessionPolicy {
  /** Requests one API token may make per minute. */
  apiTokenRequestsPerMinute: number;
  /** Directories whose free space the health check watches, and the minimum. */
  storage: { directories: readonly string[]; minFreeBytes: number };
  /** Memory for computed progress, scores and comparisons, in bytes. */
  resultCacheBytes: number;
  /** E-mail for review notifications (none by default) and the address links in it point at. */
  mailer: Mailer;
  publicUrl: string | null;
}

const DEFAULTS: ServiceOptions = {
  idleSeconds: 30 * 60,
  maxSeconds: 12 * 3600,
  allowDemoAccounts: false,
  secondFactorRoles: [],
  apiTokenRequestsPerMinute: 600,
  storage: { directories: [], minFreeBytes: 0 },
  resultCacheBytes: 256 * 1024 * 1024,
  mailer: { enabled: false, send: () => undefined, idle: () => Promise.resolve() },
  publicUrl: null,
};

export function createServices(db: Database, options: Partial<ServiceOptions> = {}): Services {
  const settings = { ...DEFAULTS, ...options };
  const uow = new UnitOfWork(db);
  const access = new AccessService(uow);
  const auth = new AuthService(uow, settings);
  const imports = new ImportService(uow, access);
  const notifications = new NotificationService(uow, settings.mailer, settings.publicUrl);
  return {
    sdg: new SdgService(uow.repos.sdg),
    networks: new NetworkService(uow, access),
    cities: new CityService(uow, access),
    indicators: new IndicatorService(uow, access),
    observations: new ObservationService(uow, access),
    ambitions: new AmbitionService(uow, access),
    actions: new ActionService(uow, access),
    districts: new DistrictService(uow, access),
    imports,
    openSdg: new OpenSdgRepositoryService(uow, access, imports),
    exports: new ExportService(uow, access),
    health: new HealthService(uow, settings.storage),
    progress: new ProgressService(uow, access, settings.resultCacheBytes),
    access,
    auth,
    tokens: new ApiTokenService(uow, auth, settings.apiTokenRequestsPerMinute),
    secondFactor: new SecondFactorService(uow, settings.secondFactorRoles),
    users: new UsersService(uow),
    reviews: new ReviewService(uow, access, notifications),
    notifications,
  };
}
