import path from 'node:path';

/**
 * The only module that reads the environment. Every variable is validated in
 * one pass so that a misconfigured deployment sees all of its problems at once.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** TCP port the HTTP server listens on. */
  readonly port: number;
  /** Interface to bind; `localhost` binds both IPv4 and IPv6 loopback. */
  readonly host: string;
  /** PostgreSQL connection string; `null` selects the embedded PGlite database. */
  readonly databaseUrl: string | null;
  /** Maximum connections in the PostgreSQL pool (ignored by PGlite, which has one). */
  readonly databasePoolMax: number;
  /** Directory for local state: the embedded database lives in `<dataDir>/pglite`. */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** `json` (one line per event, for log shippers) or `pretty` (for a terminal). */
  readonly logFormat: 'json' | 'pretty';
  /** Seed the demo network when the database holds no network yet. */
  readonly seedDemo: boolean;
  /** Directory of the built client served at `/`. */
  readonly clientDir: string;
  /** Largest accepted request body for JSON routes, in bytes. */
  readonly bodyLimit: number;
  /** Largest accepted upload for imports, in bytes. */
  readonly importBodyLimit: number;
  /** Largest accepted district boundaries upload (GeoJSON), in bytes. */
  readonly districtsBodyLimit: number;
  /** Milliseconds a request may take before the server answers 408; 0 disables. */
  readonly requestTimeout: number;
  /** Trust `X-Forwarded-*` headers from a reverse proxy (true, false, a hop count or a list of addresses). */
  readonly trustProxy: boolean | number | string;
  /** Minutes without a request after which a session ends. */
  readonly sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends however active it is. */
  readonly sessionMaxHours: number;
  /** Mark the session cookie Secure: `auto` when the request came over HTTPS (see TRUST_PROXY). */
  readonly cookieSecure: 'auto' | 'always' | 'never';
  /**
   * Create the documented demo accounts. `null` means "decide by database":
   * yes on the embedded database with the demo seeded, never on PostgreSQL.
   */
  readonly demoAccounts: boolean | null;
  /**
   * Roles that count only once the user has set up a second factor (TOTP);
   * without one the user signs in with the other roles and is asked to set it up.
   */
  readonly secondFactorRoles: ReadonlyArray<'admin' | 'coordinator' | 'editor' | 'viewer'>;
  /**
   * Origins other websites may read the public API from (CORS on GET routes
   * of public data, never with credentials): `*` for any, or a list; empty for none.
   */
  readonly corsOrigins: '*' | readonly string[];
  /** Seconds an import upload may go without sending a byte before it is refused (408). */
  readonly importIdleSeconds: number;
  /** Requests one API token may make per minute (per server instance). */
  readonly apiTokenRequestsPerMinute: number;
  /** Free disk space (MiB) below which /api/health reports 503. */
  readonly minFreeDiskMb: number;
  /** Memory for computed progress, scores and comparisons (MiB): enough for every city read warm. */
  readonly resultCacheMb: number;
  /**
   * E-mail for review notifications: `smtp` sends through SMTP_URL, `file`
   * writes each message as an .eml file into MAIL_DIR (a dev mail catcher for
   * tests and trials), `none` sends no e-mail (in-app notifications only).
   */
  readonly mail:
    | { readonly transport: 'none' }
    | {
        readonly transport: 'smtp';
        readonly url: string;
        readonly from: string;
        readonly publicUrl: string | null;
      }
    | {
        readonly transport: 'file';
        readonly dir: string;
        readonly from: string;
        readonly publicUrl: string | null;
      };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * Whether the published demo accounts may exist and sign in: by default only
 * on the embedded database with the demo network; DEMO_ACCOUNTS decides otherwise.
 */
export function demoAccountsAllowed(config: Config, databaseKind: 'pglite' | 'postgres'): boolean {
  return config.demoAccounts ?? (databaseKind === 'pglite' && config.seedDemo);
}

