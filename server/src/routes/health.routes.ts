import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../errors';
import { errorResponses } from '../schemas/common.schema';
import type { Services } from '../services/services';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Object({ kind: Type.String(), status: Type.Literal('ok') }),
  storage: Type.Object({
    status: Type.Literal('ok'),
    freeBytes: Type.Union([Type.Number(), Type.Null()]),
  }),
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
        summary: 'Liveness, database (a read and a write) and free disk space',
        response: { 200: HealthResponse, ...errorResponses(503) },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      const report = await services.health.check();
      if (report.database === 'unavailable')
        throw new AppError('service_unavailable', 'The database does not answer.', undefined, {
          'retry-after': '2',
        });
      if (report.database === 'read-only' || report.storage === 'low')
        throw new AppError(
          'service_unavailable',
          report.database === 'read-only'
            ? 'The database answers but cannot write (is its disk full?).'
            : 'The server is running out of disk space.',
          report,
          { 'retry-after': '30' },
        );
      return {
        status: 'ok' as const,
        database: { kind: databaseKind, status: 'ok' as const },
        storage: { status: 'ok' as const, freeBytes: report.freeBytes },
        version,
      };
    },
  );
};
