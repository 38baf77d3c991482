import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing and policy (OWASP ASVS 2.1, 2.4). Hashes are argon2id
 * with OWASP's minimum (19 MiB, 2 passes, 1 lane); the parameters are stored
 * in each hash, so raising them later only affects new hashes.
 */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id (a const enum, which isolated modules cannot read).
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Never throws: a malformed stored hash simply does not match. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified when the email is unknown so that a
 * wrong email takes as long as a wrong password (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`unknown-account-${Math.random()}-${Date.now()}`);
  return dummyHash;
}

let commonPasswords: Promise<ReadonlySet<string>> | undefined;
/** ~49,000 of the most common passwords (zxcvbn-ts, MIT), loaded on first use. */
async function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    (module) => new Set(module.dictionary['passwords-common'] as string[]),
  );
  return commonPasswords;
}

const APP_WORDS = ['sdgcitymonitor', 'sdg-city-monitor', 'citymonitor'];

/**
 * Problems with a new password, in words for the user; empty when it is
 * acceptable. Length counts characters (code points), not bytes; spaces are allowed.
 */
export async function passwordProblems(password: string, email?: string): Promise<string[]> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [`Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`];
  if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
  const lower = password.toLowerCase();
  const common = await loadCommonPasswords();
  // "password2024!!" is as weak as "password": strip digits and symbols at the ends too.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (common.has(lower) || (core.length >= 3 && common.has(core)) || /^(.)\1+$/u.test(lower)) {
    return ['This password is one of the most commonly used ones; choose another.'];
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local !== undefined && local.length >= 4 && lower.includes(local)) {
    return ['The password must not contain your email address.'];
  }
  if (APP_WORDS.some((word) => lower.includes(word))) {
    return ['The password must not contain the name of this application.'];
  }
  return [];
}
