import { AppError } from '../errors';
import type { Principal } from './principal';

/**
 * Who may do what: the one access policy of the application.
 *
 * Every API route declares the action it performs (`config.access`); the
 * guard loads the resources named by the matched route's parameters and asks
 * `authorize(principal, action, resource)`. Services ask the same function
 * for the resources they touch, so a request that somehow skipped the guard
 * still cannot read or change what it may not.
 *
 * The rules, per resource:
 * - a **network** is seen by everyone when public, by its members otherwise
 *   (coordinators, viewers, editors of its cities; administrators see all);
 * - a **city** is seen when one of its networks is seen, when it is in no
 *   network yet, and by its editors;
 * - an **indicator** is seen when its network is seen;
 * - what is not seen answers exactly like what does not exist (404).
 *
 * Then per action (after "sign in first" for anything that needs a user):
 * - `network.manage`, `indicator.manage`: the network's coordinators;
 * - `city.edit`, `data.write`, `review.submit`, `membership.respond`: the city's editors;
 * - `city.members`: the city's editors and members of one of its networks;
 * - `data.members`: the city's editors and members of the indicator's network;
 * - `network.members`, `review.read`: members of the network (and the city's editors);
 * - `review.decide`: the network's coordinators; `review.comment`: them or the city's editors;
 * - `city.create`: coordinators of some network; `import`: editors of some city;
 * - an **action** of a local action plan is seen with its city once approved
 *   (published), and before that by the city's editors and members of its networks;
 * - `action.write`: the city's editors; `action.members` (its history): them and
 *   members of the city's networks; `action.decide` (approve, return): the
 *   coordinators of one of the city's networks;
 * - `admin`, `admin.read`: administrators; `session`: a user signed in with a
 *   session (not an API token: account security needs the person);
 * - a read-only API token may do no action that changes data.
 * Administrators and the command line may do everything.
 */
export type Action =
  | 'public'
  | 'signed-in'
  | 'session'
  | 'admin'
  | 'admin.read'
  | 'network.read'
  | 'network.manage'
  | 'network.members'
  | 'city.read'
  | 'city.edit'
  | 'city.create'
  | 'city.members'
  | 'indicator.read'
  | 'indicator.manage'
  | 'data.read'
  | 'data.members'
  | 'data.write'
  | 'import'
  | 'membership.respond'
  | 'review.read'
  | 'review.submit'
  | 'review.decide'
  | 'review.comment'
  | 'action.read'
  | 'action.write'
  | 'action.members'
  | 'action.decide';

export const ACTIONS: readonly Action[] = [
  'public',
  'signed-in',
  'session',
  'admin',
  'admin.read',
  'network.read',
  'network.manage',
  'network.members',
  'city.read',
  'city.edit',
  'city.create',
  'city.members',
  'indicator.read',
  'indicator.manage',
  'data.read',
  'data.members',
  'data.write',
  'import',
  'membership.respond',
  'review.read',
  'review.submit',
  'review.decide',
  'review.comment',
  'action.read',
  'action.write',
  'action.members',
  'action.decide',
];

/** Actions anyone may take on what they can see: public data, answered to other websites too (CORS). */
export const PUBLIC_READS: ReadonlySet<Action> = new Set<Action>([
  'public',
  'network.read',
  'city.read',
  'indicator.read',
  'data.read',
  'action.read',
]);

/** Actions that change data: refused to read-only API tokens. */
const CHANGES: ReadonlySet<Action> = new Set<Action>([
  'session',
  'admin',
  'network.manage',
  'city.edit',
  'city.create',
  'indicator.manage',
  'data.write',
  'import',
  'membership.respond',
  'review.submit',
  'review.decide',
  'review.comment',
  'action.write',
  'action.decide',
]);

/** What the policy needs to know about a network. */
export interface NetworkFacts {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly isPublic: boolean;
}

/** What the policy needs to know about a city: its networks decide who sees it. */
export interface CityFacts {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly networks: readonly NetworkFacts[];
}

export interface IndicatorFacts {
  readonly id: number;
  readonly slug: string;
  readonly network: NetworkFacts;
}

/** An action of a city's local action plan. */
export interface ActionFacts {
  readonly id: number;
  /** Approved at least once: the public sees its approved copy. */
  readonly published: boolean;
  readonly city: CityFacts;
}

/** A resource the request names that does not exist: answered exactly like a hidden one. */
export interface Missing {
  readonly missing: string;
}

/** The resources an action is about (absent: the request names none of that kind). */
export interface Resource {
  readonly network?: NetworkFacts | Missing | undefined;
  readonly city?: CityFacts | Missing | undefined;
  readonly indicator?: IndicatorFacts | Missing | undefined;
  readonly action?: ActionFacts | Missing | undefined;
}

const isMissing = (value: object): value is Missing => 'missing' in value;

export type Refusal = 'sign-in' | 'hidden' | 'forbidden';

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly refusal: Refusal; readonly message: string };

