import { afterEach, describe, expect, it } from 'vitest';
import { callerFor } from '../../electron/core/caller';
import { methods, type MethodName } from '../../shared/contract/methods';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../shared/contract/permissions';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx?.cleanup());

describe('permissions in the core', () => {
  it('every method names a permission from the table', () => {
    for (const name of Object.keys(methods) as MethodName[]) expect(PERMISSIONS, name).toContain(methods[name].permission);
  });

  it('every role lists only known permissions, and the press room cannot write', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    for (const role of ['journalist', 'guest'] as const) {
      expect(ROLE_PERMISSIONS[role]).not.toContain('releases.read');
      expect(ROLE_PERMISSIONS[role]).not.toContain('media.personal');
      expect(ROLE_PERMISSIONS[role]).not.toContain('office.manage');
    }
  });

  it('refuses a call the caller may not make before looking at its input, and keeps serving', async () => {
    fx = openTestCore();
    fx.core.context.currentCaller = () => callerFor('u-1', 'Wartawan Uji', ['journalist']);
    const denied = await fx.core.call('office.save', { nonsense: true });
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden', details: { permission: 'office.manage' } } });
    expect(await fx.core.call('opd.delete', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fx.core.call('office.get', {})).toMatchObject({ ok: true, value: null });
    expect(fx.logger.lines.some((l) => l.event === 'call.forbidden')).toBe(true);
    fx.core.context.currentCaller = () => callerFor('u-2', 'Admin', ['administrator']);
    expect(await fx.core.call('office.save', SAMPLE_PROFILE)).toMatchObject({ ok: true });
  });
});
