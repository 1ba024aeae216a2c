import type { HandlerGroup } from '../../rpc/handler-types';

export const machineHandlers: HandlerGroup<'machine.getSettings' | 'machine.setSettings'> = {
  'machine.getSettings': (_input, ctx) => ctx.session.machine.read(),
  'machine.setSettings': (input, ctx, caller) => {
    const store = ctx.session.machine;
    const before = store.read();
    store.write(input);
    if (before.pressRoom !== input.pressRoom || before.idleLockMinutes !== input.idleLockMinutes) {
      ctx.audit.record(caller, { action: 'machine.settings_changed', details: { from: before, to: input } });
      ctx.events.emit('session.changed', { reason: 'machine_settings' });
    }
    return store.read();
  },
};
