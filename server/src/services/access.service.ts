import type { Principal, ReadScope } from '../auth/principal';
import { FULL_SCOPE, canRead } from '../auth/principal';
import { AppError, notFound } from '../errors';
import type { UnitOfWork } from '../repositories/unit-of-work';

/**
 * The access rule of a route, declared in its `config.access`. Every route
 * under /api/v1 must declare one (the app refuses to start otherwise), and
 * the permission-matrix test is generated from these declarations.
 *
 * - public: anyone; lists are filtered by the reader's scope in the service.
 * - signed-in: any signed-in user.
 * - admin: administrators.
 * - network.read / network.manage: the `:network` param; manage = coordinator.
 * - city.read / city.edit: the `:city` param; edit = the city's editor or a
 *   coordinator of one of its networks.
 * - city.create: administrators and coordinators.
 * - city.members: members of one of the city's networks and its editors (history).
 * - indicator.read / indicator.manage: the `:indicator` param's network.
 * - data.read / data.members / data.write: `:city` and `:indicator`; write = the city's editor.
 * - import: users who edit at least one city; the import checks every row's city.
 * - network.members: members of the `:network` (its review queue).
 * - review.read / review.submit / review.decide / review.comment: a `:city`'s
 *   year in a `:network`; read = members of the network and the city's
 *   editors, submit = the city's editors, decide = the network's
 *   coordinators, comment = either.
 */
export type AccessRule =
  | 'public'
  | 'signed-in'
  | 'admin'
  | 'network.read'
  | 'network.manage'
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
  | 'network.members'
  | 'review.read'
  | 'review.submit'
  | 'review.decide'
  | 'review.comment';

export const ACCESS_RULES: readonly AccessRule[] = [
  'public',
  'signed-in',
  'admin',
  'network.read',
  'network.manage',
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
  'network.members',
  'review.read',
  'review.submit',
  'review.decide',
  'review.comment',
];

/** Rules that only signed-in users can pass. */
const NEEDS_USER: ReadonlySet<AccessRule> = new Set<AccessRule>([
  'signed-in',
  'admin',
  'network.manage',
  'city.edit',
  'city.create',
  'city.members',
  'indicator.manage',
  'data.members',
  'data.write',
  'import',
  'network.members',
  'review.read',
  'review.submit',
  'review.decide',
  'review.comment',
]);

export const signInRequired = (): AppError =>
  new AppError('unauthorized', 'Please sign in to do this.');

export const forbidden = (message: string): AppError => new AppError('forbidden', message);

type Params = Readonly<Record<string, string | undefined>>;

/** Decides who may do what; used by the route guard and by services that act on many cities. */
export class AccessService {
  constructor(private readonly uow: UnitOfWork) {}

  /** The networks a principal may read: public ones and its memberships (all for admins). */
  async scopeOf(principal: Principal): Promise<ReadScope> {
    if (principal.isAdmin) return FULL_SCOPE;
    const publicIds = await this.uow.repos.networks.publicIds();
    return {
      networkIds: new Set([...publicIds, ...principal.memberNetworkIds]),
      draftNetworkIds: new Set(principal.memberNetworkIds),
    };
  }

