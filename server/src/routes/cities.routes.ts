import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CityCreate,
  CityPatch,
  InvitationList,
  InvitationParams,
  MembershipResponse,
} from '../schemas/catalogue.schema';
import { CityDetail, CityListResponse, CityParams } from '../schemas/city.schema';
import { errorResponses } from '../schemas/common.schema';
import {
  AmbitionListResponse,
  CityHistoryQuery,
  CityObservationQuery,
  ExportQuery,
  HistoryResponse,
  LatestQuery,
  ObservationListResponse,
  OpenSdgExportQuery,
} from '../schemas/observation.schema';
import type { Services } from '../services/services';
import { preconditionsOf, seriesFilterOf, withEtag } from './http-helpers';

const tags = ['Cities'];
const IF_MATCH = 'Requires If-Match with the current ETag (428 without it, 412 when stale).';

// A route table: one registration per route; each handler is a line or two calling its service.
/** Cities, and a city's values, ambitions, history and export. */
export const cityRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { cities, observations, ambitions, exports } = services;

  app.get(
    '/cities',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'All cities', response: { 200: CityListResponse } },
    },
    async (request) => cities.list(request.principal),
  );

  app.post(
    '/cities',
    {
      config: { access: 'city.create' },
      schema: {
        tags,
        summary: 'Create a city',
        body: CityCreate,
        response: { 201: CityDetail, ...errorResponses(400, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await cities.create(request.principal, request.body);
      void reply.status(201).header('location', `/api/v1/cities/${created.slug}`);
      return withEtag(reply, created);
    },
  );

  app.get(
    '/cities/:city',
    {
      config: { access: 'city.read' },
      schema: {
        tags,
        summary: 'One city with the networks it belongs to',
        params: CityParams,
        response: { 200: CityDetail, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await cities.get(request.principal, request.params.city)),
  );

  app.patch(
    '/cities/:city',
    {
      config: { access: 'city.edit' },
      schema: {
        tags,
        summary: 'Change a city',
        description: IF_MATCH,
        params: CityParams,
        body: CityPatch,
        response: { 200: CityDetail, ...errorResponses(400, 404, 412, 415, 428) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await cities.update(
          request.principal,
          request.params.city,
          request.body,
          preconditionsOf(request),
        ),
      ),
  );

  app.delete(
    '/cities/:city',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete a city that has no reported values',
        description: IF_MATCH,
        params: CityParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await cities.delete(request.principal, request.params.city, preconditionsOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/cities/:city/observations',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Observations'],
        summary: 'A city\u2019s values, by indicator, goal and years',
        params: CityParams,
        querystring: CityObservationQuery,
        response: { 200: ObservationListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      observations.listForCity(request.principal, request.params.city, {
        ...request.query,
        series: seriesFilterOf(request.query),
      }),
  );

  app.get(
    '/cities/:city/observations/latest',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Observations'],
        summary: 'The latest value of each indicator for a city',
        params: CityParams,
        querystring: LatestQuery,
        response: { 200: ObservationListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      observations.latestForCity(request.principal, request.params.city, request.query),
  );

  app.get(
    '/cities/:city/observations/export',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Observations'],
        summary: 'All of a city\u2019s values as CSV (the import\u2019s long format)',
        params: CityParams,
        querystring: ExportQuery,
        produces: ['text/csv'],
        description:
          'Columns: city,indicator,series,year,value,status,flags,source,note. Import the file back to restore the values.',
        response: errorResponses(404),
      },
    },
    async (request, reply) => {
      const file = await exports.city(request.principal, request.params.city, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );

  app.get(
    '/cities/:city/exports/opensdg',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Observations'],
        summary: 'A city\u2019s values as an Open SDG data repository (zip)',
        params: CityParams,
        querystring: OpenSdgExportQuery,
        produces: ['application/zip'],
        description:
          'One `data/indicator_<id>.csv` per indicator (Year, Units/Series, breakdown columns, GeoCode, Observation status, COMMENT_OBS, Value; the headline rows first) ' +
          'and `meta/<id>.md` (name, unit, SDG target, source, direction, natural limit, the ambition as graph_target_lines). `?network=` limits it to one network. ' +
          'Importing it again with POST /imports/opensdg changes nothing. Cells are written as they are (no spreadsheet formula escaping): the files are data for Open SDG.',
        response: errorResponses(400, 404),
      },
    },
    async (request, reply) => {
      const file = await services.openSdg.exportCity(
        request.principal,
        request.params.city,
        request.query.network,
      );
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    '/cities/:city/history',
    {
      config: { access: 'city.members' },
      schema: {
        tags: ['History'],
        summary: 'Recent changes to a city\u2019s data, newest first',
        params: CityParams,
        querystring: CityHistoryQuery,
        response: { 200: HistoryResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      observations.cityHistory(request.principal, request.params.city, request.query),
  );

  app.get(
    '/cities/:city/ambitions',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Ambitions'],
        summary: 'A city\u2019s ambitions (baseline and target per indicator)',
        params: CityParams,
        response: { 200: AmbitionListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) => ambitions.list(request.principal, request.params.city),
  );

  app.get(
    '/cities/:city/invitations',
    {
      config: { access: 'membership.respond' },
      schema: {
        tags,
        summary: 'Networks that invited the city and wait for an answer (the city’s editors)',
        params: CityParams,
        response: { 200: InvitationList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => services.networks.invitationsOfCity(request.principal, request.params.city),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/cities/:city/invitations/:invitation/${answer}`,
      {
        config: { access: 'membership.respond' },
        schema: {
          tags,
          summary:
            answer === 'accept'
              ? 'Accept a network’s invitation: the city becomes a member (the city’s editors)'
              : 'Decline a network’s invitation (the city’s editors)',
          description: 'The invitation is named by the inviting network’s slug.',
          params: InvitationParams,
          response: { 200: MembershipResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        services.networks.answerInvitation(
          request.principal,
          request.params.city,
          request.params.invitation,
          answer,
        ),
    );
  }
};
