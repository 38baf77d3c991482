import type { ActionFacts, CityFacts, NetworkFacts } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { beforeAfter } from '../domain/action-plan';
import type { SdgLanguage } from '../domain/languages';
import { AppError, notFound, validationFailed, type ErrorDetail } from '../errors';
import type {
  ActionFields,
  ActionRecord,
  EffectFields,
  EffectRecord,
} from '../repositories/action.repository';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import type {
  Action,
  ActionEffectInput,
  ActionInput,
  ActionListQuery,
  ActionListResponse,
  ActionPatch,
  ActionStep,
  GoodPracticeListResponse,
  GoodPracticeQuery,
} from '../schemas/action.schema';
import type { HistoryResponse } from '../schemas/observation.schema';
import type { AccessService } from './access.service';
import { requireCity, requireNetwork } from './lookup';
import { toHistoryEvent } from './observation.service';
import { etagOf, type Preconditions } from './preconditions';
import { deleteVersioned, updateVersioned, type Versioned } from './versioned-change';

const actionEtag = (record: ActionRecord): string => etagOf(`a${record.id}`, record.version);

const localised = (
  e: EffectRecord,
  lang: SdgLanguage,
): { indicatorName: string; unit: string } => ({
  indicatorName: e.indicatorTranslations[lang]?.name ?? e.indicatorName,
  unit: e.indicatorTranslations[lang]?.unit ?? e.unit,
});

