import type { HandlerGroup } from '../../rpc/handler-types';

export const prefsHandlers: HandlerGroup<'prefs.get' | 'prefs.set'> = {
  'prefs.get': (_input, ctx) => ctx.prefs.get(),
  'prefs.set': (input, ctx) => {
    const next = { ...ctx.prefs.get(), ...input };
    ctx.prefs.set(next);
    return next;
  },
};
