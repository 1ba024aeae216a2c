import { WartaError } from '../../../../shared/contract/errors';
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

export const agendaHandlers = {
  ...agendaPeopleHandlers,
  ...eventHandlers,
  ...holidayHandlers,
  ...settingsHandlers,
  ...outputHandlers,
};
