import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../schemas/common.schema';
import {
  Ambition,
  AmbitionInput,
  AmbitionParams,
  HistoryResponse,
  Observation,
  ObservationInput,
  ObservationParams,
  SeriesQuery,
} from '../schemas/observation.schema';
import type { Services } from '../services/services';
import { preconditionsOf, seriesOf, withEtag } from './http-helpers';

const WRITE_RULES =
  'Creating a value needs no precondition (If-None-Match: * makes sure you do not overwrite one). Changing an ' +
  'existing value requires If-Match with its ETag: 428 without it, 412 with the current value when someone changed ' +
  'it meanwhile. Fields left out keep their stored content. A value outside the indicator\u2019s allowed range is ' +
  'refused; an implausible jump from the previous year is stored but flagged.';

// A route table: one registration per route; each handler is a line or two calling its service.
/** One observation (value of an indicator for a city and year) and a city's ambition for an indicator. */
export const observationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { observations, ambitions } = services;
  const path = '/cities/:city/indicators/:indicator/observations/:year';

  app.get(
    path,
    {
      config: { access: 'data.read' },
      schema: {
        tags: ['Observations'],
        summary: 'One value',
        params: ObservationParams,
        querystring: SeriesQuery,
        response: { 200: Observation, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { city, indicator, year } = request.params;
      return withEtag(
        reply,
        await observations.get(request.principal, city, indicator, year, seriesOf(request.query)),
      );
    },
  );

  app.put(
    path,
    {
      config: { access: 'data.write' },
      schema: {
        tags: ['Observations'],
        summary: 'Create or change one value',
        description: WRITE_RULES,
        params: ObservationParams,
        querystring: SeriesQuery,
        body: ObservationInput,
        response: {
          200: Observation,
          201: Observation,
          ...errorResponses(400, 404, 409, 412, 413, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const { city, indicator, year } = request.params;
      const series = seriesOf(request.query);
      const { observation, created } = await observations.put(
        request.principal,
        city,
        indicator,
        year,
        request.body,
        preconditionsOf(request),
        series,
      );
      if (created)
        void reply
          .status(201)
          .header(
            'location',
            `/api/v1/cities/${city}/indicators/${indicator}/observations/${year}${series === '' ? '' : `?series=${encodeURIComponent(series)}`}`,
          );
      return withEtag(reply, observation);
    },
  );

  app.delete(
    path,
    {
      config: { access: 'data.write' },
      schema: {
        tags: ['Observations'],
        summary: 'Delete one value',
        description: 'Requires If-Match with the current ETag.',
        params: ObservationParams,
        querystring: SeriesQuery,
        response: { 204: Type.Null(), ...errorResponses(400, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { city, indicator, year } = request.params;
      await observations.delete(
        request.principal,
        city,
        indicator,
        year,
        preconditionsOf(request),
        seriesOf(request.query),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${path}/history`,
    {
      config: { access: 'data.members' },
      schema: {
        tags: ['History'],
        summary: 'Every change of one value: who, when, before and after',
        params: ObservationParams,
        querystring: SeriesQuery,
        response: { 200: HistoryResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const { city, indicator, year } = request.params;
      return observations.history(
        request.principal,
        city,
        indicator,
        year,
        seriesOf(request.query),
      );
    },
  );

  const ambitionPath = '/cities/:city/indicators/:indicator/ambition';

  app.get(
    ambitionPath,
    {
      config: { access: 'data.read' },
      schema: {
        tags: ['Ambitions'],
        summary: 'A city\u2019s ambition for one indicator',
        params: AmbitionParams,
        response: { 200: Ambition, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await ambitions.get(request.principal, request.params.city, request.params.indicator),
      ),
  );

  app.put(
    ambitionPath,
    {
      config: { access: 'data.write' },
      schema: {
        tags: ['Ambitions'],
        summary: 'Set the ambition: baseline year and value, target year and value',
        description:
          'Changing an existing ambition requires If-Match. The target year must follow the baseline year.',
        params: AmbitionParams,
        body: AmbitionInput,
        response: { 200: Ambition, 201: Ambition, ...errorResponses(400, 404, 409, 412, 415, 428) },
      },
    },
    async (request, reply) => {
      const { ambition, created } = await ambitions.put(
        request.principal,
        request.params.city,
        request.params.indicator,
        request.body,
        preconditionsOf(request),
      );
      if (created) void reply.status(201);
      return withEtag(reply, ambition);
    },
  );

  app.delete(
    ambitionPath,
    {
      config: { access: 'data.write' },
      schema: {
        tags: ['Ambitions'],
        summary: 'Remove the ambition',
        params: AmbitionParams,
        response: { 204: Type.Null(), ...errorResponses(404, 412, 428) },
      },
    },
    async (request, reply) => {
      await ambitions.delete(
        request.principal,
        request.params.city,
        request.params.indicator,
        preconditionsOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${ambitionPath}/history`,
    {
      config: { access: 'data.members' },
      schema: {
        tags: ['History'],
        summary: 'Every change of the ambition',
        params: AmbitionParams,
        response: { 200: HistoryResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      ambitions.history(request.principal, request.params.city, request.params.indicator),
  );
};
