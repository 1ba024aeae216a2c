import { afterEach, describe, expect, it } from 'vitest';
import { SIGNED_OUT } from '../../../electron/core/caller';
import type { Desk, DeskCardId } from '../../../shared/home/desk';
import type { Core } from '../../../electron/core/create-core';
import { openTestCore, type CoreFixture } from '../../support/core-fixture';
import { fakeClock } from '../../support/fake-clock';
import { actAs, PROFILE } from '../releases/helpers';

let fx: CoreFixture;
afterEach(() => fx.cleanup());

const H = 3_600_000;
const M = 60_000;
/** Senin 23 November 2026 00.00 WIB. */
const DAY = Date.UTC(2026, 10, 22, 17, 0);
const at = (h: number, m = 0) => DAY + h * H + m * M;

const card = (desk: Desk, id: DeskCardId) => desk.cards.find((c) => c.id === id);

/**
 * A morning at a PR office, every row written through the API by the role that would write it:
 * three events this morning (one released within the hour, one without a release, one still
 * running), two tomorrow that double-book the mayor, releases in review since 08.00 and 09.00,
 * an embargo lifting at 14.00, a contract behind its pace, one ending soon, two UKW certificates.
 */
async function morning(): Promise<{ c: Core; clock: ReturnType<typeof fakeClock>; ids: Record<string, string> }> {
  const clock = fakeClock(at(6));
  fx = openTestCore({ clock: clock.now });
  const c = fx.core;
  await c.invoke('office.save', PROFILE);
  const mayor = await c.invoke('agenda.officials.save', { name: 'Ir. Hendra Wijaya', position: 'Wali Kota', precedenceRank: 10, isLeader: true });
  const deputy = await c.invoke('agenda.officials.save', { name: 'Dra. Siti Rahmawati', position: 'Wakil Wali Kota', precedenceRank: 11, isLeader: true });
  const reporter = await c.invoke('agenda.staff.save', { name: 'Andi Pratama', duties: ['reporter'] });
  const ev = async (title: string, start: number, end: number | null, more: Record<string, unknown> = {}) =>
    (await c.invoke('agenda.events.save', { title, startMs: start, endMs: end, leaderIds: [mayor.id], ...more } as never)).event.id;
  const market = await ev('Peresmian Pasar Gede', at(7), at(8), { reporterId: reporter.id });
  const plenary = await ev('Rapat Paripurna DPRD', at(8), at(8, 30), { leaderIds: [deputy.id] });
  const presser = await ev('Jumpa Pers Dinas Kesehatan', at(9, 30), at(10, 30), { kind: 'press_conference', reporterId: reporter.id });
  await ev('Rapat Internal Humas', at(8), at(9), { kind: 'internal_meeting' });
  await ev('Kunjungan Kerja Kecamatan', at(13), at(15), { reporterId: reporter.id });
  await ev('Pembukaan MTQ', at(24 + 9), at(24 + 11), { status: 'tentative', reporterId: reporter.id });
  await ev('Audiensi KONI', at(24 + 10), at(24 + 11), { reporterId: reporter.id });
  await ev('Upacara dibatalkan', at(24 + 8), at(24 + 9), { status: 'cancelled' });

  actAs(c, ['writer'], 'Sari');
  const published = await c.invoke('releases.create', { title: 'Pasar Gede Diresmikan', eventId: market, eventEndAt: new Date(at(8)).toISOString() });
  const draftSari = await c.invoke('releases.create', { title: 'Draf Sari', eventId: presser, eventEndAt: new Date(at(10, 30)).toISOString() });
  clock.set(at(8));
  const review1 = await c.invoke('releases.create', { title: 'Menunggu sejak 08.00' });
  await c.invoke('releases.transition', { id: review1.id, to: 'in_review' });
  actAs(c, ['writer'], 'Budi');
  await c.invoke('releases.create', { title: 'Draf Budi' });
  clock.set(at(8, 40));
  actAs(c, ['editor'], 'Redaktur');
  await c.invoke('releases.transition', { id: published.id, to: 'in_review' });
  await c.invoke('releases.transition', { id: published.id, to: 'approved' });
  await c.invoke('releases.transition', { id: published.id, to: 'published' });
  clock.set(at(9));
  const review2 = await c.invoke('releases.create', { title: 'Menunggu sejak 09.00' });
  await c.invoke('releases.transition', { id: review2.id, to: 'in_review' });
  const embargo = await c.invoke('releases.create', { title: 'Rilis berembargo' });
  await c.invoke('releases.update', { id: embargo.id, fields: { urgency: 'embargo', embargoAt: new Date(at(14)).toISOString() } });

  actAs(c, ['media_cooperation'], 'Kerja Sama');
  const outlet = await c.invoke('media.outlets.save', { name: 'Harian Sukamaju', kind: 'print' } as never);
  const other = await c.invoke('media.outlets.save', { name: 'Radio Swara', kind: 'radio' } as never);
  const behind = await c.invoke('media.contracts.save', { outletId: outlet.id, number: 'KS-01', periodStart: '2026-11-01', periodEnd: '2026-11-30', value: 10_000_000, quotas: [{ product: 'news', quota: 10 }] } as never);
  for (const d of ['2026-11-03', '2026-11-10']) await c.invoke('media.publications.save', { outletId: outlet.id, product: 'news', publishedOn: d, url: `https://harian.example/${d}` } as never);
  await c.invoke('media.contracts.save', { outletId: other.id, number: 'KS-02', periodStart: '2026-06-01', periodEnd: '2026-12-10', value: 5_000_000, quotas: [] } as never);
  await c.invoke('media.contracts.save', { outletId: other.id, number: 'KS-03', periodStart: '2026-01-01', periodEnd: '2027-06-30', value: 5_000_000, quotas: [] } as never);
  const j = (name: string, ukwValidUntil: string) => c.invoke('media.journalists.save', { outletId: outlet.id, name, ukwLevel: 'muda', ukwValidUntil, dataSource: 'Kartu pers' } as never);
  await j('Lapsed', '2026-11-01');
  await j('Soon', '2026-12-31');
  await j('Later', '2027-06-01');
  // A refused recipient in the outbox, as the sender records it.
  c.context.mutator.transaction(() => {
    const dist = c.context.mutator.insert('distributions', { release_id: published.id, release_title: 'Pasar Gede Diresmikan', channel_email: true });
    c.context.mutator.insert('distribution_recipients', { distribution_id: dist, release_id: published.id, name: 'Redaksi Harian', outlet_name: 'Harian Sukamaju', email_status: 'refused', last_error: '550 mailbox unavailable' });
  });
  clock.set(at(10));
  return { c, clock, ids: { market, plenary, presser, published: published.id, draftSari: draftSari.id, review1: review1.id, review2: review2.id, embargo: embargo.id, behind: behind.id } };
}

