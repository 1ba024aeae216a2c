import type { HandlerGroup } from '../../rpc/handler-types';

export const appHandlers: HandlerGroup<'app.info'> = {
  'app.info': (_input, ctx) => ctx.info,
};
