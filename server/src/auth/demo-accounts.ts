/**
 * Demo accounts (seeds/demo-accounts.ts) use the reserved .example domain
 * (RFC 2606): no real address has it, so the server can recognise them and
 * refuse them where demo accounts are not allowed.
 */
export const DEMO_DOMAIN = 'demo.example';

export function isDemoAccount(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${DEMO_DOMAIN}`);
}
