import type { UnitOfWork } from '../repositories/unit-of-work';

/** Liveness of the database behind the API. */
export class HealthService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Resolves when the database answers a trivial query. */
  async ping(): Promise<void> {
    await this.uow.repos.health.ping();
  }
}
