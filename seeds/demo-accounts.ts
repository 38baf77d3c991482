import type { Knex } from 'knex';
import { DEMO_DOMAIN } from '../server/src/auth/demo-accounts';
import { hashPassword } from '../server/src/auth/passwords';

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
  const network = (await knex('networks').where({ slug: networkSlug }).first('id')) as
    { id: number } | undefined;
  if (network === undefined) return 0;
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const exists = await knex('users').whereRaw('lower(email) = ?', [account.email]).first('id');
    if (exists !== undefined) continue;
    const [user] = (await knex('users')
      .insert({
        email: account.email,
        display_name: account.name,
        password_hash: await hashPassword(account.password),
        password_changed_at: knex.fn.now(),
      })
      .returning('id')) as Array<{ id: number }>;
    let cityId: number | null = null;
    if ('city' in account) {
      const city = (await knex('cities').where({ slug: account.city }).first('id')) as
        { id: number } | undefined;
      if (city === undefined) continue;
      cityId = city.id;
    }
    await knex('role_grants').insert({
      user_id: user!.id,
      role: account.role,
      network_id: account.role === 'coordinator' || account.role === 'viewer' ? network.id : null,
      city_id: cityId,
    });
    created++;
  }
  return created;
}
