import { WartaError } from '../../../../shared/contract/errors';
import type { HandlerGroup } from '../../rpc/handler-types';
import { hashPassword, verifyPassword } from './password';

export const sessionHandlers: HandlerGroup<
  'session.get' | 'session.signIn' | 'session.signOut' | 'session.lock' | 'session.activity' | 'session.changePassword' | 'accounts.setupAdministrator'
> = {
  'session.get': (_input, ctx) => ctx.session.info(),
  'session.signIn': async (input, ctx) => {
    await ctx.session.signIn(input.login, input.password);
    ctx.events.emit('session.changed', { reason: 'sign_in' });
    return ctx.session.info();
  },
  'session.signOut': (_input, ctx) => {
    ctx.session.signOut();
    ctx.events.emit('session.changed', { reason: 'sign_out' });
    return ctx.session.info();
  },
  'session.lock': (input, ctx) => {
    ctx.session.lock(input.reason);
    ctx.events.emit('session.changed', { reason: 'lock' });
    return ctx.session.info();
  },
  'session.activity': () => null,
  'session.changePassword': async (input, ctx, caller) => {
    if (!caller.userId) throw new WartaError('unauthorized', 'Masuk dulu untuk mengganti kata sandi.');
    const login = ctx.db.prepare('SELECT login, password_hash FROM staff_accounts WHERE id = ?').get(caller.userId) as
      | { login: string; password_hash: string | null }
      | undefined;
    if (!login || !(await verifyPassword(input.current, login.password_hash))) {
      throw new WartaError('unauthorized', 'Kata sandi sekarang salah.', { field: 'current' });
    }
    const hash = await hashPassword(input.next);
    ctx.mutator.transaction(() => {
      ctx.mutator.update('staff_accounts', caller.userId as string, { password_hash: hash, password_changed_at: new Date(ctx.now()).toISOString() });
      ctx.audit.record(caller, { action: 'account.password_changed', targetType: 'account', targetId: caller.userId as string });
    });
    return ctx.session.info();
  },
  'accounts.setupAdministrator': async (input, ctx) => {
    if (ctx.db.prepare('SELECT 1 FROM staff_accounts WHERE deleted_at IS NULL LIMIT 1').get()) {
      throw new WartaError('conflict', 'Administrator sudah dibuat; masuk dengan akunnya.');
    }
    const hash = await hashPassword(input.password);
    const id = ctx.mutator.transaction(() => {
      const newId = ctx.mutator.insert('staff_accounts', {
        name: input.name,
        login: input.login,
        position: '',
        unit: '',
        phone: '',
        email: '',
        roles: ['administrator'],
        active: true,
        password_hash: hash,
        password_changed_at: new Date(ctx.now()).toISOString(),
      });
      ctx.audit.record({ userId: newId, name: input.name }, { action: 'account.create', targetType: 'account', targetId: newId, details: { roles: ['administrator'], firstRun: true } });
      return newId;
    });
    ctx.session.startFor(id);
    ctx.events.emit('session.changed', { reason: 'sign_in' });
    return ctx.session.info();
  },
};
