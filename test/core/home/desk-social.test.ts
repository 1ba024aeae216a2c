/**
 * Beranda's public-desk and social-media cards on a real core and SQLite file: complaints due today
 * and late (replied and closed ones left out, oldest deadline first), the day's posts not yet
 * posted (yesterday's left over marked late), and who gets each card: a writer no desk card, a
 * protocol officer neither.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Desk, DeskCardId } from '../../../shared/home/desk';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { actAs } from '../releases/helpers';

let fx: CoreFixture;
let now = 0;
/** 09:00 WIB on a day. */
const at = (day: string) => Date.parse(`${day}T02:00:00Z`);
const card = (desk: Desk, id: DeskCardId) => desk.cards.find((c) => c.id === id);

beforeEach(async () => {
  now = at('2026-11-02');
  fx = openTestCore({ clock: () => now });
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
});
afterEach(() => fx.cleanup());

const item = (over: Record<string, unknown>) =>
  fx.core.invoke('publicdesk.receive', { id: crypto.randomUUID(), kind: 'complaint', channel: 'instagram', personName: 'Warga', consent: true, body: 'Isi aduan', ...over });
const dueOf = (id: string) => fx.core.context.db.prepare('SELECT due_date FROM publicdesk_items WHERE id = ?').pluck().get(id) as string;

it('lists complaints due today and late, and the posts of the day not yet posted', async () => {
  const late = await item({ body: 'Lampu jalan padam di Jalan Melati', category: 'Infrastruktur' });
  const closed = await item({ body: 'Sudah ditutup' });
  now = at('2026-11-03');
  const today = await item({ body: 'Sampah menumpuk' });
  now = at('2026-11-05');
  const notYet = await item({ body: 'Belum jatuh tempo' });
  // Move the clock to the day the second-day item is due: the first is then a day late.
  now = Date.parse(`${dueOf(today.id)}T02:00:00Z`);
  await fx.core.invoke('publicdesk.close', { id: closed.id, outcome: 'resolved' });
  expect(dueOf(notYet.id) > dueOf(today.id)).toBe(true);
  expect(dueOf(late.id) < dueOf(today.id)).toBe(true);
  const d = await fx.core.invoke('home.desk', {});
  const c = card(d, 'complaints_due')!;
  expect(c.total).toBe(2);
  expect(c.items.map((i) => [i.key, i.title, i.flags, i.target])).toEqual([
    [late.id, 'Lampu jalan padam di Jalan Melati', ['late'], { section: 'publicdesk' }],
    [today.id, 'Sampah menumpuk', ['soon'], { section: 'publicdesk' }],
  ]);
  expect(c.items[0]!.detail).toMatch(/^\d{4}\/ADU\/2026 · Infrastruktur$/);
  expect(c.items[0]!.figure).toBe(dueOf(late.id));

  const todayKey = dueOf(today.id);
  const yesterday = new Date(Date.parse(`${todayKey}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const save = (title: string, date: string, status = 'draft') => fx.core.invoke('campaigns.posts.save', { title, platform: 'instagram', account: '@humas', date, time: '10:00', status } as never);
  const left = await save('Sisa kemarin', yesterday);
  // Older than two weeks: the calendar's business, not today's list.
  await save('Rencana lama', new Date(Date.parse(`${todayKey}T00:00:00Z`) - 15 * 86_400_000).toISOString().slice(0, 10));
  const draft = await save('Infografik hari ini', todayKey);
  await save('Ide saja', todayKey, 'idea');
  const posted = await save('Sudah terunggah', todayKey);
  await fx.core.invoke('campaigns.posts.step', { id: posted.id, to: 'review' });
  await fx.core.invoke('campaigns.posts.step', { id: posted.id, to: 'approved' });
  await fx.core.invoke('campaigns.posts.markPosted', { id: posted.id, url: 'https://instagram.com/p/1', postedAt: now });
  const p = card(await fx.core.invoke('home.desk', {}), 'posts_today')!;
  expect(p.total).toBe(2);
  expect(p.items.map((i) => [i.key, i.flags, i.figure, i.detail])).toEqual([
    [left.id, ['late'], 'draft', 'Instagram @humas · 10:00'],
    [draft.id, ['soon'], 'draft', 'Instagram @humas · 10:00'],
  ]);
});

it('gives the desk card only to those who run the desk, the posts card only to the newsroom', async () => {
  await item({});
  actAs(fx.core, ['writer'], 'Penulis');
  const writer = await fx.core.invoke('home.desk', {});
  expect(card(writer, 'complaints_due')).toBeUndefined();
  expect(card(writer, 'posts_today')).toBeDefined();
  actAs(fx.core, ['protocol'], 'Protokol');
  const protocol = await fx.core.invoke('home.desk', {});
  expect(card(protocol, 'complaints_due')).toBeUndefined();
  expect(card(protocol, 'posts_today')).toBeUndefined();
  actAs(fx.core, ['media_cooperation'], 'Kerja Sama');
  expect(card(await fx.core.invoke('home.desk', {}), 'complaints_due')).toBeDefined();
});
