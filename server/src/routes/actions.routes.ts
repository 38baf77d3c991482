import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Action,
  ActionInput,
  ActionListQuery,
  ActionListResponse,
  ActionParams,
  ActionPatch,
  ActionReviewState,
  type ActionStep,
  ActionStepBody,
  GoodPracticeInput,
  GoodPracticeListResponse,
  GoodPracticeParams,
  GoodPracticeQuery,
} from '../schemas/action.schema';
import { errorResponses, Slug } from '../schemas/common.schema';
import { HistoryResponse } from '../schemas/observation.schema';
import { stepAccess } from '../services/action.service';
import type { Services } from '../services/services';
import { preconditionsOf, withEtag } from './http-helpers';
import { localise } from './localise';

const LangOnly = Type.Object(
  { lang: Type.Optional(Type.String({ maxLength: 35 })) },
  { additionalProperties: false },
);

const STEP_TEXT: Readonly<Record<ActionStep, string>> = {
  submit: 'Submit the action for review (editors); it cannot be changed until withdrawn or decided',
  withdraw: 'Withdraw a submitted action to change it again (editors)',
  approve:
    'Approve the action (coordinators of one of the city’s networks): the public sees it as it is now',
  return: 'Return the action to the city with a comment (coordinators)',
};

// A route table: one registration per route; each handler is a line or two calling its service.
/** Local action plans: a city's actions, their review, and a network's good practices. */
export const actionRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { actions } = services;

  app.get(
    '/cities/:city/actions',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Actions'],
        summary: 'A city’s local action plan',
        description:
          'Members of the city’s networks and its editors see the working copies (drafts included, marked); everyone else sees the approved copies.',
        params: Type.Object({ city: Slug }),
        querystring: ActionListQuery,
        response: { 200: ActionListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      actions.list(request.principal, request.params.city, {
        ...request.query,
        lang: localise(request, reply),
      }),
  );

  app.post(
    '/cities/:city/actions',
    {
      config: { access: 'data.write' },
      schema: {
        tags: ['Actions'],
        summary: 'Add an action to the city’s plan (editors); it starts as a draft',
        params: Type.Object({ city: Slug }),
        body: ActionInput,
        response: { 201: Action, ...errorResponses(400, 401, 403, 404, 415) },
      },
    },
    async (request, reply) => {
      const action = await actions.create(request.principal, request.params.city, request.body);
      void reply.status(201).header('location', `/api/v1/actions/${action.id}`);
      return withEtag(reply, action);
    },
  );

  app.get(
    '/actions/:actionId',
    {
      config: { access: 'action.read' },
      schema: {
        tags: ['Actions'],
        summary: 'One action',
        params: ActionParams,
        querystring: LangOnly,
        response: { 200: Action, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await actions.get(request.principal, request.params.actionId, localise(request, reply)),
      ),
  );

  app.patch(
    '/actions/:actionId',
    {
      config: { access: 'action.write' },
      schema: {
        tags: ['Actions'],
        summary: 'Change an action (If-Match); an approved action becomes a draft again',
        description:
          'Only the fields sent change; "targets" and "effects", when sent, replace the lists. A submitted action must be withdrawn first (409).',
        params: ActionParams,
        body: ActionPatch,
        response: { 200: Action, ...errorResponses(400, 401, 403, 404, 409, 412, 415, 428) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await actions.update(
          request.principal,
          request.params.actionId,
          request.body,
          preconditionsOf(request),
        ),
      ),
  );

  app.delete(
    '/actions/:actionId',
    {
      config: { access: 'action.write' },
      schema: {
        tags: ['Actions'],
        summary:
          'Delete an action that was never published (If-Match); cancel a published one instead',
        params: ActionParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await actions.delete(request.principal, request.params.actionId, preconditionsOf(request));
      return reply.status(204).send(null);
    },
  );

  for (const step of Object.keys(STEP_TEXT) as ActionStep[]) {
    app.post(
      `/actions/:actionId/${step}`,
      {
        config: { access: stepAccess(step) },
        preValidation: (request, _reply, done) => {
          // Only a missing body: a JSON null is invalid, as the schema says.
          if (request.body === undefined) request.body = {};
          done();
        },
        schema: {
          tags: ['Actions'],
          summary: STEP_TEXT[step],
          description: 'If-Match is checked when sent (approve what you reviewed).',
          params: ActionParams,
          body: ActionStepBody,
          response: { 200: Action, ...errorResponses(400, 401, 403, 404, 409, 412) },
        },
      },
      async (request, reply) =>
        withEtag(
          reply,
          await actions.step(
            request.principal,
            request.params.actionId,
            step,
            request.body.comment,
            preconditionsOf(request),
          ),
        ),
    );
  }

  app.get(
    '/actions/:actionId/history',
    {
      config: { access: 'action.members' },
      schema: {
        tags: ['History'],
        summary: 'Every change of the action (members)',
        params: ActionParams,
        response: { 200: HistoryResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => actions.history(request.principal, request.params.actionId),
  );

  app.get(
    '/networks/:network/actions',
    {
      config: { access: 'network.members' },
      schema: {
        tags: ['Actions'],
        summary: 'Actions of the member cities by review state (members): the coordinators’ queue',
        params: Type.Object({ network: Slug }),
        querystring: Type.Object(
          {
            state: Type.Optional(ActionReviewState),
            lang: Type.Optional(Type.String({ maxLength: 35 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ActionListResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      actions.queue(
        request.principal,
        request.params.network,
        request.query.state ?? 'submitted',
        localise(request, reply),
      ),
  );

  app.get(
    '/networks/:network/good-practices',
    {
      config: { access: 'network.read' },
      schema: {
        tags: ['Actions'],
        summary: 'The network’s good-practice library',
        description:
          'Approved actions of member cities that the coordinators hold up, by SDG target or indicator, each with the city’s trajectory of its linked indicators before and after the start year.',
        params: Type.Object({ network: Slug }),
        querystring: GoodPracticeQuery,
        response: { 200: GoodPracticeListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      actions.goodPractices(request.principal, request.params.network, {
        ...request.query,
        lang: localise(request, reply),
      }),
  );

  app.put(
    '/networks/:network/good-practices/:actionId',
    {
      config: { access: 'network.manage' },
      schema: {
        tags: ['Actions'],
        summary: 'Hold an approved action of a member city up as a good practice (coordinators)',
        params: GoodPracticeParams,
        body: GoodPracticeInput,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 415) },
      },
    },
    async (request, reply) => {
      await actions.markGoodPractice(
        request.principal,
        request.params.network,
        request.params.actionId,
        request.body.note ?? null,
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/networks/:network/good-practices/:actionId',
    {
      config: { access: 'network.manage' },
      schema: {
        tags: ['Actions'],
        summary: 'No longer hold the action up as a good practice (coordinators)',
        params: GoodPracticeParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await actions.unmarkGoodPractice(
        request.principal,
        request.params.network,
        request.params.actionId,
      );
      return reply.status(204).send(null);
    },
  );
};
