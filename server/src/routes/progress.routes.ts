import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CityParams } from '../schemas/city.schema';
import { errorResponses } from '../schemas/common.schema';
import { NetworkParams } from '../schemas/network.schema';
import {
  AssessRequest,
  Assessment,
  CityIndicatorParams,
  CityProgressResponse,
  ComparisonResponse,
  IndicatorDetailResponse,
  NetworkIndicatorParams,
  NetworkRankingQuery,
  NetworkRankingResponse,
  NetworkScoresResponse,
  PeersQuery,
  PeersResponse,
  NetworkViewQuery,
  YearLangQuery,
} from '../schemas/progress.schema';
import type { Services } from '../services/services';
import { localise } from './localise';
import { sendCached } from './send-cached';

const tags = ['Progress'];

// A route table: one registration per route; each handler is a line or two calling its service.
/** Progress status, action gap, scores, rankings and peers (docs/methodology.md). */
export const progressRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { progress } = services;

  app.post(
    '/progress/assess',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Assess one series: status, score, components and action gap',
        description:
          'The calculator behind every status (docs/methodology.md#1-the-numbers-a-status-is-made-of to #3-the-action-gap). Rates are fractions per year for a compound trend and units per year for a linear one; `ratio` is R with a target and P without.',
        body: AssessRequest,
        response: { 200: Assessment, ...errorResponses(400, 413, 415) },
      },
    },
    async (request) => progress.assess(request.body),
  );

  app.get(
    '/cities/:city/progress',
    {
      config: { access: 'city.read' },
      schema: {
        tags,
        summary: 'A city\u2019s progress on every indicator, per goal and overall',
        params: CityParams,
        querystring: YearLangQuery,
        response: { 200: CityProgressResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      sendCached(
        request,
        reply,
        await progress.cityProgress(request.principal, request.params.city, {
          year: request.query.year,
          lang: localise(request, reply),
        }),
      ),
  );

  app.get(
    '/cities/:city/indicators/:indicator/progress',
    {
      config: { access: 'data.read' },
      schema: {
        tags,
        summary:
          'One indicator of a city: progress, action-gap chart points and the SDG targets it measures',
        params: CityIndicatorParams,
        querystring: YearLangQuery,
        response: { 200: IndicatorDetailResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      progress.indicatorProgress(request.principal, request.params.city, request.params.indicator, {
        year: request.query.year,
        lang: localise(request, reply),
      }),
  );

  app.get(
    '/networks/:network/scores',
    {
      config: { access: 'network.read' },
      schema: {
        tags,
        summary:
          'Scores, colours, index, ranks and trend arrows of every partner city (SDSN method)',
        params: NetworkParams,
        querystring: NetworkViewQuery,
        response: { 200: NetworkScoresResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      sendCached(
        request,
        reply,
        await progress.networkScores(request.principal, request.params.network, {
          year: request.query.year,
          lang: localise(request, reply),
          drafts: request.query.drafts,
        }),
      ),
  );

  app.get(
    '/networks/:network/ranking',
    {
      config: { access: 'network.read' },
      schema: {
        tags,
        summary:
          'One page of the ranking (search, country, sort by rank, name, index or a goal): the network page of a national network',
        params: NetworkParams,
        querystring: NetworkRankingQuery,
        response: { 200: NetworkRankingResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { year, drafts, q, country, sort, goal, offset, limit } = request.query;
      const page = await progress.networkRanking(request.principal, request.params.network, {
        year,
        lang: localise(request, reply),
        drafts,
        q,
        country,
        sort,
        goal,
        offset,
        limit,
      });
      return sendCached(request, reply, page);
    },
  );

  app.get(
    '/networks/:network/indicators/:indicator/comparison',
    {
      config: { access: 'network.read' },
      schema: {
        tags,
        summary: 'One indicator across the partner cities',
        params: NetworkIndicatorParams,
        querystring: NetworkViewQuery,
        response: { 200: ComparisonResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      sendCached(
        request,
        reply,
        await progress.comparison(
          request.principal,
          request.params.network,
          request.params.indicator,
          {
            year: request.query.year,
            lang: localise(request, reply),
            drafts: request.query.drafts,
          },
        ),
      ),
  );

  app.get(
    '/cities/:city/peers',
    {
      config: { access: 'city.read' },
      schema: {
        tags,
        summary: 'Partner cities that progressed most on an indicator: whom to learn from',
        params: CityParams,
        querystring: PeersQuery,
        response: { 200: PeersResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      progress.peers(request.principal, request.params.city, {
        indicator: request.query.indicator,
        limit: request.query.limit,
        lang: localise(request, reply),
      }),
  );
};
