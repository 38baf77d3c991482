import { notFound } from '../errors';
import type { NetworkRepository, NetworkWithStats } from '../repositories/network.repository';
import type { NetworkDetail, NetworkListResponse, NetworkSummary } from '../schemas/network.schema';

export function toYearRange(
  first: number | null,
  last: number | null,
): { first: number; last: number } | null {
  return first === null || last === null ? null : { first, last };
}

function toSummary(row: NetworkWithStats): NetworkSummary {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    isPublic: row.is_public,
    dataKind: row.data_kind,
    citation: row.citation,
    licence: row.licence,
    cityCount: row.city_count,
    indicatorCount: row.indicator_count,
    dataYears: toYearRange(row.first_year, row.last_year),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Networks of partner cities. */
export class NetworkService {
  constructor(private readonly repo: NetworkRepository) {}

  async list(): Promise<NetworkListResponse> {
    return { networks: (await this.repo.list()).map(toSummary) };
  }

  async get(slug: string): Promise<NetworkDetail> {
    const row = await this.repo.findBySlug(slug);
    if (row === undefined) throw notFound(`There is no network "${slug}".`);
    const [members, goals] = await Promise.all([
      this.repo.listMembers(row.id),
      this.repo.listGoals(row.id),
    ]);
    return {
      ...toSummary(row),
      members: members.map((m) => ({
        slug: m.slug,
        name: m.name,
        countryCode: m.country_code,
        population: m.population,
        role: m.role,
      })),
      goals,
    };
  }
}
