/**
 * The protocol day sheet (agenda harian/mingguan pimpinan): the model shared by the PDF, the
 * DOCX and the WhatsApp text, so the three never disagree.
 */
import { formatLongDate } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';
import { ROLE_LABEL_ID, STATUS_LABEL_ID, type CalendarItem, type SheetItem } from './event';
import { dateKey, isZoneLabel, wallTimeOf } from './zones';

export interface DaySheetRow {
  no: number;
  time: string;
  title: string;
  place: string;
  dressCode: string;
  role: string;
  companions: string;
  notes: string;
}

export interface DaySheetDay {
  dateKey: string;
  heading: string;
  rows: DaySheetRow[];
}

export interface DaySheet {
  title: string;
  leaderLine: string;
  days: DaySheetDay[];
}

export interface DaySheetPerson {
  name: string;
  position: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function clock(ms: number, zone: string): string {
  const w = wallTimeOf(ms, zone);
  return `${pad(w.hour)}.${pad(w.minute)}`;
}

/** "08.00 – 10.00 WIB", "19.00 WIB – s.d. selesai"; an event entered in another zone also shows its own time. */
export function timeRange(item: Pick<CalendarItem, 'startMs' | 'endMs' | 'allDay' | 'zone'>, officeZone: ZoneLabel): string {
  if (item.allDay) return 'Sepanjang hari';
  const main = item.endMs === null ? `${clock(item.startMs, officeZone)} ${officeZone} – s.d. selesai` : `${clock(item.startMs, officeZone)} – ${clock(item.endMs, officeZone)} ${officeZone}`;
  if (item.zone === officeZone) return main;
  const label = isZoneLabel(item.zone) ? item.zone : item.zone;
  return `${main} (${clock(item.startMs, item.zone)} ${label} waktu setempat)`;
}

export function buildDaySheet(
  items: readonly SheetItem[],
  options: { dayKeys: string[]; officeZone: ZoneLabel; leader: DaySheetPerson | null; people: ReadonlyMap<string, DaySheetPerson> },
): DaySheet {
  const { dayKeys, officeZone, leader, people } = options;
  const first = dayKeys[0] ?? '';
  const last = dayKeys[dayKeys.length - 1] ?? first;
  const days = dayKeys.map((key): DaySheetDay => {
    const list = items
      .filter((i) => dateKey(i.startMs, officeZone) === key && i.status !== 'cancelled')
      .sort((a, b) => a.startMs - b.startMs || a.title.localeCompare(b.title));
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    return {
      dateKey: key,
      heading: formatLongDate(Date.UTC(y, m - 1, d, 5), officeZone),
      rows: list.map((i, n) => {
        const companions = [...i.companionIds.map((id) => people.get(id)).filter((p): p is DaySheetPerson => !!p).map((p) => `${p.position} (${p.name})`), i.companionsText]
          .filter(Boolean)
          .join('; ');
        const notes = [
          i.status !== 'confirmed' ? STATUS_LABEL_ID[i.status] + (i.status === 'represented' && i.representedBy ? ` oleh ${i.representedBy}` : '') : '',
          i.protocolNotes,
        ]
          .filter(Boolean)
          .join('. ');
        return {
          no: n + 1,
          time: timeRange(i, officeZone),
          title: i.title,
          place: i.placeName,
          dressCode: i.dressCode,
          role: i.leaderRole ? ROLE_LABEL_ID[i.leaderRole] : '',
          companions,
          notes,
        };
      }),
    };
  });
  const title = dayKeys.length > 1 ? 'AGENDA MINGGUAN PIMPINAN' : 'AGENDA HARIAN PIMPINAN';
  const leaderLine = leader ? `${leader.position} – ${leader.name}` : 'Seluruh pimpinan';
  void last;
  return { title, leaderLine, days };
}

/** WhatsApp text: *bold* headings, one numbered block per event, no HTML. */
export function daySheetWhatsApp(sheet: DaySheet): string {
  const lines: string[] = [`*${sheet.title}*`, `*${sheet.leaderLine}*`];
  for (const day of sheet.days) {
    lines.push('', `*${day.heading}*`);
    if (day.rows.length === 0) lines.push('Tidak ada agenda.');
    for (const r of day.rows) {
      lines.push(`${r.no}. ${r.time}`, `   Acara: ${r.title}`);
      if (r.place) lines.push(`   Tempat: ${r.place}`);
      if (r.dressCode) lines.push(`   Pakaian: ${r.dressCode}`);
      if (r.role) lines.push(`   Peran: ${r.role}`);
      if (r.companions) lines.push(`   Pendamping: ${r.companions}`);
      if (r.notes) lines.push(`   Keterangan: ${r.notes}`);
    }
  }
  return lines.join('\n');
}
