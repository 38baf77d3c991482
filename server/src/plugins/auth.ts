import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ACTIONS, PUBLIC_READS, enforce, type Action } from '../auth/policy';
import { Principal } from '../auth/principal';
import { sameToken } from '../auth/tokens';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { SessionRecord } from '../repositories/auth.repository';
import type { Services } from '../services/services';
import { addVary } from './vary';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action the route performs (server/src/auth/policy.ts). Required under /api/v1. */
    access?: Action;
    /** `origin-only`: no CSRF token (sign-in, invitations: there is no session yet). */
    csrf?: 'origin-only';
    /**
     * `false`: a public read that is not public data (the caller's own
     * session): never answered to other websites.
     */
    crossOrigin?: false;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its action, in registration order (the permission matrix reads it). */
    routeAccess: ReadonlyArray<{ method: string; url: string; access: Action }>;
  }
  interface FastifyRequest {
    /** Who is asking: anonymous, a user (session or API token) — decided once, before the guard. */
    principal: Principal;
    /** The session behind the cookie, when the request came with one. */
    session: SessionRecord | null;
  }
}

export const SESSION_COOKIE = 'sdgcm_session';
export const SECURE_SESSION_COOKIE = '__Host-sdgcm_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READ_METHODS = new Set(['GET', 'HEAD']);

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (header === undefined) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

interface AuthOptions {
  config: Config;
  services: Services;
}

/** The action the matched route declared; undefined for routes outside the API (static files, docs, 404). */
export function routeAction(request: FastifyRequest): Action | undefined {
  return request.routeOptions.config.access;
}

/**
 * Whether the request reads public data that other websites may read too
 * (CORS, without credentials): a GET of a public-read route not opted out.
 */
export function isPublicDataRead(request: FastifyRequest): boolean {
  const action = routeAction(request);
  return (
    action !== undefined &&
    PUBLIC_READS.has(action) &&
    READ_METHODS.has(request.method) &&
    request.routeOptions.config.crossOrigin !== false
  );
}

/** The API token of an `Authorization: Bearer …` header, if there is one. */
function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (match === null) {
    throw new AppError(
      'unauthorized',
      'The Authorization header must be "Bearer <token>" with an API token from your account page.',
    );
  }
  return match[1];
}

/**
 * Sessions, API tokens, CSRF protection and the access guard. Everything is
 * decided from the route the router matched (its decoded path), never from
 * the raw URL: `/%61pi/v1/…` matches the same route and meets the same guard.
 * 1. onRoute: every /api/v1 route must declare `config.access` (fail closed).
 * 2. onRequest, for routes that declare an action: the caller becomes
 *    `request.principal` (session cookie or API token; a cross-origin read is
 *    anonymous whatever it carries); state-changing requests must come from
 *    this site (Sec-Fetch-Site / Origin) and, with a session, carry its CSRF
 *    token; then the policy decides on the route's action and the resources
 *    its parameters name — before any body is read.
 */
async function authPlugin(app: FastifyInstance, { config, services }: AuthOptions): Promise<void> {
  app.decorateRequest('principal', {
    getter(this: FastifyRequest & { _principal?: Principal }): Principal {
      this._principal ??= Principal.anonymous();
      return this._principal;
    },
    setter(this: FastifyRequest & { _principal?: Principal }, value: Principal): void {
      this._principal = value;
    },
  });
  app.decorateRequest('session', null);

  const routeAccess: RouteAccess[] = [];
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => recordRouteAccess(route, routeAccess));
  app.addHook('onRequest', async (request, reply) => guard(request, reply, config, services));
  app.addHook('onSend', async (request, reply) => {
    if (!request.principal.signedIn || routeAction(request) === undefined) return;
    keepPrivate(reply);
  });
}

type RouteAccess = { method: string; url: string; access: Action };

/** Every API route declares a known access rule (config.access): listed, or the app does not start. */
function recordRouteAccess(
  route: { method: string | string[]; url: string; config?: unknown },
  routeAccess: RouteAccess[],
): void {
  const access = (route.config as { access?: Action } | undefined)?.access;
  if (access !== undefined && !ACTIONS.includes(access)) {
    throw new Error(
      `Route ${String(route.method)} ${route.url} declares an unknown action "${access}".`,
    );
  }
  if (!route.url.startsWith('/api/v1/')) return;
  if (access === undefined) {
    throw new Error(
      `Route ${String(route.method)} ${route.url} declares no access rule (config.access); every API route must.`,
    );
  }
  for (const method of [route.method].flat()) {
    if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access });
  }
}

