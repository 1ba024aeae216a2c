import type { HandlerGroup } from '../../rpc/handler-types';

export const encryptionHandlers: HandlerGroup<'workspace.getEncryption' | 'workspace.setEncryption'> = {
  'workspace.getEncryption': (_input, ctx) => ctx.encryption.state(),
  'workspace.setEncryption': (input, ctx, caller) => {
    if (input.enabled) ctx.encryption.enable(input.passphrase);
    else ctx.encryption.disable();
    ctx.audit.record(caller, { action: input.enabled ? 'workspace.encryption_on' : 'workspace.encryption_off', details: { kind: ctx.encryption.state().kind } });
    return ctx.encryption.state();
  },
};
