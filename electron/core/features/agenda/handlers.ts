import { WartaError } from '../../../../shared/contract/errors';
import { INVITATION_MAX_BYTES } from '../../../../shared/contract/methods/agenda';
import { readEvent } from './event-rows';
import type { HandlerGroup } from '../../rpc/handler-types';
import { eventHandlers } from './event-handlers';
import { holidayHandlers } from './holidays';
import { outputHandlers } from './output-handlers';
import { agendaPeopleHandlers } from './people-handlers';
import { AGENDA_SETTINGS_ID, readAgendaSettings } from './settings';

const settingsHandlers: HandlerGroup<'agenda.settings.get' | 'agenda.settings.save'> = {
  'agenda.settings.get': (_input, ctx) => readAgendaSettings(ctx.db),
  'agenda.settings.save': (input, ctx) => {
    ctx.mutator.write('agenda_settings', AGENDA_SETTINGS_ID, { travel_minutes: input.travelMinutes, open_end_minutes: input.openEndMinutes });
    const saved = readAgendaSettings(ctx.db);
    if (saved.travelMinutes !== input.travelMinutes) throw new WartaError('internal', 'Pengaturan agenda tidak terbaca setelah disimpan.');
    return saved;
  },
};

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.length > 8 && b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG',
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

const invitationHandlers: HandlerGroup<'agenda.invitation.put' | 'agenda.invitation.get'> = {
  'agenda.invitation.put': (input, ctx) => {
    const data = Buffer.from(input.base64, 'base64');
    if (data.length > INVITATION_MAX_BYTES) throw new WartaError('payload_too_large', 'Berkas surat undangan lebih dari 10 MB.');
    if (!MAGIC[input.mime]?.(data)) throw new WartaError('unsupported_file', 'Isi berkas tidak sesuai jenisnya (harus PDF, PNG atau JPEG).');
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
