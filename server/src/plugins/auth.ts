import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Principal, type ReadScope } from '../auth/principal';
import { sameToken } from '../auth/tokens';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { SessionRecord } from '../repositories/auth.repository';
import { ACCESS_RULES, type AccessRule } from '../services/access.service';
import type { Services } from '../services/services';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (server/src/services/access.service.ts). Required under /api/v1. */
    access?: AccessRule;
    /** `origin-only`: no CSRF token (sign-in, invitations: there is no session yet). */
    csrf?: 'origin-only';
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its access rule, in registration order (the permission matrix reads it). */
    routeAccess: ReadonlyArray<{ method: string; url: string; access: AccessRule }>;
  }
  interface FastifyRequest {
    principal: Principal;
    session: SessionRecord | null;
    /** The networks this request may read (cached per request). */
    readScope(): Promise<ReadScope>;
  }
}

export const SESSION_COOKIE = 'sdgcm_session';
export const SECURE_SESSION_COOKIE = '__Host-sdgcm_session';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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

const SCOPE = Symbol('scope');
type WithScope = FastifyRequest & { [SCOPE]?: Promise<ReadScope> };

/**
 * Sessions, CSRF protection and the access guard:
 * 1. onRoute: every /api/v1 route must declare `config.access` (fail closed).
 * 2. onRequest: the session cookie becomes `request.principal`; state-changing
 *    requests must come from this site (Sec-Fetch-Site / Origin) and, with a
 *    session, carry its CSRF token; then the route's access rule is checked,
 *    before any body is read.
 */
async function authPlugin(app: FastifyInstance, { config, services }: AuthOptions): Promise<void> {
  app.decorateRequest('principal', {
    getter(this: FastifyRequest & { _principal?: Principal }): Principal {
      return this._principal ?? Principal.anonymous;
    },
    setter(this: FastifyRequest & { _principal?: Principal }, value: Principal): void {
      this._principal = value;
    },
  });
  app.decorateRequest('session', null);
  app.decorateRequest('readScope', function (this: WithScope): Promise<ReadScope> {
    this[SCOPE] ??= services.access.scopeOf(this.principal);
    return this[SCOPE];
  });

  const routeAccess: Array<{ method: string; url: string; access: AccessRule }> = [];
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (access === undefined || !ACCESS_RULES.includes(access)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access rule (config.access); every API route must.`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const token = sessionTokenOf(config, request);
    if (token !== undefined) {
      const resolved = await services.auth.resolve(token);
      if (resolved !== undefined) {
        request.principal = resolved.principal;
        request.session = resolved.session;
        request.actor = resolved.principal.actor;
      }
    }
    const isApi = request.url.startsWith('/api/');
    if (!isApi) return;
    if (request.session !== null) {
      // Personal answers: never stored by shared caches.
      void reply.header('vary', 'Cookie');
    }
    const routeConfig = request.routeOptions.config;
    if (UNSAFE.has(request.method)) {
      checkSameSite(request);
      if (request.session !== null && routeConfig.csrf !== 'origin-only') {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
          throw new AppError(
            'forbidden',
            'This request lacks the security token of your session. Reload the page and try again.',
          );
        }
      }
    }
    const access = routeConfig.access;
    if (access !== undefined) {
      await services.access.authorize(
        request.principal,
        access,
        (request.params ?? {}) as Record<string, string>,
      );
    }
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.session === null || !request.url.startsWith('/api/')) return;
    const cacheControl = reply.getHeader('cache-control');
    if (typeof cacheControl === 'string' && cacheControl.includes('public')) {
      void reply.header('cache-control', cacheControl.replace('public', 'private'));
    } else if (cacheControl === undefined) {
      void reply.header('cache-control', 'private, no-cache');
    }
  });
}

/**
 * Refuses state-changing requests from other sites: browsers send
 * Sec-Fetch-Site (modern) or Origin (older); scripts and curl send neither
 * and have no cookie to abuse.
 */
function checkSameSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw crossSite();
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      throw crossSite();
    }
    let own: string;
    try {
      // Normalised like the Origin (a default port is dropped).
      own = new URL(`${request.protocol}://${request.host}`).host;
    } catch {
      throw crossSite();
    }
    if (host !== own) throw crossSite();
  } else if (origin === 'null') {
    throw crossSite();
  }
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

export default fp(authPlugin, { name: 'auth', dependencies: ['actor'] });
