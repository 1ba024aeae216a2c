/**
 * The administrator's device sync report and Beranda's desk and social cards, end to end: a
 * browser-mode instance enrolled as administrator with a real sync server on 127.0.0.1, and a
 * writer's device (enrolled over HTTP) whose change the server refused. Pengaturan shows both
 * devices with what the server saw; Beranda shows the complaints card and today's posts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { FirstRunPage } from './pages/first-run-page';
import { AppFrame } from './pages/app-frame';
import { startWartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { SCREENSHOT_DIR, TMP_ROOT } from './support/paths';
import { enrolViaUi, syncNow } from './support/sync-ui';

test('Pengaturan: the device sync report lists every device with its last push and refusals; Beranda: complaints and posts cards', async ({ page }) => {
  test.setTimeout(180_000);
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, 'devices-server-'));
  const store = openSqliteStore(serverDir);
  const server = await startSyncServer({ store });
  const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
  const host = await startWartaHost('devices');
  try {
    const fr = new FirstRunPage(page);
    await fr.open(host.url);
    await fr.complete(SURAKARTA);
    await enrolViaUi(page, server, workspace, 'Komputer admin');
    // A writer's laptop whose OPD change the server refuses (writers do not keep the OPD list).
    const code = await server.admin.issueCode(workspace, 'writer');
    const node = crypto.randomBytes(8).toString('hex');
    const { token } = (await (await fetch(`${server.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ workspace, code, deviceId: node, deviceName: 'Laptop penulis' }) })).json()) as { token: string };
    const hlc = `${String(Date.now()).padStart(15, '0')}-000000-${node}`;
    const pushed = (await (
      await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify({ changes: [{ hlc, table: 'opd', rowId: crypto.randomUUID(), fields: { name: 'Dinas X' } }] }) })
    ).json()) as { refused: unknown[] };
    expect(pushed.refused).toHaveLength(1);
    await syncNow(page);

    const report = page.getByTestId('device-report');
    await report.getByRole('button', { name: 'Muat laporan perangkat' }).click();
    const rows = report.getByTestId('device-row');
    await expect(rows).toHaveCount(2, { timeout: 20_000 });
    await expect(rows.nth(0)).toContainText('Komputer admin (perangkat ini)');
    await expect(rows.nth(1)).toContainText('Laptop penulis');
    await expect(rows.nth(1)).toContainText('0 diterima, 1 ditolak');
    await expect(rows.nth(1).getByTestId('device-refused')).toHaveText('1');
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-laporan-perangkat.png') });

    // Beranda: a post planned for today and not yet posted; the complaints card with nothing due.
    const today = await page.evaluate(() => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
    await callCore(page, 'campaigns.posts.save', { title: 'Infografik Car Free Day', platform: 'instagram', account: '@humassolo', date: today, time: '16:00', status: 'draft' });
    await new AppFrame(page).open('Beranda');
    const posts = page.getByTestId('desk-posts_today');
    await expect(posts.getByTestId('desk-count')).toHaveText('1', { timeout: 20_000 });
    await expect(posts).toContainText('Infografik Car Free Day');
    await expect(posts).toContainText('Instagram @humassolo · 16:00 · draf');
    await expect(page.getByTestId('desk-complaints_due').getByTestId('desk-count')).toHaveText('0');
    await posts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-meja-pagi-aduan-unggahan.png') });
    // Keyboard: the post is a button that opens Kampanye.
    await posts.getByRole('button', { name: /Infografik Car Free Day/ }).focus();
    await page.keyboard.press('Enter');
    await expect(new AppFrame(page).navItem('Kampanye')).toHaveAttribute('aria-current', 'page');
  } finally {
    await host.stop();
    await server.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
