import { enforce, type Action, type Resource } from '../auth/policy';
import { FULL_SCOPE, type Principal, type ReadScope } from '../auth/principal';
import type { Repositories, UnitOfWork } from '../repositories/unit-of-work';

/** Slugs of the resources an action is about, as a route's parameters name them. */
export interface ResourceSlugs {
  readonly network?: string | undefined;
  readonly city?: string | undefined;
  readonly indicator?: string | undefined;
}

/**
 * Loads what the access policy (auth/policy.ts) decides on, and enforces it.
 * The route guard uses it with the matched route's parameters; services use
 * it for the resources they touch, inside their own transaction.
 */
export class AccessService {
  private readonly scopes = new WeakMap<Principal, Promise<ReadScope>>();

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

  /** The facts behind the slugs; a slug that names nothing is left out (its route answers 404). */
  async resourceOf(slugs: ResourceSlugs, repos: Repositories = this.uow.repos): Promise<Resource> {
    return {
      network:
        slugs.network === undefined ? undefined : await repos.access.networkFacts(slugs.network),
      city: slugs.city === undefined ? undefined : await repos.access.cityFacts(slugs.city),
      indicator:
        slugs.indicator === undefined
          ? undefined
          : await repos.access.indicatorFacts(slugs.indicator),
    };
  }

  /**
   * Loads the resources and enforces the policy: 401 (sign in), 404 (hidden,
   * exactly like missing) or 403. Returns the facts for the caller to use.
   */
  async check(
    repos: Repositories,
    principal: Principal,
    action: Action,
    slugs: ResourceSlugs,
  ): Promise<Resource> {
    const resource = await this.resourceOf(slugs, repos);
    enforce(principal, action, resource);
    return resource;
  }
}
