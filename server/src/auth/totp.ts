import { createHash, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s) as every
 * authenticator app understands them, through otplib; plus recovery codes.
 */

const ISSUER = 'SDG City Monitor';
/** A code one step (30 s) late or early still counts: clocks drift. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: ISSUER, label: account, secret });
}

/**
 * Checks a 6-digit code. Returns the time step it belongs to, so that the
 * caller can refuse a second use of the same code (a replay); null when wrong.
 */
export async function checkTotp(secret: string, code: string): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({ secret, token, epochTolerance: TOLERANCE_SECONDS });
  if (!result.valid) return null;
  return 'timeStep' in result && typeof result.timeStep === 'number'
    ? result.timeStep
    : Math.floor(Date.now() / 30_000);
}

/** The current code of a secret (tests and the demo). */
export function currentTotp(secret: string): Promise<string> {
  return generate({ secret });
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes like "k7m2-x9qp-4hta" (60 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Whether the text has the shape of a recovery code (spaces, dashes and case aside). */
export function looksLikeRecoveryCode(text: string): boolean {
  return /^[a-z0-9]{12}$/.test(normaliseRecoveryCode(text));
}

function normaliseRecoveryCode(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, '');
}

/** What is stored of a recovery code: its SHA-256 (the codes are random, so no slow hash is needed). */
export function recoveryCodeHash(text: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(text), 'utf8').digest('hex');
}
