import type { Principal } from '../auth/principal';
import {
  bboxOf,
  prepareGeometry,
  readDistricts,
  toleranceFor,
  unmatchedCodes,
  type District,
} from '../domain/districts';
import { notFound, validationFailed } from '../errors';
import type { DistrictsFields, DistrictsRecord } from '../repositories/district.repository';
import type { UnitOfWork } from '../repositories/unit-of-work';
import type { CityDistricts } from '../schemas/district.schema';
import type { AccessService } from './access.service';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, putVersioned, type Versioned } from './versioned-change';

const districtsEtag = (r: DistrictsRecord): string =>
  etagOf(`d${r.cityId}.${r.createdAt.getTime()}`, r.version);

function toBody(
  citySlug: string,
  record: DistrictsRecord,
  areaCodes: ReadonlyMap<string, string | null>,
): CityDistricts {
  const features = (record.geojson as { features: Array<{ properties: { code: string } }> })
    .features;
  return {
    city: citySlug,
    codeProperty: record.codeProperty,
    nameProperty: record.nameProperty,
    featureCount: record.featureCount,
    bbox: record.bbox,
    uploadedBytes: record.uploadedBytes,
    storedBytes: record.storedBytes,
    matchedCodes: features.filter((f) => areaCodes.has(f.properties.code)).length,
    dataCodesWithoutBoundary: [...areaCodes.keys()]
      .filter((code) => !features.some((f) => f.properties.code === code))
      .sort(),
    geojson: record.geojson as CityDistricts['geojson'],
    version: record.version,
    etag: districtsEtag(record),
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

const versioned = (city: { id: number; slug: string }): Versioned<DistrictsRecord> => ({
  what: 'set of district boundaries',
  etag: districtsEtag,
  body: (r) => toBody(city.slug, r, new Map()),
  snapshot: (r) => ({
    codeProperty: r.codeProperty,
    nameProperty: r.nameProperty,
    featureCount: r.featureCount,
    bbox: r.bbox,
    uploadedBytes: r.uploadedBytes,
    version: r.version,
  }),
  audit: {
    entityType: 'districts',
    entityKey: `${city.slug}/districts`,
    networkId: null,
    cityId: city.id,
    indicatorId: null,
  },
});

/** What a boundaries upload carries besides its If-Match. */
interface DistrictsUpload {
  body: unknown;
  bytes: number;
  codeProperty: string;
  nameProperty?: string | undefined;
  onlyMatching?: boolean | undefined;
}

/**
 * The upload's districts, refused (422, every problem listed) when the file
 * cannot be read, when onlyMatching keeps none, or when some code matches
 * none of the data's district codes (when it has some).
 */
function checkedDistricts(
  upload: DistrictsUpload,
  cityName: string,
  areaCodes: ReadonlyMap<string, string | null>,
): { districts: District[]; leftOut: number } {
  const { districts, problems, leftOut } = readDistricts(upload.body, {
    codeProperty: upload.codeProperty,
    nameProperty: upload.nameProperty,
    keep: upload.onlyMatching === true ? (code) => areaCodes.has(code) : undefined,
  });
  if (problems.length === 0 && districts.length === 0 && leftOut > 0)
    throw validationFailed(
      `None of the file's ${leftOut} features has a "${upload.codeProperty}" that is a district code in ${cityName}'s data (such as ${[
        ...areaCodes.keys(),
      ]
        .sort()
        .slice(0, 3)
        .join(', ')}).`,
      [{ path: '/features', message: 'No feature matches.' }],
    );
  if (problems.length > 0)
    throw validationFailed(
      problems.length > 1
        ? `${problems[0]!.message} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : problems[0]!.message,
      problems,
    );
  const unmatched = unmatchedCodes(districts, new Set(areaCodes.keys()));
  if (unmatched.length > 0) {
    const examples = [...areaCodes.keys()].sort().slice(0, 3).join(', ');
    throw validationFailed(
      `${unmatched.length} of ${districts.length} districts have a "${upload.codeProperty}" that matches no district code in ${cityName}'s data (${unmatched
        .slice(0, 5)
        .map((c) => `"${c}"`)
        .join(
          ', ',
        )}${unmatched.length > 5 ? ', …' : ''}). Its data uses codes such as ${examples}: choose the property that holds them, or, for a file of a wider area, keep only the city's districts (onlyMatching).`,
      unmatched.slice(0, 20).map((code) => ({
        path: `/features/${districts.findIndex((d) => d.code === code)}/properties/${upload.codeProperty}`,
        message: `"${code}" is not a district code in the data.`,
      })),
    );
  }
  return { districts, leftOut };
}

