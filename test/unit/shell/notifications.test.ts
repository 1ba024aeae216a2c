/**
 * OS notifications, end to end over real cores (real SQLite files): the core finds what is worth
 * telling the person signed in here — a review requested and a comment on their release arriving
 * from another machine by sync (change-log exchange), an embargo passing, e-mails refused — and
 * the shell shows it unless the kind is off or it is quiet hours; a click opens the right screen.
 * Electron is a stand-in (fake-electron.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChangeLog } from '../../../electron/core/data/change-log';
import type { Core } from '../../../electron/core/create-core';
import type { Notice } from '../../../shared/desktop/settings';
import { ADMIN } from '../../core/people/people-fixture';
import { distributionCore, embargoedRelease, publishedRelease, seedMedia, useSmtp } from '../../core/distribution/support';
import { startSmtpServer } from '../../support/smtp-test-server';
import { releaseCore, writeBody } from '../../core/releases/helpers';
import { FakeWindow, resetFakeElectron, type FakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());
const electron = (await import('electron')) as unknown as FakeElectron;
const { startDesktop } = await import('../../../electron/shell/desktop');
const { IPC_CHANNEL_EVENT } = await import('../../../shared/contract/wire');

const fixtures: { cleanup(): void }[] = [];
afterEach(() => {
  while (fixtures.length) fixtures.pop()?.cleanup();
  resetFakeElectron(electron);
});

/** What sync carries between the two machines here: the releases' rows (not the accounts). */
function carryReleases(from: Core, to: Core) {
  to.context.mutator.applyChanges(readChangeLog(from.context.db).filter((c) => c.table.startsWith('release')));
}

async function twoMachines() {
  const field = await releaseCore(Date.UTC(2026, 5, 1, 2, 0));
  const office = await releaseCore(Date.UTC(2026, 5, 1, 2, 0));
  fixtures.push(field, office);
  // The office machine: Siti (administrator: writes and reviews) is signed in.
  await office.core.invoke('accounts.setupAdministrator', ADMIN);
  const win = new FakeWindow();
  const opened: number[] = [];
  const desktop = startDesktop({ core: office.core, logger: office.logger, platform: 'win32', language: () => 'id', installMenu: () => undefined, window: () => win as never, openWindow: () => opened.push(1) });
  desktop.attachWindow(win as never);
  const notices: Notice[] = [];
  office.core.on('desktop.notice', (n) => notices.push(n));
  return { field, office, win, opened, desktop, notices };
}

