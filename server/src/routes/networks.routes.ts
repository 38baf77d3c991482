import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  EurostatCodeList,
  EurostatIndicatorsCreate,
  EurostatSearchQuery,
  Indicator,
  IndicatorCreate,
  IndicatorListResponse,
  InvitationList,
  MemberParams,
  MembershipBody,
  MembershipResponse,
  NetworkCreate,
  NetworkIndicatorQuery,
  NetworkPatch,
} from '../schemas/catalogue.schema';
import { errorResponses } from '../schemas/common.schema';
import { NetworkDetail, NetworkListResponse, NetworkParams } from '../schemas/network.schema';
import { ExportQuery } from '../schemas/observation.schema';
import { searchEurostat } from '../services/eurostat-catalogue';
import type { Services } from '../services/services';
import { preconditionsOf, withEtag } from './http-helpers';

const tags = ['Networks'];
const IF_MATCH = 'Requires If-Match with the current ETag (428 without it, 412 when stale).';

// A route table: one registration per route; each handler is a line or two calling its service.
/** Networks, their membership, their indicator catalogue and their exports. */
export const networkRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { networks, indicators, exports } = services;

  app.get(
    '/networks',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'All networks', response: { 200: NetworkListResponse } },
    },
    async (request) => networks.list(request.principal),
  );

  app.post(
    '/networks',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create a network',
        body: NetworkCreate,
        response: { 201: NetworkDetail, ...errorResponses(400, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await networks.create(request.principal, request.body);
      void reply.status(201).header('location', `/api/v1/networks/${created.slug}`);
      return withEtag(reply, created);
    },
  );

  app.get(
    '/networks/:network',
    {
      config: { access: 'network.read' },
      schema: {
        tags,
        summary: 'One network with its member cities',
        params: NetworkParams,
        response: { 200: NetworkDetail, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await networks.get(request.principal, request.params.network)),
  );

  app.patch(
    '/networks/:network',
    {
      config: { access: 'network.manage' },
      schema: {
        tags,
        summary: 'Change a network',
        description: IF_MATCH,
        params: NetworkParams,
        body: NetworkPatch,
        response: { 200: NetworkDetail, ...errorResponses(400, 404, 412, 415, 428) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await networks.update(
          request.principal,
          request.params.network,
          request.body,
          preconditionsOf(request),
        ),
      ),
  );

  app.delete(
    '/networks/:network',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete a network that holds no values',
        description: IF_MATCH,
        params: NetworkParams,
        response: { 204: Type.Null(), ...errorResponses(404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await networks.delete(request.principal, request.params.network, preconditionsOf(request));
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/networks/:network/members/:city',
    {
      config: { access: 'network.manage' },
      schema: {
        tags,
        summary: 'Invite a city into the network, or change a member’s role',
        description:
          'A city joins by consent: the answer is 202 with status "invited" and the city becomes a member when ' +
          'one of its editors accepts (POST /cities/{city}/invitations/{network}/accept). An administrator, or a ' +
          'coordinator who is also the city’s editor, adds it at once (201). For a member, the role changes (200).',
        params: MemberParams,
        body: MembershipBody,
        response: {
          200: MembershipResponse,
          201: MembershipResponse,
          202: MembershipResponse,
          ...errorResponses(400, 401, 403, 404, 415),
        },
      },
    },
    async (request, reply) => {
      const { membership, created } = await networks.putMember(
        request.principal,
        request.params.network,
        request.params.city,
        request.body,
      );
      return reply
        .status(membership.status === 'invited' ? 202 : created ? 201 : 200)
        .send(membership);
    },
  );

  app.get(
    '/networks/:network/invitations',
    {
      config: { access: 'network.manage' },
      schema: {
        tags,
        summary: 'Cities invited into the network that have not answered yet (coordinators)',
        params: NetworkParams,
        response: { 200: InvitationList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => networks.invitationsOfNetwork(request.principal, request.params.network),
  );

  app.delete(
    '/networks/:network/members/:city',
    {
      config: { access: 'network.manage' },
      schema: {
        tags,
        summary:
          'Withdraw an invitation, or remove a city that has reported nothing for this network',
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await networks.deleteMember(request.principal, request.params.network, request.params.city);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/networks/:network/indicators',
    {
      config: { access: 'network.read' },
      schema: {
        tags: ['Indicators'],
        summary: 'The network\u2019s indicator catalogue, optionally by SDG goal or target',
        params: NetworkParams,
        querystring: NetworkIndicatorQuery,
        response: { 200: IndicatorListResponse, ...errorResponses(400, 404) },
      },
    },
    async (request) =>
      indicators.listForNetwork(request.principal, request.params.network, request.query),
  );

  app.post(
    '/networks/:network/indicators',
    {
      config: { access: 'network.manage' },
      schema: {
        tags: ['Indicators'],
        summary: 'Add an indicator to the network\u2019s catalogue',
        params: NetworkParams,
        body: IndicatorCreate,
        response: { 201: Indicator, ...errorResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await indicators.create(
        request.principal,
        request.params.network,
        request.body,
      );
      void reply.status(201).header('location', `/api/v1/indicators/${created.slug}`);
      return withEtag(reply, created);
    },
  );

  app.post(
    '/networks/:network/indicators/eurostat',
    {
      config: { access: 'network.manage' },
      schema: {
        tags: ['Indicators'],
        summary: 'Add indicators made from Eurostat City statistics codes',
        description:
          'Each entry names a code as `codes.eurostat` keeps it (see GET /eurostat/indicators). Name, unit and source come from Eurostat\u2019s code list; ' +
          'the SDG target and direction from the curated suggestions unless given. All or none are added; a code another indicator of the network reads is a 409.',
        params: NetworkParams,
        body: EurostatIndicatorsCreate,
        response: {
          201: Type.Object({ indicators: Type.Array(Indicator) }),
          ...errorResponses(400, 404, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const created = await indicators.createFromEurostat(
        request.principal,
        request.params.network,
        request.body.indicators,
      );
      void reply.status(201);
      return { indicators: created };
    },
  );

  app.get(
    '/eurostat/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Indicators'],
        summary: 'Search Eurostat\u2019s City statistics indicator codes',
        description:
          'Every word of `search` in the code or its label. Indicators curated for an SDG target come first, with their suggested target, direction and unit.',
        querystring: EurostatSearchQuery,
        response: { 200: EurostatCodeList, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return {
        codes: searchEurostat(request.query.search ?? '', request.query.limit ?? 50).map((e) => ({
          ...e,
          suggestion:
            e.suggestion === null
              ? null
              : {
                  slug: e.suggestion.slug,
                  name: e.suggestion.name,
                  unit: e.suggestion.unit,
                  direction: e.suggestion.direction,
                  target: e.suggestion.target,
                  sdgIndicator: e.suggestion.sdgIndicator ?? null,
                },
        })),
        attribution:
          'Eurostat, City statistics (Urban Audit): indicator code list (dic_indic_ur), CC BY 4.0.',
      };
    },
  );

  app.get(
    '/networks/:network/observations/export',
    {
      config: { access: 'network.read' },
      schema: {
        tags: ['Observations'],
        summary: 'All of the network\u2019s values as CSV (the import\u2019s long format)',
        params: NetworkParams,
        querystring: ExportQuery,
        produces: ['text/csv'],
        description:
          'Columns: city,indicator,year,value,status,source,note. Import the file back to restore the values.',
        response: errorResponses(404),
      },
    },
    async (request, reply) => {
      const file = await exports.network(request.principal, request.params.network, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
};
