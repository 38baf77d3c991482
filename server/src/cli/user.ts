import { Principal } from '../auth/principal';
import { ConfigError, loadConfig } from '../config';
import { migrateLatest } from '../db/migrate';
import { describeDatabase, openConfiguredDatabase } from '../db/open';
import { AppError } from '../errors';
import type { Role } from '../repositories/auth.repository';
import { UnitOfWork } from '../repositories/unit-of-work';
import { UsersService } from '../services/users.service';

const USAGE = `Usage: npm run user:create -- --email <address> --role <admin|coordinator|editor|viewer>
                                [--network <slug>] [--city <slug>] [--name "<display name>"] [--password-stdin]

Creates an account (the very first administrator, typically) or grants a role to an existing one.
Without --password-stdin it prints an invitation link, valid for 7 days, where the user chooses a
password. With --password-stdin the password is read from standard input (never from the command
line, where shell history would keep it):  printf '%s' "$PASSWORD" | npm run user:create -- ...`;

function parseArgs(argv: readonly string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new AppError('bad_request', `Unexpected argument "${arg}".`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'password-stdin' || name === 'help') args.set(name, true);
    else if (inline !== undefined) args.set(name, inline);
    else {
      const value = argv[++i];
      if (value === undefined) throw new AppError('bad_request', `--${name} needs a value.`);
      args.set(name, value);
    }
  }
  return args;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  let args: Map<string, string | true>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const email = args.get('email');
  const role = args.get('role');
  if (args.has('help') || typeof email !== 'string' || typeof role !== 'string') {
    process.stderr.write(`${USAGE}\n`);
    return args.has('help') ? 0 : 2;
  }
  if (!['admin', 'coordinator', 'editor', 'viewer'].includes(role)) {
    process.stderr.write(`--role must be admin, coordinator, editor or viewer, not "${role}".\n`);
    return 2;
  }
  const config = loadConfig();
  const password = args.has('password-stdin') ? await readStdin() : undefined;
  const db = await openConfiguredDatabase(config);
  try {
    out(`Database: ${describeDatabase(config)}`);
    await migrateLatest(db.knex);
    const uow = new UnitOfWork(db);
    const users = new UsersService(uow);
    const existing = await uow.repos.auth.findUserByEmail(email);
    let userId: number;
    if (existing === undefined) {
      const name = args.get('name');
      const created = await users.create(Principal.system, {
        email,
        displayName: typeof name === 'string' ? name : undefined,
        password,
      });
      userId = created.user.id;
      out(`Created the account ${created.user.email}.`);
      if (created.invitation !== null) {
        const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
        out(
          `Invitation link (valid until ${created.invitation.expiresAt}); open it to choose a password:\n  ${base}${created.invitation.path}`,
        );
      }
    } else {
      userId = existing.id;
      out(`${existing.email} exists already; granting the role.`);
    }
    const network = args.get('network');
    const city = args.get('city');
    const { grant, created } = await users.grant(Principal.system, userId, {
      role: role as Role,
      network: typeof network === 'string' ? network : undefined,
      city: typeof city === 'string' ? city : undefined,
    });
    const scope = grant.network?.name ?? grant.city?.name ?? 'the whole installation';
    out(`${created ? 'Granted' : 'Already had'}: ${grant.role} of ${scope}.`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof AppError) process.stderr.write(`${err.message}\n`);
    else
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
