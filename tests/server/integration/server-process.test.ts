import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('starting the server with a bad configuration', () => {
  it('exits with code 1 and a readable list of every problem, no stack trace', () => {
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['server/src/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'abc', DATABASE_URL: 'nonsense', LOG_LEVEL: 'chatty' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('PORT="abc" must be a whole number from 0 to 65535');
    expect(result.stderr).toContain('DATABASE_URL must look like postgres://');
    expect(result.stderr).toContain('LOG_LEVEL="chatty"');
    expect(result.stderr).toContain('See .env.example');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
