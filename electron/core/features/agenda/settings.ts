import type { AgendaSettings } from '../../../../shared/contract/methods/agenda';
import { AGENDA_SETTINGS_ID, DEFAULT_AGENDA_SETTINGS } from '../../../../shared/agenda/settings';
import { isZoneLabel } from '../../../../shared/agenda/zones';
import type { ZoneLabel } from '../../../../shared/office/time-zones';
import type { Db } from '../../db/open-database';
import { readOfficeProfile } from '../office/handlers';

export function readAgendaSettings(db: Db): AgendaSettings {
  const row = db.prepare('SELECT travel_minutes, open_end_minutes FROM agenda_settings WHERE id = ?').get(AGENDA_SETTINGS_ID) as
    | { travel_minutes: number | null; open_end_minutes: number | null }
    | undefined;
  return {
    travelMinutes: row?.travel_minutes ?? DEFAULT_AGENDA_SETTINGS.travelMinutes,
    openEndMinutes: row?.open_end_minutes ?? DEFAULT_AGENDA_SETTINGS.openEndMinutes,
  };
}

/** The office's zone (WIB until the profile is set). */
export function officeZone(ctx: Parameters<typeof readOfficeProfile>[0]): ZoneLabel {
  const z = readOfficeProfile(ctx)?.timeZone;
  return z && isZoneLabel(z) ? z : 'WIB';
}
