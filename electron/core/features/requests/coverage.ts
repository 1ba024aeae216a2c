/**
 * Coverage staff for an accepted request (issue 13): the request's agenda item carries the
 * agenda's own coverage assignment (reporter, photographer, videographer), so the desk assigns
 * them from the request and the agenda, the day sheet and Beranda show the same people. Staff
 * already assigned elsewhere at that time are saved with a warning, as in the agenda.
 */
import { WartaError } from '../../../../shared/contract/errors';
import type { StaffDuty } from '../../../../shared/agenda/people';
import type { CoreContext, HandlerGroup } from '../../rpc/handler-types';
import { syncEngineOf } from '../../sync/engine';
import { conflictsFor, withoutMeta, writeEvent } from '../agenda/event-handlers';
import { readEvent } from '../agenda/event-rows';
import { note } from './handlers';
import { readRequest, readRequestRow } from './rows';

/** The person must be an active coverage staff member with this duty (the agenda's form offers only those). */
function staffWithDuty(ctx: CoreContext, id: string | null, duty: StaffDuty, field: string): string | null {
  if (!id) return null;
  const row = ctx.db.prepare('SELECT name, duties, active FROM coverage_staff WHERE id = ? AND deleted_at IS NULL').get(id) as { name: string | null; duties: string | null; active: number | null } | undefined;
  if (!row || row.active === 0) throw new WartaError('not_found', 'Staf peliputan itu tidak ada atau tidak aktif.', { field });
  const duties = (() => {
    try {
      return JSON.parse(row.duties ?? '[]') as string[];
    } catch {
      return [];
    }
  })();
  if (!duties.includes(duty)) throw new WartaError('invalid_input', `${row.name ?? 'Staf itu'} tidak bertugas sebagai ${duty === 'reporter' ? 'reporter' : duty === 'photographer' ? 'fotografer' : 'videografer'}.`, { field });
  return row.name ?? '';
}

export const coverageHandlers: HandlerGroup<'requests.coverage'> = {
  'requests.coverage': (input, ctx, caller) => {
    if (syncEngineOf(ctx).boundOpd) throw new WartaError('forbidden', 'Perangkat kontributor OPD tidak menugaskan staf Humas.', { permission: 'agenda.write' });
    const r = readRequestRow(ctx, input.id);
    if (r.status !== 'accepted' || !r.agenda_event_id || !ctx.db.prepare('SELECT 1 FROM agenda_events WHERE id = ? AND deleted_at IS NULL').get(r.agenda_event_id))
      throw new WartaError('conflict', 'Tim liputan ditugaskan pada permohonan yang sudah diterima dan menjadi agenda.', { status: r.status });
    const names = [
      staffWithDuty(ctx, input.reporterId, 'reporter', 'reporterId'),
      staffWithDuty(ctx, input.photographerId, 'photographer', 'photographerId'),
      staffWithDuty(ctx, input.videographerId, 'videographer', 'videographerId'),
    ].filter((n): n is string => !!n);
    const event = readEvent(ctx, r.agenda_event_id);
    const v = { ...withoutMeta(event), reporterId: input.reporterId, photographerId: input.photographerId, videographerId: input.videographerId };
    const conflicts = conflictsFor(ctx, v, { eventId: event.id, seriesId: event.seriesId, originalStartMs: event.originalStartMs }).filter((c) => c.kind === 'staff');
    ctx.mutator.transaction(() => {
      writeEvent(ctx, v, event.id);
      note(ctx, caller, r, 'assigned', 'accepted', names.length ? `Tim liputan: ${names.join(', ')}` : 'Tim liputan dikosongkan.');
    });
    return { request: readRequest(ctx, r.id), conflicts };
  },
};
