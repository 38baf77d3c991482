import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../helpers/test-app';

let ctx: TestContext;
let clientDir: string;

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdgcm-client-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><title>SDG City Monitor</title><div id="root"></div>',
  );
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1);'.repeat(200));
  ctx = await createTestApp({ as: 'admin', env: { CLIENT_DIR: clientDir } });
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

describe('operations', () => {
  it('reports health with the database kind', async () => {
    const response = await ctx.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: { kind: ctx.db.kind, status: 'ok' },
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reports 503 in the error shape when the database is gone', async () => {
    const { createTestDatabase } = await import('../../helpers/test-db');
    const { buildApp } = await import('../../../server/src/app');
    const db = await createTestDatabase();
    const app = await buildApp({ config: ctx.config, db, logger: false });
    await db.close();
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('service_unavailable');
    await app.close();
  });

  it('answers unknown API routes with a 404 in the error shape', async () => {
    const response = await ctx.app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'Nothing here: GET /api/v1/nothing-here' },
    });
    const post = await ctx.app.inject({ method: 'POST', url: '/api/v1/sdg/goals', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('not_found');
  });

  it('tags every response with a request id', async () => {
    const response = await ctx.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(response.headers['x-request-id']).toBe('trace-42');
  });

  it('sends security headers', async () => {
    const response = await ctx.app.inject('/api/v1/sdg/goals');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document listing every route', async () => {
    const response = await ctx.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of [
      '/api/health',
      '/api/v1/sdg/goals',
      '/api/v1/sdg/goals/{goal}',
      '/api/v1/sdg/targets/{target}',
      '/api/v1/sdg/indicators/{code}',
      '/api/v1/networks',
      '/api/v1/networks/{network}',
      '/api/v1/cities',
      '/api/v1/cities/{city}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
  });

  it('serves a browsable documentation page', async () => {
    const response = await ctx.app.inject('/api/docs');
    expect([200, 302]).toContain(response.statusCode);
    const page =
      response.statusCode === 302
        ? await ctx.app.inject(String(response.headers.location))
        : response;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('the dashboard', () => {
  it('serves index.html for client routes (SPA fallback) without caching it', async () => {
    for (const url of ['/', '/cities/espoo', '/sdg/goals/11?lang=fr']) {
      const response = await ctx.app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves fingerprinted assets with long-lived caching, compressed', async () => {
    const response = await ctx.app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('gzip');
  });
});
