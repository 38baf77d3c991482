import { type Principal, scopeIds } from '../auth/principal';
import { EUROSTAT_CODE_HELP, parseEurostatCodes } from '../domain/eurostat-codes';
import { checkIndicatorDefinition } from '../domain/indicator-rules';
import { AppError, validationFailed, type ErrorDetail } from '../errors';
import type {
  IndicatorFields,
  IndicatorRecord,
  SdgLink,
} from '../repositories/indicator.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  EurostatIndicatorsCreate,
  Indicator,
  IndicatorCreate,
  IndicatorListResponse,
  IndicatorPatch,
} from '../schemas/catalogue.schema';
import type { AccessService } from './access.service';
import { describeEurostat } from './eurostat-catalogue';
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
    synthetic: record.synthetic,
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

/** Inserts an indicator (checked: slug free, definition consistent, links valid, Eurostat code unused). */
export async function insertIndicator(
  repos: Repositories,
  principal: Principal,
  networkId: number,
  input: IndicatorCreate,
): Promise<IndicatorRecord> {
  if ((await repos.indicators.findBySlug(input.slug)) !== undefined) {
    throw new AppError(
      'conflict',
      `An indicator "${input.slug}" already exists; choose another slug.`,
      [{ path: '/slug', message: 'Already used.' }],
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
    synthetic: input.synthetic ?? false,
    sortOrder: input.sortOrder ?? 0,
  };
  checkDefinition(fields);
  await checkEurostatUnused(repos, networkId, fields.codes.eurostat, null);
  const links = await validateLinks(repos, input.sdgLinks);
  const created = await repos.indicators.insert(networkId, fields, links);
  await repos.audit.record({
    actor: principal.actor,
    action: 'indicator.created',
    entityType: 'indicator',
    entityKey: created.slug,
    networkId,
    indicatorId: created.id,
    after: snapshot(created),
  });
  return created;
}

/** Two indicators of a network may not read the same Eurostat code (an import could not tell them apart). */
async function checkEurostatUnused(
  repos: Repositories,
  networkId: number,
  code: string | undefined,
  exceptId: number | null,
): Promise<void> {
  if (code === undefined) return;
  const terms = new Set((parseEurostatCodes(code) ?? []).flatMap((c) => c.terms));
  for (const other of await repos.indicators.listForNetwork(networkId, { includeArchived: true })) {
    if (other.id === exceptId || other.codes.eurostat === undefined) continue;
    const shared = (parseEurostatCodes(other.codes.eurostat) ?? [])
      .flatMap((c) => c.terms)
      .find((t) => terms.has(t));
    if (shared !== undefined)
      throw new AppError(
        'conflict',
        `"${other.name}" already reads the Eurostat code ${shared}; an import could not tell the two apart.`,
        [{ path: '/codes/eurostat', message: 'Already used in this network.' }],
      );
  }
}

/** The indicator a Eurostat catalogue entry makes (400 naming the entry when something is missing). */
function eurostatIndicatorInput(
  entry: EurostatIndicatorsCreate['indicators'][number],
  at: string,
): IndicatorCreate {
  const parsed = parseEurostatCodes(entry.code);
  if (parsed === null)
    throw validationFailed(EUROSTAT_CODE_HELP, [
      { path: `${at}/code`, message: EUROSTAT_CODE_HELP },
    ]);
  const { name, unit, suggestion, missing } = describeEurostat(entry.code);
  if (missing.length > 0) {
    const message = `Eurostat's code list has no indicator ${missing.join(', ')}.`;
    throw validationFailed(message, [{ path: `${at}/code`, message }]);
  }
  const target = entry.target ?? suggestion?.target;
  const direction = entry.direction ?? suggestion?.direction;
  if (target === undefined || direction === undefined) {
    const message = `Say which SDG target ${entry.code} measures and whether higher or lower is better.`;
    throw validationFailed(message, [
      { path: `${at}/${target === undefined ? 'target' : 'direction'}`, message },
    ]);
  }
  const terms = parsed.flatMap((c) => c.terms);
  const datasets = [...new Set(parsed.map((c) => c.dataset).filter((d) => d !== null))];
  const percent = /%/.test(entry.unit ?? unit);
  return {
    slug:
      entry.slug ?? suggestion?.slug ?? `eurostat-${terms.join('-').toLowerCase()}`.slice(0, 64),
    name: entry.name ?? name,
    unit: entry.unit ?? unit,
    direction,
    decimals: suggestion?.decimals ?? 1,
    allowedMin: 0,
    allowedMax: percent ? 100 : null,
    naturalLimit: suggestion?.naturalLimit ?? (percent && direction === 'increase' ? 100 : null),
    source: `Eurostat, City statistics${datasets.length > 0 ? ` (${datasets.join(', ')})` : ''}`,
    codes: { eurostat: entry.code.trim() },
    sdgLinks: [
      {
        target,
        ...(suggestion?.sdgIndicator !== undefined && suggestion.target === target
          ? { indicator: suggestion.sdgIndicator }
          : {}),
      },
    ],
  };
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
    return this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'network.manage', { network: networkSlug });
      const network = await requireNetwork(repos, networkSlug);
      return toIndicator(await insertIndicator(repos, principal, network.id, input));
    });
  }

  /**
   * The catalogue step for Eurostat: indicators made from Eurostat codes
   * (name, unit and source from Eurostat's code list, target and direction
   * from the curated suggestions unless given), all or none.
   */
  async createFromEurostat(
    principal: Principal,
    networkSlug: string,
    entries: EurostatIndicatorsCreate['indicators'],
  ): Promise<Indicator[]> {
    return this.uow.transaction(async (repos) => {
      await this.access.check(repos, principal, 'network.manage', { network: networkSlug });
      const network = await requireNetwork(repos, networkSlug);
      // Every entry's problem at once, before anything is added.
      const inputs: IndicatorCreate[] = [];
      const problems: ErrorDetail[] = [];
      for (const [i, entry] of entries.entries()) {
        try {
          inputs.push(eurostatIndicatorInput(entry, `/indicators/${i}`));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          problems.push(...((err.details as ErrorDetail[] | undefined) ?? []));
        }
      }
      if (problems.length > 0)
        throw validationFailed(
          problems.length === 1
            ? problems[0]!.message
            : `${problems.length} entries cannot be added: ${problems.map((p) => p.message).join(' ')}`,
          problems,
        );
      const created: Indicator[] = [];
      for (const input of inputs)
        created.push(toIndicator(await insertIndicator(repos, principal, network.id, input)));
      return created;
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
          if (fields.codes !== undefined)
            await checkEurostatUnused(repos, c.networkId, fields.codes.eurostat, c.id);
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
