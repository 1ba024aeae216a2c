import { EVENT_KINDS, EVENT_STATUSES, LEADER_ROLES } from '../../agenda/event';
import { HOLIDAY_KINDS } from '../../agenda/holidays';
import { STAFF_DUTIES } from '../../agenda/people';
import { isKnownZone } from '../../agenda/zones';
import { arrayOf, intAtLeast, isoDate, isoDateOrEmpty, oneOf } from '../domains';
import type { Domain, TableRules } from '../types';

const zone: Domain = (v) => (typeof v === 'string' && isKnownZone(v) ? null : { id: 'zona waktu tidak dikenal', en: 'unknown time zone' });

/**
 * The leaders' agenda: protocol staff (agenda.write) write it. The public parts (officials,
 * holidays) reach press-room devices; events reach them only through the public feed.
 */
export const agendaRules = {
  officials: { write: 'agenda.write', fields: { precedence_rank: { domain: intAtLeast(0) } }, read: { permission: 'agenda.read.public' } },
  coverage_staff: { write: 'agenda.write', fields: { duties: { domain: arrayOf(STAFF_DUTIES) } }, read: { permission: 'agenda.read' } },
  agenda_events: {
    write: 'agenda.write',
    fields: {
      kind: { domain: oneOf(EVENT_KINDS) },
      status: { domain: oneOf(EVENT_STATUSES) },
      leader_role: { domain: oneOf(LEADER_ROLES) },
      zone: { domain: zone },
      invitation_date: { domain: isoDateOrEmpty },
    },
    read: { permission: 'agenda.read' },
  },
  agenda_holidays: {
    write: 'agenda.write',
    fields: { date: { domain: isoDate }, kind: { domain: oneOf(HOLIDAY_KINDS) } },
    read: { permission: 'agenda.read.public' },
  },
  agenda_settings: {
    write: 'agenda.write',
    fields: { travel_minutes: { domain: intAtLeast(0) }, open_end_minutes: { domain: intAtLeast(0) } },
    read: { permission: 'agenda.read' },
  },
} as const satisfies Record<string, TableRules>;
