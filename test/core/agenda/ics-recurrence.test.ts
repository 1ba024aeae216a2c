/**
 * Recurring events from other programs, checked against ical.js's own expansion (the
 * reference): several RRULEs, RDATE, a date-only EXDATE of a timed series, an EXDATE that
 * matches nothing, in a zone with daylight saving. And the export: the series keeps its
 * original TZID and VTIMEZONE, read back by ical.js and by Python's icalendar.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';
const VTIMEZONE_PACIFIC = [
  'BEGIN:VTIMEZONE',
  'TZID:Pacific Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0700',
  'TZOFFSETTO:-0800',
  'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0800',
  'TZOFFSETTO:-0700',
  'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];
const FILE = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  ...VTIMEZONE_PACIFIC,
  'BEGIN:VEVENT',
  'UID:diaspora-weekly@example.test',
  'DTSTAMP:20261020T000000Z',
  'SUMMARY:Rapat daring diaspora (Los Angeles)',
  'DTSTART;TZID=Pacific Standard Time:20261026T090000',
  'DTEND;TZID=Pacific Standard Time:20261026T100000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8',
  'RRULE:FREQ=MONTHLY;BYDAY=1FR;COUNT=3',
  'RDATE;TZID=Pacific Standard Time:20261111T140000',
  'EXDATE;VALUE=DATE:20261109',
  'EXDATE;TZID=Pacific Standard Time:20261116T090000',
  'EXDATE;TZID=Pacific Standard Time:20261117T090000',
  'END:VEVENT',
  'END:VCALENDAR',
]);

const FROM = Date.UTC(2026, 9, 20);
const TO = Date.UTC(2027, 1, 1);

/** ical.js's expansion of the file's event: the starts it gives in [FROM, TO). */
function reference(text: string): number[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
  const it = event.iterator();
  const out: number[] = [];
  for (let t = it.next(); t; t = it.next()) {
    const ms = t.toJSDate().getTime();
    if (ms >= TO) break;
    if (ms >= FROM) out.push(ms);
  }
  return out;
}

async function imported(text: string) {
  fx = openTestCore();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  const preview = await fx.core.invoke('agenda.ics.preview', { text });
  const report = await fx.core.invoke('agenda.ics.import', { text, jobId: '00000000-0000-4000-8000-000000000001' });
  const range = await fx.core.invoke('agenda.range', { from: FROM, to: TO });
  return { preview, report, items: range.items.filter((i) => i.status !== 'cancelled') };
}

describe('ICS import of recurring events', () => {
  it('several RRULEs, RDATE and EXDATEs (one date-only) give exactly the occurrences ical.js gives, across a DST change', async () => {
    const ref = reference(FILE);
    const { preview, items } = await imported(FILE);
    const ours = items.map((i) => i.startMs).sort((a, b) => a - b);
    expect(ours.map((t) => new Date(t).toISOString())).toEqual(ref.map((t) => new Date(t).toISOString()));
    // The date-only EXDATE removed Monday 9 November (no entry at midnight), the timed one the 16th.
    expect(ours).not.toContain(Date.UTC(2026, 10, 9, 17, 0));
    expect(ours).not.toContain(Date.UTC(2026, 10, 16, 17, 0));
    // 09.00 in Los Angeles is 16.00 UTC before the DST change (1 Nov 2026) and 17.00 after.
    expect(ours).toContain(Date.UTC(2026, 9, 26, 16, 0));
    expect(ours).toContain(Date.UTC(2026, 10, 2, 17, 0));
    // The preview says what the file had that was read differently or matched nothing.
    const row = preview.rows.find((r) => r.uid === 'diaspora-weekly@example.test')!;
    expect(row.action).toBe('new');
    expect(row.remarks).toEqual(expect.arrayContaining([expect.stringMatching(/2 aturan pengulangan/), expect.stringMatching(/EXDATE 2026-11-17 17:00 UTC tidak cocok/)]));
  });

  it('a cancelled date is not shown as a midnight entry: nothing on the calendar at 00.00', async () => {
    const { items } = await imported(FILE);
    expect(items.every((i) => new Date(i.startMs).getUTCHours() !== 8)).toBe(true); // 00.00 PST = 08.00 UTC
  });
});

