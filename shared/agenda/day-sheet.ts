/**
 * The protocol day sheet (agenda harian/mingguan pimpinan): the model shared by the PDF, the
 * DOCX and the WhatsApp text, so the three never disagree. The PDF and DOCX are the protocol
 * staff's internal sheet (protocol notes, the aide's contact); the WhatsApp text is shared
 * beyond the office, so it carries neither.
 */
import { formatLongDate } from '../format/dates';
import type { ZoneLabel } from '../office/time-zones';
import { ROLE_LABEL_ID, STATUS_LABEL_ID, type CalendarItem, type SheetItem } from './event';
import { dateKey, isZoneLabel, wallTimeOf } from './zones';

export interface DaySheetRow {
  no: number;
  time: string;
  title: string;
  /** Who of the leaders attends ("Wali Kota (Ir. Hendra Wijaya)"); shown on the sheet for all leaders. */
  leaders: string;
  place: string;
  dressCode: string;
  role: string;
  companions: string;
  /** Status words that may be shared ("Diwakilkan oleh …", "Belum pasti"). */
  status: string;
  /** Internal: the protocol note, only on the internal sheet. */
  protocolNotes: string;
  /** Internal: the aide (ajudan/ADC/sespri) to call, only on the internal sheet. */
  aide: string;
}

export interface DaySheetDay {
  dateKey: string;
  heading: string;
  rows: DaySheetRow[];
}

export interface DaySheet {
  title: string;
  leaderLine: string;
  /** "Senin, 23 November 2026" or "Senin, 23 November s.d. Minggu, 29 November 2026". */
  period: string;
  /** The sheet covers every leader: each row says who attends. */
  allLeaders: boolean;
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
        const named = (ids: string[]) => ids.map((id) => people.get(id)).filter((p): p is DaySheetPerson => !!p).map((p) => `${p.position} (${p.name})`);
        const companions = [...named(i.companionIds), i.companionsText].filter(Boolean).join('; ');
        return {
          no: n + 1,
          time: timeRange(i, officeZone),
          title: i.title,
          leaders: named(i.leaderIds).join('; '),
          place: i.placeName,
          dressCode: i.dressCode,
          role: i.leaderRole ? ROLE_LABEL_ID[i.leaderRole] : '',
          companions,
          status: i.status !== 'confirmed' ? STATUS_LABEL_ID[i.status] + (i.status === 'represented' && i.representedBy ? ` oleh ${i.representedBy}` : '') : '',
          protocolNotes: i.protocolNotes,
          aide: i.aideContact,
        };
      }),
    };
  });
  const title = dayKeys.length > 1 ? 'AGENDA MINGGUAN PIMPINAN' : 'AGENDA HARIAN PIMPINAN';
  const leaderLine = leader ? `${leader.position} – ${leader.name}` : 'Seluruh pimpinan';
  const head = days[0]?.heading ?? '';
  const tail = days[days.length - 1]?.heading ?? '';
  // "Senin, 23 November s.d. Minggu, 29 November 2026": the year once when both days share it.
  const period = days.length > 1 ? `${first.slice(0, 4) === last.slice(0, 4) ? head.replace(/ \d{4}$/, '') : head} s.d. ${tail}` : head;
  return { title, leaderLine, period, allLeaders: !leader, days };
}

/** The internal sheet's remarks: the status, then the protocol note. */
export function internalNotes(r: DaySheetRow): string {
  return [r.status, r.protocolNotes].filter(Boolean).join('. ');
}

/** WhatsApp text: *bold* headings, one numbered block per event, no HTML. */
export function daySheetWhatsApp(sheet: DaySheet): string {
  const lines: string[] = [`*${sheet.title}*`, `*${sheet.leaderLine}*`];
  // Shared text: status words only; protocol notes and the aide's contact stay on the internal sheet.
  for (const day of sheet.days) {
    lines.push('', `*${day.heading}*`);
    if (day.rows.length === 0) lines.push('Tidak ada agenda.');
    for (const r of day.rows) {
      lines.push(`${r.no}. ${r.time}`, `   Acara: ${r.title}`);
      if (sheet.allLeaders && r.leaders) lines.push(`   Pimpinan: ${r.leaders}`);
      if (r.place) lines.push(`   Tempat: ${r.place}`);
      if (r.dressCode) lines.push(`   Pakaian: ${r.dressCode}`);
      if (r.role) lines.push(`   Peran: ${r.role}`);
      if (r.companions) lines.push(`   Pendamping: ${r.companions}`);
      if (r.status) lines.push(`   Keterangan: ${r.status}`);
    }
  }
  return lines.join('\n');
}
