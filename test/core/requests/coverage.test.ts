/**
 * Coverage staff on an accepted request (issue 13), on a real core and SQLite file: the request's
 * agenda item gets the agenda's own reporter / photographer / videographer; someone already
 * assigned elsewhere at that time is saved with a warning naming the other item; a person who
 * does not hold that duty, an unknown id, or a request not yet accepted is refused, nothing written.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';

let fx: CoreFixture;
let opd = '';
const HOUR = 3_600_000;

beforeEach(async () => {
  fx = openTestCore();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  opd = (await fx.core.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
});
afterEach(() => fx.cleanup());

async function accepted(start: number) {
  const r = await fx.core.invoke('requests.submit', { id: crypto.randomUUID(), opdId: opd, kind: 'publicity', channel: 'phone', title: 'Posyandu Balita Serentak', startMs: start, endMs: start + 2 * HOUR });
  return fx.core.invoke('requests.answer', { id: r.id, action: 'accept', makeRelease: false });
}

describe('coverage staff for an accepted request', () => {
  it('assigned on the agenda item itself; a clash with another item is saved with a warning naming it', async () => {
    const start = Date.now() + 48 * HOUR;
    const rina = await fx.core.invoke('agenda.staff.save', { name: 'Rina Lestari', duties: ['reporter'] });
    const yoga = await fx.core.invoke('agenda.staff.save', { name: 'Yoga Pratama', duties: ['photographer', 'videographer'] });
    await fx.core.invoke('agenda.events.save', { title: 'Rapat Paripurna DPRD', startMs: start + 30 * 60_000, endMs: start + HOUR, reporterId: rina.id });
    const r = await accepted(start);
    expect(r.coverage).toEqual({ eventId: r.agendaEventId, reporterId: null, photographerId: null, videographerId: null });
    const out = await fx.core.invoke('requests.coverage', { id: r.id, reporterId: rina.id, photographerId: yoga.id, videographerId: null });
    expect(out.request.coverage).toMatchObject({ reporterId: rina.id, photographerId: yoga.id, videographerId: null });
    expect(out.conflicts.map((c) => [c.kind, c.personId, c.otherTitle])).toEqual([['staff', rina.id, 'Rapat Paripurna DPRD']]);
    // The agenda shows the same people.
    expect(await fx.core.invoke('agenda.events.get', { id: r.agendaEventId as string })).toMatchObject({ reporterId: rina.id, photographerId: yoga.id });
    expect(out.request.history.at(-1)).toMatchObject({ action: 'assigned', note: 'Tim liputan: Rina Lestari, Yoga Pratama' });
  });

  it('bad input: a person without that duty, an unknown id, a request not accepted; nothing written', async () => {
    const start = Date.now() + 48 * HOUR;
    const rina = await fx.core.invoke('agenda.staff.save', { name: 'Rina Lestari', duties: ['reporter'] });
    const r = await accepted(start);
    const noDuty = await fx.core.call('requests.coverage', { id: r.id, reporterId: null, photographerId: rina.id, videographerId: null });
    expect(noDuty.ok ? null : [noDuty.error.code, noDuty.error.details?.field]).toEqual(['invalid_input', 'photographerId']);
    const unknown = await fx.core.call('requests.coverage', { id: r.id, reporterId: crypto.randomUUID(), photographerId: null, videographerId: null });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    const open = await fx.core.invoke('requests.submit', { id: crypto.randomUUID(), opdId: opd, kind: 'publicity', channel: 'phone', title: 'Belum dijawab', startMs: start, endMs: start + HOUR });
    const notYet = await fx.core.call('requests.coverage', { id: open.id, reporterId: rina.id, photographerId: null, videographerId: null });
    expect(notYet.ok ? null : notYet.error.code).toBe('conflict');
    expect(await fx.core.invoke('agenda.events.get', { id: r.agendaEventId as string })).toMatchObject({ reporterId: null, photographerId: null });
  });
});
