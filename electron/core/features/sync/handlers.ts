import type { HandlerGroup } from '../../rpc/handler-types';

export const syncHandlers: HandlerGroup<'sync.status'> = {
  // Sync itself is the sync issue's work; until it lands this reports plainly that it is not set up.
  'sync.status': (_input, ctx) => {
    const row = ctx.db.prepare("SELECT count(*) AS n, max(hlc) AS last FROM change_log WHERE origin = 'local'").get() as {
      n: number;
      last: string | null;
    };
    return {
      configured: false,
      pendingChanges: row.n,
      lastChangeAt: row.last ? new Date(Number(row.last.slice(0, 15))).toISOString() : null,
    };
  },
};
