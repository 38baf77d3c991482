import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, LangQuery } from '../schemas/common.schema';
import {
  GoalDetailResponse,
  GoalListResponse,
  GoalParams,
  IndicatorDetailResponse,
  SdgIndicatorParams,
  TargetDetailResponse,
  TargetParams,
} from '../schemas/sdg.schema';
import { localise } from './localise';
import type { Services } from '../services/services';

const tags = ['SDG framework'];
// The framework is fixed reference data: let browsers and proxies keep it.
const CACHE = 'public, max-age=3600';

// A route table: one registration per route; each handler is a line or two calling its service.
/** The UN framework: goals, targets and SDG indicators in 26 languages. */
export const sdgRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { sdg } = services;

  app.get(
    '/sdg/goals',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The 17 goals',
        querystring: LangQuery,
        response: { 200: GoalListResponse, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', CACHE);
      return sdg.listGoals(localise(request, reply));
    },
  );

  app.get(
    '/sdg/goals/:goal',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One goal with its targets and SDG indicators',
        params: GoalParams,
        querystring: LangQuery,
        response: { 200: GoalDetailResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      return sdg.getGoal(request.params.goal, localise(request, reply));
    },
  );

  app.get(
    '/sdg/targets/:target',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One target with its SDG indicators and the network indicators linked to it',
        params: TargetParams,
        querystring: LangQuery,
        response: { 200: TargetDetailResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      return sdg.getTarget(request.params.target, localise(request, reply));
    },
  );

  app.get(
    '/sdg/indicators/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One SDG indicator',
        params: SdgIndicatorParams,
        querystring: LangQuery,
        response: { 200: IndicatorDetailResponse, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      return sdg.getIndicator(request.params.code, localise(request, reply));
    },
  );
};