/** The working copy, as members see it. */
export function toAction(record: ActionRecord, lang: SdgLanguage = 'en'): Action {
  return {
    id: record.id,
    city: record.citySlug,
    cityName: record.cityName,
    title: record.title,
    description: record.description,
    department: record.department,
    budget:
      record.budgetAmount === null || record.budgetCurrency === null
        ? null
        : { amount: record.budgetAmount, currency: record.budgetCurrency },
    startYear: record.startYear,
    endYear: record.endYear,
    status: record.status,
    statusHistory: record.statusHistory.map((h) => ({
      status: h.status,
      at: h.at.toISOString(),
      by: h.by,
    })),
    targets: record.targets,
    effects: record.effects.map((e) => ({
      indicator: e.indicatorSlug,
      ...localised(e, lang),
      decimals: e.decimals,
      effect: e.effect,
      effectYear: e.effectYear,
      note: e.note,
      realised: e.realised,
    })),
    synthetic: record.synthetic,
    review: {
      state: record.reviewState,
      comment: record.reviewComment,
      publishedAt: record.publishedAt?.toISOString() ?? null,
      draft: record.reviewState !== 'approved',
    },
    goodPracticeIn: record.goodPracticeIn,
    version: record.version,
    etag: actionEtag(record),
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

/** The approved copy, as the public sees it (good-practice marks are current). */
function publishedAction(record: ActionRecord): Action {
  const copy = record.published as Action;
  return {
    ...copy,
    review: {
      state: 'approved',
      comment: null,
      publishedAt: record.publishedAt?.toISOString() ?? null,
      draft: false,
    },
    goodPracticeIn: record.goodPracticeIn,
  };
}

/** Whether the principal works on the city's plan: its editors and members of its networks see the working copy. */
function seesWorkingCopy(principal: Principal, city: CityFacts): boolean {
  return (
    principal.isAdmin ||
    principal.canEditCity(city.id) ||
    city.networks.some((n) => principal.isMemberOf(n.id))
  );
}

/** What the audit trail keeps of an action. */
const snapshot = (record: ActionRecord): Record<string, unknown> => ({
  title: record.title,
  description: record.description,
  department: record.department,
  budget:
    record.budgetAmount === null
      ? null
      : { amount: record.budgetAmount, currency: record.budgetCurrency },
  startYear: record.startYear,
  endYear: record.endYear,
  status: record.status,
  targets: record.targets,
  effects: record.effects.map((e) => ({
    indicator: e.indicatorSlug,
    effect: e.effect,
    effectYear: e.effectYear,
    note: e.note,
    realised: e.realised,
  })),
  review: record.reviewState,
  version: record.version,
});

const versionedAction = (
  record: ActionRecord,
  networkId: number | null,
): Versioned<ActionRecord> => ({
  what: 'action',
  etag: actionEtag,
  body: (r) => toAction(r),
  snapshot,
  audit: {
    entityType: 'action',
    entityKey: `${record.citySlug}/actions/${record.id}`,
    networkId,
    cityId: record.cityId,
    indicatorId: null,
  },
});

/** The audit fields a network's good-practice mark of action `id` shares (its key is the action's). */
function goodPracticeEvent(
  actor: Principal['actor'],
  network: NetworkFacts,
  action: ActionFacts,
  id: number,
) {
  return {
    entityType: 'action',
    entityKey: `${action.city.slug}/actions/${id}`,
    networkId: network.id,
    cityId: action.city.id,
    indicatorId: null,
    actor,
    comment: null,
  };
}

function fieldsOf(input: ActionInput | ActionPatch, current?: ActionRecord): ActionFields {
  const budget =
    input.budget !== undefined
      ? input.budget
      : current === undefined || current.budgetAmount === null
        ? null
        : { amount: current.budgetAmount, currency: current.budgetCurrency! };
  return {
    title: (input.title ?? current?.title ?? '').trim(),
    description: input.description ?? current?.description ?? '',
    department:
      input.department !== undefined
        ? (input.department?.trim() ?? null)
        : (current?.department ?? null),
    budgetAmount: budget?.amount ?? null,
    budgetCurrency: budget?.currency ?? null,
    startYear: input.startYear ?? current!.startYear,
    endYear: input.endYear !== undefined ? input.endYear : (current?.endYear ?? null),
    status: input.status ?? current?.status ?? 'planned',
  };
}

/**
 * The effects' indicators resolved (each named once, of the city's
 * networks, current) and checked; problems are added to `details`.
 */
async function resolveEffects(
  repos: Repositories,
  city: { cityId: number; cityName: string; startYear: number },
  effects: readonly ActionEffectInput[],
  details: ErrorDetail[],
): Promise<EffectFields[]> {
  const resolved: EffectFields[] = [];
  const seen = new Set<string>();
  for (const [i, e] of effects.entries()) {
    if (seen.has(e.indicator)) {
      details.push({
        path: `/effects/${i}/indicator`,
        message: `The indicator "${e.indicator}" is listed twice; give one expected effect per indicator.`,
      });
      continue;
    }
    seen.add(e.indicator);
    const indicator = await repos.indicators.findBySlug(e.indicator);
    const member =
      indicator === undefined
        ? undefined
        : await repos.networks.findMember(indicator.networkId, city.cityId);
    if (indicator === undefined || member === undefined) {
      details.push({
        path: `/effects/${i}/indicator`,
        message: `${city.cityName} reports no indicator "${e.indicator}".`,
      });
      continue;
    }
    if (indicator.archivedAt !== null)
      details.push({
        path: `/effects/${i}/indicator`,
        message: `The indicator "${indicator.name}" is archived; link the action to a current indicator.`,
      });
    if (e.effectYear < city.startYear)
      details.push({
        path: `/effects/${i}/effectYear`,
        message: `The effect on "${indicator.name}" is due in ${e.effectYear}, before the action starts (${city.startYear}).`,
      });
    if (!Number.isFinite(e.effect))
      details.push({
        path: `/effects/${i}/effect`,
        message: 'The expected effect must be a number.',
      });
    resolved.push({
      indicatorId: indicator.id,
      effect: e.effect,
      effectYear: e.effectYear,
      note: e.note ?? null,
      realised: e.realised ?? false,
    });
  }
  return resolved;
}

/**
 * Checks an action and resolves its links: targets must be SDG targets,
 * effects must name distinct indicators of the city's networks, due no
 * earlier than the action starts. Every problem is reported at once.
 */
async function resolveLinks(
  repos: Repositories,
  cityId: number,
  cityName: string,
  fields: ActionFields,
  targets: readonly string[] | undefined,
  effects: readonly ActionEffectInput[] | undefined,
): Promise<EffectFields[] | undefined> {
  const details: ErrorDetail[] = [];
  if (fields.title === '') details.push({ path: '/title', message: 'Give the action a title.' });
  if (fields.endYear !== null && fields.endYear < fields.startYear)
    details.push({
      path: '/endYear',
      message: `The end year (${fields.endYear}) comes before the start year (${fields.startYear}).`,
    });
  if (targets !== undefined) {
    const known = await repos.actions.knownTargets(targets);
    targets.forEach((code, i) => {
      if (!known.has(code))
        details.push({ path: `/targets/${i}`, message: `"${code}" is not an SDG target.` });
    });
  }
  const resolved =
    effects === undefined
      ? undefined
      : await resolveEffects(
          repos,
          { cityId, cityName, startYear: fields.startYear },
          effects,
          details,
        );
  if (details.length > 0) {
    const first = details[0]!.message;
    throw validationFailed(
      details.length > 1 ? `${first} (and ${details.length - 1} more problems)` : first,
      details,
    );
  }
  return resolved;
}

/** The review steps of an action: who may take them and from which state. */
const STEPS: Readonly<
  Record<
    ActionStep,
    { from: ReadonlyArray<ActionRecord['reviewState']>; to: ActionRecord['reviewState'] }
  >
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

export const stepAccess = (step: ActionStep): 'action.write' | 'action.decide' =>
  step === 'approve' || step === 'return' ? 'action.decide' : 'action.write';

/** Local action plans: actions linked to the gaps they are meant to close, reviewed like values. */
export class ActionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /** A city's actions: the working copies for members, the approved copies for everyone else. */
  async list(
    principal: Principal,
    citySlug: string,
    query: Omit<ActionListQuery, 'lang'> & { lang?: SdgLanguage },
  ): Promise<ActionListResponse> {
    const { repos } = this.uow;
    const { city } = await this.access.check(repos, principal, 'city.read', { city: citySlug });
    let indicatorId: number | undefined;
    if (query.indicator !== undefined) {
      const { indicator } = await this.access.check(repos, principal, 'indicator.read', {
        indicator: query.indicator,
      });
      indicatorId = indicator!.id;
    }
    const records = await repos.actions.listForCity(city!.id, { indicatorId });
    const working = seesWorkingCopy(principal, city!);
    const actions = records
      .flatMap((r) =>
        working ? [toAction(r, query.lang)] : r.published === null ? [] : [publishedAction(r)],
      )
      // A public copy may predate the link the filter asks about.
      .filter(
        (a) => indicatorId === undefined || a.effects.some((e) => e.indicator === query.indicator),
      )
      .filter((a) => query.status === undefined || a.status === query.status);
    return { actions };
  }

  async get(principal: Principal, id: number, lang?: SdgLanguage): Promise<Action> {
    const { repos } = this.uow;
    const { action } = await this.access.check(repos, principal, 'action.read', {
      action: String(id),
    });
    const record = await repos.actions.find(id);
    if (record === undefined) throw notFound(`There is no action "${id}".`);
    return seesWorkingCopy(principal, action!.city)
      ? toAction(record, lang)
      : publishedAction(record);
  }

  async create(principal: Principal, citySlug: string, input: ActionInput): Promise<Action> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      const { city } = await this.access.check(repos, principal, 'data.write', { city: citySlug });
      const cityRow = await requireCity(repos, citySlug);
      const fields = fieldsOf(input);
      const effects = await resolveLinks(
        repos,
        cityRow.id,
        cityRow.name,
        fields,
        input.targets ?? [],
        input.effects ?? [],
      );
      const id = await repos.actions.insert(cityRow.id, fields, { actor: actor.label });
      await repos.actions.setTargets(id, input.targets ?? []);
      await repos.actions.setEffects(id, effects ?? []);
      await repos.actions.addStatusChange(id, fields.status, actor.label);
      const saved = (await repos.actions.find(id))!;
      await repos.audit.record({
        ...versionedAction(saved, city!.networks[0]?.id ?? null).audit,
        actor,
        action: 'action.created',
        before: null,
        after: snapshot(saved),
        comment: null,
      });
      return toAction(saved);
    });
  }

  /** Changes an action (If-Match); a change to an approved one makes it a draft again. */
  async update(
    principal: Principal,
    id: number,
    patch: ActionPatch,
    pre: Preconditions,
  ): Promise<Action> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      const { action } = await this.access.check(repos, principal, 'action.write', {
        action: String(id),
      });
      const current = await repos.actions.find(id, { lock: true });
      if (current === undefined) throw notFound(`There is no action "${id}".`);
      const fields = fieldsOf(patch, current);
      const effects = await resolveLinks(
        repos,
        current.cityId,
        current.cityName,
        fields,
        patch.targets,
        patch.effects,
      );
      const saved = await updateVersioned(
        repos,
        versionedAction(current, action!.city.networks[0]?.id ?? null),
        current,
        {
          principal,
          pre,
          action: 'action.updated',
          write: async (a) => {
            if (a.reviewState === 'submitted')
              throw new AppError(
                'conflict',
                `“${a.title}” is waiting for review; withdraw it before changing it.`,
              );
            if (!(await repos.actions.updateIfVersion(id, a.version, fields, actor.label)))
              return false;
            if (patch.targets !== undefined) await repos.actions.setTargets(id, patch.targets);
            if (effects !== undefined) await repos.actions.setEffects(id, effects);
            if (fields.status !== a.status)
              await repos.actions.addStatusChange(id, fields.status, actor.label);
            return true;
          },
          reload: () => repos.actions.find(id),
        },
      );
      return toAction(saved);
    });
  }

  /** Deletes an action that was never published; a published one is cancelled instead. */
  async delete(principal: Principal, id: number, pre: Preconditions): Promise<void> {
    await this.uow.transaction(async (repos) => {
      const { action } = await this.access.check(repos, principal, 'action.write', {
        action: String(id),
      });
      const current = await repos.actions.find(id, { lock: true });
      if (current === undefined) throw notFound(`There is no action "${id}".`);
      await deleteVersioned(
        repos,
        versionedAction(current, action!.city.networks[0]?.id ?? null),
        current,
        {
          principal,
          pre,
          action: 'action.deleted',
          check: (a) => {
            if (a.published !== null)
              throw new AppError(
                'conflict',
                `“${a.title}” has been published; set its status to "cancelled" instead, so that the public record stays true.`,
              );
            return Promise.resolve();
          },
          remove: (a) => repos.actions.deleteIfVersion(id, a.version),
          reload: () => repos.actions.find(id),
        },
      );
    });
  }

  /** Submit or withdraw (editors), approve or return (coordinators of one of the city's networks). */
  async step(
    principal: Principal,
    id: number,
    step: ActionStep,
    comment: string | undefined,
    pre: Preconditions,
  ): Promise<Action> {
    const actor = principal.actor;
    return this.uow.transaction(async (repos) => {
      const { action } = await this.access.check(repos, principal, stepAccess(step), {
        action: String(id),
      });
      const current = await repos.actions.find(id, { lock: true });
      if (current === undefined) throw notFound(`There is no action "${id}".`);
      const rule = STEPS[step];
      if (!rule.from.includes(current.reviewState))
        throw new AppError(
          'conflict',
          `“${current.title}” is ${current.reviewState.replace('_', ' ')}; it cannot be ${
            { submit: 'submitted', withdraw: 'withdrawn', approve: 'approved', return: 'returned' }[
              step
            ]
          } now.`,
        );
      if (step === 'return' && comment === undefined)
        throw validationFailed('Say why the action is returned, so that the city can fix it.', [
          { path: '/comment', message: 'A comment is required to return an action.' },
        ]);
      // A step changes no content: If-Match is checked when sent, not required.
      const sent = pre.ifMatch !== undefined && pre.ifMatch.trim() !== '';
      const saved = await updateVersioned(
        repos,
        versionedAction(current, action!.city.networks[0]?.id ?? null),
        current,
        {
          principal,
          pre: sent ? pre : { ifMatch: actionEtag(current) },
          action: `action.${step === 'return' ? 'returned' : `${step}${step === 'submit' ? 'ted' : step === 'withdraw' ? 'n' : 'd'}`}`,
          comment: comment ?? null,
          write: (a) =>
            repos.actions.setReview(id, a.version, {
              state: rule.to,
              comment: step === 'return' ? comment! : null,
              ...(step === 'approve'
                ? {
                    published: {
                      ...toAction(a),
                      review: { state: 'approved', comment: null, publishedAt: null, draft: false },
                    },
                  }
                : {}),
              actor: actor.label,
            }),
          reload: () => repos.actions.find(id),
        },
      );
      return toAction(saved);
    });
  }

  /** The actions of a network's member cities in a review state: the coordinators' queue (members). */
  async queue(
    principal: Principal,
    networkSlug: string,
    state: ActionRecord['reviewState'],
    lang?: SdgLanguage,
  ): Promise<ActionListResponse> {
    const { repos } = this.uow;
    const { network } = await this.access.check(repos, principal, 'network.members', {
      network: networkSlug,
    });
    const records = await repos.actions.listForNetwork(network!.id, state);
    return { actions: records.map((r) => toAction(r, lang)) };
  }

  async history(principal: Principal, id: number): Promise<HistoryResponse> {
    const { repos } = this.uow;
    const { action } = await this.access.check(repos, principal, 'action.members', {
      action: String(id),
    });
    const events = await repos.audit.forEntity('action', `${action!.city.slug}/actions/${id}`);
    return { events: events.map(toHistoryEvent), nextBefore: null };
  }

  // ---------- good practices ----------

  /** Coordinators hold up a published action of a member city as a good practice of their network. */
  async markGoodPractice(
    principal: Principal,
    networkSlug: string,
    id: number,
    note: string | null,
  ): Promise<void> {
    const actor = principal.actor;
    await this.uow.transaction(async (repos) => {
      const { network, action } = await this.access.check(repos, principal, 'network.manage', {
        network: networkSlug,
        action: String(id),
      });
      if (!action!.city.networks.some((n) => n.id === network!.id))
        throw new AppError(
          'conflict',
          `${action!.city.name} is not a member of ${network!.name}; only its members’ actions can be its good practices.`,
        );
      if (!action!.published)
        throw new AppError(
          'conflict',
          'Only an approved action can be a good practice; approve it first.',
        );
      await repos.actions.markGoodPractice(network!.id, id, note, actor.label);
      await repos.audit.record({
        ...goodPracticeEvent(actor, network!, action!, id),
        action: 'action.good_practice',
        before: null,
        after: { network: network!.slug, note },
      });
    });
  }

  async unmarkGoodPractice(principal: Principal, networkSlug: string, id: number): Promise<void> {
    const actor = principal.actor;
    await this.uow.transaction(async (repos) => {
      const { network, action } = await this.access.check(repos, principal, 'network.manage', {
        network: networkSlug,
        action: String(id),
      });
      if (!(await repos.actions.unmarkGoodPractice(network!.id, id)))
        throw notFound(`Action ${id} is not a good practice of ${network!.name}.`);
      await repos.audit.record({
        ...goodPracticeEvent(actor, network!, action!, id),
        action: 'action.good_practice_removed',
        before: { network: network!.slug },
        after: null,
      });
    });
  }

  /**
   * A network's good-practice library: the approved copies of the marked
   * actions, filtered by SDG target or indicator, each with the city's
   * trajectory of its linked indicators before and after the start year
   * (approved values).
   */
  async goodPractices(
    principal: Principal,
    networkSlug: string,
    query: GoodPracticeQuery & { lang: SdgLanguage },
  ): Promise<GoodPracticeListResponse> {
    const { repos } = this.uow;
    await this.access.check(repos, principal, 'network.read', { network: networkSlug });
    const network = await requireNetwork(repos, networkSlug);
    const marks = await repos.actions.goodPractices(network.id);
    const records = new Map(
      (await repos.actions.findMany(marks.map((m) => m.actionId))).map((r) => [r.id, r]),
    );
    const goodPractices: GoodPracticeListResponse['goodPractices'] = [];
    for (const mark of marks) {
      const record = records.get(mark.actionId);
      if (record === undefined || record.published === null) continue;
      const action = publishedAction(record);
      if (query.target !== undefined && !action.targets.includes(query.target)) continue;
      if (
        query.indicator !== undefined &&
        !action.effects.some((e) => e.indicator === query.indicator)
      )
        continue;
      const trajectories = [];
      for (const effect of action.effects) {
        const indicator = await repos.indicators.findBySlug(effect.indicator);
        if (indicator === undefined) continue;
        const series = (await repos.progress.cityPoints(record.cityId, [], [indicator.networkId]))
          .filter((p) => p.indicatorId === indicator.id)
          .map((p) => ({ year: p.year, value: p.value }))
          .sort((a, b) => a.year - b.year);
        const { before, after } = beforeAfter(series, action.startYear);
        trajectories.push({
          indicator: indicator.slug,
          indicatorName: indicator.translations[query.lang]?.name ?? indicator.name,
          unit: indicator.translations[query.lang]?.unit ?? indicator.unit,
          decimals: indicator.decimals,
          direction: indicator.direction,
          series,
          changeBefore: before,
          changeAfter: after,
        });
      }
      goodPractices.push({
        action,
        note: mark.note,
        markedAt: mark.markedAt.toISOString(),
        markedBy: mark.markedBy,
        trajectories,
      });
    }
    return { network: network.slug, goodPractices };
  }
}