// An option table: one entry per environment variable, each read and checked in a few lines.
/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(
  env: Env = process.env,
  cwd: string = process.cwd(),
  stdoutIsTerminal: boolean = process.stdout.isTTY === true,
): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const raw = env[name];
    if (raw === undefined) return undefined;
    const trimmed = raw.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return Number(raw);
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}="${raw}" must be true or false`);
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = text('HOST') ?? 'localhost';
  if (!/^[A-Za-z0-9.:\-[\]]+$/.test(host)) {
    problems.push(`HOST="${host}" must be a host name or an IP address`);
  }

  let databaseUrl: string | null = null;
  const rawUrl = text('DATABASE_URL');
  if (rawUrl !== undefined) {
    const parsed = URL.canParse(rawUrl) ? new URL(rawUrl) : null;
    if (parsed === null || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      problems.push(
        'DATABASE_URL must look like postgres://user:password@host:5432/database ' +
          '(leave it unset to use the embedded database)',
      );
    } else if (parsed.pathname.length <= 1) {
      problems.push(
        'DATABASE_URL must name a database, e.g. postgres://postgres@127.0.0.1:5432/sdg',
      );
    } else {
      databaseUrl = rawUrl;
    }
  }

  const logLevelRaw = text('LOG_LEVEL')?.toLowerCase() ?? 'info';
  let logLevel: LogLevel = 'info';
  if (isLogLevel(logLevelRaw)) logLevel = logLevelRaw;
  else problems.push(`LOG_LEVEL="${logLevelRaw}" must be one of ${LOG_LEVELS.join(', ')}`);

  // Pretty in a terminal, JSON lines when piped to a file or a log shipper.
  const logFormatRaw = text('LOG_FORMAT')?.toLowerCase() ?? (stdoutIsTerminal ? 'pretty' : 'json');
  if (logFormatRaw !== 'json' && logFormatRaw !== 'pretty') {
    problems.push(`LOG_FORMAT="${logFormatRaw}" must be json or pretty`);
  }
  const logFormat = logFormatRaw === 'pretty' ? 'pretty' : 'json';

  const trustProxyRaw = text('TRUST_PROXY');
  let trustProxy: boolean | number | string = false;
  if (trustProxyRaw !== undefined) {
    if (/^\d+$/.test(trustProxyRaw)) trustProxy = Number(trustProxyRaw);
    else if (['true', 'false'].includes(trustProxyRaw.toLowerCase()))
      trustProxy = trustProxyRaw.toLowerCase() === 'true';
    else if (/^[0-9a-fA-F.:/, ]+$/.test(trustProxyRaw)) trustProxy = trustProxyRaw;
    else
      problems.push(
        `TRUST_PROXY="${trustProxyRaw}" must be true, false, a number of hops or a list of IP addresses`,
      );
  }

  const cookieSecureRaw = text('COOKIE_SECURE')?.toLowerCase() ?? 'auto';
  let cookieSecure: Config['cookieSecure'] = 'auto';
  if (['auto', 'true', 'false', 'always', 'never'].includes(cookieSecureRaw)) {
    cookieSecure =
      cookieSecureRaw === 'true' || cookieSecureRaw === 'always'
        ? 'always'
        : cookieSecureRaw === 'false' || cookieSecureRaw === 'never'
          ? 'never'
          : 'auto';
  } else {
    problems.push(`COOKIE_SECURE="${cookieSecureRaw}" must be auto, true or false`);
  }
  const demoAccounts = text('DEMO_ACCOUNTS') === undefined ? null : bool('DEMO_ACCOUNTS', false);
  const sessionIdleMinutes = integer('SESSION_IDLE_MINUTES', 30, 1, 1440);
  const sessionMaxHours = integer('SESSION_MAX_HOURS', 12, 1, 720);
  if (sessionIdleMinutes > sessionMaxHours * 60) {
    problems.push(
      `SESSION_IDLE_MINUTES=${sessionIdleMinutes} must not exceed SESSION_MAX_HOURS=${sessionMaxHours} hours`,
    );
  }

  const roles = ['admin', 'coordinator', 'editor', 'viewer'] as const;
  const secondFactorRoles: Array<(typeof roles)[number]> = [];
  for (const part of (text('SECOND_FACTOR_ROLES') ?? '').split(',')) {
    const role = part.trim().toLowerCase();
    if (role === '' || role === 'none') continue;
    if ((roles as readonly string[]).includes(role)) {
      if (!secondFactorRoles.includes(role as (typeof roles)[number]))
        secondFactorRoles.push(role as (typeof roles)[number]);
    } else {
      problems.push(
        `SECOND_FACTOR_ROLES="${text('SECOND_FACTOR_ROLES') ?? ''}" must list roles among ${roles.join(', ')} (comma-separated), e.g. admin,coordinator`,
      );
      break;
    }
  }

  const corsRaw = text('CORS_ORIGINS') ?? '*';
  let corsOrigins: '*' | string[] = '*';
  if (corsRaw !== '*') {
    corsOrigins = [];
    for (const part of corsRaw.split(',')) {
      const origin = part.trim();
      if (origin === '' || origin.toLowerCase() === 'none') continue;
      const parsed = URL.canParse(origin) ? new URL(origin) : null;
      if (
        parsed === null ||
        !['http:', 'https:'].includes(parsed.protocol) ||
        parsed.origin !== origin.replace(/\/$/, '')
      ) {
        problems.push(
          `CORS_ORIGINS="${corsRaw}" must be * or a comma-separated list of origins like https://www.city.eu (scheme, host and port only), or none`,
        );
        break;
      }
      corsOrigins.push(parsed.origin);
    }
  }

  const mail = readMailConfig(text, cwd, problems);

  const config: Config = {
    port,
    host,
    databaseUrl,
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 1000),
    dataDir: path.resolve(cwd, text('DATA_DIR') ?? '.data'),
    logLevel,
    logFormat,
    seedDemo: bool('SEED_DEMO', true),
    clientDir: path.resolve(cwd, text('CLIENT_DIR') ?? 'dist/client'),
    bodyLimit: integer('BODY_LIMIT', 1_048_576, 1024, 1_073_741_824),
    importBodyLimit: integer('IMPORT_BODY_LIMIT', 209_715_200, 1024, 10_737_418_240),
    districtsBodyLimit: integer('DISTRICTS_BODY_LIMIT', 20_971_520, 1024, 209_715_200),
    requestTimeout: integer('REQUEST_TIMEOUT', 300_000, 0, 86_400_000),
    trustProxy,
    sessionIdleMinutes,
    sessionMaxHours,
    cookieSecure,
    demoAccounts,
    secondFactorRoles,
    corsOrigins,
    importIdleSeconds: integer('IMPORT_IDLE_SECONDS', 30, 1, 3600),
    apiTokenRequestsPerMinute: integer('API_TOKEN_REQUESTS_PER_MINUTE', 600, 1, 1_000_000),
    minFreeDiskMb: integer('MIN_FREE_DISK_MB', 64, 0, 10_000_000),
    resultCacheMb: integer('RESULT_CACHE_MB', 256, 1, 1_000_000),
    mail,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** SMTP_URL, MAIL_DIR, MAIL_FROM and PUBLIC_URL: where review notifications are e-mailed from and link to. */
