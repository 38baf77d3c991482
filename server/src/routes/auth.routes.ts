import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config';
import { toGrantDto } from '../services/users.service';
import {
  clearSessionCookie,
  cookieName,
  isSecure,
  parseCookies,
  setSessionCookie,
} from '../plugins/auth';
import {
  InvitationAcceptBody,
  PasswordChangeBody,
  SessionResponse,
  SignInBody,
} from '../schemas/auth.schema';
import { errorResponses } from '../schemas/common.schema';
import type { SignedInSession } from '../services/auth.service';
import type { Services } from '../services/services';

const tags = ['Accounts'];

/** Sign-in, sign-out, the current session and password changes. */
export const authRoutes: FastifyPluginAsyncTypebox<{ services: Services; config: Config }> = async (
  app,
  { services, config },
) => {
  const idleTimeoutSeconds = config.sessionIdleMinutes * 60;

  const sessionBody = (request: FastifyRequest): SessionResponse => ({
    user: request.principal.user,
    roles: request.principal.grants.map(toGrantDto),
    csrfToken: request.session?.csrfToken ?? null,
    expiresAt: request.session?.expiresAt.toISOString() ?? null,
    idleTimeoutSeconds,
  });

  const startSession = (
    request: FastifyRequest,
    reply: FastifyReply,
    signedIn: SignedInSession,
  ): SessionResponse => {
    setSessionCookie(config, request, reply, signedIn.token);
    void reply.header('cache-control', 'no-store');
    return {
      user: signedIn.principal.user,
      roles: signedIn.principal.grants.map(toGrantDto),
      csrfToken: signedIn.session.csrfToken,
      expiresAt: signedIn.session.expiresAt.toISOString(),
      idleTimeoutSeconds,
    };
  };

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Who is signed in (user null when nobody), their roles and the CSRF token',
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return sessionBody(request);
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: { access: 'public', csrf: 'origin-only' },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description:
          'Sets the session cookie (HttpOnly, SameSite=Lax; Secure and __Host- prefixed over HTTPS). A wrong email ' +
          'and a wrong password give the same 401. After 5 failures for an account (30 for an address) sign-in ' +
          'is refused for 1 minute, doubling with each further failure up to an hour (429 with Retry-After).',
        body: SignInBody,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const previousToken = parseCookies(request.headers.cookie).get(
        cookieName(isSecure(config, request)),
      );
      const signedIn = await services.auth.signIn({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken,
      });
      await services.auth.purgeExpired();
      return startSession(request, reply, signedIn);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign out: the session is destroyed on the server',
        response: { 204: Type.Null(), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      if (request.session !== null && request.principal.user !== null) {
        await services.auth.signOut(request.session, request.principal.user);
      }
      clearSessionCookie(config, request, reply);
      return reply.status(204).header('cache-control', 'no-store').send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Change your password',
        description:
          'Needs the current password. Every session of the account ends (other browsers are signed out); this one continues with a new session id.',
        body: PasswordChangeBody,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const signedIn = await services.auth.changePassword(
        request.principal.user!,
        request.body,
        request.ip,
        request.headers['user-agent'] ?? null,
      );
      return startSession(request, reply, signedIn);
    },
  );

  app.post(
    '/auth/invitations/accept',
    {
      config: { access: 'public', csrf: 'origin-only' },
      schema: {
        tags,
        summary: 'Choose a password from an invitation link, and sign in',
        body: InvitationAcceptBody,
        response: { 200: SessionResponse, ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const signedIn = await services.auth.acceptInvitation({
        token: request.body.token,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      return startSession(request, reply, signedIn);
    },
  );
};
