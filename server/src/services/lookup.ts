import { AppError, notFound } from '../errors';
import type { CityRecord } from '../repositories/city.repository';
import type { IndicatorRecord } from '../repositories/indicator.repository';
import type { NetworkRecord } from '../repositories/network.repository';
import type { Repositories } from '../repositories/unit-of-work';

/** Resolves slugs to records with the 404s and 409s every service needs. */

export async function requireCity(repos: Repositories, slug: string): Promise<CityRecord> {
  const city = await repos.cities.findBySlug(slug);
  if (city === undefined) throw notFound(`There is no city "${slug}".`);
  return city;
}

export async function requireNetwork(repos: Repositories, slug: string): Promise<NetworkRecord> {
  const network = await repos.networks.findBySlug(slug);
  if (network === undefined) throw notFound(`There is no network "${slug}".`);
  return network;
}

export async function requireIndicator(
  repos: Repositories,
  slug: string,
): Promise<IndicatorRecord> {
  const indicator = await repos.indicators.findBySlug(slug);
  if (indicator === undefined) throw notFound(`There is no indicator "${slug}".`);
  return indicator;
}

/** Resolves a city and an indicator (404 for either, the city's first). */
export async function requireCityIndicator(
  repos: Repositories,
  citySlug: string,
  indicatorSlug: string,
): Promise<{ city: CityRecord; indicator: IndicatorRecord }> {
  const city = await requireCity(repos, citySlug);
  const indicator = await requireIndicator(repos, indicatorSlug);
  return { city, indicator };
}

/**
 * A city reports an indicator only through a network it belongs to. Reads of
 * such a pair are 404 (nothing can exist); writes are 409 with the reason.
 */
export async function requireReporting(
  repos: Repositories,
  city: CityRecord,
  indicator: IndicatorRecord,
  mode: 'read' | 'write',
): Promise<void> {
  const member = await repos.networks.findMember(indicator.networkId, city.id);
  if (member !== undefined) return;
  const message = `${city.name} is not a member of the network "${indicator.networkSlug}" that owns the indicator "${indicator.slug}".`;
  throw mode === 'read' ? notFound(message) : new AppError('conflict', message);
}

/** Values cannot be added to an archived indicator. */
export function requireActive(indicator: IndicatorRecord): void {
  if (indicator.archivedAt !== null) {
    throw new AppError(
      'conflict',
      `The indicator "${indicator.slug}" is archived; restore it before changing its values.`,
    );
  }
}
