import { describe, expect, it } from 'vitest';
import { buildDaySheet, daySheetWhatsApp, timeRange } from '../../../shared/agenda/day-sheet';
import type { SheetItem } from '../../../shared/agenda/event';

const T = Date.UTC(2026, 10, 23, 1, 0); // Senin 23 November 2026 08.00 WIB

function item(over: Partial<SheetItem>): SheetItem {
  return {
    key: 'k', eventId: 'e', seriesId: null, originalStartMs: null, recurring: false, kind: 'leader_agenda', title: 'Acara', startMs: T, endMs: T + 3_600_000,
    allDay: false, zone: 'WIB', placeName: '', status: 'confirmed', representedBy: '', leaderIds: [], pressOpen: true, usesPressRoom: false, dressCode: '',
    leaderRole: null, companionIds: [], companionsText: '', reporterId: null, photographerId: null, videographerId: null, protocolNotes: '', ...over,
  };
}

describe('day sheet', () => {
  it('numbers rows by time, words open ends and other zones, leaves out cancelled items', () => {
    const people = new Map([['sekda', { name: 'Dra. Rina Kusuma', position: 'Sekretaris Daerah' }]]);
    const sheet = buildDaySheet(
      [
        item({ key: 'b', title: 'Rapat Paripurna DPRD', startMs: T + 5 * 3_600_000, endMs: null, placeName: 'Gedung DPRD', dressCode: 'PDH', leaderRole: 'remarks', companionIds: ['sekda'] }),
        item({ key: 'a', title: 'Apel Pagi', placeName: 'Halaman Balai Kota', dressCode: 'PDU', leaderRole: 'leading', protocolNotes: 'Hadir 07.45' }),
        item({ key: 'c', title: 'Batal', status: 'cancelled' }),
        item({ key: 'd', title: 'Kunjungan kerja', startMs: T + 8 * 3_600_000, endMs: T + 9 * 3_600_000, zone: 'WITA', status: 'represented', representedBy: 'Wakil Wali Kota' }),
      ],
      { dayKeys: ['2026-11-23'], officeZone: 'WIB', leader: { name: 'Ir. Hendra Wijaya', position: 'Wali Kota' }, people },
    );
    expect(sheet.days[0]?.heading).toBe('Senin, 23 November 2026');
    expect(sheet.days[0]?.rows.map((r) => [r.no, r.time, r.title])).toEqual([
      [1, '08.00 – 09.00 WIB', 'Apel Pagi'],
      [2, '13.00 WIB – s.d. selesai', 'Rapat Paripurna DPRD'],
      [3, '16.00 – 17.00 WIB (17.00 WITA waktu setempat)', 'Kunjungan kerja'],
    ]);
    expect(sheet.days[0]?.rows[1]).toMatchObject({ role: 'Memberi sambutan', companions: 'Sekretaris Daerah (Dra. Rina Kusuma)', dressCode: 'PDH' });
    expect(sheet.days[0]?.rows[2]?.notes).toBe('Diwakilkan oleh Wakil Wali Kota');
    const wa = daySheetWhatsApp(sheet);
    expect(wa).toContain('*AGENDA HARIAN PIMPINAN*\n*Wali Kota – Ir. Hendra Wijaya*');
    expect(wa).toContain('1. 08.00 – 09.00 WIB\n   Acara: Apel Pagi\n   Tempat: Halaman Balai Kota\n   Pakaian: PDU\n   Peran: Memimpin\n   Keterangan: Hadir 07.45');
    expect(wa).not.toMatch(/<[a-z]/i);
  });

  it('says so on a day without agenda', () => {
    const sheet = buildDaySheet([], { dayKeys: ['2026-11-28', '2026-11-29'], officeZone: 'WIT', leader: null, people: new Map() });
    expect(sheet.title).toBe('AGENDA MINGGUAN PIMPINAN');
    expect(daySheetWhatsApp(sheet)).toContain('*Sabtu, 28 November 2026*\nTidak ada agenda.');
    expect(timeRange(item({ allDay: true }), 'WIB')).toBe('Sepanjang hari');
  });
});
