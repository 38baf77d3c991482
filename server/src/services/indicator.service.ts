import { type Principal, scopeIds } from '../auth/principal';
import { checkIndicatorDefinition } from '../domain/indicator-rules';
import { AppError, validationFailed, type ErrorDetail } from '../errors';
import type {
  IndicatorFields,
  IndicatorRecord,
  SdgLink,
} from '../repositories/indicator.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  Indicator,
  IndicatorCreate,
  IndicatorListResponse,
  IndicatorPatch,
} from '../schemas/catalogue.schema';
import type { AccessService } from './access.service';
import { requireIndicator, requireNetwork } from './lookup';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, updateVersioned, type Versioned } from './versioned-change';

export function toIndicator(record: IndicatorRecord): Indicator {
  return {
    slug: record.slug,
    network: record.networkSlug,
    name: record.name,
    description: record.description,
    unit: record.unit,
    direction: record.direction,
    decimals: record.decimals,
    trendType: record.trendType,
    bestBound: record.bestBound,
    worstBound: record.worstBound,
    thresholds: record.thresholds,
    allowedMin: record.allowedMin,
    allowedMax: record.allowedMax,
    maxChange: record.maxChange,
    source: record.source,
    translations: record.translations,
    codes: record.codes,
    naturalLimit: record.naturalLimit,
    sortOrder: record.sortOrder,
    goal: record.goal,
    sdgLinks: record.sdgLinks,
    archived: record.archivedAt !== null,
    version: record.version,
    etag: etagOf(record.id, record.version),
    updatedAt: record.updatedAt.toISOString(),
  };
}

const snapshot = (r: IndicatorRecord): Record<string, unknown> => {
  const { etag: _etag, updatedAt: _updatedAt, ...rest } = toIndicator(r);
  return rest;
};

/** An indicator as a versioned record (versioned-change.ts). */
const versionedIndicator = (record: IndicatorRecord): Versioned<IndicatorRecord> => ({
  what: 'indicator',
  etag: (r) => etagOf(r.id, r.version),
  body: toIndicator,
  snapshot,
  audit: {
    entityType: 'indicator',
    entityKey: record.slug,
    networkId: record.networkId,
    indicatorId: record.id,
  },
});

/** Checks SDG links against the framework: the target exists, the indicator sits under it. */
async function validateLinks(
  repos: Repositories,
  links: ReadonlyArray<{ target: string; indicator?: string | null }>,
): Promise<SdgLink[]> {
  const details: ErrorDetail[] = [];
  const normalised: SdgLink[] = [];
  const seen = new Set<string>();
  for (const [i, link] of links.entries()) {
    const target = await repos.sdg.findTarget(link.target);
    if (target === undefined) {
      details.push({
        path: `/sdgLinks/${i}/target`,
        message: `There is no SDG target "${link.target}".`,
      });
      continue;
    }
    const code = link.indicator ?? null;
    if (code !== null) {
      const sdgIndicator = await repos.sdg.findIndicator(code);
      if (sdgIndicator === undefined) {
        details.push({
          path: `/sdgLinks/${i}/indicator`,
          message: `There is no SDG indicator "${code}".`,
        });
        continue;
      }
      if (sdgIndicator.target !== link.target) {
        details.push({
          path: `/sdgLinks/${i}/indicator`,
          message: `SDG indicator ${code} belongs to target ${sdgIndicator.target}, not ${link.target}.`,
        });
        continue;
      }
    }
    const key = `${link.target}|${code ?? ''}`;
    if (seen.has(key)) {
      details.push({
        path: `/sdgLinks/${i}`,
        message: `The link to ${code ?? link.target} is listed twice.`,
      });
      continue;
    }
    seen.add(key);
    normalised.push({ target: link.target, indicator: code });
  }
  if (details.length > 0) throw validationFailed(details[0]!.message, details);
  return normalised;
}

function checkDefinition(
  fields: Pick<
    IndicatorFields,
    'direction' | 'bestBound' | 'worstBound' | 'thresholds' | 'allowedMin' | 'allowedMax'
  > &
    Partial<Pick<IndicatorFields, 'codes'>>,
): void {
  const problems = checkIndicatorDefinition(fields);
  if (problems.length > 0) throw validationFailed(problems[0]!.message, problems);
}

