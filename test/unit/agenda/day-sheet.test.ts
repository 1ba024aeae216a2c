import { describe, expect, it } from 'vitest';
import { buildDaySheet, daySheetWhatsApp, internalNotes, timeRange } from '../../../shared/agenda/day-sheet';
import type { SheetItem } from '../../../shared/agenda/event';

const T = Date.UTC(2026, 10, 23, 1, 0); // Senin 23 November 2026 08.00 WIB

function item(over: Partial<SheetItem>): SheetItem {
  return {
    key: 'k', eventId: 'e', seriesId: null, originalStartMs: null, recurring: false, kind: 'leader_agenda', title: 'Acara', startMs: T, endMs: T + 3_600_000,
    allDay: false, zone: 'WIB', placeName: '', status: 'confirmed', representedBy: '', leaderIds: [], pressOpen: true, usesPressRoom: false, dressCode: '',
    leaderRole: null, companionIds: [], companionsText: '', reporterId: null, photographerId: null, videographerId: null, protocolNotes: '', aideContact: '', ...over,
  };
}

describe('day sheet', () => {
  it('numbers rows by time, words open ends and other zones, leaves out cancelled items', () => {
    const people = new Map([['sekda', { name: 'Dra. Rina Kusuma', position: 'Sekretaris Daerah' }]]);
    const sheet = buildDaySheet(
      [
        item({ key: 'b', title: 'Rapat Paripurna DPRD', startMs: T + 5 * 3_600_000, endMs: null, placeName: 'Gedung DPRD', dressCode: 'PDH', leaderRole: 'remarks', companionIds: ['sekda'] }),
        item({ key: 'a', title: 'Apel Pagi', placeName: 'Halaman Balai Kota', dressCode: 'PDU', leaderRole: 'leading', protocolNotes: 'Hadir 07.45, pintu samping', aideContact: 'Kompol Adi (ADC) 0812-1111-2222' }),
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
    expect(sheet.days[0]?.rows[2]?.status).toBe('Diwakilkan oleh Wakil Wali Kota');
    expect(sheet.period).toBe('Senin, 23 November 2026');
    // The internal sheet (PDF/DOCX) has the protocol note and the aide; the shared WhatsApp text has neither.
    expect(internalNotes(sheet.days[0]!.rows[0]!)).toBe('Hadir 07.45, pintu samping');
    expect(sheet.days[0]?.rows[0]?.aide).toBe('Kompol Adi (ADC) 0812-1111-2222');
    const wa = daySheetWhatsApp(sheet);
    expect(wa).toContain('*AGENDA HARIAN PIMPINAN*\n*Wali Kota – Ir. Hendra Wijaya*');
    expect(wa).toContain('1. 08.00 – 09.00 WIB\n   Acara: Apel Pagi\n   Tempat: Halaman Balai Kota\n   Pakaian: PDU\n   Peran: Memimpin\n2.');
    expect(wa).not.toContain('Hadir 07.45');
    expect(wa).not.toContain('Kompol Adi');
    expect(wa).toContain('Keterangan: Diwakilkan oleh Wakil Wali Kota');
    expect(wa).not.toContain('Pimpinan:'); // one leader's sheet: the leader is in the heading
    expect(wa).not.toMatch(/<[a-z]/i);
  });

  it('the sheet for all leaders says who attends each item, in the rows and in the WhatsApp text', () => {
    const people = new Map([
      ['wk', { name: 'Ir. Hendra Wijaya', position: 'Wali Kota' }],
      ['wwk', { name: 'Dr. Sari Utami', position: 'Wakil Wali Kota' }],
    ]);
    const sheet = buildDaySheet(
      [item({ key: 'a', title: 'Apel Pagi', leaderIds: ['wk'] }), item({ key: 'b', title: 'Rapat Koordinasi', startMs: T + 3_600_000, endMs: T + 7_200_000, leaderIds: ['wk', 'wwk'] })],
      { dayKeys: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'], officeZone: 'WIB', leader: null, people },
    );
    expect(sheet.allLeaders).toBe(true);
    expect(sheet.period).toBe('Senin, 23 November s.d. Minggu, 29 November 2026');
    expect(sheet.days[0]?.rows.map((r) => r.leaders)).toEqual(['Wali Kota (Ir. Hendra Wijaya)', 'Wali Kota (Ir. Hendra Wijaya); Wakil Wali Kota (Dr. Sari Utami)']);
    expect(daySheetWhatsApp(sheet)).toContain('2. 09.00 – 10.00 WIB\n   Acara: Rapat Koordinasi\n   Pimpinan: Wali Kota (Ir. Hendra Wijaya); Wakil Wali Kota (Dr. Sari Utami)');
  });

  it('says so on a day without agenda', () => {
    const sheet = buildDaySheet([], { dayKeys: ['2026-11-28', '2026-11-29'], officeZone: 'WIT', leader: null, people: new Map() });
    expect(sheet.title).toBe('AGENDA MINGGUAN PIMPINAN');
    expect(daySheetWhatsApp(sheet)).toContain('*Sabtu, 28 November 2026*\nTidak ada agenda.');
    expect(timeRange(item({ allDay: true }), 'WIB')).toBe('Sepanjang hari');
  });
});