describe('home.desk: Beranda as the morning desk', () => {
  it('answers each role with its own cards, from the rows of the workspace, figures hand-checked', async () => {
    const { c, ids } = await morning();

    actAs(c, ['editor'], 'Redaktur');
    const editor = await c.invoke('home.desk', {});
    expect(editor.today).toBe('2026-11-23');
    expect(editor.targetMinutes).toBe(60);
    expect(editor.cards.map((x) => x.id)).toEqual(['release_clock', 'awaiting_review', 'my_drafts', 'embargoes_today', 'outbox_problems', 'agenda_days', 'requests_due', 'complaints_due', 'posts_today']);
    // The one-hour promise: the plenary ended 08.30 without a release (90 min, late) first, then
    // the press conference still running (ends 10.30), then the market, published 40 min after its end.
    const clockCard = card(editor, 'release_clock')!;
    expect(clockCard.items.map((i) => [i.title, i.minutes, i.flags, i.target])).toEqual([
      ['Rapat Paripurna DPRD', 90, ['late'], { section: 'releases', releaseId: null }],
      ['Jumpa Pers Dinas Kesehatan', -30, [], { section: 'releases', releaseId: ids.draftSari }],
      ['Peresmian Pasar Gede', 40, ['ok', 'published'], { section: 'releases', releaseId: ids.published }],
    ]);
    expect(card(editor, 'awaiting_review')!.items.map((i) => [i.key, i.minutes, i.flags])).toEqual([
      [ids.review1, 120, ['late']],
      [ids.review2, 60, []],
    ]);
    expect(card(editor, 'embargoes_today')!.items.map((i) => [i.key, i.minutes, i.flags])).toEqual([[ids.embargo, 240, ['soon', 'unconfirmed']]]);
    expect(card(editor, 'outbox_problems')!.items.map((i) => [i.title, i.flags, i.detail])).toEqual([
      ['Pasar Gede Diresmikan', ['refused'], 'Redaksi Harian · Harian Sukamaju · 550 mailbox unavailable'],
    ]);

    actAs(c, ['writer'], 'Sari');
    const writer = await c.invoke('home.desk', {});
    expect(writer.cards.map((x) => x.id)).toEqual(['release_clock', 'my_drafts', 'embargoes_today', 'posts_today']);
    expect(card(writer, 'my_drafts')!.items.map((i) => i.title)).toEqual(['Draf Sari']);

    actAs(c, ['protocol'], 'Protokol');
    const protocol = await c.invoke('home.desk', {});
    expect(protocol.cards.map((x) => x.id)).toEqual(['agenda_days', 'requests_due']);
    const agenda = card(protocol, 'agenda_days')!;
    // Today per leader in order of precedence (the mayor's by time, then the deputy's), then tomorrow; the
    // cancelled ceremony is left out; MTQ is tentative and both of tomorrow's items double-book the mayor.
    expect(agenda.items.map((i) => [i.title, i.flags])).toEqual([
      ['Peresmian Pasar Gede', []],
      ['Rapat Internal Humas', []],
      ['Jumpa Pers Dinas Kesehatan', []],
      ['Kunjungan Kerja Kecamatan', []],
      ['Rapat Paripurna DPRD', ['no_coverage']],
      ['Pembukaan MTQ', ['conflict', 'unconfirmed']],
      ['Audiensi KONI', ['conflict']],
    ]);
    expect(agenda.items.find((i) => i.title === 'Pembukaan MTQ')!.detail).toBe('Ir. Hendra Wijaya');

    actAs(c, ['media_cooperation'], 'Kerja Sama');
    const media = await c.invoke('home.desk', {});
    expect(media.cards.map((x) => x.id)).toEqual(['outbox_problems', 'contracts_behind', 'contracts_ending', 'ukw_expiring', 'complaints_due']);
    // KS-01: 10 news items over 30 days, 23 days gone: 7 expected, 2 delivered.
    expect(card(media, 'contracts_behind')!.items.map((i) => [i.key, i.figure])).toEqual([[ids.behind, '2/7/10']]);
    expect(card(media, 'contracts_ending')!.items.map((i) => [i.detail, i.figure])).toEqual([
      ['KS-01', '2026-11-30'],
      ['KS-02', '2026-12-10'],
    ]);
    expect(card(media, 'ukw_expiring')!.items.map((i) => [i.title, i.flags])).toEqual([
      ['Lapsed', ['late']],
      ['Soon', ['soon']],
    ]);

    actAs(c, ['administrator'], 'Admin');
    const admin = await c.invoke('home.desk', {});
    expect(admin.cards.map((x) => x.id)).toHaveLength(13);
    expect(card(admin, 'workspace_health')!.items.map((i) => [i.key, i.flags[0]])).toEqual([
      ['sync', 'ok'],
      ['encryption', 'problem'],
      ['audit', 'unconfirmed'],
      ['disk', expect.stringMatching(/ok|problem/)],
    ]);
    await c.invoke('audit.verify', {});
    expect(card(await c.invoke('home.desk', {}), 'workspace_health')!.items[2]!.flags).toEqual(['ok']);
    for (const x of admin.cards) expect(x.tookMs).toBeLessThan(500);
  });

  it('gives journalists and a signed-out machine no card, and refuses unknown input with a typed error', async () => {
    await morning();
    const c = fx.core;
    actAs(c, ['journalist'], 'Wartawan');
    expect((await c.invoke('home.desk', {})).cards).toEqual([]);
    c.context.currentCaller = () => SIGNED_OUT;
    expect((await c.invoke('home.desk', {})).cards).toEqual([]);
    actAs(c, ['editor'], 'Redaktur');
    expect(await c.call('home.desk', { role: 'administrator' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lists the agencies\' open requests due today and late, oldest deadline first, answered ones left out', async () => {
    const clock = fakeClock(at(6) - 48 * H);
    fx = openTestCore({ clock: clock.now });
    const c = fx.core;
    await c.invoke('office.save', PROFILE);
    const opd = (await c.invoke('opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' })).id;
    actAs(c, ['editor'], 'Redaktur');
    const submit = async (title: string, startMs: number) =>
      c.invoke('requests.submit', { id: crypto.randomUUID(), opdId: opd, kind: 'publicity', channel: 'whatsapp', title, description: 'Mohon diliput.', place: 'Aula', startMs, endMs: startMs + 2 * H, attendees: '', contactName: 'Ratna', contactPhone: '0812 3456 7890' } as never);
    const yesterday = await submit('Kegiatan kemarin belum dijawab', at(9) - 24 * H);
    const today = await submit('Posyandu sore ini', at(14));
    const answerBy = await submit('Lomba besok, dijawab pukul 09.00', at(24 + 9));
    await c.invoke('requests.assign', { id: answerBy.id, assigneeId: null, dueMs: at(9) });
    await submit('Pekan depan', at(24 * 7));
    const answered = await submit('Sudah diterima', at(15));
    await c.invoke('requests.answer', { id: answered.id, action: 'accept', note: 'Diliput.' });
    clock.set(at(10));

    const desk = await c.invoke('home.desk', {});
    const due = card(desk, 'requests_due')!;
    expect(due.total).toBe(3);
    // Late by 25 h (activity began yesterday 09.00) and by 60 min (answer-by 09.00), then due at 14.00.
    expect(due.items.map((i) => [i.key, i.minutes, i.flags, i.target])).toEqual([
      [yesterday.id, 25 * 60, ['late'], { section: 'requests' }],
      [answerBy.id, 60, ['late'], { section: 'requests' }],
      [today.id, -240, ['soon'], { section: 'requests' }],
    ]);
    expect(due.items[0]!.detail).toContain('Dinas Kesehatan');
    // Entered by the desk, each request got its number at once: the third of the year.
    expect(due.items[1]!.detail).toBe('0003/PRM/2026 · Dinas Kesehatan');
    // Writers and media staff do not answer requests: no card.
    actAs(c, ['writer'], 'Sari');
    expect(card(await c.invoke('home.desk', {}), 'requests_due')).toBeUndefined();
  });

  it('answers an empty workspace with empty cards', async () => {
    fx = openTestCore({ clock: fakeClock(at(10)).now });
    const desk = await fx.core.invoke('home.desk', {});
    expect(desk.cards).toHaveLength(13);
    for (const x of desk.cards) if (x.id !== 'workspace_health') expect([x.id, x.total, x.items]).toEqual([x.id, 0, []]);
  });
});
