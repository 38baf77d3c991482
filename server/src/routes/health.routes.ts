import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors';
import { errorResponses } from '../schemas/common.schema';
import type { Services } from '../services/services';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Object({ kind: Type.String(), status: Type.Literal('ok') }),
  version: Type.String(),
});

/** `/api/health`: 200 when the app and its database answer, 503 otherwise. */
export const healthRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  databaseKind: string;
  version: string;
}> = async (app, { services, databaseKind, version }) => {
  app.get(
    '/ping',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Liveness without touching the database (the baseline of the benchmarks)',
        response: { 200: Type.Object({ pong: Type.Literal(true) }) },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { pong: true as const };
    },
  );

  app.get(
    '/health',
    {
      schema: {
        tags: ['Operations'],
        summary: 'Liveness and database check',
        response: { 200: HealthResponse, ...errorResponses(503) },
      },
    },
    async (_request, reply) => {
      try {
        await services.health.ping();
      } catch {
        throw new AppError('service_unavailable', 'The database does not answer.', undefined, {
          'retry-after': '2',
        });
      }
      void reply.header('cache-control', 'no-store');
      return {
        status: 'ok' as const,
        database: { kind: databaseKind, status: 'ok' as const },
        version,
      };
    },
  );
};
