import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  GrantBody,
  GrantParams,
  Invitation,
  RoleGrant,
  User,
  UserCreateBody,
  UserCreateResponse,
  UserListResponse,
  UserParams,
  UserPatchBody,
} from '../schemas/auth.schema';
import { errorResponses } from '../schemas/common.schema';
import type { Services } from '../services/services';

const tags = ['Accounts'];

// A route table: one registration per route; each handler is a line or two calling its service.
/** Account administration (administrators only). */
export const userRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { users } = services;

  app.get(
    '/users',
    {
      config: { access: 'admin.read' },
      schema: {
        tags,
        summary: 'Every account with its roles',
        response: { 200: UserListResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => users.list(request.principal),
  );

  app.post(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create an account',
        description:
          'With a password (at least 12 characters, not a common one) the account is ready; without one, the answer carries an invitation link, valid for 7 days, where the user chooses a password.',
        body: UserCreateBody,
        response: { 201: UserCreateResponse, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const created = await users.create(request.principal, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/users/:user',
    {
      config: { access: 'admin.read' },
      schema: {
        tags,
        summary: 'One account',
        params: UserParams,
        response: { 200: User, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => users.get(request.principal, request.params.user),
  );

  app.patch(
    '/users/:user',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Rename, disable or enable an account',
        body: UserPatchBody,
        params: UserParams,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => users.update(request.principal, request.params.user, request.body),
  );

  app.post(
    '/users/:user/invitation',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'A new invitation link (also resets a forgotten password)',
        params: UserParams,
        response: { 201: Invitation, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await users.reinvite(request.principal, request.params.user)),
  );

  app.post(
    '/users/:user/roles',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Grant a role',
        description:
          'admin: no network or city; coordinator and viewer: a network; editor: a city. Granting a role the user has already is answered 200.',
        params: UserParams,
        body: GrantBody,
        response: { 200: RoleGrant, 201: RoleGrant, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { grant, created } = await users.grant(
        request.principal,
        request.params.user,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(grant);
    },
  );

  app.delete(
    '/users/:user/roles/:grant',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a role',
        params: GrantParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await users.revoke(request.principal, request.params.user, request.params.grant);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/users/:user/second-factor',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Remove a user’s second factor (lost phone and recovery codes); they set it up again',
        params: UserParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await services.secondFactor.reset(request.principal, request.params.user);
      return reply.status(204).send(null);
    },
  );
};
