import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';
import { ADMIN, asInput, PASSWORD, seedAccounts } from './people-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

describe('accounts and sign-in', () => {
  it('first run creates the administrator once and signs them in; the machine user is admin before that', async () => {
    fx = openTestCore();
    expect(await fx.core.invoke('session.get')).toMatchObject({ accountsExist: false, user: null, permissions: expect.arrayContaining(['people.manage']) });
    const session = await fx.core.invoke('accounts.setupAdministrator', ADMIN);
    expect(session).toMatchObject({ accountsExist: true, user: { login: 'siti', roles: ['administrator'] } });
    expect(await fx.core.call('accounts.setupAdministrator', { ...ADMIN, login: 'lain' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('never returns or logs a password or its hash', async () => {
    fx = openTestCore();
    await seedAccounts(fx.core, ['writer']);
    const list = await fx.core.invoke('accounts.list');
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password|kata-sandi/);
    await fx.core.call('session.signIn', { login: 'u-writer', password: 'salah-sekali-123' });
    expect(JSON.stringify(fx.logger.lines)).not.toMatch(/salah-sekali|kata-sandi/);
    const stored = fx.core.context.db.prepare("SELECT password_hash FROM staff_accounts WHERE login = 'u-writer'").get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(stored.password_hash).not.toContain(PASSWORD);
  });

  it('slows down repeated wrong passwords, logs them, and keeps the delay across a restart', async () => {
    const clock = fakeClock();
    fx = openTestCore({ clock: clock.now });
    await seedAccounts(fx.core, ['editor']);
    for (let i = 0; i < 3; i++) {
      expect(await fx.core.call('session.signIn', { login: 'u-editor', password: 'tebakan-salah-1' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // The fourth try within the delay is not even checked.
    expect(await fx.core.call('session.signIn', { login: 'u-editor', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'too_many_attempts', details: { waitSeconds: 2 } },
    });
    const failures = fx.core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sign_in.failed'").get() as { n: number };
    expect(failures.n).toBe(3);

    fx.core.close();
    const again = openTestCore({ clock: clock.now }, fx.dir);
    fx = again;
    expect(await fx.core.call('session.signIn', { login: 'u-editor', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    clock.advance(2_100);
    expect(await fx.core.call('session.signIn', { login: 'u-editor', password: PASSWORD })).toMatchObject({ ok: true, value: { user: { login: 'u-editor' } } });
  }, 30_000);

  it('refuses a deactivated account and ends its running session', async () => {
    fx = openTestCore();
    const ids = await seedAccounts(fx.core, ['writer']);
    const writer = (await fx.core.invoke('accounts.list')).find((a) => a.id === ids.writer)!;
    fx.core.context.session.startFor(writer.id);
    expect((await fx.core.invoke('session.get')).user?.login).toBe('u-writer');
    fx.core.context.session.signOut();
    await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    await fx.core.invoke('accounts.save', { ...asInput(writer), active: false });
    expect(await fx.core.call('session.signIn', { login: 'u-writer', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps at least one active administrator and rejects a taken login', async () => {
    fx = openTestCore();
    await seedAccounts(fx.core, []);
    const [admin] = await fx.core.invoke('accounts.list');
    expect(await fx.core.call('accounts.save', { ...asInput(admin!), roles: ['editor'] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fx.core.call('accounts.save', { ...asInput(admin!), active: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fx.core.call('accounts.save', { name: 'Kembar', login: 'SITI', roles: ['writer'], password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('siti') },
    });
  });

  it('stores script-like and SQL-like names as plain text and refuses overlong ones', async () => {
    fx = openTestCore();
    await seedAccounts(fx.core, []);
    const name = `Robert'); DROP TABLE staff_accounts;-- <script>alert(1)</script>`;
    const saved = await fx.core.invoke('accounts.save', { name, login: 'bobby', roles: ['guest'], password: PASSWORD });
    expect(saved.name).toBe(name);
    expect(await fx.core.call('accounts.save', { name: 'N'.repeat(121), login: 'panjang', roles: ['guest'], password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { issues: [expect.objectContaining({ path: 'name', maximum: 120 })] } },
    });
  });
});

describe('idle lock and the press room', () => {
  it('locks an idle session in the core: the next call is refused and the lock names the user', async () => {
    const clock = fakeClock();
    fx = openTestCore({ clock: clock.now });
    await seedAccounts(fx.core, []);
    await fx.core.invoke('machine.setSettings', { pressRoom: false, idleLockMinutes: 5 });
    await fx.core.invoke('session.activity');
    clock.advance(4 * 60_000);
    expect(await fx.core.call('accounts.list', {})).toMatchObject({ ok: true }); // reading is not activity …
    clock.advance(2 * 60_000); // … so six minutes after the last activity the session is locked
    expect(await fx.core.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fx.core.invoke('session.get')).toMatchObject({ user: null, lockedUser: { login: 'siti' } });
    expect(await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password })).toMatchObject({ user: { login: 'siti' }, lockedUser: null });
  });

  it('in press-room mode, nobody signed in is the journalist kiosk; leaving needs a staff sign-in', async () => {
    fx = openTestCore();
    await seedAccounts(fx.core, ['writer']);
    expect(await fx.core.invoke('machine.setSettings', { pressRoom: true, idleLockMinutes: 10 })).toEqual({ pressRoom: true, idleLockMinutes: 10 });
    await fx.core.invoke('session.signOut');
    const kiosk = await fx.core.invoke('session.get');
    expect(kiosk).toMatchObject({ user: null, pressRoom: true });
    expect(kiosk.permissions).toContain('pressroom.guestbook');
    expect(kiosk.permissions).not.toContain('releases.read');
    const entry = await fx.core.invoke('guestbook.signIn', { name: 'Andi Wartawan', outlet: 'Warta Sukamaju', purpose: 'Liputan jumpa pers', consent: true });
    expect(entry).toMatchObject({ name: 'Andi Wartawan', timeOut: null, noticeVersion: expect.any(String) });
    expect((await fx.core.invoke('guestbook.signOut', { id: entry.id })).timeOut).not.toBeNull();
    expect(await fx.core.call('guestbook.signIn', { name: 'Tanpa Setuju', consent: false })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await fx.core.call('guestbook.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fx.core.call('machine.setSettings', { pressRoom: false, idleLockMinutes: 10 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    expect(await fx.core.invoke('machine.setSettings', { pressRoom: false, idleLockMinutes: 30 })).toEqual({ pressRoom: false, idleLockMinutes: 30 });
    const audited = fx.core.context.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'machine.settings_changed'").get() as { n: number };
    expect(audited.n).toBe(2);
  });

  it('an administrator changing roles takes effect at the next call', async () => {
    fx = openTestCore();
    const ids = await seedAccounts(fx.core, ['writer']);
    const writer = (await fx.core.invoke('accounts.list')).find((a) => a.id === ids.writer)!;
    await fx.core.invoke('accounts.save', { ...asInput(writer), roles: ['guest'] });
    fx.core.context.session.startFor(writer.id);
    expect((await fx.core.invoke('session.get')).permissions).not.toContain('releases.write');
    const log = fx.core.context.db.prepare("SELECT details FROM audit_log WHERE action = 'account.roles_changed'").get() as { details: string };
    expect(JSON.parse(log.details)).toEqual({ from: ['writer'], to: ['guest'] });
  });
});

describe('guest book personal data', () => {
  it('erases an entry on request and entries older than a year at start, recording both', async () => {
    const clock = fakeClock();
    fx = openTestCore({ clock: clock.now });
    await seedAccounts(fx.core, []);
    const old = await fx.core.invoke('guestbook.signIn', { name: 'Tamu Lama', outlet: 'Media Lama', purpose: 'liputan', consent: true });
    clock.advance(200 * 86_400_000);
    // 200 days later the idle lock has closed the session, as it should: sign in again.
    await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    const asked = await fx.core.invoke('guestbook.signIn', { name: 'Minta Dihapus', outlet: 'Media B', purpose: 'liputan', consent: true });
    const keep = await fx.core.invoke('guestbook.signIn', { name: 'Tamu Baru', outlet: 'Media C', purpose: 'liputan', consent: true });
    await fx.core.invoke('guestbook.erase', { id: asked.id });
    expect((await fx.core.invoke('guestbook.list', {})).map((e) => e.name).sort()).toEqual(['Tamu Baru', 'Tamu Lama']);
    const scrubbed = fx.core.context.db.prepare('SELECT name, deleted_at FROM guestbook_entries WHERE id = ?').get(asked.id) as { name: string; deleted_at: string };
    expect(scrubbed).toMatchObject({ name: '', deleted_at: expect.any(String) });

    clock.advance(200 * 86_400_000); // the first entry is now 400 days old
    fx.core.close();
    fx = openTestCore({ clock: clock.now }, fx.dir);
    await fx.core.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
    expect((await fx.core.invoke('guestbook.list', {})).map((e) => e.id)).toEqual([keep.id]);
    const row = fx.core.context.db.prepare('SELECT name FROM guestbook_entries WHERE id = ?').get(old.id) as { name: string };
    expect(row.name).toBe('');
    const actions = (fx.core.context.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'personal_data.%'").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['personal_data.erased', 'personal_data.retention_erased']));
  }, 30_000);

  it('tells on the first failure that starts a wait how long it is', async () => {
    fx = openTestCore();
    await seedAccounts(fx.core, []);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await fx.core.call('session.signIn', { login: ADMIN.login, password: 'bukan-kata-sandinya' }));
    expect(results[1]).toMatchObject({ ok: false, error: { details: { failures: 2 } } });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'unauthorized', details: { failures: 3, waitSeconds: 2 } } });
  }, 30_000);
});
