import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../shared/contract/methods';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../../shared/contract/permissions';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { seedAccounts } from './people-fixture';

/**
 * Every API method called as every role: allowed exactly when the role's permissions include
 * the method's. Methods added by later features are covered automatically.
 */
let fx: CoreFixture;
let ids: Record<string, string>;
beforeAll(async () => {
  fx = openTestCore();
  ids = await seedAccounts(fx.core, ROLES);
}, 60_000);
afterAll(() => fx.cleanup());

describe('permission matrix', () => {
  for (const role of ROLES) {
    it(`${role}: every method allowed or refused as the table says`, async () => {
      const mismatches: string[] = [];
      for (const method of Object.keys(methods) as MethodName[]) {
        fx.core.context.session.startFor(ids[role] as string); // a method may sign out or lock: start again each time
        const result = await fx.core.call(method, {});
        const refused = !result.ok && result.error.code === 'forbidden' && result.error.details?.permission !== undefined;
        const allowed = (ROLE_PERMISSIONS[role as Role] as readonly string[]).includes(methods[method].permission);
        if (allowed === refused) mismatches.push(`${method}: ${allowed ? 'refused but allowed' : 'allowed but refused'}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('nobody signed in may only reach sign-in and the letterhead', async () => {
    fx.core.context.session.signOut();
    const open = [];
    for (const method of Object.keys(methods) as MethodName[]) {
      fx.core.context.session.signOut();
      const result = await fx.core.call(method, {});
      if (!(!result.ok && result.error.code === 'forbidden')) open.push(method);
    }
    for (const method of open) expect(['app.use', 'office.read'], method).toContain(methods[method as MethodName].permission);
  });
});
