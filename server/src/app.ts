import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from 'helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import type { Socket } from 'node:net';
import { demoAccountsAllowed, type Config } from './config';
import type { Database } from './db/database';
import type { ErrorBody } from './errors';
import auth, { isPublicDataRead } from './plugins/auth';
import errorHandler from './plugins/error-handler';
import { installValidators } from './plugins/validation';
import { actionRoutes } from './routes/actions.routes';
import { authRoutes } from './routes/auth.routes';
import { districtRoutes } from './routes/districts.routes';
import { cityRoutes } from './routes/cities.routes';
import { healthRoutes } from './routes/health.routes';
import { importRoutes } from './routes/imports.routes';
import { indicatorRoutes } from './routes/indicators.routes';
import { networkRoutes } from './routes/networks.routes';
import { observationRoutes } from './routes/observations.routes';
import { reviewRoutes } from './routes/reviews.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { progressRoutes } from './routes/progress.routes';
import { sdgRoutes } from './routes/sdg.routes';
import { userRoutes } from './routes/users.routes';
import { createMailer } from './services/mailer';
import { createServices } from './services/services';
import { APP_VERSION } from './version';

export interface AppDeps {
  config: Config;
  db: Database;
  /** Pino options or `false`; tests pass `false`. */
  logger?: FastifyServerOptions['logger'];
}

const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Swagger UI sets inline style attributes; the app itself uses none in markup.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    upgradeInsecureRequests: null,
  },
};

/** Headers every answer carries, also those written before routing (bad URLs, oversized headers). */
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/**
 * The path the router sees: `;name=value` parameters are cut from every
 * segment (as servlet containers do), so `/api/v1/cities;x=1/espoo` is the
 * same route as `/api/v1/cities/espoo` and meets the same guard. The router
 * itself decodes `%61`, folds case and doubled slashes (routerOptions).
 */
export function canonicalUrl(url: string): string {
  const query = url.indexOf('?');
  const pathPart = query < 0 ? url : url.slice(0, query);
  if (!pathPart.includes(';')) return url;
  const cleaned = pathPart
    .split('/')
    .map((segment) => segment.split(';')[0])
    .join('/');
  return cleaned + (query < 0 ? '' : url.slice(query));
}

