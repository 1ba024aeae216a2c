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
