import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config';
import { errorResponses, Slug } from '../schemas/common.schema';
import {
  CityDistricts,
  DistrictsUploadQuery,
  FeatureCollectionUpload,
} from '../schemas/district.schema';
import type { Services } from '../services/services';
import { preconditionsOf, withEtag } from './http-helpers';

const CityParams = Type.Object({ city: Slug });

// A route table: one registration per route; each handler is a line or two calling its service.
/** A city's district boundaries (GeoJSON), for its district maps. */
export const districtRoutes: FastifyPluginAsyncTypebox<{
  services: Services;
  config: Config;
}> = async (app, { services, config }) => {
  const { districts } = services;
  // GeoJSON's own media type is JSON too.
  app.addContentTypeParser(
    'application/geo+json',
    { parseAs: 'string', bodyLimit: config.districtsBodyLimit },
    app.getDefaultJsonParser('error', 'error'),
  );

  app.get(
    '/cities/:city/districts',
    {
      config: { access: 'city.read' },
      schema: {
        tags: ['Cities'],
        summary: 'The city’s district boundaries, simplified for maps',
        params: CityParams,
        response: { 200: CityDistricts, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await districts.get(request.principal, request.params.city)),
  );

  app.put(
    '/cities/:city/districts',
    {
      config: { access: 'city.edit' },
      bodyLimit: config.districtsBodyLimit,
      schema: {
        tags: ['Cities'],
        summary: 'Upload the city’s district boundaries (GeoJSON; editors)',
        description:
          'A FeatureCollection of Polygons/MultiPolygons in longitude/latitude, one per district, each with a code property matching the district codes of the city’s data (its `geocode` dimension). Broken polygons, duplicate or unknown codes are refused with every problem listed; the boundaries are simplified for the browser. Replacing existing ones requires If-Match.',
        params: CityParams,
        querystring: DistrictsUploadQuery,
        body: FeatureCollectionUpload,
        response: {
          200: CityDistricts,
          201: CityDistricts,
          ...errorResponses(400, 401, 403, 404, 412, 413, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const length = Number(request.headers['content-length']);
      const { districts: saved, created } = await districts.put(
        request.principal,
        request.params.city,
        {
          body: request.body,
          bytes: Number.isFinite(length) ? length : Buffer.byteLength(JSON.stringify(request.body)),
          codeProperty: request.query.codeProperty,
          nameProperty: request.query.nameProperty,
          onlyMatching: request.query.onlyMatching,
        },
        preconditionsOf(request),
      );
      if (created) void reply.status(201);
      return withEtag(reply, saved);
    },
  );

  app.delete(
    '/cities/:city/districts',
    {
      config: { access: 'city.edit' },
      schema: {
        tags: ['Cities'],
        summary: 'Remove the city’s district boundaries (If-Match)',
        params: CityParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      await districts.delete(request.principal, request.params.city, preconditionsOf(request));
      return reply.status(204).send(null);
    },
  );
};
