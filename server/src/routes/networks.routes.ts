import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../schemas/common.schema';
import { NetworkDetail, NetworkListResponse, NetworkParams } from '../schemas/network.schema';
import type { Services } from '../services/services';

const tags = ['Networks'];

/** Networks of partner cities. */
export const networkRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { networks } = services;

  app.get(
    '/networks',
    { schema: { tags, summary: 'All networks', response: { 200: NetworkListResponse } } },
    async () => networks.list(),
  );

  app.get(
    '/networks/:network',
    {
      schema: {
        tags,
        summary: 'One network with its member cities',
        params: NetworkParams,
        response: { 200: NetworkDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => networks.get(request.params.network),
  );
};
