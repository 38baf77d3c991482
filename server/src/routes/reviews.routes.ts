import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../schemas/common.schema';
import {
  CityReviews,
  CommentInput,
  QueueQuery,
  type ReviewAction,
  ReviewActionBody,
  ReviewChecklist,
  ReviewComment,
  ReviewParams,
  ReviewPeriod,
  ReviewQueue,
  ReviewYearParams,
} from '../schemas/review.schema';
import type { Services } from '../services/services';
import { stepAction } from '../services/review.service';
import { Type } from 'typebox';
import { localise } from './localise';

const STEP_TEXT: Readonly<Record<ReviewAction, { summary: string }>> = {
  submit: { summary: 'Submit the year for review (editors); locks it' },
  withdraw: { summary: 'Withdraw a submission to edit again (editors)' },
  return: {
    summary: 'Return the year to the city with a comment (coordinators)',
  },
  approve: {
    summary: 'Approve the year (coordinators): its values become public; the year stays locked',
  },
  reopen: {
    summary:
      'Reopen an approved year with a comment (coordinators); the approved values stay public until approved again',
  },
};

/** The review workflow: per network, city and year. */
// A route table: one registration per route; each handler is a line or two calling its service.
export const reviewRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { reviews } = services;
  const base = '/networks/:network/cities/:city/reviews';

  app.get(
    '/networks/:network/reviews',
    {
      config: { access: 'network.members' },
      schema: {
        tags: ['Review'],
        summary: 'The network’s review queue: years waiting for a decision (or in another state)',
        params: Type.Object({ network: ReviewParams.properties.network }),
        querystring: QueueQuery,
        response: { 200: ReviewQueue, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      reviews.queue(request.principal, request.params.network, request.query.state),
  );

  app.get(
    base,
    {
      config: { access: 'review.read' },
      schema: {
        tags: ['Review'],
        summary: 'A city’s years in a network: review state, counts and comments',
        params: ReviewParams,
        response: { 200: CityReviews, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      reviews.forCity(request.principal, request.params.network, request.params.city),
  );

  for (const action of Object.keys(STEP_TEXT) as ReviewAction[]) {
    app.post(
      `${base}/:year/${action}`,
      {
        config: { access: stepAction(action) },
        // The body is optional: a step without a comment may send none.
        preValidation: (request, _reply, done) => {
          // Only a missing body: a JSON null is invalid, as the schema says.
          if (request.body === undefined) request.body = {};
          done();
        },
        schema: {
          tags: ['Review'],
          summary: STEP_TEXT[action].summary,
          params: ReviewYearParams,
          body: ReviewActionBody,
          response: { 200: ReviewPeriod, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { network, city, year } = request.params;
        return reviews.act(request.principal, network, city, year, action, request.body.comment, {
          confirmFlagged: request.body.confirmFlagged,
        });
      },
    );
  }

  app.get(
    `${base}/:year/checklist`,
    {
      config: { access: 'review.read' },
      schema: {
        tags: ['Review'],
        summary:
          'What to check before submitting or approving the year: values with the previous year’s, flags, changes since the last approval, missing indicators',
        params: ReviewYearParams,
        querystring: Type.Object(
          { lang: Type.Optional(Type.String({ maxLength: 35 })) },
          { additionalProperties: false },
        ),
        response: { 200: ReviewChecklist, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { network, city, year } = request.params;
      return reviews.checklist(request.principal, network, city, year, localise(request, reply));
    },
  );

  app.post(
    `${base}/:year/comments`,
    {
      config: { access: 'review.comment' },
      schema: {
        tags: ['Review'],
        summary: 'Comment on the year or on one value (indicator)',
        params: ReviewYearParams,
        body: CommentInput,
        response: { 201: ReviewComment, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { network, city, year } = request.params;
      const comment = await reviews.comment(request.principal, network, city, year, request.body);
      return reply.status(201).send(comment);
    },
  );
};
