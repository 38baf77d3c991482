import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { errorResponses } from '../schemas/common.schema';
import {
  EurostatImportQuery,
  ImportQuery,
  ImportReport,
  OpenSdgImportQuery,
  RepositoryReport,
} from '../schemas/observation.schema';
import type { ImportOptions, ImportReport as Report } from '../services/import.service';
import type { Services } from '../services/services';
import { spoolUpload, type SpooledUpload } from './upload';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];

// A route table: one registration per route; each handler is a line or two calling its service.
/** Bulk import of CSV files (streamed, all-or-nothing). */
export const importRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  maxBytes: number;
  idleSeconds: number;
}> = async (app, { services, maxBytes, idleSeconds }) => {
  // The file stays a stream: the service reads it row by row.
  app.addContentTypeParser([...CSV_TYPES, ...ZIP_TYPES], (_request, payload, done) =>
    done(null, payload),
  );

  /** The uploaded file, spooled whole before any database work (a slow sender holds no connection). */
  const receive = async (request: FastifyRequest, what = 'CSV file'): Promise<SpooledUpload> => {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const expected = what === 'CSV file' ? CSV_TYPES : ZIP_TYPES;
    if (!expected.includes(type))
      throw new AppError(
        'unsupported_media_type',
        what === 'CSV file'
          ? 'Send a CSV file with Content-Type: text/csv (the zip of an Open SDG repository goes to /imports/opensdg).'
          : 'Send the zip of an Open SDG data repository with Content-Type: application/zip.',
      );
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
        `Send the ${what} as the request body with Content-Type: ${what === 'CSV file' ? 'text/csv' : 'application/zip'}.`,
      );
    }
    return spoolUpload(body as Readable, { maxBytes, idleSeconds });
  };

  const importFile = async (request: FastifyRequest, options: ImportOptions): Promise<Report> => {
    const upload = await receive(request);
    try {
      return await services.imports.run(request.principal, () => upload.open(), options);
    } finally {
      await upload.dispose();
    }
  };

  app.post(
    '/imports',
    {
      config: { access: 'import' },
      schema: {
        tags: ['Observations'],
        summary: 'Import values from a CSV file',
        description:
          'Send the file as the body with Content-Type: text/csv; its format is recognised from the header (or named with `?format=`). ' +
          'Long format: `city,indicator,year,value[,series,status,flags,source,note]` (comma, semicolon or tab separated; with ";" or tabs a decimal comma is accepted). ' +
          'Wide format, as the workspace template writes it: `indicator` (slug), optionally `name`, `unit` (ignored) and `city`, then one column per year (e.g. `2024`); ' +
          'an empty cell is no value; the city is the `city` column or `?city=`. ' +
          'Open SDG data files as cities publish them, with `?indicator=` (and `?city=` when the file has no GeoCode): breakdown columns become series, ' +
          'years such as 2016/17 their first year, n/a and empty values are left out and counted. Eurostat bulk TSV and SDMX-CSV files (also at /imports/eurostat). ' +
          '`?dryRun=true` validates and reports without writing; the report lists every value that would be inserted or changed, old → new (`changes`, the first 1,000). A real import writes every row or none: any error ' +
          'gives 422 with the full report. Columns left out of the file keep their stored content. Limits: ' +
          '1,000 columns, a header of 64 KiB, lines of 1 MiB, cells of 10,000 characters; an upload that sends ' +
          'nothing for a while is refused (408). Scripts send an API token: `Authorization: Bearer sdgcm_…`.',
        querystring: ImportQuery,
        consumes: CSV_TYPES,
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 404, 408, 413, 415, 422) },
      },
    },
    async (request) =>
      importFile(request, {
        dryRun: request.query.dryRun ?? false,
        format: request.query.format,
        indicator: request.query.indicator,
        city: request.query.city,
        network: request.query.network,
        dataset: request.query.dataset,
        fileName: request.query.fileName,
      }),
  );

  app.post(
    '/imports/eurostat',
    {
      config: { access: 'import' },
      schema: {
        tags: ['Observations'],
        summary: 'Import a Eurostat City statistics file into a network',
        description:
          'A Eurostat bulk TSV (`indic_ur,unit,cities\\time` then one column per year) or SDMX-CSV file, as Eurostat publishes it, for the network named. ' +
          'Cities are matched on their Urban Audit code (`codes["urban-audit"]`), indicators on their Eurostat code (`codes.eurostat`, e.g. `urb_percep:PS1012V`, ' +
          'a sum `urb_percep:PS1012V+PS1013V`, survey waves `urb_percep:PS3290V|PS3514V`); every other city and indicator of the file is left out and counted. ' +
          '`:` is "not available"; the flags e, p, b, u, c are kept with each value. Name the dataset of a bulk TSV with `?dataset=` (SDMX-CSV names its own). ' +
          'All or nothing, as every import.',
        querystring: EurostatImportQuery,
        consumes: CSV_TYPES,
        response: { 200: ImportReport, ...errorResponses(400, 401, 403, 404, 408, 413, 415, 422) },
      },
    },
    async (request) =>
      importFile(request, {
        dryRun: request.query.dryRun ?? false,
        network: request.query.network,
        dataset: request.query.dataset,
        fileName: request.query.fileName,
        accept: ['eurostat-tsv', 'eurostat-sdmx'],
      }),
  );
  app.post(
    '/imports/opensdg',
    {
      config: { access: 'import' },
      schema: {
        tags: ['Observations'],
        summary: 'Import an Open SDG data repository (zip) for a city',
        description:
          'The zip of an Open SDG data repository (e.g. GitHub’s “Download ZIP” of a fork of open-sdg-data-starter), with Content-Type: application/zip. ' +
          'Every `data/indicator_<id>.csv` is imported as published into the network’s indicator for that id (`codes.opensdg`); coordinators of the network ' +
          'create or update indicators from `meta/<id>.md` and `indicator-config/<id>.yml` (name, unit, SDG target, source, direction, natural limit); ' +
          '`graph_target_lines` become the city’s ambition (baseline: its headline value in the base year, 2015 unless stated; target year 2030 unless stated). ' +
          'One report line per file. All or nothing unless `onError=skipFile`. A data file may be as large as a CSV import; the files together eight times that.',
        querystring: OpenSdgImportQuery,
        consumes: ZIP_TYPES,
        response: {
          200: RepositoryReport,
          ...errorResponses(400, 401, 403, 404, 408, 413, 415, 422),
        },
      },
    },
    async (request) => {
      const upload = await receive(request, 'zip file');
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of upload.open()) chunks.push(chunk as Buffer);
        return await services.openSdg.importRepository(request.principal, Buffer.concat(chunks), {
          network: request.query.network,
          city: request.query.city,
          dryRun: request.query.dryRun ?? false,
          onError: request.query.onError ?? 'rollback',
          maxBytes,
        });
      } finally {
        await upload.dispose();
      }
    },
  );
};
