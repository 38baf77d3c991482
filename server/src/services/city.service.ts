import type { CityRow } from '../db/rows';
import { notFound } from '../errors';
import type { CityRepository } from '../repositories/city.repository';
import type { CityDetail, CityListResponse, CitySummary } from '../schemas/city.schema';
import { toYearRange } from './network.service';

function toSummary(row: CityRow): CitySummary {
  return {
    slug: row.slug,
    name: row.name,
    countryCode: row.country_code,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Cities and their memberships. */
export class CityService {
  constructor(private readonly repo: CityRepository) {}

  async list(): Promise<CityListResponse> {
    return { cities: (await this.repo.list()).map(toSummary) };
  }

  async get(slug: string): Promise<CityDetail> {
    const row = await this.repo.findBySlug(slug);
    if (row === undefined) throw notFound(`There is no city "${slug}".`);
    const [networks, stats] = await Promise.all([
      this.repo.listNetworks(row.id),
      this.repo.observationStats(row.id),
    ]);
    return {
      ...toSummary(row),
      networks: networks.map((n) => ({
        slug: n.slug,
        name: n.name,
        role: n.role,
        dataKind: n.data_kind,
      })),
      observationCount: stats.observation_count,
      dataYears: toYearRange(stats.first_year, stats.last_year),
    };
  }
}
