import type { Knex } from 'knex';
import { DEMO_DOMAIN } from '../server/src/auth/demo-accounts';
import { hashPassword } from '../server/src/auth/passwords';
import { BulkLoadRepository } from '../server/src/repositories/bulk-load.repository';

/**
 * Demo accounts with published passwords (README, "Accounts and demo
 * accounts"). They are created only on the embedded database with the demo
 * network, or when DEMO_ACCOUNTS=true, and can only sign in there.
 */
export const DEMO_ACCOUNTS = [
  {
    email: `admin@${DEMO_DOMAIN}`,
    name: 'Demo administrator',
    password: 'demo admin passphrase',
    role: 'admin',
  },
  {
    email: `coordinator@${DEMO_DOMAIN}`,
    name: 'Demo network coordinator',
    password: 'demo coordinator passphrase',
    role: 'coordinator',
  },
  {
    email: `kosice@${DEMO_DOMAIN}`,
    name: 'Košice sustainability officer',
    password: 'demo kosice passphrase',
    role: 'editor',
    city: 'kosice',
  },
  {
    email: `valencia@${DEMO_DOMAIN}`,
    name: 'València sustainability officer',
    password: 'demo valencia passphrase',
    role: 'editor',
    city: 'valencia',
  },
  {
    email: `viewer@${DEMO_DOMAIN}`,
    name: 'Demo viewer',
    password: 'demo viewer passphrase',
    role: 'viewer',
  },
] as const;

/** Creates the demo accounts (skipping existing ones); coordinator and viewer roles are for `networkSlug`. */
export async function seedDemoAccounts(knex: Knex, networkSlug: string): Promise<number> {
  const bulk = new BulkLoadRepository(knex);
  const networkId = await bulk.networkId(networkSlug);
  if (networkId === undefined) return 0;
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if ((await bulk.userId(account.email)) !== undefined) continue;
    const cityId = 'city' in account ? await bulk.cityId(account.city) : null;
    if (cityId === undefined) continue;
    const userId = await bulk.insertUser({
      email: account.email,
      displayName: account.name,
      passwordHash: await hashPassword(account.password),
    });
    await bulk.grant(userId, account.role, {
      networkId: account.role === 'coordinator' || account.role === 'viewer' ? networkId : null,
      cityId,
    });
    created++;
  }
  return created;
}
