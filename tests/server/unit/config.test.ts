import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/src/config';

const cwd = '/srv/app';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment (embedded database)', () => {
    const config = loadConfig({}, cwd, false);
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      databaseUrl: null,
      dataDir: path.join(cwd, '.data'),
      logLevel: 'info',
      logFormat: 'json',
      seedDemo: true,
      clientDir: path.join(cwd, 'dist/client'),
      trustProxy: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses a pretty log format in a terminal unless told otherwise', () => {
    expect(loadConfig({}, cwd, true).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }, cwd, true).logFormat).toBe('json');
  });

  it('accepts a PostgreSQL URL and typed values', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://user:pw@db.example:5432/sdg',
        SEED_DEMO: 'false',
        TRUST_PROXY: '2',
        DATA_DIR: '/var/lib/sdg',
      },
      cwd,
    );
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://user:pw@db.example:5432/sdg');
    expect(config.seedDemo).toBe(false);
    expect(config.trustProxy).toBe(2);
    expect(config.dataDir).toBe('/var/lib/sdg');
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '  ', DATABASE_URL: '' }, cwd).port).toBe(3000);
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig(
        { PORT: 'abc', DATABASE_URL: 'nonsense', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe' },
        cwd,
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT="abc" must be a whole number from 0 to 65535/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL must look like postgres:\/\//);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL="loud"/);
    expect(problems.join('\n')).toMatch(/SEED_DEMO="maybe" must be true or false/);
  });

  it('rejects out-of-range ports, other URL schemes and URLs without a database', () => {
    expect(() => loadConfig({ PORT: '70000' }, cwd)).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/x' }, cwd)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost' }, cwd)).toThrow(
      /must name a database/,
    );
  });

  it('sends no e-mail by default; SMTP_URL sends, MAIL_DIR writes files, never both', () => {
    expect(loadConfig({}, cwd).mail).toEqual({ transport: 'none' });
    expect(
      loadConfig(
        { SMTP_URL: 'smtp://u:p@mail.city.eu:587', PUBLIC_URL: 'https://sdg.city.eu/' },
        cwd,
      ).mail,
    ).toEqual({
      transport: 'smtp',
      url: 'smtp://u:p@mail.city.eu:587',
      from: 'SDG City Monitor <no-reply@localhost>',
      publicUrl: 'https://sdg.city.eu',
    });
    expect(loadConfig({ MAIL_DIR: 'mail', MAIL_FROM: 'SDG <sdg@city.eu>' }, cwd).mail).toEqual({
      transport: 'file',
      dir: path.join(cwd, 'mail'),
      from: 'SDG <sdg@city.eu>',
      publicUrl: null,
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail', MAIL_DIR: 'mail' }, cwd)).toThrow(
      /SMTP_URL or MAIL_DIR, not both/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail.city.eu' }, cwd)).toThrow(
      /SMTP_URL must look like smtp:\/\//,
    );
    expect(() => loadConfig({ MAIL_FROM: 'nobody' }, cwd)).toThrow(/MAIL_FROM="nobody"/);
    expect(() => loadConfig({ PUBLIC_URL: 'sdg.city.eu' }, cwd)).toThrow(/PUBLIC_URL/);
  });
});
