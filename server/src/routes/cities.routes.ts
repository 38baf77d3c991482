import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CityDetail, CityListResponse, CityParams } from '../schemas/city.schema';
import { errorResponses } from '../schemas/common.schema';
import type { Services } from '../services/services';

const tags = ['Cities'];

/** Cities. */
export const cityRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  const { cities } = services;

  app.get(
    '/cities',
    { schema: { tags, summary: 'All cities', response: { 200: CityListResponse } } },
    async () => cities.list(),
  );

  app.get(
    '/cities/:city',
    {
      schema: {
        tags,
        summary: 'One city with the networks it belongs to',
        params: CityParams,
        response: { 200: CityDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => cities.get(request.params.city),
  );
};
