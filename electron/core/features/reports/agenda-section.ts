/**
 * The leaders' agenda in the period: events per leader, attended versus represented, press-room
 * bookings and guest-book visits. Recurring events count once per occurrence.
 */
import type { ReportSection } from '../../../../shared/reports/model';
import { itemsInWindow } from '../agenda/calendar';
import { readAgendaSettings } from '../agenda/settings';
import { fmt, marked, type ReportScope } from './scope';

export function agendaSection(s: ReportScope): ReportSection {
  const { db } = s.ctx;
  const openEnd = readAgendaSettings(db).openEndMinutes * 60_000;
  const items = itemsInWindow(db, s.fromMs, s.toMs, openEnd).items.filter((e) => e.startMs >= s.fromMs && e.startMs < s.toMs && e.status !== 'cancelled' && e.status !== 'postponed');
  const officials = db.prepare('SELECT id, name, precedence_rank, deleted_at FROM officials').all() as { id: string; name: string | null; precedence_rank: number | null; deleted_at: string | null }[];
  const perLeader = new Map<string, { name: string; rank: number; total: number; attended: number; represented: number }>();
  for (const o of officials) perLeader.set(o.id, { name: marked(o.name, o.deleted_at, 'Pejabat tanpa nama'), rank: o.precedence_rank ?? 9999, total: 0, attended: 0, represented: 0 });
  for (const e of items) {
    for (const id of e.leaderIds) {
      const l = perLeader.get(id);
      if (!l) continue;
      l.total += 1;
      if (e.status === 'represented') l.represented += 1;
      else l.attended += 1;
    }
  }
  const leaders = [...perLeader.values()].filter((l) => l.total > 0).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'id'));
  const pressRoom = items.filter((e) => e.usesPressRoom || e.kind === 'press_conference').length;
  const visits = (db.prepare('SELECT count(*) AS n FROM guestbook_entries WHERE deleted_at IS NULL AND time_in >= ? AND time_in < ?').get(new Date(s.fromMs).toISOString(), new Date(s.toMs).toISOString()) as { n: number }).n;
  return {
    id: 'agenda',
    title: 'Agenda pimpinan',
    summary:
      items.length === 0 && visits === 0
        ? ['Tidak ada agenda pimpinan yang tercatat pada periode ini.']
        : [
            `Tercatat ${fmt(items.length)} kegiatan dalam agenda, ${fmt(pressRoom)} di antaranya memakai ruang pers; buku tamu ruang pers mencatat ${fmt(visits)} kunjungan.`,
            ...leaders.slice(0, 3).map((l) => `${l.name} menghadiri ${fmt(l.attended)} kegiatan dan diwakilkan pada ${fmt(l.represented)} kegiatan.`),
          ],
    tables: [
      {
        id: 'agenda_leaders',
        title: 'Kegiatan per pimpinan',
        columns: [{ title: 'Pimpinan', kind: 'text' }, { title: 'Kegiatan', kind: 'int' }, { title: 'Hadir', kind: 'int' }, { title: 'Diwakilkan', kind: 'int' }],
        rows: leaders.map((l) => [l.name, l.total, l.attended, l.represented]),
        note: null,
      },
      { id: 'agenda_pressroom', title: 'Ruang pers', columns: [{ title: 'Ukuran', kind: 'text' }, { title: 'Jumlah', kind: 'int' }], rows: [['Pemesanan ruang pers dan jumpa pers', pressRoom], ['Kunjungan buku tamu', visits]], note: null },
    ],
    charts:
      leaders.length === 0
        ? []
        : [{ id: 'agenda_leaders', title: 'Kegiatan per pimpinan: hadir dan diwakilkan', tableId: 'agenda_leaders', orientation: 'horizontal', categories: leaders.map((l) => l.name), series: [{ name: 'Hadir', values: leaders.map((l) => l.attended) }, { name: 'Diwakilkan', values: leaders.map((l) => l.represented) }] }],
  };
}
