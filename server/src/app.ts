import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { demoAccountsAllowed, type Config } from './config';
import type { Database } from './db/database';
import type { ErrorBody } from './errors';
import actor from './plugins/actor';
import auth from './plugins/auth';
import errorHandler from './plugins/error-handler';
import { installValidators } from './plugins/validation';
import { authRoutes } from './routes/auth.routes';
import { cityRoutes } from './routes/cities.routes';
import { healthRoutes } from './routes/health.routes';
import { importRoutes } from './routes/imports.routes';
import { indicatorRoutes } from './routes/indicators.routes';
import { networkRoutes } from './routes/networks.routes';
import { observationRoutes } from './routes/observations.routes';
import { reviewRoutes } from './routes/reviews.routes';
import { progressRoutes } from './routes/progress.routes';
import { sdgRoutes } from './routes/sdg.routes';
import { userRoutes } from './routes/users.routes';
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

/** Fastify's typings omit the hop count proxy-addr accepts; express it as the equivalent function. */
function toTrustProxy(
  value: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

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
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installValidators(app);
  // JSON only: a text/plain body must not reach JSON routes as a string.
  app.removeContentTypeParser('text/plain');
  await app.register(errorHandler);
  await app.register(actor);
  const services = createServices(db, {
    idleSeconds: config.sessionIdleMinutes * 60,
    maxSeconds: config.sessionMaxHours * 3600,
    allowDemoAccounts: demoAccountsAllowed(config, db.kind),
  });
  await app.register(auth, { config, services });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    crossOriginEmbedderPolicy: false,
  });
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
          name: 'Progress',
          description: 'Status, action gap, scores, rankings and peers (docs/methodology.md).',
        },
        {
          name: 'Accounts',
          description:
            'Sign-in, sessions, accounts and roles. Changes made with the session cookie need the X-CSRF-Token header from GET /api/v1/auth/session.',
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
      await api.register(importRoutes, { services, maxBytes: config.importBodyLimit });
      await api.register(progressRoutes, { services });
    },
    { prefix: '/api/v1' },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const indexHtml = path.join(config.clientDir, 'index.html');
  const hasClient = fs.existsSync(indexHtml);
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: config.clientDir,
      prefix: '/',
      index: ['index.html'],
      // The build writes .br and .gz copies of each asset (client/vite.config.ts).
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        // Vite fingerprints everything under assets/, so those never change.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header(
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
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi && hasClient && (request.method === 'GET' || request.method === 'HEAD')) {
      // Single-page app: every non-API path renders the dashboard, which routes on the client.
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    const body: ErrorBody = {
      error: {
        code: 'not_found',
        message: `Nothing here: ${request.method} ${request.url.split('?')[0] ?? ''}`,
      },
    };
    return reply.status(404).send(body);
  });

  return app;
}