describe('OS notifications', () => {
  it('a review requested and a comment on my release, arriving by sync: shown, and a click opens the release', async () => {
    const { field, office, win, opened, notices } = await twoMachines();
    // Siti writes a release at the office; it reaches the field laptop.
    const mine = await office.core.invoke('releases.create', { title: 'Festival Kuliner Sukamaju' });
    carryReleases(office.core, field.core);
    // On the field laptop someone comments on it, and sends another release for review.
    await field.core.invoke('releases.comment', { id: mine.id, body: 'Foto pembukaan perlu diganti.' });
    const other = await field.core.invoke('releases.create', { title: 'Jadwal Vaksinasi Keliling' });
    await writeBody(field.core, other.id, 'Vaksinasi keliling di tujuh kelurahan.');
    await field.core.invoke('releases.transition', { id: other.id, to: 'in_review' });
    carryReleases(field.core, office.core);

    await vi.waitFor(() => expect(electron.record.notifications).toHaveLength(2));
    expect(notices.map((n) => n.kind).sort()).toEqual(['commentOnMine', 'reviewRequested']);
    const texts = electron.record.notifications.map((n) => `${n.options.title} | ${n.options.body}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Komentar baru dari Pengguna lokal \| Festival Kuliner Sukamaju: Foto pembukaan/),
        expect.stringMatching(/^Siaran pers menunggu pemeriksaan Anda \| Jadwal Vaksinasi Keliling/),
      ]),
    );
    expect(electron.record.notifications.every((n) => n.shown)).toBe(true);

    const review = electron.record.notifications.find((n) => /pemeriksaan/.test(n.options.title))!;
    review.emit('click');
    expect(opened).toHaveLength(1);
    expect(win.webContents.sent).toContainEqual([IPC_CHANNEL_EVENT, 'desktop.open', { section: 'releases', id: other.id }]);

    // The same changes again (sync repeats itself): nothing shown twice.
    carryReleases(field.core, office.core);
    office.core.context.events.emit('data.changed', { tables: ['release_comments'] });
    await new Promise((r) => setTimeout(r, 400));
    expect(electron.record.notifications).toHaveLength(2);
  });

  it('my own actions are not news; a kind switched off or quiet hours keep it silent', async () => {
    const { field, office, notices } = await twoMachines();
    const mine = await office.core.invoke('releases.create', { title: 'Rapat Koordinasi Banjir' });
    await office.core.invoke('releases.comment', { id: mine.id, body: 'Catatan saya sendiri.' });
    await new Promise((r) => setTimeout(r, 400));
    expect(notices).toEqual([]);

    // Comments switched off; then quiet hours all day long.
    await office.core.invoke('desktop.settings.save', { notifications: { commentOnMine: false } });
    carryReleases(office.core, field.core);
    await field.core.invoke('releases.comment', { id: mine.id, body: 'Komentar pertama.' });
    carryReleases(field.core, office.core);
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 400));
    expect(electron.record.notifications).toHaveLength(0);

    const now = new Date();
    const from = `${String(now.getHours()).padStart(2, '0')}:00`;
    const to = `${String((now.getHours() + 2) % 24).padStart(2, '0')}:00`;
    await office.core.invoke('desktop.settings.save', { notifications: { quietHours: { enabled: true, from, to } } });
    await field.core.invoke('releases.comment', { id: mine.id, body: 'Komentar kedua.' });
    carryReleases(field.core, office.core);
    await vi.waitFor(() => expect(notices).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 400));
    expect(electron.record.notifications).toHaveLength(0);
  });

  it('an embargo passing is told once; with no notification support nothing breaks', async () => {
    const { office, notices } = await twoMachines();
    const embargoAt = new Date(Date.UTC(2026, 5, 1, 2, 3)).toISOString();
    const id = await embargoedRelease(office.core, embargoAt);
    // Within the idle lock's minutes: a locked session is nobody to tell.
    office.clock.advance(4 * 60_000);
    electron.record.notificationsSupported = false;
    office.core.context.events.emit('data.changed', { tables: ['distribution_recipients'] });
    await vi.waitFor(() => expect(notices.map((n) => n.kind)).toEqual(['embargoLifted']));
    expect(notices[0]).toMatchObject({ title: 'Embargo berakhir', target: { section: 'releases', id } });
    office.core.context.events.emit('data.changed', { tables: ['distribution_recipients'] });
    await new Promise((r) => setTimeout(r, 400));
    expect(notices).toHaveLength(1);
    expect(electron.record.notifications).toHaveLength(0);
  });

  it('an e-mail this machine sent is refused by the server: one notice for the distribution, opening the outbox', async () => {
    const dist = await distributionCore();
    fixtures.push(dist);
    await dist.core.invoke('accounts.setupAdministrator', ADMIN);
    const smtp = await startSmtpServer({ refuse: new Set(['budi@sukamajupos.example']) });
    try {
      await useSmtp(dist.core, smtp.port);
      const releaseId = await publishedRelease(dist.core);
      const m = await seedMedia(dist.core);
      const notices: Notice[] = [];
      dist.core.on('desktop.notice', (n) => notices.push(n));
      const queued = await dist.core.invoke('distribution.queue', { releaseId, listIds: [m.list.id], channels: { email: true, whatsapp: false } });
      dist.clock.advance(1000);
      await dist.drain();
      await vi.waitFor(() => expect(notices.map((n) => n.kind)).toEqual(['messageProblem']));
      expect(notices[0]).toMatchObject({ title: '1 surel ditolak server', target: { section: 'outbox', id: queued.id } });
    } finally {
      await smtp.close();
    }
  });

  it('nobody from the staff signed in: nothing is told', async () => {
    const { field, office, notices } = await twoMachines();
    const mine = await office.core.invoke('releases.create', { title: 'Lomba Desa' });
    carryReleases(office.core, field.core);
    await office.core.invoke('session.signOut');
    await field.core.invoke('releases.comment', { id: mine.id, body: 'Sudah dibaca.' });
    carryReleases(field.core, office.core);
    await new Promise((r) => setTimeout(r, 400));
    expect(notices).toEqual([]);
  });
});