/** The stored boundaries: simplified for the browser, named from the data where the file has no name. */
function districtsFields(
  districts: readonly District[],
  upload: DistrictsUpload,
  areaCodes: ReadonlyMap<string, string | null>,
): DistrictsFields {
  const bbox = bboxOf(districts);
  const tolerance = toleranceFor(bbox);
  const geojson = {
    type: 'FeatureCollection' as const,
    features: districts.map((d) => ({
      type: 'Feature' as const,
      properties: { code: d.code, name: d.name ?? areaCodes.get(d.code) ?? null },
      geometry: prepareGeometry(d.geometry, tolerance),
    })),
  };
  return {
    codeProperty: upload.codeProperty,
    nameProperty: upload.nameProperty ?? null,
    geojson,
    featureCount: districts.length,
    bbox,
    uploadedBytes: upload.bytes,
    storedBytes: Buffer.byteLength(JSON.stringify(geojson)),
  };
}

/** A city's district boundaries: uploaded as GeoJSON, checked, simplified, served with the city. */
export class DistrictService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  async get(principal: Principal, citySlug: string): Promise<CityDistricts> {
    const { repos } = this.uow;
    const { city } = await this.access.check(repos, principal, 'city.read', { city: citySlug });
    const record = await repos.districts.find(city!.id);
    if (record === undefined)
      throw notFound(`${city!.name} has no district boundaries yet; its editors can upload them.`);
    return toBody(city!.slug, record, await repos.districts.areaCodes(city!.id));
  }

  /**
   * Replaces the boundaries (If-Match when some exist). Refused with every
   * problem listed when the file is not a FeatureCollection of closed
   * polygons with unique codes, or when the city's data has district codes
   * and some boundary's code matches none of them.
   */
  async put(
    principal: Principal,
    citySlug: string,
    upload: DistrictsUpload,
    pre: Preconditions,
  ): Promise<{ districts: CityDistricts; created: boolean }> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      const { city } = await this.access.check(repos, principal, 'city.edit', { city: citySlug });
      const areaCodes = await repos.districts.areaCodes(city!.id);
      if (upload.onlyMatching === true && areaCodes.size === 0)
        throw validationFailed(
          `${city!.name}'s data has no district codes yet, so there is nothing to keep the boundaries to: import the district-level values first, or upload without onlyMatching.`,
          [{ path: '/onlyMatching', message: 'No district codes in the data.' }],
        );
      const { districts, leftOut } = checkedDistricts(upload, city!.name, areaCodes);
      const fields = districtsFields(districts, upload, areaCodes);
      const existing = await repos.districts.find(city!.id, { lock: true });
      const { record, created } = await putVersioned(repos, versioned(city!), existing, {
        principal,
        pre,
        createAction: 'districts.created',
        action: 'districts.updated',
        create: () => repos.districts.insertIfAbsent(city!.id, fields, actor.label),
        update: (r) => repos.districts.updateIfVersion(city!.id, r.version, fields, actor.label),
        reload: () => repos.districts.find(city!.id),
      });
      return {
        districts: {
          ...toBody(city!.slug, record, areaCodes),
          ...(upload.onlyMatching === true ? { leftOut } : {}),
        },
        created,
      };
    });
  }

  async delete(principal: Principal, citySlug: string, pre: Preconditions): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const { city } = await this.access.check(repos, principal, 'city.edit', { city: citySlug });
      const existing = await repos.districts.find(city!.id, { lock: true });
      if (existing === undefined) throw notFound(`${city!.name} has no district boundaries.`);
      await deleteVersioned(repos, versioned(city!), existing, {
        principal,
        pre,
        action: 'districts.deleted',
        remove: (r) => repos.districts.deleteIfVersion(city!.id, r.version),
        reload: () => repos.districts.find(city!.id),
      });
    });
  }
}
