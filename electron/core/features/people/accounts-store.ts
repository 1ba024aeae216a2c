import type { Account } from '../../../../shared/people/account';
import type { Role } from '../../../../shared/contract/permissions';
import type { Db } from '../../db/open-database';

interface AccountRow {
  id: string;
  name: string | null;
  login: string | null;
  position: string | null;
  unit: string | null;
  phone: string | null;
  email: string | null;
  roles: string | null;
  active: number | null;
  password_hash: string | null;
  created_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

export function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    name: r.name ?? '',
    login: r.login ?? '',
    position: r.position ?? '',
    unit: r.unit ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    roles: r.roles ? (JSON.parse(r.roles) as Role[]) : [],
    active: r.active === 1,
    createdAt: r.created_at ?? r.updated_at,
    updatedAt: r.updated_at,
  };
}

/** Reads accounts; the password hash is only ever read by `findForSignIn`. */
export function createAccountsStore(db: Db) {
  const byId = db.prepare('SELECT * FROM staff_accounts WHERE id = ? AND deleted_at IS NULL');
  const byLogin = db.prepare('SELECT * FROM staff_accounts WHERE login = ? AND deleted_at IS NULL ORDER BY created_at, id');
  const all = db.prepare('SELECT * FROM staff_accounts WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id');
  const count = db.prepare('SELECT count(*) AS n FROM staff_accounts WHERE deleted_at IS NULL');
  return {
    any: () => (count.get() as { n: number }).n > 0,
    get: (id: string) => {
      const row = byId.get(id) as AccountRow | undefined;
      return row ? toAccount(row) : null;
    },
    /** All live accounts with this login: two machines may each have created one while offline. */
    findForSignIn: (login: string) => (byLogin.all(login) as AccountRow[]).map((r) => ({ account: toAccount(r), hash: r.password_hash })),
    list: () => (all.all() as AccountRow[]).map(toAccount),
    loginTaken: (login: string, exceptId?: string) => (byLogin.all(login) as AccountRow[]).some((r) => r.id !== exceptId),
  };
}

export type AccountsStore = ReturnType<typeof createAccountsStore>;
