import { seesCity, seesNetwork, type NetworkFacts } from '../../auth/policy';
import type { Principal } from '../../auth/principal';
import { parseEurostatCodes } from '../../domain/eurostat-codes';
import type { RowCity, RowIndicator } from '../../domain/import-row';
import type { IndicatorRecord } from '../../repositories/indicator.repository';
import type { Repositories } from '../../repositories/unit-of-work';

/** A city of the catalogue; `dense` numbers the cities 0, 1, 2… for compact numeric keys. */
export interface CatalogueCity extends RowCity {
  readonly dense: number;
}

/** An indicator of the catalogue with its dense number. */
export type CatalogueIndicator = IndicatorRecord & RowIndicator & { readonly dense: number };

/** What a Eurostat code stands for: an indicator, alone or as one term of a sum. */
export interface EurostatTerm {
  readonly indicator: CatalogueIndicator;
  /** The terms of the sum this code belongs to (just itself for a plain code). */
  readonly terms: readonly string[];
}

/** Dense indicator numbers stay below this, so a (city, indicator, series, year) key fits a double exactly. */
export const MAX_INDICATORS = 2 ** 14;

/**
 * The cities and indicators an importer may see, looked up by slug as cells
 * are read (a cache keeps the cell as written, since cells repeat). Hidden
 * ones are not in it, so a row naming one reads "there is no city", exactly
 * like a missing one.
 */
export class ImportCatalogue {
  private readonly cityCache = new Map<string, CatalogueCity | undefined>();
  private readonly indicatorCache = new Map<string, CatalogueIndicator | undefined>();

  private constructor(
    readonly cities: ReadonlyMap<string, CatalogueCity>,
    readonly indicators: ReadonlyMap<string, CatalogueIndicator>,
    /** "networkId:cityId" of every membership. */
    private readonly members: ReadonlySet<string>,
    /** Cities by their codes in other systems (any scheme), as written. */
    private readonly cityCodes: ReadonlyMap<string, CatalogueCity>,
    /** Eurostat codes by "DATASET:CODE" and the bare "CODE": one entry per network that reads it. */
    private readonly eurostat: ReadonlyMap<string, readonly EurostatTerm[]>,
  ) {}

  /** Loads the catalogue as the principal sees it (the access policy decides, as everywhere). */
  static async load(repos: Repositories, principal: Principal): Promise<ImportCatalogue> {
    const networks = new Map<number, NetworkFacts>(
      (await repos.networks.list()).map((n) => [
        n.id,
        { id: n.id, slug: n.slug, name: n.name, isPublic: n.isPublic },
      ]),
    );
    const memberships = await repos.networks.allMemberships();
    const networksOf = new Map<number, NetworkFacts[]>();
    for (const m of memberships) {
      const list = networksOf.get(m.cityId) ?? [];
      list.push(networks.get(m.networkId)!);
      networksOf.set(m.cityId, list);
    }
    const cities = (await repos.cities.list()).filter((c) =>
      seesCity(principal, { ...c, networks: networksOf.get(c.id) ?? [] }),
    );
    const indicators = (await repos.indicators.listAll()).filter((i) =>
      seesNetwork(principal, networks.get(i.networkId)!),
    );
    const bySlug = new Map(cities.map((c, dense) => [c.slug, { id: c.id, slug: c.slug, dense }]));
    const byId = new Map([...bySlug.values()].map((c) => [c.id, c]));
    const cityCodes = new Map<string, CatalogueCity>();
    for (const { cityId, code } of await repos.cities.allCodes()) {
      const city = byId.get(cityId);
      if (city !== undefined) cityCodes.set(code.toUpperCase(), city);
    }
    const catalogueIndicators = new Map(
      indicators.map((i, dense) => [
        i.slug,
        { ...i, archived: i.archivedAt !== null, dense } as CatalogueIndicator,
      ]),
    );
    const eurostat = new Map<string, EurostatTerm[]>();
    const add = (key: string, entry: EurostatTerm): void => {
      const list = eurostat.get(key) ?? [];
      if (!list.some((e) => e.indicator.networkId === entry.indicator.networkId)) list.push(entry);
      eurostat.set(key, list);
    };
    for (const indicator of catalogueIndicators.values()) {
      const text = indicator.codes.eurostat;
      if (text === undefined) continue;
      for (const code of parseEurostatCodes(text) ?? []) {
        for (const term of code.terms) {
          const entry = { indicator, terms: code.terms };
          if (code.dataset !== null) add(`${code.dataset.toUpperCase()}:${term}`, entry);
          add(term, entry);
        }
      }
    }
    return new ImportCatalogue(
      bySlug,
      catalogueIndicators,
      new Set(memberships.map((m) => `${m.networkId}:${m.cityId}`)),
      cityCodes,
      eurostat,
    );
  }

  /** A city by its slug, or by one of its codes (Urban Audit, ONS, …). */
  city(cell: string): CatalogueCity | undefined {
    if (this.cityCache.has(cell)) return this.cityCache.get(cell);
    const text = cell.trim();
    const city = this.cities.get(text.toLowerCase()) ?? this.cityCodes.get(text.toUpperCase());
    this.cityCache.set(cell, city);
    return city;
  }

  /**
   * What a Eurostat code stands for, within a dataset when the file names
   * one: the entries of every network that reads the code (one per network).
   */
  byEurostatCode(code: string, dataset: string | null): readonly EurostatTerm[] {
    const upper = code.trim().toUpperCase();
    return (
      (dataset === null ? undefined : this.eurostat.get(`${dataset.toUpperCase()}:${upper}`)) ??
      this.eurostat.get(upper) ??
      []
    );
  }

  indicator(cell: string): CatalogueIndicator | undefined {
    if (this.indicatorCache.has(cell)) return this.indicatorCache.get(cell);
    const indicator = this.indicators.get(cell.trim().toLowerCase());
    this.indicatorCache.set(cell, indicator);
    return indicator;
  }

  isMember(indicator: CatalogueIndicator, city: CatalogueCity): boolean {
    return this.members.has(`${indicator.networkId}:${city.id}`);
  }
}
