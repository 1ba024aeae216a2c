import type { HandlerGroup } from '../../rpc/handler-types';
import { createMachineSettings } from './machine-settings';

export const machineHandlers: HandlerGroup<'machine.getSettings' | 'machine.setSettings'> = {
  'machine.getSettings': (_input, ctx) => createMachineSettings(ctx.db).read(),
  'machine.setSettings': (input, ctx, caller) => {
    const store = createMachineSettings(ctx.db);
    const before = store.read();
    store.write(input);
    if (before.pressRoom !== input.pressRoom || before.idleLockMinutes !== input.idleLockMinutes) {
      ctx.audit.record(caller, { action: 'machine.settings_changed', details: { from: before, to: input } });
      ctx.events.emit('session.changed', { reason: 'machine_settings' });
    }
    return store.read();
  },
};
