import { hlcMillis } from '../../../../shared/sync/hlc';
import { countLocalChanges } from '../../data/change-log';
import type { HandlerGroup } from '../../rpc/handler-types';

export const syncHandlers: HandlerGroup<'sync.status'> = {
  // Sync itself is the sync issue's work; until it lands this reports plainly that it is not set up.
  'sync.status': (_input, ctx) => {
    const { count, lastHlc } = countLocalChanges(ctx.db);
    return {
      configured: false,
      pendingChanges: count,
      lastChangeAt: lastHlc ? new Date(hlcMillis(lastHlc)).toISOString() : null,
    };
  },
};
