import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config';
import { toGrantDto } from '../services/users.service';
import type { Principal } from '../auth/principal';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../plugins/auth';
import type { SessionRecord } from '../repositories/auth.repository';
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

  const sessionBody = (principal: Principal, session: SessionRecord | null): SessionResponse => ({
    user: principal.user,
    roles: principal.grants.map(toGrantDto),
    csrfToken: session?.csrfToken ?? null,
    expiresAt: session?.expiresAt.toISOString() ?? null,
    idleTimeoutSeconds,
  });

  const startSession = (
    request: FastifyRequest,
    reply: FastifyReply,
    signedIn: SignedInSession,
  ): SessionResponse => {
    setSessionCookie(config, request, reply, signedIn.token);
    void reply.header('cache-control', 'no-store');
    return sessionBody(signedIn.principal, signedIn.session);
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
      return sessionBody(request.principal, request.session);
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
      const previousToken = sessionTokenOf(config, request);
      const signedIn = await services.auth.signIn({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken,
      });
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
