/**
 * Deadline reminders of the public desk (issue 14 item 3), on a real core and SQLite file with a
 * driven clock: the assignee is reminded when an item nears its working-day deadline and when it
 * is late, the head of the desk when it is late; nobody twice, not even after a restart; quiet
 * hours hold a reminder back until they end; the switch in Settings › Desktop turns them off;
 * and the core's own timer raises them as `desktop.notice`.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findDeskReminders } from '../../../electron/core/features/publicdesk/reminders';
import type { Notice } from '../../../shared/desktop/settings';
import { removeDir, tempDir } from '../../support/temp-dir';
import { openTestCore, SAMPLE_PROFILE, type CoreFixture } from '../../support/core-fixture';
import { ADMIN, PASSWORD, seedAccounts } from '../people/people-fixture';

/** Friday 18 December 2026, 09:00 WIB; a complaint received then is due Tuesday 29 (5 working days, 24–25 off). */
const FRIDAY = Date.parse('2026-12-18T02:00:00Z');
const MONDAY_28 = Date.parse('2026-12-28T02:00:00Z');
const WEDNESDAY_30 = Date.parse('2026-12-30T02:00:00Z');
let now = FRIDAY;
let dir = '';
let fx: CoreFixture;
let ids: Record<string, string> = {};
let itemId = '';

const open = () => openTestCore({ clock: () => now }, dir);
const signIn = (login: string) => fx.core.invoke('session.signIn', { login, password: login === ADMIN.login ? ADMIN.password : PASSWORD });
const remind = () => findDeskReminders(fx.core.context);

beforeEach(async () => {
  now = FRIDAY;
  dir = tempDir('desk-reminders');
  fx = open();
  await fx.core.invoke('office.save', SAMPLE_PROFILE);
  ids = await seedAccounts(fx.core, ['editor', 'media_cooperation', 'writer']);
  const item = await fx.core.invoke('publicdesk.receive', {
    id: crypto.randomUUID(),
    kind: 'complaint',
    channel: 'whatsapp',
    personName: 'Siti Aminah',
    consent: true,
    body: 'Lampu jalan mati di Jalan Merdeka.',
  });
  itemId = item.id;
  await fx.core.invoke('publicdesk.assign', { id: itemId, assigneeId: ids.media_cooperation! });
  await fx.core.invoke('publicdesk.head.save', { headId: ids.editor! });
});
afterEach(() => {
  fx.core.close();
  removeDir(dir);
});

describe('deadline reminders', () => {
  it('the assignee when the deadline nears and when it passes, the head when it passes; never twice, not after a restart', async () => {
    await signIn('u-media-cooperation');
    expect(remind()).toEqual([]); // five working days left
    now = MONDAY_28; // due tomorrow (one working day)
    await signIn('u-media-cooperation'); // days idle lock the session; a signed-out machine reminds nobody
    const soon = remind();
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({ kind: 'deskDeadline', target: { section: 'publicdesk', id: itemId } });
    expect(soon[0]!.title).toBe('Tenggat aduan/permohonan 0001/ADU/2026 sudah dekat');
    expect(soon[0]!.body).toContain('sisa 1 hari kerja');
    expect(remind()).toEqual([]);

    // Warta restarts: what was raised stays raised.
    fx.core.close();
    fx = open();
    await signIn('u-media-cooperation');
    expect(remind()).toEqual([]);

    now = WEDNESDAY_30; // one working day late
    await signIn('u-media-cooperation');
    const late = remind();
    expect(late.map((n) => n.title)).toEqual(['Tenggat aduan/permohonan 0001/ADU/2026 terlewati']);
    expect(late[0]!.body).toContain('terlambat 1 hari kerja');
    expect(remind()).toEqual([]);

    // The head hears of the late item; the administrator, neither assignee nor head, does not.
    await signIn('u-editor');
    expect(remind().map((n) => n.title)).toEqual(['Tenggat aduan/permohonan 0001/ADU/2026 terlewati']);
    await signIn('siti');
    expect(remind()).toEqual([]);
    // A writer does not work the desk.
    await signIn('u-writer');
    expect(remind()).toEqual([]);
  });

  it('a closed item reminds nobody', async () => {
    now = MONDAY_28;
    await signIn('u-media-cooperation');
    expect(remind()).toHaveLength(1);
    await signIn('siti');
    await fx.core.invoke('publicdesk.verify', { id: itemId });
    await fx.core.invoke('publicdesk.close', { id: itemId, outcome: 'resolved' });
    now = WEDNESDAY_30;
    await signIn('u-media-cooperation');
    expect(remind()).toEqual([]);
  });

  it('quiet hours hold a reminder back until they end; the switch turns reminders off', async () => {
    now = MONDAY_28;
    await signIn('siti');
    const minute = new Date(now).getHours() * 60 + new Date(now).getMinutes();
    const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    await fx.core.invoke('desktop.settings.save', { notifications: { quietHours: { enabled: true, from: hhmm(minute), to: hhmm(minute + 60) } } });
    await signIn('u-media-cooperation');
    expect(remind()).toEqual([]);
    now += 61 * 60_000;
    await signIn('u-media-cooperation');
    expect(remind()).toHaveLength(1);

    now = WEDNESDAY_30;
    await signIn('siti');
    await fx.core.invoke('desktop.settings.save', { notifications: { deskDeadline: false } });
    await signIn('u-media-cooperation');
    expect(remind()).toEqual([]);
    await signIn('siti');
    await fx.core.invoke('desktop.settings.save', { notifications: { deskDeadline: true } });
    await signIn('u-media-cooperation');
    expect(remind()).toHaveLength(1);
  });

  it('the core raises them by itself while it runs, as a desktop notice', async () => {
    now = MONDAY_28;
    fx.core.close();
    fx = open();
    const notices: Notice[] = [];
    fx.core.on('desktop.notice', (n) => notices.push(n));
    await signIn('u-media-cooperation');
    await vi.waitFor(() => expect(notices.map((n) => n.kind)).toEqual(['deskDeadline']), { timeout: 20_000, interval: 250 });
  }, 30_000);

  it('refuses an assignee or head who is not desk staff, and a closed item, clearly; nothing changes', async () => {
    const wrong = await fx.core.call('publicdesk.assign', { id: itemId, assigneeId: ids.writer! });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/tidak mengurus meja aduan/) });
    const nobody = await fx.core.call('publicdesk.head.save', { headId: crypto.randomUUID() });
    expect(nobody.ok ? null : nobody.error).toMatchObject({ code: 'not_found' });
    expect((await fx.core.invoke('publicdesk.get', { id: itemId })).assigneeId).toBe(ids.media_cooperation);
    expect((await fx.core.invoke('publicdesk.staff', {})).headId).toBe(ids.editor);
    await fx.core.invoke('publicdesk.verify', { id: itemId });
    await fx.core.invoke('publicdesk.close', { id: itemId, outcome: 'resolved' });
    const closed = await fx.core.call('publicdesk.assign', { id: itemId, assigneeId: null });
    expect(closed.ok ? null : closed.error).toMatchObject({ code: 'conflict' });
    expect((await fx.core.invoke('publicdesk.staff', {})).staff.map((s) => s.name).sort()).toEqual(['Pengguna editor', 'Pengguna media_cooperation', 'Siti Rahmawati']);
  });
});