const ALLOWED: Decision = Object.freeze({ allowed: true });
const deny = (refusal: Refusal, message: string): Decision => ({
  allowed: false,
  refusal,
  message,
});

/** Whether the principal sees a network: public ones, or as a member. */
export function seesNetwork(principal: Principal, network: NetworkFacts): boolean {
  return network.isPublic || principal.isMemberOf(network.id);
}

/** Whether the principal sees a city: through a network it sees, as its editor, or while it is in no network. */
export function seesCity(principal: Principal, city: CityFacts): boolean {
  return (
    principal.isAdmin ||
    principal.canEditCity(city.id) ||
    city.networks.length === 0 ||
    city.networks.some((n) => seesNetwork(principal, n))
  );
}

/** The message of a 404, the same for a hidden resource and a missing one. */
export const missingMessage = (
  kind: 'network' | 'city' | 'indicator' | 'action',
  slug: string,
): string => `There is no ${kind} "${slug}".`;

/** The policy: may `principal` take `action` on `resource`? Pure; no I/O. */
export function authorize(principal: Principal, action: Action, resource: Resource): Decision {
  if (!PUBLIC_READS.has(action) && !principal.signedIn)
    return deny('sign-in', 'Please sign in to do this.');
  if (principal.readOnly && CHANGES.has(action))
    return deny(
      'forbidden',
      'This API token is read-only; create a token with your roles to make changes.',
    );
  // Rules that do not depend on the resource come before visibility, so that
  // a hidden resource and a missing one get the same answer (403 for both).
  const general = principal.isAdmin ? null : generalRule(principal, action);
  if (general !== null) return general;
  const hidden = hiddenIn(principal, resource);
  if (hidden !== null) return hidden;
  if (principal.isAdmin) return ALLOWED;
  return ruleOf(principal, action, resource);
}

/** The refusal of an action the principal may take on no resource at all; null when the resource decides. */
function generalRule(principal: Principal, action: Action): Decision | null {
  const no = (message: string): Decision => deny('forbidden', message + principal.heldBackNote);
  switch (action) {
    case 'session':
      return principal.viaToken
        ? no('Account settings can only be changed when signed in, not with an API token.')
        : null;
    case 'admin':
    case 'admin.read':
      return no('Only administrators can do this.');
    case 'city.create':
      return principal.canCreateCities
        ? null
        : no('Only administrators and network coordinators can register cities.');
    case 'import':
      return principal.editsAnyCity
        ? null
        : no('Only a city’s editors can import its values; you edit no city.');
    default:
      return null;
  }
}

/**
 * 404 for the first resource that does not exist or that the principal may
 * not see, with the same message either way, before anything else about it
 * (its validation, its rules) can tell the two apart.
 */
/** Whether the principal is one of a city's editors or a member of one of its networks. */
function memberOfCity(principal: Principal, city: CityFacts): boolean {
  return principal.canEditCity(city.id) || city.networks.some((n) => principal.isMemberOf(n.id));
}

/** Whether the principal sees an action: with its city once published, before that as a member. */
export function seesAction(principal: Principal, action: ActionFacts): boolean {
  return (
    seesCity(principal, action.city) &&
    (action.published || principal.isAdmin || memberOfCity(principal, action.city))
  );
}

function hiddenIn(
  principal: Principal,
  { network, city, indicator, action }: Resource,
): Decision | null {
  if (network !== undefined) {
    if (isMissing(network)) return deny('hidden', missingMessage('network', network.missing));
    if (!seesNetwork(principal, network))
      return deny('hidden', missingMessage('network', network.slug));
  }
  if (city !== undefined) {
    if (isMissing(city)) return deny('hidden', missingMessage('city', city.missing));
    if (!seesCity(principal, city)) return deny('hidden', missingMessage('city', city.slug));
  }
  if (indicator !== undefined) {
    if (isMissing(indicator)) return deny('hidden', missingMessage('indicator', indicator.missing));
    if (!seesNetwork(principal, indicator.network))
      return deny('hidden', missingMessage('indicator', indicator.slug));
  }
  if (action !== undefined) {
    if (isMissing(action)) return deny('hidden', missingMessage('action', action.missing));
    if (!seesAction(principal, action))
      return deny('hidden', missingMessage('action', String(action.id)));
  }
  return null;
}

/** The facts of a resource that exists (after hiddenIn passed), or undefined when none is named. */
function present<T extends object>(value: T | Missing | undefined): T | undefined {
  return value === undefined || isMissing(value) ? undefined : value;
}

