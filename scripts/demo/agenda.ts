import type { EventKind, LeaderRole } from '../../shared/agenda/event';
import type { CoverageStaff, Official } from '../../shared/agenda/people';
import { addDaysToKey, dateKey, instantOfWall } from '../../shared/agenda/zones';
import { pick, seeded } from './random';
import type { DemoSection } from './section';

/** Invented leaders of the invented city (positions are real offices; the names are made up). */
const OFFICIALS = [
  { name: 'Ir. Bagas Wicaksono, M.T.', position: 'Wali Kota', rank: 10, isLeader: true },
  { name: 'Dra. Ratna Puspitasari', position: 'Wakil Wali Kota', rank: 11, isLeader: true },
  { name: 'Drs. Hendro Saputro, M.Si.', position: 'Sekretaris Daerah', rank: 14, isLeader: true },
  { name: 'Agus Prasetyo, S.H.', position: 'Asisten Pemerintahan dan Kesra', rank: 20, isLeader: false },
  { name: 'dr. Lestari Handayani', position: 'Kepala Dinas Kesehatan', rank: 30, isLeader: false },
  { name: 'Yudi Firmansyah, S.Kom.', position: 'Kepala Dinas Kominfo', rank: 30, isLeader: false },
] as const;

const STAFF = [
  { name: 'Rina Lestari', duties: ['reporter'] as const },
  { name: 'Dimas Arya', duties: ['reporter'] as const },
  { name: 'Fajar Nugroho', duties: ['photographer'] as const },
  { name: 'Sekar Ayu', duties: ['videographer', 'photographer'] as const },
];

const TITLES = [
  'Pembukaan Musrenbang Kecamatan',
  'Rapat Paripurna DPRD',
  'Peresmian Posyandu Terpadu',
  'Kunjungan Kerja ke Pasar Rakyat',
  'Audiensi dengan Forum Anak Kota',
  'Penyerahan Bantuan Sosial',
  'Upacara Hari Jadi Kota',
  'Rapat Koordinasi Penanganan Banjir',
  'Pelantikan Pejabat Administrator',
  'Sosialisasi Program Sekolah Sehat',
  'Penandatanganan Nota Kesepahaman',
  'Peluncuran Aplikasi Layanan Publik',
  'Safari Jumat di Masjid Agung',
  'Pembukaan Festival Kuliner Nusantara',
  'Rapat Evaluasi Kinerja OPD',
];
const PLACES = ['Pendapa Balai Kota', 'Gedung DPRD', 'Aula Kecamatan Utara', 'Pasar Rakyat Sukamaju', 'Ruang Rapat Sekda Lt. 2', 'Alun-alun Kota', 'Gedung Kesenian', 'Ruang Pers Humas'];
const DRESS = ['PDH', 'PDL', 'PDU', 'Batik', 'Bebas rapi'];
const ROLES = ['opening', 'remarks', 'attending', 'inaugurating', 'leading'] as const;

/**
 * Leaders' agendas: a few recurring items (Monday assembly, weekly leadership meeting, the
 * Wednesday themed day) and `300 × size` single events over a year around today, as protocol
 * staff would enter them. The benchmark workspace uses size 100: 30,000 events.
 */
