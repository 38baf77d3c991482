import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Indicator,
  IndicatorListResponse,
  IndicatorParams,
  IndicatorPatch,
  IndicatorSearchQuery,
} from '../schemas/catalogue.schema';
import { errorResponses } from '../schemas/common.schema';
import { IndicatorObservationQuery, ObservationListResponse } from '../schemas/observation.schema';
import type { Services } from '../services/services';
import { preconditionsOf, seriesFilterOf, withEtag } from './http-helpers';

const tags = ['Indicators'];

// A route table: one registration per route; each handler is a line or two calling its service.
/** Indicators across networks, one indicator, its values across cities. */
export const indicatorRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { indicators, observations } = services;

  app.get(
    '/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Indicators of every network linked to an SDG goal, target or indicator',
        querystring: IndicatorSearchQuery,
        response: { 200: IndicatorListResponse, ...errorResponses(400) },
      },
    },
    async (request) => indicators.search(request.principal, request.query),
  );

  app.get(
    '/indicators/:indicator',
    {
      config: { access: 'indicator.read' },
      schema: {
        tags,
        summary: 'One indicator with its bounds, thresholds and SDG links',
        params: IndicatorParams,
        response: { 200: Indicator, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await indicators.get(request.principal, request.params.indicator)),
  );

  app.patch(
    '/indicators/:indicator',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Change, archive or restore an indicator',
        description:
          'Requires If-Match. `sdgLinks` replaces the links; `archived: true` hides the indicator and refuses new values.',
        params: IndicatorParams,
        body: IndicatorPatch,
        response: { 200: Indicator, ...errorResponses(400, 404, 412, 415, 428) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await indicators.update(
          request.principal,
          request.params.indicator,
          request.body,
          preconditionsOf(request),
        ),
      ),
  );

  app.delete(
    '/indicators/:indicator',
    {
      config: { access: 'indicator.manage' },
      schema: {
        tags,
        summary: 'Delete an indicator',
        description:
          'Requires If-Match. An indicator with values is refused (409) unless it was archived first; then its values go with it.',
        params: IndicatorParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await indicators.delete(
        request.principal,
        request.params.indicator,
        preconditionsOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/indicators/:indicator/observations',
    {
      config: { access: 'indicator.read' },
      schema: {
        tags: ['Observations'],
        summary: 'One indicator\u2019s values across cities',
        params: IndicatorParams,
        querystring: IndicatorObservationQuery,
        response: { 200: ObservationListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      observations.listForIndicator(request.principal, request.params.indicator, {
        ...request.query,
        series: seriesFilterOf(request.query),
      }),
  );
};