// Long on purpose: one exhaustive switch, a rule of a few lines per action, read as a table.
function ruleOf(principal: Principal, action: Action, resource: Resource): Decision {
  const network = present(resource.network);
  const city = present(resource.city);
  const indicator = present(resource.indicator);
  const no = (message: string): Decision => deny('forbidden', message + principal.heldBackNote);
  switch (action) {
    case 'public':
    case 'signed-in':
    case 'session':
    case 'admin':
    case 'admin.read':
    case 'city.create':
    case 'import':
    case 'network.read':
    case 'city.read':
    case 'indicator.read':
    case 'data.read':
    case 'action.read':
      // Decided by generalRule (or nothing to decide).
      return ALLOWED;
    case 'network.manage':
      if (network === undefined) return ALLOWED;
      return principal.canManageNetwork(network.id)
        ? ALLOWED
        : no(`Only the coordinators of ${network.name} can change it.`);
    case 'indicator.manage':
      if (indicator === undefined) return ALLOWED;
      return principal.canManageNetwork(indicator.network.id)
        ? ALLOWED
        : no(
            `Only the coordinators of the network "${indicator.network.slug}" can change its indicators.`,
          );
    case 'network.members':
      if (network === undefined) return ALLOWED;
      return principal.isMemberOf(network.id)
        ? ALLOWED
        : no(`The review queue of ${network.name} is shown to its members; you are not one.`);
    case 'city.edit':
    case 'membership.respond':
      if (city === undefined) return ALLOWED;
      return principal.canEditCity(city.id)
        ? ALLOWED
        : no(
            action === 'city.edit'
              ? `You cannot change ${city.name}: you are not one of its editors.`
              : `Only the editors of ${city.name} can accept or decline its invitations.`,
          );
    case 'city.members':
      if (city === undefined) return ALLOWED;
      return principal.canEditCity(city.id) || city.networks.some((n) => principal.isMemberOf(n.id))
        ? ALLOWED
        : no(`The history of ${city.name} is shown to members of its networks; you are not one.`);
    case 'data.write':
      if (city === undefined) return ALLOWED;
      return principal.canEditCity(city.id)
        ? ALLOWED
        : no(
            `You cannot change the figures of ${city.name}: only its editors can. Ask an administrator for the editor role.`,
          );
    case 'data.members':
      if (city === undefined || indicator === undefined) return ALLOWED;
      return principal.canEditCity(city.id) || principal.isMemberOf(indicator.network.id)
        ? ALLOWED
        : no(
            `The history of ${city.name}’s values is shown to members of the network "${indicator.network.slug}"; you are not one.`,
          );
    case 'review.read':
    case 'review.submit':
    case 'review.decide':
    case 'review.comment':
      return reviewRule(principal, action, network, city);
    case 'action.write':
    case 'action.members':
    case 'action.decide':
      return actionRule(principal, action, present(resource.action));
  }
}

function reviewRule(
  principal: Principal,
  action: 'review.read' | 'review.submit' | 'review.decide' | 'review.comment',
  network: NetworkFacts | undefined,
  city: CityFacts | undefined,
): Decision {
  if (network === undefined || city === undefined) return ALLOWED;
  const edits = principal.canEditCity(city.id);
  const coordinates = principal.canManageNetwork(network.id);
  const no = (message: string): Decision => deny('forbidden', message + principal.heldBackNote);
  switch (action) {
    case 'review.submit':
      return edits
        ? ALLOWED
        : no(`Only the editors of ${city.name} can submit or withdraw its figures.`);
    case 'review.decide':
      return coordinates
        ? ALLOWED
        : no(`Only the coordinators of ${network.name} can approve, return or reopen a year.`);
    case 'review.comment':
      return edits || coordinates
        ? ALLOWED
        : no(
            `Only ${city.name}’s editors and the coordinators of ${network.name} can comment on its review.`,
          );
    case 'review.read':
      return edits || principal.isMemberOf(network.id)
        ? ALLOWED
        : no(
            `The review of ${city.name}’s figures is shown to members of ${network.name}; you are not one.`,
          );
  }
}

function actionRule(
  principal: Principal,
  action: 'action.write' | 'action.members' | 'action.decide',
  planned: ActionFacts | undefined,
): Decision {
  if (planned === undefined) return ALLOWED;
  const { city } = planned;
  const no = (message: string): Decision => deny('forbidden', message + principal.heldBackNote);
  switch (action) {
    case 'action.write':
      return principal.canEditCity(city.id)
        ? ALLOWED
        : no(`Only the editors of ${city.name} can change its action plan.`);
    case 'action.members':
      return memberOfCity(principal, city)
        ? ALLOWED
        : no(
            `The history of ${city.name}’s action plan is shown to members of its networks; you are not one.`,
          );
    case 'action.decide':
      return city.networks.some((n) => principal.canManageNetwork(n.id))
        ? ALLOWED
        : no(`Only the coordinators of ${city.name}’s networks can approve or return its actions.`);
  }
}

/** The error a refusal answers with: 401, 404 (the same as a missing resource) or 403. */
export function refusalError(decision: Extract<Decision, { allowed: false }>): AppError {
  switch (decision.refusal) {
    case 'sign-in':
      return new AppError('unauthorized', decision.message);
    case 'hidden':
      return new AppError('not_found', decision.message);
    case 'forbidden':
      return new AppError('forbidden', decision.message);
  }
}

/** Throws the refusal's error unless the policy allows the action. */
export function enforce(principal: Principal, action: Action, resource: Resource): void {
  const decision = authorize(principal, action, resource);
  if (!decision.allowed) throw refusalError(decision);
}