/** The indicator catalogue of each network. */
export class IndicatorService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  async get(principal: Principal, slug: string): Promise<Indicator> {
    await this.access.check(this.uow.repos, principal, 'indicator.read', { indicator: slug });
    return toIndicator(await requireIndicator(this.uow.repos, slug));
  }

  async listForNetwork(
    principal: Principal,
    networkSlug: string,
    query: { goal?: number; target?: string; includeArchived?: boolean },
  ): Promise<IndicatorListResponse> {
    await this.access.check(this.uow.repos, principal, 'network.read', { network: networkSlug });
    const network = await requireNetwork(this.uow.repos, networkSlug);
    const records = await this.uow.repos.indicators.listForNetwork(network.id, query);
    return { indicators: records.map(toIndicator) };
  }

  /** Indicators of every network linked to an SDG goal, target or indicator. */
  async search(
    principal: Principal,
    query: {
      goal?: number;
      target?: string;
      sdgIndicator?: string;
    },
  ): Promise<IndicatorListResponse> {
    const scope = await this.access.scopeOf(principal);
    const records = await this.uow.repos.indicators.listBySdg({
      ...query,
      networkIds: scopeIds(scope),
    });
    return { indicators: records.map(toIndicator) };
  }

  async create(
    principal: Principal,
    networkSlug: string,
    input: IndicatorCreate,
  ): Promise<Indicator> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'network.manage', { network: networkSlug });
      const network = await requireNetwork(repos, networkSlug);
      if ((await repos.indicators.findBySlug(input.slug)) !== undefined) {
        throw new AppError(
          'conflict',
          `An indicator "${input.slug}" already exists; choose another slug.`,
        );
      }
      const fields: IndicatorFields = {
        slug: input.slug,
        name: input.name,
        description: input.description ?? '',
        unit: input.unit,
        direction: input.direction,
        decimals: input.decimals ?? 1,
        trendType: input.trendType ?? 'auto',
        bestBound: input.bestBound ?? null,
        worstBound: input.worstBound ?? null,
        thresholds: input.thresholds ?? null,
        allowedMin: input.allowedMin ?? null,
        allowedMax: input.allowedMax ?? null,
        maxChange: input.maxChange ?? null,
        source: input.source ?? null,
        translations: input.translations ?? {},
        codes: input.codes ?? {},
        naturalLimit: input.naturalLimit ?? null,
        sortOrder: input.sortOrder ?? 0,
      };
      checkDefinition(fields);
      const links = await validateLinks(repos, input.sdgLinks);
      const created = await repos.indicators.insert(network.id, fields, links);
      await repos.audit.record({
        actor,
        action: 'indicator.created',
        entityType: 'indicator',
        entityKey: created.slug,
        networkId: network.id,
        indicatorId: created.id,
        after: snapshot(created),
      });
      return toIndicator(created);
    });
  }

  /** Partial update; `archived` archives or restores; `sdgLinks` replaces the links. */
  async update(
    principal: Principal,
    slug: string,
    patch: IndicatorPatch,
    pre: Preconditions,
  ): Promise<Indicator> {
    return this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'indicator.manage', { indicator: slug });
      const current = await requireIndicator(repos, slug);
      const { archived, sdgLinks, ...fields } = patch;
      const updated = await updateVersioned(repos, versionedIndicator(current), current, {
        principal,
        pre,
        action:
          archived === true && current.archivedAt === null
            ? 'indicator.archived'
            : 'indicator.updated',
        write: async (c) => {
          checkDefinition({
            direction: fields.direction ?? c.direction,
            bestBound: fields.bestBound !== undefined ? fields.bestBound : c.bestBound,
            worstBound: fields.worstBound !== undefined ? fields.worstBound : c.worstBound,
            thresholds: fields.thresholds !== undefined ? fields.thresholds : c.thresholds,
            allowedMin: fields.allowedMin !== undefined ? fields.allowedMin : c.allowedMin,
            allowedMax: fields.allowedMax !== undefined ? fields.allowedMax : c.allowedMax,
            codes: fields.codes ?? c.codes,
          });
          const links = sdgLinks === undefined ? undefined : await validateLinks(repos, sdgLinks);
          if (!(await repos.indicators.update(c.id, c.version, fields))) return false;
          if (archived !== undefined && archived !== (c.archivedAt !== null))
            await repos.indicators.setArchived(c.id, c.version + 1, archived);
          if (links !== undefined) await repos.indicators.replaceLinks(c.id, links);
          return true;
        },
        reload: () => repos.indicators.findBySlug(slug),
      });
      return toIndicator(updated);
    });
  }

  /**
   * Deletes an indicator. One with values is refused (409) unless it was
   * archived first: then it goes with its values, ambitions and links.
   */
  async delete(
    principal: Principal,
    slug: string,
    pre: Preconditions,
  ): Promise<{ deletedObservations: number }> {
    return this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'indicator.manage', { indicator: slug });
      const current = await requireIndicator(repos, slug);
      const values = await repos.indicators.countObservations(current.id);
      await deleteVersioned(repos, versionedIndicator(current), current, {
        principal,
        pre,
        action: 'indicator.deleted',
        before: { observations: values },
        check: async (c) => {
          if (values > 0 && c.archivedAt === null) {
            throw new AppError(
              'conflict',
              `"${c.name}" has ${values} reported ${values === 1 ? 'value' : 'values'}. Archive it instead (PATCH with {"archived": true}); an archived indicator can then be deleted with its values.`,
              { observations: values },
            );
          }
        },
        remove: (c) => repos.indicators.deleteWithData(c.id, c.version),
      });
      return { deletedObservations: values };
    });
  }
}