function errorText(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Answers errors Node.js meets before Fastify sees a request (headers too
 * large, malformed request lines) in the API's error shape.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          'headers_too_large',
          'The request headers are too large.',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.']
        : [400, 'Bad Request', 'bad_request', 'The request is malformed.'];
  const body = errorText(code, message);
  const headers = Object.entries({
    ...BASE_HEADERS,
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n${body}`);
}

/** Errors Fastify meets while routing (a malformed percent-encoding), in the API's error shape. */
function answerFrameworkError(error: FastifyError, reply: FastifyReply): void {
  const message =
    error.code === 'FST_ERR_BAD_URL'
      ? 'The address is malformed (a broken %-encoding).'
      : 'The request could not be routed.';
  void reply.code(400).headers(BASE_HEADERS).send(errorText('bad_request', message));
}

/** Fastify's typings omit the hop count proxy-addr accepts; express it as the equivalent function. */
function toTrustProxy(
  value: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

// A plugin and route table: every plugin and route registered explicitly, in order, a few lines each.
/**
 * Builds the Fastify application without listening, so that tests can drive
 * it with `app.inject()` and server.ts owns the process concerns.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    logger:
      deps.logger ??
      (config.logFormat === 'pretty'
        ? {
            level: config.logLevel,
            transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } },
          }
        : { level: config.logLevel }),
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeout,
    trustProxy: toTrustProxy(config.trustProxy),
    requestIdHeader: 'x-request-id',
    // The router decodes %-escapes; these fold the other ways of writing one path.
    routerOptions: {
      ignoreTrailingSlash: true,
      ignoreDuplicateSlashes: true,
      caseSensitive: false,
      maxParamLength: 200,
    },
    rewriteUrl: (req) => canonicalUrl(req.url ?? '/'),
    frameworkErrors: (error, _request, reply) => answerFrameworkError(error, reply),
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(app);
  // JSON only: a text/plain body must not reach JSON routes as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(errorHandler);
  const services = createServices(db, {
    idleSeconds: config.sessionIdleMinutes * 60,
    maxSeconds: config.sessionMaxHours * 3600,
    allowDemoAccounts: demoAccountsAllowed(config, db.kind),
    secondFactorRoles: config.secondFactorRoles,
    apiTokenRequestsPerMinute: config.apiTokenRequestsPerMinute,
    storage: {
      directories: db.kind === 'pglite' ? [config.dataDir] : [],
      minFreeBytes: config.minFreeDiskMb * 1_048_576,
    },
    resultCacheBytes: config.resultCacheMb * 1_048_576,
    mailer: createMailer(config.mail, (error, message) => app.log.warn({ err: error }, message)),
    publicUrl: config.mail.transport === 'none' ? null : config.mail.publicUrl,
  });
  // E-mails under way are finished (or fail and are logged) before the app stops.
  app.addHook('onClose', () => services.notifications.idle());
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // Security headers first: every answer carries them, refusals by the guard included.
  // helmet's middleware is built once (@fastify/helmet built it again for every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
    // Other websites may embed the public API's answers (CORS below); pages stay same-origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // HSTS only means something over HTTPS (added below).
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) =>
      done(error instanceof Error ? error : undefined),
    );
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // Public, approved data may be read by the websites CORS_ORIGINS names; nothing else answers
  // cross-origin. Without any, there is nothing to add (the plugin cost 2 % of a warm read).
  if (config.corsOrigins.length > 0) {
    const openRead = {
      origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins],
      credentials: false,
      methods: ['GET', 'HEAD'],
      exposedHeaders: ['ETag', 'Content-Language'],
    };
    await app.register(cors, {
      hook: 'onRequest',
      preflight: false,
      delegator: (request, callback) =>
        callback(null, isPublicDataRead(request) ? openRead : { origin: false }),
    });
  }
  await app.register(auth, { config, services });
  await app.register(compress, { threshold: 1024 });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SDG City Monitor API',
        version: APP_VERSION,
        description:
          'Indicators, ambitions, observations and progress of cities towards the UN Sustainable Development Goals. ' +
          'Every error is `{ error: { code, message, details? } }`.',
      },
      tags: [
        {
          name: 'SDG framework',
          description: 'The UN global indicator framework (reference data).',
        },
        { name: 'Networks', description: 'Networks of partner cities.' },
        { name: 'Cities', description: 'Cities and their data.' },
        {
          name: 'Indicators',
          description: 'The indicator catalogue of each network and its SDG links.',
        },
        {
          name: 'Observations',
          description: 'Values of indicators per city and year: reads, writes, imports, exports.',
        },
        { name: 'Ambitions', description: 'Each city\u2019s baseline and target per indicator.' },
        { name: 'History', description: 'Who changed what, when, from what to what.' },
        {
          name: 'Actions',
          description:
            'Local action plans: actions linked to the gaps they are meant to close, their review, and networks’ good practices (docs/methodology.md#8-actions-and-the-remaining-gap).',
        },
        {
          name: 'Progress',
          description: 'Status, action gap, scores, rankings and peers (docs/methodology.md).',
        },
        {
          name: 'Accounts',
          description:
            'Sign-in, sessions, accounts and roles. Changes made with the session cookie need the X-CSRF-Token header from GET /api/v1/auth/session.',
        },
        {
          name: 'Notifications',
          description:
            'The reader’s notifications of review steps (also e-mailed when SMTP_URL is set).',
        },
        { name: 'Operations', description: 'Health and operations.' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  await app.register(healthRoutes, {
    prefix: '/api',
    services,
    databaseKind: db.kind,
    version: APP_VERSION,
  });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { services, config });
      await api.register(userRoutes, { services });
      await api.register(sdgRoutes, { services });
      await api.register(networkRoutes, { services });
      await api.register(cityRoutes, { services });
      await api.register(indicatorRoutes, { services });
      await api.register(observationRoutes, { services });
      await api.register(reviewRoutes, { services });
      await api.register(notificationRoutes, { services });
      await api.register(actionRoutes, { services });
      await api.register(districtRoutes, { services, config });
      await api.register(importRoutes, {
        services,
        maxBytes: config.importBodyLimit,
        idleSeconds: config.importIdleSeconds,
      });
      await api.register(progressRoutes, { services });
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Anything else under /api (however its path is written) is a JSON 404, never the dashboard.
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/api/*',
    config: { access: 'public' },
    schema: { hide: true },
    handler: async (request, reply) => {
      const rest = (request.params as { '*': string })['*'];
      const body: ErrorBody = {
        error: { code: 'not_found', message: `Nothing here: ${request.method} /api/${rest}` },
      };
      return reply.status(404).send(body);
    },
  });

  const indexHtml = path.join(config.clientDir, 'index.html');
  const hasClient = fs.existsSync(indexHtml);
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: config.clientDir,
      prefix: '/',
      index: ['index.html'],
      // The build writes .br and .gz copies of each asset (client/vite.config.ts).
      preCompressed: true,
      // Build files such as .vite/manifest.json are not for the public.
      dotfiles: 'ignore',
      // Our own Cache-Control below, not send's "public, max-age=0".
      cacheControl: false,
      setHeaders: (response, filePath) => {
        // Vite fingerprints everything under assets/, so those never change.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn(
      `No built client in ${config.clientDir}; run "npm run build" to serve the dashboard.`,
    );
  }

  app.setNotFoundHandler(async (request, reply) => {
    // /api/* has its own route above, so whatever reaches this is a page of the dashboard.
    if (hasClient && (request.method === 'GET' || request.method === 'HEAD')) {
      // Single-page app: every non-API path renders the dashboard, which routes on the client.
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    const body: ErrorBody = {
      error: {
        code: 'not_found',
        message: `Nothing here: ${request.method} ${request.routeOptions.url ?? 'this address'}`,
      },
    };
    return reply.status(404).send(body);
  });

  return app;
}
