import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Config } from '../config';
import { toGrantDto } from '../services/users.service';
import type { Principal } from '../auth/principal';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../plugins/auth';
import type { SessionRecord } from '../repositories/auth.repository';
import {
  ApiTokenCreateBody,
  ApiTokenCreated,
  ApiTokenList,
  ApiTokenParams,
  CodeBody,
  InvitationAcceptBody,
  PasswordChangeBody,
  RecoveryCodes,
  SecondFactorDisableBody,
  SecondFactorSetup,
  SecondFactorSignInBody,
  SecondFactorStatus,
  SessionResponse,
  SignInBody,
} from '../schemas/auth.schema';
import { errorResponses } from '../schemas/common.schema';
import type { SignedInSession } from '../services/auth.service';
import type { Services } from '../services/services';

const tags = ['Accounts'];

// A route table: one registration per route; each handler is a line or two calling its service.
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
    heldBackRoles: [...principal.credentials.heldBack],
    secondFactorChallenge: null,
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
      // Public (anyone may ask who they are), but never answered to other websites.
      config: { access: 'public', crossOrigin: false },
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
          'and a wrong password give the same 401. After 5 failures for an account from one address (30 from ' +
          'an address for any account) that address is refused for 1 minute, doubling with each further failure ' +
          'up to an hour (429 with Retry-After); other addresses are not affected. With a second factor set up, ' +
          'a right password answers `secondFactorChallenge` instead of a session: send it with the code to ' +
          '/auth/sign-in/second-factor.',
        body: SignInBody,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const previousToken = sessionTokenOf(config, request);
      const result = await services.auth.signIn({
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken,
      });
      if (result.kind === 'signed-in') return startSession(request, reply, result);
      void reply.header('cache-control', 'no-store');
      return {
        ...sessionBody(request.principal, null),
        user: null,
        roles: [],
        secondFactorChallenge: result.challenge,
      };
    },
  );

  app.post(
    '/auth/sign-in/second-factor',
    {
      config: { access: 'public', csrf: 'origin-only' },
      schema: {
        tags,
        summary:
          'Second step of a sign-in: the code from the authenticator app (or a recovery code)',
        description:
          'The challenge from /auth/sign-in is valid for 5 minutes and 5 codes; wrong codes count against the ' +
          'account (5, then 1 minute doubling up to an hour). A code is accepted once.',
        body: SecondFactorSignInBody,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const signedIn = await services.auth.completeSignIn(
        {
          challenge: request.body.challenge,
          code: request.body.code,
          previousToken: sessionTokenOf(config, request),
        },
        services.secondFactor.verifyForSignIn,
      );
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
      config: { access: 'session' },
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

  app.get(
    '/auth/second-factor',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Whether two-factor authentication is on, and which of your roles need it',
        response: { 200: SecondFactorStatus, ...errorResponses(401) },
      },
    },
    async (request) => services.secondFactor.status(request.principal),
  );

  app.post(
    '/auth/second-factor/setup',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Start setting up two-factor authentication: a secret and its QR code for the app',
        response: { 200: SecondFactorSetup, ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return services.secondFactor.begin(request.principal);
    },
  );

  app.post(
    '/auth/second-factor/confirm',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Finish the set-up with a first code; answers the recovery codes (shown once)',
        body: CodeBody,
        response: { 200: RecoveryCodes, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return services.secondFactor.confirm(request.principal, request.body.code);
    },
  );

  app.post(
    '/auth/second-factor/recovery-codes',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working); needs a current code',
        body: CodeBody,
        response: { 200: RecoveryCodes, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return services.secondFactor.regenerateCodes(request.principal, request.body.code);
    },
  );

  app.post(
    '/auth/second-factor/disable',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Turn two-factor authentication off (needs your password and a code)',
        body: SecondFactorDisableBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await services.secondFactor.disable(request.principal, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Your API tokens (never the tokens themselves)',
        response: { 200: ApiTokenList, ...errorResponses(401, 403) },
      },
    },
    async (request) => services.tokens.list(request.principal),
  );

  app.post(
    '/auth/tokens',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Create an API token for scripts; the answer shows it this once',
        description:
          'Send it as `Authorization: Bearer <token>`; no cookie and no CSRF token are needed. "read" tokens ' +
          'read what you may read; "roles" tokens may also change what your roles allow.',
        body: ApiTokenCreateBody,
        response: { 201: ApiTokenCreated, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const created = await services.tokens.create(request.principal, request.body);
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/auth/tokens/:token',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Revoke an API token: it stops working at once',
        params: ApiTokenParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await services.tokens.revoke(request.principal, request.params.token);
      return reply.status(204).send(null);
    },
  );
};
