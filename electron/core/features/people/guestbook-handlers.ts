import { WartaError } from '../../../../shared/contract/errors';
import { GUESTBOOK_NOTICE_VERSION, GUESTBOOK_RETENTION_DAYS, type GuestbookEntry } from '../../../../shared/people/guestbook';
import { scrubbed } from '../../db/scrub';
import { runAsMachine } from '../../data/actor-scope';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';

interface Row {
  id: string;
  name: string | null;
  outlet: string | null;
  purpose: string | null;
  time_in: string | null;
  time_out: string | null;
  consent_at: string | null;
  notice_version: string | null;
  deleted_at: string | null;
}

const toEntry = (r: Row): GuestbookEntry => ({
  id: r.id,
  name: r.name ?? '',
  outlet: r.outlet ?? '',
  purpose: r.purpose ?? '',
  timeIn: r.time_in ?? '',
  timeOut: r.time_out,
  consentAt: r.consent_at ?? '',
  noticeVersion: r.notice_version ?? '',
});

function read(ctx: CoreContext, id: string): GuestbookEntry {
  const row = ctx.db.prepare('SELECT * FROM guestbook_entries WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  if (!row) throw new WartaError('not_found', 'Catatan buku tamu tidak ditemukan.', { id });
  return toEntry(row);
}

/**
 * Scrubs a visitor's personal fields and tombstones the entry, in one change marked as an
 * erasure: sync removes the old values from the server's log and every device's copies
 * (shared/rules/tables/people.ts). The times stay for counting visits. Callers run it inside
 * `scrubbed`, so the old values leave the file's free space and the WAL too.
 */
function erase(ctx: CoreContext, id: string): void {
  const at = new Date(ctx.now()).toISOString();
  ctx.mutator.update('guestbook_entries', id, { name: '', outlet: '', purpose: '', erased_at: at, deleted_at: at });
}

/**
 * Keeps the notice's promise: entries older than the retention period are erased, at every
 * start of the core. Returns how many were erased.
 */
export function purgeExpiredGuestbook(ctx: CoreContext): number {
  const cutoff = new Date(ctx.now() - GUESTBOOK_RETENTION_DAYS * 86_400_000).toISOString();
  const old = ctx.db.prepare('SELECT id FROM guestbook_entries WHERE deleted_at IS NULL AND time_in < ?').all(cutoff) as { id: string }[];
  if (old.length === 0) return 0;
  // The machine's own work: the retention rule lets any guest-book device erase expired entries.
  try {
    scrubbed(ctx.db, () =>
      runAsMachine(() =>
        ctx.mutator.transaction(() => {
          for (const { id } of old) erase(ctx, id);
          ctx.audit.record({ userId: null, name: 'Warta' }, { action: 'personal_data.retention_erased', targetType: 'guestbook', details: { entries: old.length, cutoff } });
        }),
      ),
    );
  } catch (err) {
    // A machine whose role keeps no guest book leaves the purge to those that do.
    if (!(err instanceof WartaError && err.code === 'forbidden')) throw err;
    ctx.logger.warn('guestbook.purge_refused', { entries: old.length, message: err.message });
    return 0;
  }
  return old.length;
}

export const guestbookHandlers: HandlerGroup<'guestbook.signIn' | 'guestbook.signOut' | 'guestbook.list' | 'guestbook.erase'> = {
  'guestbook.signIn': (input, ctx) => {
    const at = new Date(ctx.now()).toISOString();
    const id = ctx.mutator.insert('guestbook_entries', {
      name: input.name,
      outlet: input.outlet,
      purpose: input.purpose,
      time_in: at,
      time_out: null,
      consent_at: at,
      notice_version: GUESTBOOK_NOTICE_VERSION,
      device_id: ctx.info.deviceId,
    });
    return read(ctx, id);
  },
  'guestbook.signOut': (input, ctx) => {
    const entry = read(ctx, input.id);
    if (entry.timeOut) return entry;
    ctx.mutator.update('guestbook_entries', input.id, { time_out: new Date(ctx.now()).toISOString() });
    return read(ctx, input.id);
  },
  'guestbook.list': (input, ctx, caller) => {
    const rows = ctx.db
      .prepare(`SELECT * FROM guestbook_entries WHERE deleted_at IS NULL ${input.from ? 'AND time_in >= ?' : ''} ORDER BY time_in DESC LIMIT ?`)
      .all(...(input.from ? [input.from, input.limit] : [input.limit])) as Row[];
    // Visitors' personal data: who looked is on record (UU 27/2022).
    ctx.audit.record(caller, { action: 'personal_data.viewed', targetType: 'guestbook', details: { entries: rows.length } });
    return rows.map(toEntry);
  },
  'guestbook.erase': (input, ctx, caller) => {
    read(ctx, input.id);
    scrubbed(ctx.db, () =>
      ctx.mutator.transaction(() => {
        erase(ctx, input.id);
        ctx.audit.record(caller, { action: 'personal_data.erased', targetType: 'guestbook', targetId: input.id });
      }),
    );
    return { erased: true };
  },
};
