import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../errors';
import { errorResponses } from '../schemas/common.schema';
import { ImportQuery, ImportReport } from '../schemas/observation.schema';
import type { Services } from '../services/services';
import { spoolUpload } from './upload';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

/** Bulk import of CSV files (streamed, all-or-nothing). */
export const importRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  maxBytes: number;
  idleSeconds: number;
}> = async (app, { services, maxBytes, idleSeconds }) => {
  // The file stays a stream: the service reads it row by row.
  app.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      config: { access: 'import' },
      schema: {
        tags: ['Observations'],
        summary: 'Import values from a CSV file',
        description:
          'Send the file as the body with Content-Type: text/csv. Long format: `city,indicator,year,value[,status,source,note]` ' +
          '(comma, semicolon or tab separated; with ";" or tabs a decimal comma is accepted). Open SDG format: ' +
          '`Year,GeoCode,Value` with `?indicator=`; GeoCode is the city slug, disaggregated rows are skipped. ' +
          '`?dryRun=true` validates and reports without writing. A real import writes every row or none: any error ' +
          'gives 422 with the full report. Columns left out of the file keep their stored content. Limits: ' +
          '1,000 columns, a header of 64 KiB, lines of 1 MiB, cells of 10,000 characters; an upload that sends ' +
          'nothing for a while is refused (408). Scripts send an API token: `Authorization: Bearer sdgcm_…`.',
        querystring: ImportQuery,
        consumes: CSV_TYPES,
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 408, 413, 415, 422) },
      },
    },
    async (request) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        throw new AppError(
          'payload_too_large',
          `The file is larger than the ${Math.round(maxBytes / 1_048_576)} MB an import may be.`,
        );
      }
      const body = request.body as unknown;
      if (body === undefined || body === null || typeof (body as Readable).pipe !== 'function') {
        throw new AppError(
          'unsupported_media_type',
          'Send the CSV file as the request body with Content-Type: text/csv.',
        );
      }
      // The whole file arrives before any database work: a slow sender holds no connection.
      const upload = await spoolUpload(body as Readable, { maxBytes, idleSeconds });
      try {
        return await services.imports.run(request.principal, () => upload.open(), {
          dryRun: request.query.dryRun ?? false,
          format: request.query.format,
          indicator: request.query.indicator,
          city: request.query.city,
          network: request.query.network,
          dataset: request.query.dataset,
          fileName: request.query.fileName,
        });
      } finally {
        await upload.dispose();
      }
    },
  );
};