export const agendaSection: DemoSection = {
  name: 'agenda',
  async run({ core, size, seed, progress }) {
    const rand = seeded(seed + 5);
    const officials: Official[] = [];
    for (const o of OFFICIALS) officials.push(await core.invoke('agenda.officials.save', { name: o.name, position: o.position, precedenceRank: o.rank, isLeader: o.isLeader }));
    const staff: CoverageStaff[] = [];
    for (const s of STAFF) staff.push(await core.invoke('agenda.staff.save', { name: s.name, duties: [...s.duties] }));
    const leaders = officials.filter((o) => o.isLeader);
    const today = dateKey(Date.now(), 'WIB');
    const at = (key: string, hour: number, minute = 0) => {
      const [y, m, d] = key.split('-').map(Number) as [number, number, number];
      return instantOfWall({ year: y, month: m, day: d, hour, minute }, 'WIB');
    };
    // Recurring items start on the Monday of the week a year ago.
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    const monday = addDaysToKey(today, -((weekday + 6) % 7) - 364);
    const series: { title: string; day: string; hour: number; mins: number; rrule: string; leader: number; place: string; dress: string; role: LeaderRole; kind?: EventKind }[] = [
      { title: 'Apel Pagi Kesadaran Nasional', day: monday, hour: 7, mins: 60, rrule: 'FREQ=WEEKLY;BYDAY=MO', leader: 0, place: 'Halaman Balai Kota', dress: 'PDU', role: 'leading' },
      { title: 'Rapat Pimpinan Mingguan', day: addDaysToKey(monday, 1), hour: 13, mins: 90, rrule: 'FREQ=WEEKLY;BYDAY=TU', leader: 2, place: 'Ruang Rapat Sekda Lt. 2', dress: 'PDH', role: 'leading' },
      { title: 'Rabu Berbudaya: Hari Busana Adat', day: addDaysToKey(monday, 2), hour: 7, mins: 60, rrule: 'FREQ=WEEKLY;BYDAY=WE', leader: 1, place: 'Pendapa Balai Kota', dress: 'Pakaian adat', role: 'attending', kind: 'campaign_day' },
      { title: 'Rapat Bulanan Jejaring Humas', day: addDaysToKey(monday, 3), hour: 9, mins: 120, rrule: 'FREQ=MONTHLY;BYDAY=1TH', leader: 2, place: 'Ruang Pers Humas', dress: 'Batik', role: 'opening', kind: 'internal_meeting' },
    ];
    const extraSeries = Math.floor(size / 10);
    for (let i = 0; i < extraSeries; i++) {
      series.push({ title: `Rapat Koordinasi Wilayah ${i + 1}`, day: addDaysToKey(monday, 3 + (i % 2)), hour: 8 + (i % 6), mins: 60, rrule: 'FREQ=MONTHLY;INTERVAL=1', leader: i % 3, place: pick(rand, PLACES), dress: 'PDH', role: 'remarks', kind: 'internal_meeting' });
    }
    for (const s of series) {
      const start = at(s.day, s.hour);
      await core.invoke('agenda.events.save', {
        kind: s.kind ?? 'leader_agenda', title: s.title, startMs: start, endMs: start + s.mins * 60_000, leaderIds: [leaders[s.leader % leaders.length]!.id],
        placeName: s.place, dressCode: s.dress, leaderRole: s.role, rrule: s.rrule, pressOpen: s.kind !== 'internal_meeting',
      });
    }

    const total = 300 * size;
    const m = core.context.mutator;
    const chunk = 1000;
    for (let i = 0; i < total; i += chunk) {
      m.transaction(() => {
        for (let k = i; k < Math.min(total, i + chunk); k++) {
          const day = addDaysToKey(today, Math.floor(rand() * 365) - 182);
          const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
          const hour = 8 + Math.floor(rand() * 9);
          const start = at(day, hour, rand() < 0.5 ? 0 : 30);
          const open = rand() < 0.15;
          const press = rand() < 0.08 && wd !== 0 && wd !== 6;
          const leader = pick(rand, leaders);
          const companion = pick(rand, officials);
          m.insert('agenda_events', {
            kind: press ? 'press_conference' : 'leader_agenda',
            title: press ? `Jumpa Pers ${pick(rand, ['Dinas Kesehatan', 'Dinas Perhubungan', 'Bappeda', 'Dinas Pendidikan'])}` : pick(rand, TITLES),
            start_ms: start,
            end_ms: open ? null : start + (1 + Math.floor(rand() * 3)) * 30 * 60_000,
            all_day: false,
            zone: 'WIB',
            place_name: press ? 'Ruang Pers Humas' : pick(rand, PLACES),
            uses_press_room: press,
            dress_code: pick(rand, DRESS),
            leader_role: pick(rand, ROLES),
            status: rand() < 0.85 ? 'confirmed' : pick(rand, ['tentative', 'represented', 'cancelled'] as const),
            represented_by: '',
            leader_ids: press ? [] : [leader.id],
            companion_ids: companion.id !== leader.id && rand() < 0.4 ? [companion.id] : [],
            companions_text: '',
            protocol_notes: rand() < 0.3 ? 'Hadir 15 menit sebelum acara dimulai.' : '',
            press_open: rand() < 0.8,
            reporter_id: rand() < 0.6 ? pick(rand, staff.filter((s) => s.duties.includes('reporter'))).id : null,
            photographer_id: rand() < 0.5 ? pick(rand, staff.filter((s) => s.duties.includes('photographer'))).id : null,
            videographer_id: null,
            notes: '',
            rrule: null,
            series_end_ms: null,
          });
        }
      });
      progress('Agenda', Math.min(i + chunk, total), total);
    }
    return { officials: officials.length, coverageStaff: staff.length, agendaSeries: series.length, agendaEvents: total };
  },
};
