/**
 * Keeps the release search index and body cache caught up in the background (body-store.ts,
 * `catchUpInSlices`) whenever releases or their bodies change — above all while a pull brings in
 * thousands of them — so that the next list or search finds little left to do instead of
 * re-reading every pulled release in one stretch on the core's thread (issue 17).
 */
import type { CoreContext } from '../../rpc/handler-types';
import { catchUpInSlices } from './body-store';

export function startIndexCatchUp(ctx: Pick<CoreContext, 'db' | 'events' | 'logger'>): () => void {
  let stopped = false;
  let running = false;
  let again = false;
  const run = async () => {
    try {
      do {
        again = false;
        await catchUpInSlices(ctx.db, () => stopped);
      } while (again && !stopped);
    } catch (err) {
      // The next read catches up by itself (catchUp); a failure here only costs that read time.
      if (!stopped) ctx.logger.warn('releases.index_catch_up_failed', { message: (err as Error).message });
    } finally {
      running = false;
    }
  };
  const off = ctx.events.on('data.changed', ({ tables }) => {
    if (stopped || !(tables.includes('releases') || tables.includes('release_body_updates'))) return;
    if (running) {
      again = true;
      return;
    }
    // Started after the change's own call has finished, never inside it.
    running = true;
    setImmediate(() => void run());
  });
  return () => {
    stopped = true;
    off();
  };
}
