/**
 * Beranda as the morning desk, end to end: two browser-mode instances enrolled with a real sync
 * server on 127.0.0.1. A release sent for review on the first appears, without a reload, in the
 * review card of the second's Beranda once sync brings it; the card's item opens the release.
 * Data is set up through the contract (other features own those screens); the desk is read on screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { FirstRunPage } from './pages/first-run-page';
import { AppFrame } from './pages/app-frame';
import { startWartaHost, type WartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { SCREENSHOT_DIR, TMP_ROOT } from './support/paths';
import { enrolViaUi, syncNow } from './support/sync-ui';


test('Beranda: the review card of a second computer fills in when sync brings a release, and leads to it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, 'home-server-'));
  const store = openSqliteStore(serverDir);
  const server = await startSyncServer({ store });
  const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
  let second: WartaHost | null = null;
  const first = await startWartaHost('home-a');
  try {
    second = await startWartaHost('home-b');
    const pageB = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (const [p, host] of [
      [page, first],
      [pageB, second],
    ] as const) {
      const fr = new FirstRunPage(p);
      await fr.open(host.url);
      await fr.complete(SURAKARTA);
    }
    await enrolViaUi(page, server, workspace, 'Laptop lapangan');
    await enrolViaUi(pageB, server, workspace, 'Komputer kantor');
    await syncNow(pageB);

    // The second computer's Beranda: the desk is there, the review queue empty.
    const t0 = Date.now();
    await new AppFrame(pageB).open('Beranda');
    const review = pageB.getByTestId('desk-awaiting_review');
    await expect(review.getByTestId('desk-count')).toHaveText('0');
    const firstPaintMs = Date.now() - t0;
    await expect(review).toContainText('Tidak ada yang perlu ditangani.');

    // On the first computer: a leader's event that ended 90 minutes ago, a release written from it, sent for review.
    const now = Date.now();
    const mayor = await callCore<{ id: string }>(page, 'agenda.officials.save', { name: 'Drs. Teguh Prakosa', position: 'Wali Kota', precedenceRank: 10, isLeader: true });
    await callCore(page, 'agenda.events.save', { title: 'Rapat Koordinasi Banjir', startMs: now - 150 * 60_000, endMs: now - 90 * 60_000, leaderIds: [mayor.id], placeName: 'Balai Kota' });
    const release = await callCore<{ id: string }>(page, 'releases.create', { title: 'Wali Kota Pimpin Rapat Koordinasi Banjir' });
    await callCore(page, 'releases.transition', { id: release.id, to: 'in_review' });
    await syncNow(page);
    // The second computer pulls (by the server's notice or this nudge) while Beranda stays open.
    await callCore(pageB, 'sync.now', {});
    await expect(review.getByTestId('desk-count')).toHaveText('1', { timeout: 20_000 });
    await expect(review).toContainText('Wali Kota Pimpin Rapat Koordinasi Banjir');
    // The event's cards show only an event that began today in the office's zone (WIB): from
    // 00.00 to 02.30 WIB the event began yesterday, and the two cards rightly leave it out.
    const wibDayStart = Math.floor((now + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
    if (now - 150 * 60_000 >= wibDayStart) {
      await expect(pageB.getByTestId('desk-agenda_days')).toContainText('Rapat Koordinasi Banjir');
      await expect(pageB.getByTestId('desk-release_clock')).toContainText('terlambat');
    }

    // An agency's request whose answer-by time passed 10 minutes ago: the requests card counts it as late.
    const dinkes = await callCore<{ id: string }>(pageB, 'opd.save', { name: 'Dinas Kesehatan', abbreviation: 'Dinkes' });
    const request = await callCore<{ id: string }>(pageB, 'requests.submit', {
      id: crypto.randomUUID(), opdId: dinkes.id, kind: 'publicity', channel: 'whatsapp', title: 'Peliputan Bulan Imunisasi Anak',
      description: 'Mohon diliput.', place: 'Puskesmas Sukamaju', startMs: now + 48 * 3_600_000, endMs: now + 50 * 3_600_000,
      attendees: '', contactName: 'dr. Ratna', contactPhone: '0812 3456 7890',
    });
    await callCore(pageB, 'requests.assign', { id: request.id, assigneeId: null, dueMs: now - 10 * 60_000 });
    const requests = pageB.getByTestId('desk-requests_due');
    await expect(requests.getByTestId('desk-count')).toHaveText('1', { timeout: 20_000 });
    await expect(requests).toContainText('Peliputan Bulan Imunisasi Anak');
    await expect(requests).toContainText('Dinas Kesehatan');
    await expect(requests).toContainText('terlambat');

    // The page area keeps the scroll of the section before; the shot starts at the desk's top.
    await pageB.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop && (el.scrollTop = 0)));
    await pageB.setViewportSize({ width: 1400, height: 1500 });
    await pageB.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-meja-pagi.png') });

    // Keyboard: the item is a button; Enter opens the release in Rilis.
    await review.getByRole('button', { name: /Wali Kota Pimpin Rapat Koordinasi Banjir/ }).focus();
    await pageB.keyboard.press('Enter');
    await expect(pageB.getByRole('heading', { level: 1, name: 'Wali Kota Pimpin Rapat Koordinasi Banjir' })).toBeVisible();
    await expect(new AppFrame(pageB).navItem('Rilis')).toHaveAttribute('aria-current', 'page');
    test.info().annotations.push({ type: 'home first paint (ms)', description: String(firstPaintMs) });
    await pageB.close();
  } finally {
    await second?.stop();
    await first.stop();
    await server.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
