import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { UnitOfWork } from '../repositories/unit-of-work';

export interface HealthReport {
  /** The database answered a read and took a write. */
  database: 'ok' | 'unavailable' | 'read-only';
  /** Free space where the server writes (the embedded database, uploads being received). */
  storage: 'ok' | 'low';
  freeBytes: number | null;
}

/**
 * Whether the API can serve: the database answers and takes a write (a full
 * disk fails the write, not the read), and the server's own directories
 * have room. `/api/health` answers 503 unless everything is ok.
 */
export class HealthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly storage: { directories: readonly string[]; minFreeBytes: number },
  ) {}

  /** Resolves when the database answers a trivial query. */
  async ping(): Promise<void> {
    await this.uow.repos.health.ping();
  }

  async check(): Promise<HealthReport> {
    let database: HealthReport['database'] = 'ok';
    try {
      await this.uow.repos.health.ping();
      try {
        await this.uow.repos.health.probeWrite();
      } catch {
        database = 'read-only';
      }
    } catch {
      database = 'unavailable';
    }
    let freeBytes: number | null = null;
    for (const directory of [...this.storage.directories, os.tmpdir()]) {
      try {
        const stats = await statfs(directory);
        const free = Number(stats.bavail) * Number(stats.bsize);
        freeBytes = freeBytes === null ? free : Math.min(freeBytes, free);
      } catch {
        // A directory that does not exist (yet) holds nothing to run out of.
      }
    }
    const storage = freeBytes !== null && freeBytes < this.storage.minFreeBytes ? 'low' : 'ok';
    return { database, storage, freeBytes };
  }
}