/**
 * Before any body is read: who asks, same-site and CSRF for state-changing
 * requests, then the policy on the route's action and the resources its
 * parameters name.
 */
async function guard(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  services: Services,
): Promise<void> {
  const action = routeAction(request);
  if (action === undefined) return;
  // Answers depend on who asks (a cross-origin read is a visitor's) and in which language:
  // shared caches must keep them apart.
  addVary(reply, 'Origin', 'Cookie', 'Authorization', 'Accept-Language');
  // Another website reading public data reads it as a visitor, whatever the browser sends along.
  if (!(isCrossOrigin(request) && isPublicDataRead(request))) {
    await identify(request, config, services);
  }
  if (UNSAFE.has(request.method)) {
    checkSameSite(request);
    if (request.session !== null && request.routeOptions.config.csrf !== 'origin-only') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
        throw new AppError(
          'forbidden',
          'This request lacks the security token of your session. Reload the page and try again.',
        );
      }
    }
  }
  const params = (request.params ?? {}) as Record<string, string | number | undefined>;
  const slug = (value: string | number | undefined): string | undefined =>
    value === undefined ? undefined : String(value);
  const resource = await services.access.requestResourceOf(request.principal, {
    network: slug(params.network),
    city: slug(params.city),
    indicator: slug(params.indicator),
    action: slug(params.actionId),
  });
  enforce(request.principal, action, resource);
}

/** Personal answers: never stored by shared caches. */
function keepPrivate(reply: FastifyReply): void {
  const cacheControl = reply.getHeader('cache-control');
  if (typeof cacheControl !== 'string') {
    void reply.header('cache-control', 'private, no-cache');
  } else if (!/\b(private|no-store)\b/.test(cacheControl)) {
    void reply.header(
      'cache-control',
      /\bpublic\b/.test(cacheControl)
        ? cacheControl.replace(/\bpublic\b/, 'private')
        : `private, ${cacheControl}`,
    );
  }
}

/** Sets `request.principal` (and `request.session`) from an API token or the session cookie. */
async function identify(
  request: FastifyRequest,
  config: Config,
  services: Services,
): Promise<void> {
  const bearer = bearerOf(request);
  if (bearer !== undefined) {
    request.principal = await services.tokens.authenticate(bearer, request.ip);
    return;
  }
  const token = sessionTokenOf(config, request);
  if (token === undefined) return;
  const resolved = await services.auth.resolve(token);
  if (resolved === undefined) return;
  request.principal = resolved.principal;
  request.session = resolved.session;
}

/** This server's own origin as the browser sees it (scheme, host and port). */
function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

/** Whether the request names another origin than this server's (a fetch from another website). */
function isCrossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).origin !== ownOrigin(request);
  } catch {
    return true;
  }
}

/**
 * Refuses state-changing requests from other sites: browsers send
 * Sec-Fetch-Site (modern) or Origin (older), compared with scheme, host and
 * port; scripts and curl send neither and have no cookie to abuse.
 */
function checkSameSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw crossSite();
  }
  if (request.headers.origin !== undefined && isCrossOrigin(request)) throw crossSite();
}

const crossSite = (): AppError =>
  new AppError(
    'forbidden',
    'Changes can only be made from SDG City Monitor itself; this request came from another site.',
  );

export function isSecure(config: Config, request: FastifyRequest): boolean {
  return (
    config.cookieSecure === 'always' ||
    (config.cookieSecure === 'auto' && request.protocol === 'https')
  );
}

/** The session token in the request's cookie (the __Host- one over HTTPS). */
export function sessionTokenOf(config: Config, request: FastifyRequest): string | undefined {
  return parseCookies(request.headers.cookie).get(cookieName(isSecure(config, request)));
}

export function cookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure and __Host- over HTTPS; no Max-Age (ends with the browser). */
export function setSessionCookie(
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const secure = isSecure(config, request);
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  void reply.header('set-cookie', `${cookieName(secure)}=${token}; ${attributes.join('; ')}`);
}

export function clearSessionCookie(
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const secure = isSecure(config, request);
  const attributes = [
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ...(secure ? ['Secure'] : []),
  ];
  void reply.header('set-cookie', `${cookieName(secure)}=; ${attributes.join('; ')}`);
}

export default fp(authPlugin, { name: 'auth' });
