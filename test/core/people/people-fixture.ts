import type { Role } from '../../../shared/contract/permissions';
import type { Core } from '../../../electron/core/create-core';
import type { Account } from '../../../shared/people/account';

export const ADMIN = { name: 'Siti Rahmawati', login: 'siti', password: 'kata-sandi-admin-1' };
export const PASSWORD = 'kata-sandi-rahasia-9';

/** Creates the first-run administrator, then one account per role (all with PASSWORD). */
export async function seedAccounts(core: Core, roles: readonly Role[]): Promise<Record<string, string>> {
  await core.invoke('accounts.setupAdministrator', ADMIN);
  const ids: Record<string, string> = {};
  for (const role of roles) {
    const account = await core.invoke('accounts.save', { name: `Pengguna ${role}`, login: `u-${role.replace('_', '-')}`, roles: [role], password: PASSWORD });
    ids[role] = account.id;
  }
  return ids;
}

/** An account as `accounts.save` takes it back: without the stamps the core sets. */
export function asInput(account: Account): Omit<Account, 'createdAt' | 'updatedAt'> {
  const { createdAt: _c, updatedAt: _u, ...rest } = account;
  return rest;
}