  /**
   * Throws 401 (not signed in), 404 (a private resource the user may not
   * even see, with the same message as a missing one) or 403 (visible but
   * not theirs). Missing resources pass: the route answers its own 404.
   */
  async authorize(principal: Principal, rule: AccessRule, params: Params): Promise<void> {
    if (NEEDS_USER.has(rule) && !principal.signedIn) throw signInRequired();
    const { repos } = this.uow;
    switch (rule) {
      case 'public':
      case 'signed-in':
        return;
      case 'admin':
        if (!principal.isAdmin) throw forbidden('Only administrators can do this.');
        return;
      case 'city.create':
        if (!principal.canCreateCities)
          throw forbidden('Only administrators and network coordinators can register cities.');
        return;
      case 'import':
        if (!principal.editsAnyCity)
          throw forbidden('Only a city’s editors can import its values; you edit no city.');
        return;
      case 'network.read':
      case 'network.manage': {
        const slug = params.network ?? '';
        const network = await repos.networks.findRefBySlug(slug);
        if (network === undefined) return;
        if (!network.is_public && !principal.isMemberOf(network.id))
          throw notFound(`There is no network "${slug}".`);
        if (rule === 'network.manage' && !principal.canManageNetwork(network.id))
          throw forbidden(`Only the coordinators of ${network.name} can change it.`);
        return;
      }
      case 'network.members': {
        const slug = params.network ?? '';
        const network = await repos.networks.findRefBySlug(slug);
        if (network === undefined) return;
        if (principal.isMemberOf(network.id)) return;
        if (!network.is_public) throw notFound(`There is no network "${slug}".`);
        throw forbidden(
          `The review queue of ${network.name} is shown to its members; you are not one.`,
        );
      }
      case 'review.read':
      case 'review.submit':
      case 'review.decide':
      case 'review.comment': {
        const slug = params.network ?? '';
        const network = await repos.networks.findRefBySlug(slug);
        if (network === undefined) return;
        if (!network.is_public && !principal.isMemberOf(network.id))
          throw notFound(`There is no network "${slug}".`);
        const city = (await this.visibleCity(principal, params.city ?? ''))?.city;
        if (city === undefined) return;
        const edits = principal.canEditCity(city.id);
        const coordinates = principal.canManageNetwork(network.id);
        const allowed =
          rule === 'review.submit'
            ? edits
            : rule === 'review.decide'
              ? coordinates
              : rule === 'review.comment'
                ? edits || coordinates
                : edits || principal.isMemberOf(network.id);
        if (allowed) return;
        throw forbidden(
          rule === 'review.submit'
            ? `Only the editors of ${city.name} can submit or withdraw its figures.`
            : rule === 'review.decide'
              ? `Only the coordinators of ${network.name} can approve, return or reopen a year.`
              : rule === 'review.comment'
                ? `Only ${city.name}’s editors and the coordinators of ${network.name} can comment on its review.`
                : `The review of ${city.name}’s figures is shown to members of ${network.name}; you are not one.`,
        );
      }
      case 'indicator.read':
      case 'indicator.manage': {
        const indicator = await this.visibleIndicator(principal, params.indicator ?? '');
        if (indicator === undefined) return;
        if (rule === 'indicator.manage' && !principal.canManageNetwork(indicator.networkId))
          throw forbidden(
            `Only the coordinators of the network "${indicator.networkSlug}" can change its indicators.`,
          );
        return;
      }
      case 'city.read':
      case 'city.edit':
      case 'city.members': {
        const found = await this.visibleCity(principal, params.city ?? '');
        if (found === undefined || rule === 'city.read') return;
        const { city, networks } = found;
        if (principal.canEditCity(city.id)) return;
        // Coordinators may change a member city's details; members of its networks read its history.
        const allowed =
          rule === 'city.edit'
            ? networks.some((n) => principal.canManageNetwork(n))
            : networks.some((n) => principal.isMemberOf(n));
        if (allowed) return;
        throw forbidden(
          rule === 'city.edit'
            ? `You cannot change ${city.name}: you are not one of its editors.`
            : `The history of ${city.name} is shown to members of its networks; you are not one.`,
        );
      }
      case 'data.read':
      case 'data.members':
      case 'data.write': {
        const city = (await this.visibleCity(principal, params.city ?? ''))?.city;
        const indicator = await this.visibleIndicator(principal, params.indicator ?? '');
        if (city === undefined || indicator === undefined) return;
        if (rule === 'data.write' && !principal.canEditCity(city.id))
          throw forbidden(
            `You cannot change the figures of ${city.name}: only its editors can. Ask an administrator for the editor role.`,
          );
        if (
          rule === 'data.members' &&
          !principal.canEditCity(city.id) &&
          !principal.isMemberOf(indicator.networkId)
        )
          throw forbidden(
            `The history of ${city.name}’s values is shown to members of the network "${indicator.networkSlug}"; you are not one.`,
          );
        return;
      }
    }
  }

  /** A city the principal may see, with its networks; undefined when it does not exist, 404 when it is hidden. */
  private async visibleCity(principal: Principal, slug: string) {
    const city = await this.uow.repos.cities.findBySlug(slug);
    if (city === undefined) return undefined;
    const networks = await this.uow.repos.cities.networkIds(city.id);
    if (principal.isAdmin || principal.canEditCity(city.id) || networks.length === 0)
      return { city, networks };
    const scope = await this.scopeOf(principal);
    if (networks.some((id) => canRead(scope, id))) return { city, networks };
    throw notFound(`There is no city "${slug}".`);
  }

  private async visibleIndicator(principal: Principal, slug: string) {
    const indicator = await this.uow.repos.indicators.findBySlug(slug);
    if (indicator === undefined) return undefined;
    if (principal.isMemberOf(indicator.networkId)) return indicator;
    const scope = await this.scopeOf(principal);
    if (canRead(scope, indicator.networkId)) return indicator;
    throw notFound(`There is no indicator "${slug}".`);
  }
}