function readMailConfig(
  text: (name: string) => string | undefined,
  cwd: string,
  problems: string[],
): Config['mail'] {
  const smtpUrl = text('SMTP_URL');
  const dir = text('MAIL_DIR');
  const from = text('MAIL_FROM') ?? 'SDG City Monitor <no-reply@localhost>';
  if (!/^[^<>]*<?[^@\s<>]+@[^@\s<>]+>?$/.test(from))
    problems.push(
      `MAIL_FROM="${from}" must be an e-mail address, e.g. SDG City Monitor <sdg@city.eu>`,
    );
  const rawPublic = text('PUBLIC_URL');
  let publicUrl: string | null = null;
  if (rawPublic !== undefined) {
    const parsed = URL.canParse(rawPublic) ? new URL(rawPublic) : null;
    if (parsed === null || !['http:', 'https:'].includes(parsed.protocol))
      problems.push(
        `PUBLIC_URL="${rawPublic}" must be the address people open the app at, e.g. https://sdg.city.eu`,
      );
    else publicUrl = rawPublic.replace(/\/+$/, '');
  }
  if (smtpUrl !== undefined && dir !== undefined) {
    problems.push(
      'Set SMTP_URL or MAIL_DIR, not both (MAIL_DIR writes e-mails to files instead of sending them)',
    );
    return { transport: 'none' };
  }
  if (smtpUrl !== undefined) {
    const parsed = URL.canParse(smtpUrl) ? new URL(smtpUrl) : null;
    if (parsed === null || !['smtp:', 'smtps:'].includes(parsed.protocol)) {
      problems.push(
        'SMTP_URL must look like smtp://user:password@mail.city.eu:587 (or smtps:// for port 465)',
      );
      return { transport: 'none' };
    }
    return { transport: 'smtp', url: smtpUrl, from, publicUrl };
  }
  if (dir !== undefined) return { transport: 'file', dir: path.resolve(cwd, dir), from, publicUrl };
  return { transport: 'none' };
}
