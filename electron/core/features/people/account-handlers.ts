import { WartaError } from '../../../../shared/contract/errors';
import type { Account } from '../../../../shared/people/account';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { createAccountsStore } from './accounts-store';
import { hashPassword } from './password';

function mustGet(ctx: CoreContext, id: string): Account {
  const account = createAccountsStore(ctx.db).get(id);
  if (!account) throw new WartaError('not_found', 'Akun tidak ditemukan.', { id });
  return account;
}

/** An office must keep at least one active administrator, or nobody can manage it any more. */
function assertAdministratorRemains(ctx: CoreContext, changedId: string, next: { roles: string[]; active: boolean }): void {
  if (next.active && next.roles.includes('administrator')) return;
  const others = createAccountsStore(ctx.db)
    .list()
    .filter((a) => a.id !== changedId && a.active && a.roles.includes('administrator'));
  if (others.length === 0) {
    throw new WartaError('conflict', 'Harus ada paling sedikit satu administrator aktif. Jadikan akun lain administrator lebih dulu.', {
      reason: 'last_administrator',
      field: 'roles',
    });
  }
}

export const accountHandlers: HandlerGroup<'accounts.list' | 'accounts.save' | 'accounts.resetPassword'> = {
  'accounts.list': (_input, ctx) => createAccountsStore(ctx.db).list(),
  'accounts.save': async (input, ctx, caller) => {
    const store = createAccountsStore(ctx.db);
    if (store.loginTaken(input.login, input.id)) {
      throw new WartaError('conflict', `Nama pengguna "${input.login}" sudah dipakai akun lain.`, { field: 'login', reason: 'login_taken' });
    }
    const values = {
      name: input.name,
      login: input.login,
      position: input.position,
      unit: input.unit,
      phone: input.phone,
      email: input.email,
      roles: [...new Set(input.roles)],
      active: input.active,
    };
    if (!input.id) {
      if (!input.password) throw new WartaError('invalid_input', 'Akun baru memerlukan kata sandi awal.', { issues: [{ path: 'password', code: 'too_small', minimum: 10, message: 'Wajib diisi' }] });
      const hash = await hashPassword(input.password);
      const id = ctx.mutator.transaction(() => {
        const newId = ctx.mutator.insert('staff_accounts', { ...values, password_hash: hash, password_changed_at: new Date(ctx.now()).toISOString() });
        ctx.audit.record(caller, { action: 'account.create', targetType: 'account', targetId: newId, details: { login: values.login, roles: values.roles } });
        return newId;
      });
      return mustGet(ctx, id);
    }
    const before = mustGet(ctx, input.id);
    assertAdministratorRemains(ctx, input.id, values);
    ctx.mutator.transaction(() => {
      ctx.mutator.update('staff_accounts', input.id as string, values);
      const rolesChanged = JSON.stringify([...before.roles].sort()) !== JSON.stringify([...values.roles].sort());
      if (rolesChanged) {
        ctx.audit.record(caller, { action: 'account.roles_changed', targetType: 'account', targetId: input.id, details: { from: before.roles, to: values.roles } });
      }
      if (before.active !== values.active) {
        ctx.audit.record(caller, { action: values.active ? 'account.activated' : 'account.deactivated', targetType: 'account', targetId: input.id });
      }
    });
    ctx.session.invalidate();
    return mustGet(ctx, input.id);
  },
  'accounts.resetPassword': async (input, ctx, caller) => {
    mustGet(ctx, input.id);
    const hash = await hashPassword(input.password);
    ctx.mutator.transaction(() => {
      ctx.mutator.update('staff_accounts', input.id, { password_hash: hash, password_changed_at: new Date(ctx.now()).toISOString() });
      ctx.audit.record(caller, { action: 'account.password_reset', targetType: 'account', targetId: input.id });
    });
    return mustGet(ctx, input.id);
  },
};
