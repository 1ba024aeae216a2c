import type { AgendaSettings } from '../contract/methods/agenda';

/**
 * The agenda settings row has a fixed id: two machines that each set the agenda settings merge
 * into one row. The core reads it from its database, the server's public feed from its log.
 */
export const AGENDA_SETTINGS_ID = '00000000-0000-7000-8000-000000000005';
export const DEFAULT_AGENDA_SETTINGS: AgendaSettings = { travelMinutes: 30, openEndMinutes: 120 };