/** Python's icalendar reads the file as another program would: each event's start as a zoned datetime, its rules, people and status. */
function readWithPython(file: string): { uid: string; summary: string; start: string; tz: string; rrules: string[]; attendees: string[]; organizer: string; status: string; method: string; wrtz: string }[] {
  const script = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for ev in cal.walk('VEVENT'):
    start = ev.decoded('dtstart')
    rr = ev.get('rrule')
    rrs = rr if isinstance(rr, list) else ([rr] if rr is not None else [])
    att = ev.get('attendee')
    atts = att if isinstance(att, list) else ([att] if att is not None else [])
    out.append({
        'uid': str(ev.get('uid')), 'summary': str(ev.get('summary')),
        'start': start.strftime('%Y-%m-%d %H:%M %a'), 'tz': str(ev['dtstart'].params.get('TZID', '')),
        'rrules': [r.to_ical().decode() for r in rrs],
        'attendees': [str(a.params.get('CN')) for a in atts],
        'organizer': str(ev.get('organizer').params.get('CN')) if ev.get('organizer') else '',
        'status': str(ev.get('status')), 'method': str(cal.get('method')), 'wrtz': str(cal.get('x-wr-timezone')),
    })
print(json.dumps(out))
`;
  // Debian's python3-icalendar belongs to the system Python (a pyenv or venv python3 on PATH would not see it).
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  return JSON.parse(execFileSync(python, ['-c', script, file], { encoding: 'utf8' }));
}

describe('ICS export', () => {
  it('keeps an imported series in its own zone (TZID and VTIMEZONE as imported): ical.js and Python icalendar expand it on Mondays 09.00 Los Angeles time', async () => {
    await imported(FILE);
    const out = await fx.core.invoke('agenda.ics.export', { leaderId: null });
    expect(out.text).toContain('METHOD:PUBLISH');
    expect(out.text).toContain('X-WR-TIMEZONE:Asia/Jakarta');
    expect(out.text).toContain('DTSTART;TZID=Pacific Standard Time:20261026T090000');
    // The rules as imported (ical.js writes the parts in its own order).
    expect(out.text).toContain('RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO');
    expect(out.text).toContain('RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=1FR');
    expect(out.text).toContain('RDATE;TZID=Pacific Standard Time:20261111T140000');
    // Read back by ical.js: the same occurrences as the file that came in, cancelled ones as overrides.
    const cal = new ICAL.Component(ICAL.parse(out.text));
    expect(cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Pacific Standard Time']);
    expect(out.text).toContain('RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11'); // the imported VTIMEZONE's own DST rules
    const master = cal.getAllSubcomponents('vevent').find((v) => !v.getFirstProperty('recurrence-id'))!;
    const expanded = reference(crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', ...VTIMEZONE_PACIFIC, ...master.toString().split('\r\n'), 'END:VCALENDAR']));
    const cancelled = new Set(cal.getAllSubcomponents('vevent').filter((v) => v.getFirstPropertyValue('status') === 'CANCELLED').map((v) => (v.getFirstPropertyValue('recurrence-id') as ICAL.Time).toJSDate().getTime()));
    expect(expanded.filter((t) => !cancelled.has(t))).toEqual(reference(FILE));
    // Read back by Python's icalendar.
    const file = path.join(fx.dir, 'agenda.ics');
    fs.writeFileSync(file, out.text);
    const py = readWithPython(file);
    const series = py.find((e) => e.uid === 'diaspora-weekly@example.test' && e.status !== 'CANCELLED')!;
    expect(series).toMatchObject({ start: '2026-10-26 09:00 Mon', tz: 'Pacific Standard Time', method: 'PUBLISH', wrtz: 'Asia/Jakarta' });
    expect(series.rrules).toEqual(['FREQ=WEEKLY;COUNT=8;BYDAY=MO', 'FREQ=MONTHLY;COUNT=3;BYDAY=1FR']);
  });

  it('names the leader and every pendamping (officials and typed names), and a postponed event keeps its new date', async () => {
    fx = openTestCore();
    const c = fx.core;
    await c.invoke('office.save', SAMPLE_PROFILE);
    const wk = await c.invoke('agenda.officials.save', { name: 'Ir. Hendra Wijaya', position: 'Wali Kota', precedenceRank: 10, isLeader: true });
    const sekda = await c.invoke('agenda.officials.save', { name: 'Dra. Rina Kusuma', position: 'Sekretaris Daerah', precedenceRank: 14, isLeader: true });
    const kadis = await c.invoke('agenda.officials.save', { name: 'Budi Hartono', position: 'Kepala Dinas PU', precedenceRank: 30, isLeader: false });
    const start = Date.UTC(2026, 11, 7, 2, 0); // Senin 7 Desember 2026 09.00 WIB
    await c.invoke('agenda.events.save', { title: 'Peresmian Jembatan', startMs: start, endMs: start + 3_600_000, leaderIds: [wk.id], companionIds: [sekda.id, kadis.id], companionsText: 'Camat Utara' });
    await c.invoke('agenda.events.save', { title: 'Rapat Anggaran', startMs: start + 4 * 3_600_000, endMs: start + 5 * 3_600_000, leaderIds: [wk.id], status: 'postponed', postponedToMs: start + 2 * 86_400_000 + 4 * 3_600_000 });
    const out = await c.invoke('agenda.ics.export', { leaderId: null });
    const file = path.join(fx.dir, 'agenda.ics');
    fs.writeFileSync(file, out.text);
    const py = readWithPython(file);
    const bridge = py.find((e) => e.summary === 'Peresmian Jembatan')!;
    expect(bridge.organizer).toBe('Bagian Humas dan Protokol Setda, Pemerintah Kota Sukamaju');
    expect(bridge.attendees).toEqual(['Wali Kota – Ir. Hendra Wijaya', 'Sekretaris Daerah – Dra. Rina Kusuma', 'Kepala Dinas PU – Budi Hartono']);
    const v = new ICAL.Component(ICAL.parse(out.text)).getAllSubcomponents('vevent').find((x) => x.getFirstPropertyValue('summary') === 'Peresmian Jembatan')!;
    expect(String(v.getFirstPropertyValue('description'))).toContain('Pendamping: Sekretaris Daerah (Dra. Rina Kusuma); Kepala Dinas PU (Budi Hartono); Camat Utara');
    const postponed = py.find((e) => e.summary === 'Rapat Anggaran')!;
    expect(postponed).toMatchObject({ start: '2026-12-09 13:00 Wed', tz: 'Asia/Jakarta', status: 'CONFIRMED' });
  });
});

it('a series entered in Warta in a zone abroad gets a VTIMEZONE from the zone data: ical.js expands it at the same instants as Warta across daylight saving', async () => {
  fx = openTestCore();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  const start = Date.UTC(2026, 9, 12, 7, 0); // Monday 12 October 2026 09.00 in Amsterdam (CEST, UTC+2)
  await fx.core.invoke('agenda.events.save', { title: 'Promosi wisata di Belanda', startMs: start, endMs: start + 3_600_000, zone: 'Europe/Amsterdam', rrule: 'FREQ=WEEKLY;COUNT=5' });
  const ours = (await fx.core.invoke('agenda.range', { from: start - 1, to: start + 40 * 86_400_000 })).items.map((i) => i.startMs);
  const out = await fx.core.invoke('agenda.ics.export', { leaderId: null });
  expect(out.text).toContain('DTSTART;TZID=Europe/Amsterdam:20261012T090000');
  const cal = new ICAL.Component(ICAL.parse(out.text));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const it = new ICAL.Event(cal.getFirstSubcomponent('vevent')!).iterator();
  const theirs: number[] = [];
  for (let t = it.next(); t; t = it.next()) theirs.push(t.toJSDate().getTime());
  expect(theirs).toEqual(ours);
  expect(ours[2]! - ours[1]!).toBe(7 * 86_400_000 + 3_600_000); // 25 October: clocks go back, 09.00 stays 09.00
});
