import type { Database } from '../db/database';
import { CityRepository } from '../repositories/city.repository';
import { HealthRepository } from '../repositories/health.repository';
import { NetworkRepository } from '../repositories/network.repository';
import { SdgRepository } from '../repositories/sdg.repository';
import { CityService } from './city.service';
import { NetworkService } from './network.service';
import { SdgService } from './sdg.service';

/** Every use case, wired to one database. Built once per app. */
export interface Services {
  readonly sdg: SdgService;
  readonly networks: NetworkService;
  readonly cities: CityService;
  readonly health: HealthRepository;
}

export function createServices(db: Database): Services {
  const { knex } = db;
  return {
    sdg: new SdgService(new SdgRepository(knex)),
    networks: new NetworkService(new NetworkRepository(knex)),
    cities: new CityService(new CityRepository(knex)),
    health: new HealthRepository(knex),
  };
}
