/**
 * Invitations for a leader (issue 13), on a real core and SQLite file: recorded with the letter
 * (from an OPD or from an outside party), protocol staff propose a disposition, the leader's
 * office (INVITATION_DECIDER = releases.publish: editor, administrator) decides; the decision
 * becomes the agenda item — with the deputy when *diwakilkan* — and a later decision updates the
 * same item. A disposition by someone without the right is refused, by the handler and by the
 * rulebook, and the attempt is in the audit log; nothing half-written.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { runAsPerson } from '../../../electron/core/data/actor-scope';
import { callerFor } from '../../../electron/core/caller';
import { actAs } from '../releases/helpers';

let fx: CoreFixture;
let opd = '';
const HOUR = 3_600_000;

beforeEach(async () => {
  fx = openTestCore();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  opd = (await fx.core.invoke('opd.save', { name: 'Dinas Pendidikan', abbreviation: 'Disdik' })).id;
});
afterEach(() => fx.cleanup());

function invitation(over: Record<string, unknown> = {}) {
  const start = Date.now() + 72 * HOUR;
  return {
    id: crypto.randomUUID(),
    opdId: opd,
    kind: 'invitation' as const,
    channel: 'letter' as const,
    title: 'Pembukaan Olimpiade Sains Pelajar',
    place: 'GOR Sukamaju',
    startMs: start,
    endMs: start + 2 * HOUR,
    invitationNumber: '005/123/Disdik/2026',
    invitationDate: '2026-11-30',
    contactName: 'Bu Wati',
    ...over,
  };
}

const db = () => fx.core.context.db;
const letter = Buffer.from('%PDF-1.4\nsurat undangan pembukaan olimpiade\n%%EOF').toString('base64');

describe('invitations for a leader', () => {
  it('protocol proposes, the leader’s office decides diwakilkan: the agenda item names the deputy and carries the letter; a change updates the same item', async () => {
    const r = await fx.core.invoke('requests.submit', invitation());
    expect(r).toMatchObject({ kind: 'invitation', invitationNumber: '005/123/Disdik/2026', invitationDate: '2026-11-30', proposal: null, disposition: null });
    await fx.core.invoke('requests.attach', { requestId: r.id, fileName: 'undangan.pdf', mime: 'application/pdf', base64: letter });
    // Accepting it like a coverage request is not how an invitation is answered.
    const accept = await fx.core.call('requests.answer', { id: r.id, action: 'accept' });
    expect(accept.ok ? null : accept.error.code).toBe('conflict');

    actAs(fx.core, ['protocol'], 'Protokol Dani');
    const proposed = await fx.core.invoke('requests.propose', { id: r.id, choice: 'represented', representative: 'Asisten Pemerintahan, Drs. Budi', note: 'Wali Kota ke Jakarta.' });
    expect(proposed.proposal).toMatchObject({ choice: 'represented', representative: 'Asisten Pemerintahan, Drs. Budi', by: 'Protokol Dani' });
    expect(proposed.disposition).toBeNull();
    expect(proposed.agendaEventId).toBeNull();

    actAs(fx.core, ['editor'], 'Kabag Humas');
    const decided = await fx.core.invoke('requests.decide', { id: r.id, choice: 'represented', representative: 'Asisten Pemerintahan, Drs. Budi', note: '' });
    expect(decided).toMatchObject({ status: 'accepted', answer: 'Pimpinan diwakilkan kepada Asisten Pemerintahan, Drs. Budi.' });
    expect(decided.disposition).toMatchObject({ choice: 'represented', representative: 'Asisten Pemerintahan, Drs. Budi', by: 'Kabag Humas' });
    expect(decided.history.map((h) => h.action)).toEqual(expect.arrayContaining(['submitted', 'numbered', 'proposed', 'decided']));
    const event = await fx.core.invoke('agenda.events.get', { id: decided.agendaEventId as string });
    expect(event).toMatchObject({
      title: r.title,
      startMs: r.startMs,
      endMs: r.endMs,
      status: 'represented',
      representedBy: 'Asisten Pemerintahan, Drs. Budi',
      organiserOpdId: opd,
      invitationNumber: '005/123/Disdik/2026',
      invitationDate: '2026-11-30',
      invitationFileName: 'undangan.pdf',
    });
    expect(db().prepare('SELECT request_id FROM agenda_events WHERE id = ?').pluck().get(event.id)).toBe(r.id);

    // The mayor's trip is off: he attends himself. The same agenda item is updated, not a second one.
    const events = db().prepare('SELECT count(*) FROM agenda_events').pluck().get();
    const attend = await fx.core.invoke('requests.decide', { id: r.id, choice: 'attend', representative: 'diabaikan', note: 'Wali Kota memberi sambutan.' });
    expect(attend.agendaEventId).toBe(event.id);
    expect(db().prepare('SELECT count(*) FROM agenda_events').pluck().get()).toBe(events);
    expect(await fx.core.invoke('agenda.events.get', { id: event.id })).toMatchObject({ status: 'confirmed', representedBy: '' });
    // No one goes: the item is cancelled and the inviter reads why.
    const absent = await fx.core.invoke('requests.decide', { id: r.id, choice: 'absent', representative: '', note: 'Bertepatan dengan rapat paripurna.' });
    expect(absent).toMatchObject({ status: 'declined', answer: 'Pimpinan tidak dapat hadir. Bertepatan dengan rapat paripurna.' });
    expect(await fx.core.invoke('agenda.events.get', { id: event.id })).toMatchObject({ status: 'cancelled' });
    const audit = await fx.core.invoke('audit.list', {});
    expect(audit.filter((a) => a.action === 'request.decided')).toHaveLength(3);
  });

  it('from an outside party: no OPD, its inviter named; without either it is refused at the field', async () => {
    const refused = await fx.core.call('requests.submit', invitation({ opdId: null }));
    expect(refused.ok ? null : [refused.error.code, refused.error.details?.field]).toEqual(['invalid_input', 'inviter']);
    const r = await fx.core.invoke('requests.submit', invitation({ opdId: null, inviter: 'Universitas Sukamaju' }));
    expect(r).toMatchObject({ opdId: '', inviter: 'Universitas Sukamaju' });
    expect(r.number).toMatch(/\/PRM\//);
    const board = await fx.core.invoke('requests.list', { query: 'Universitas' });
    expect(board.items.map((i) => i.id)).toEqual([r.id]);
    const decided = await fx.core.invoke('requests.decide', { id: r.id, choice: 'attend', representative: '', note: '' });
    const event = await fx.core.invoke('agenda.events.get', { id: decided.agendaEventId as string });
    expect(event).toMatchObject({ status: 'confirmed', organiserOpdId: null });
    expect(event.notes).toContain('Pengundang: Universitas Sukamaju');
  });

  it('a disposition by someone without the right is refused and audited; the rulebook refuses the same write; nothing changes', async () => {
    const r = await fx.core.invoke('requests.submit', invitation());
    actAs(fx.core, ['protocol'], 'Protokol Dani');
    const before = db().prepare('SELECT * FROM requests WHERE id = ?').get(r.id);
    const tried = await fx.core.call('requests.decide', { id: r.id, choice: 'attend', representative: '', note: '' });
    expect(tried.ok ? null : tried.error.code).toBe('forbidden');
    if (!tried.ok) expect(tried.error.message).toMatch(/kantor pimpinan/);
    // Around the handler, straight at the mutation path: the rulebook says no as well.
    const protocol = callerFor(null, 'Protokol Dani', ['protocol']);
    expect(() => runAsPerson(protocol, () => fx.core.context.mutator.update('requests', r.id, { disposition: 'attend', decided_by: 'Protokol Dani' }))).toThrow(/disposition/);
    expect(db().prepare('SELECT * FROM requests WHERE id = ?').get(r.id)).toEqual(before);
    expect(db().prepare('SELECT count(*) FROM agenda_events').pluck().get()).toBe(0);
    // A writer may not even propose; the core keeps serving.
    actAs(fx.core, ['writer'], 'Penulis');
    expect(((await fx.core.call('requests.propose', { id: r.id, choice: 'attend' })) as { ok: boolean }).ok).toBe(false);
    actAs(fx.core, ['administrator'], 'Admin');
    const audit = await fx.core.invoke('audit.list', {});
    expect(audit.find((a) => a.action === 'request.disposition_refused')).toMatchObject({ targetId: r.id, actorName: 'Protokol Dani' });
  });

  it('bad input: diwakilkan without a deputy, a disposition on a coverage request, a past date, a 50 MB letter', async () => {
    const r = await fx.core.invoke('requests.submit', invitation());
    const noDeputy = await fx.core.call('requests.decide', { id: r.id, choice: 'represented', representative: '  ', note: '' });
    expect(noDeputy.ok ? null : noDeputy.error.code).toBe('invalid_input');
    expect(() => fx.core.context.mutator.update('requests', r.id, { disposition: 'represented', representative: '' })).toThrow(/Diwakilkan kepada siapa/);
    const coverage = await fx.core.invoke('requests.submit', invitation({ kind: 'publicity' }));
    const wrong = await fx.core.call('requests.decide', { id: coverage.id, choice: 'attend', representative: '', note: '' });
    expect(wrong.ok ? null : wrong.error.code).toBe('invalid_input');
    expect(() => fx.core.context.mutator.update('requests', coverage.id, { disposition: 'attend' })).toThrow(/hanya untuk undangan/);
    const past = await fx.core.call('requests.submit', invitation({ startMs: Date.now() - 48 * HOUR, endMs: Date.now() - 47 * HOUR }));
    expect(past.ok ? null : past.error.details?.field).toBe('startMs');
    const badDate = await fx.core.call('requests.submit', invitation({ invitationDate: '30-11-2026' }));
    expect(badDate.ok ? null : badDate.error.code).toBe('invalid_input');
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('%PDF-1.4\n');
    const huge = await fx.core.call('requests.attach', { requestId: r.id, fileName: 'undangan-50mb.pdf', mime: 'application/pdf', base64: big.toString('base64') });
    expect(huge.ok ? null : huge.error.code).toBe('invalid_input');
    expect(db().prepare('SELECT count(*) FROM request_attachments').pluck().get()).toBe(0);
    expect((await fx.core.invoke('requests.get', { id: r.id })).disposition).toBeNull();
  });
});
