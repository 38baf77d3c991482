import {
  enforce,
  type Action,
  type ActionFacts,
  type CityFacts,
  type IndicatorFacts,
  type Missing,
  type NetworkFacts,
} from '../auth/policy';
import { FULL_SCOPE, type Principal, type ReadScope } from '../auth/principal';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';
import { SLUG_RULES } from '../schemas/common.schema';

const SLUG_PATTERN = new RegExp(SLUG_RULES.pattern);
/** Whether a path parameter is a well-formed slug (the Slug schema's rules). */
const isSlug = (value: string): boolean =>
  value.length <= SLUG_RULES.maxLength && SLUG_PATTERN.test(value);

/** Slugs of the resources an action is about, as a route's parameters name them. */
export interface ResourceSlugs {
  readonly network?: string | undefined;
  readonly city?: string | undefined;
  readonly indicator?: string | undefined;
  /** An action's id (as the path names it). */
  readonly action?: string | undefined;
}

/** A well-formed action id: a positive 32-bit integer, written plainly. */
const ACTION_ID = /^[1-9][0-9]{0,9}$/;
const actionId = (value: string): number | undefined =>
  ACTION_ID.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : undefined;

interface LoadedResource {
  network: NetworkFacts | Missing | undefined;
  city: CityFacts | Missing | undefined;
  indicator: IndicatorFacts | Missing | undefined;
  action: ActionFacts | Missing | undefined;
}

/** After the policy allowed an action, every named resource exists. */
export interface CheckedResource {
  network: NetworkFacts | undefined;
  city: CityFacts | undefined;
  indicator: IndicatorFacts | undefined;
  action: ActionFacts | undefined;
}

/**
 * Loads what the access policy (auth/policy.ts) decides on, and enforces it.
 * The route guard uses it with the matched route's parameters; services use
 * it for the resources they touch, inside their own transaction.
 */
export class AccessService {
  private readonly scopes = new WeakMap<Principal, Promise<ReadScope>>();
  /** Facts loaded outside a transaction, per principal object (i.e. per request) and slugs. */
  private readonly facts = new WeakMap<Principal, Map<string, Promise<LoadedResource>>>();

  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The networks a principal may read: public ones and its memberships (all
   * for admins). Memoised per principal object, i.e. per request.
   */
  scopeOf(principal: Principal): Promise<ReadScope> {
    if (principal.isAdmin) return Promise.resolve(FULL_SCOPE);
    let scope = this.scopes.get(principal);
    if (scope === undefined) {
      scope = this.uow.repos.access.publicNetworkIds().then((publicIds) => ({
        networkIds: new Set([...publicIds, ...principal.memberNetworkIds]),
        draftNetworkIds: new Set(principal.memberNetworkIds),
      }));
      this.scopes.set(principal, scope);
    }
    return scope;
  }

  /** The facts behind the slugs; a slug that names nothing is `{ missing: slug }` (a 404, like a hidden one). */
  async resourceOf(
    slugs: ResourceSlugs,
    repos: Repositories = this.uow.repos,
  ): Promise<LoadedResource> {
    // A malformed slug names nothing: the route's validation answers 400 for it.
    const load = async <T>(
      slug: string | undefined,
      find: (slug: string) => Promise<T | undefined>,
    ): Promise<T | Missing | undefined> =>
      slug === undefined || !isSlug(slug) ? undefined : ((await find(slug)) ?? { missing: slug });
    return {
      network: await load(slugs.network, (s) => repos.access.networkFacts(s)),
      city: await load(slugs.city, (s) => repos.access.cityFacts(s)),
      indicator: await load(slugs.indicator, (s) => repos.access.indicatorFacts(s)),
      action:
        slugs.action === undefined || actionId(slugs.action) === undefined
          ? undefined
          : ((await repos.access.actionFacts(actionId(slugs.action)!)) ?? {
              missing: slugs.action,
            }),
    };
  }

  /**
   * Loads the resources and enforces the policy: 401 (sign in), 404 (missing
   * or hidden, the same answer) or 403. Returns the facts of what the slugs
   * named, which all exist once the policy allowed the action.
   */
  async check(
    repos: Repositories,
    principal: Principal,
    action: Action,
    slugs: ResourceSlugs,
  ): Promise<CheckedResource> {
    const resource =
      repos === this.uow.repos
        ? await this.requestResourceOf(principal, slugs)
        : await this.resourceOf(slugs, repos);
    enforce(principal, action, resource);
    return resource as CheckedResource;
  }

  /**
   * The facts behind the slugs for one request, loaded once: the route guard
   * and a service's read check of the same resources share one load (a read
   * is not transactional, so the two would see the same rows anyway). Inside
   * a transaction, check() always loads afresh.
   */
  requestResourceOf(principal: Principal, slugs: ResourceSlugs): Promise<LoadedResource> {
    const key = JSON.stringify([slugs.network, slugs.city, slugs.indicator, slugs.action]);
    let loaded = this.facts.get(principal);
    if (loaded === undefined) {
      loaded = new Map();
      this.facts.set(principal, loaded);
    }
    let resource = loaded.get(key);
    if (resource === undefined) {
      resource = this.resourceOf(slugs);
      loaded.set(key, resource);
      // A failed load is not remembered: the next check tries again.
      resource.catch(() => loaded.delete(key));
    }
    return resource;
  }
}
