import type { ReleaseStatus } from '../../../../shared/releases/model';
import { WartaError } from '../../../../shared/contract/errors';
import { looksLike } from '../attachments/file-sniff';
import { INVITATION_MAX_BYTES } from '../../../../shared/contract/methods/agenda';
import { readEvent } from './event-rows';
import type { HandlerGroup } from '../../rpc/handler-types';
import { eventHandlers } from './event-handlers';
import { holidayHandlers } from './holidays';
import { outputHandlers } from './output-handlers';
import { agendaPeopleHandlers } from './people-handlers';
import { AGENDA_SETTINGS_ID } from '../../../../shared/agenda/settings';
import { readAgendaSettings } from './settings';

const settingsHandlers: HandlerGroup<'agenda.settings.get' | 'agenda.settings.save'> = {
  'agenda.settings.get': (_input, ctx) => readAgendaSettings(ctx.db),
  'agenda.settings.save': (input, ctx) => {
    ctx.mutator.write('agenda_settings', AGENDA_SETTINGS_ID, { travel_minutes: input.travelMinutes, open_end_minutes: input.openEndMinutes });
    const saved = readAgendaSettings(ctx.db);
    if (saved.travelMinutes !== input.travelMinutes) throw new WartaError('internal', 'Pengaturan agenda tidak terbaca setelah disimpan.');
    return saved;
  },
};


const invitationHandlers: HandlerGroup<'agenda.invitation.put' | 'agenda.invitation.get' | 'agenda.events.releases'> = {
  /**
   * Releases link to their event (releases.event_id, written by the releases feature). Read here
   * so the event shows its releases and the time-to-release clock against the office's target.
   */
  'agenda.events.releases': (input, ctx) => {
    const e = readEvent(ctx, input.eventId);
    const rows = ctx.db
      .prepare('SELECT id, title, status, published_at, event_end_at FROM releases WHERE event_id = ? AND deleted_at IS NULL ORDER BY created_at')
      .all(e.id) as { id: string; title: string | null; status: string | null; published_at: string | null; event_end_at: string | null }[];
    const target = ctx.db.prepare('SELECT target_minutes FROM release_settings WHERE deleted_at IS NULL LIMIT 1').get() as { target_minutes: number | null } | undefined;
    const eventEnd = e.endMs ?? e.startMs;
    return rows.map((r) => {
      const end = r.event_end_at ? Date.parse(r.event_end_at) : eventEnd;
      const until = r.published_at ? Date.parse(r.published_at) : ctx.now();
      return {
        id: r.id,
        title: r.title ?? '',
        status: (r.status ?? 'draft') as ReleaseStatus,
        publishedAt: r.published_at,
        minutes: until >= end ? Math.round((until - end) / 60_000) : null,
        targetMinutes: target?.target_minutes ?? 60,
      };
    });
  },
  'agenda.invitation.put': (input, ctx) => {
    const data = Buffer.from(input.base64, 'base64');
    if (data.length > INVITATION_MAX_BYTES) throw new WartaError('payload_too_large', 'Berkas surat undangan lebih dari 10 MB.');
    if (!looksLike(input.mime, data)) throw new WartaError('unsupported_file', 'Isi berkas tidak sesuai jenisnya (harus PDF, PNG atau JPEG).');
    return ctx.blobs.put(data);
  },
  'agenda.invitation.get': (input, ctx) => {
    const e = readEvent(ctx, input.eventId);
    if (!e.invitationFileHash || !ctx.blobs.has(e.invitationFileHash)) throw new WartaError('not_found', 'Kegiatan ini tidak memiliki berkas surat undangan.');
    return { fileName: e.invitationFileName || 'surat-undangan', mime: e.invitationFileMime || 'application/octet-stream', base64: ctx.blobs.get(e.invitationFileHash).toString('base64') };
  },
};

export const agendaHandlers = {
  ...invitationHandlers,
  ...agendaPeopleHandlers,
  ...eventHandlers,
  ...holidayHandlers,
  ...settingsHandlers,
  ...outputHandlers,
};
