/**
 * Enrolment as a person meets it (issue 19), in Chromium against browser mode and a real sync
 * server on 127.0.0.1: someone else's code redeemed with this computer's device id does not take
 * it over (this computer keeps syncing); after "disconnect", enrolling again with a plain code
 * is refused with a sentence saying what to ask the administrator for, and the administrator's
 * code for this device lets it back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { startWartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT, TMP_ROOT } from './support/paths';

async function fillEnrolment(page: Page, server: SyncServer, workspace: string, code: string) {
  const section = page.getByTestId('sync-section');
  await section.getByLabel('Alamat server').fill(server.url);
  await section.getByLabel('Kode ruang kerja').fill(workspace);
  await section.getByLabel('Kode pendaftaran').fill(code);
  await section.getByLabel('Nama komputer ini').fill('Laptop Humas');
  await section.getByRole('button', { name: 'Daftarkan komputer ini' }).click();
}

// The first computer of a new office enrols as its administrator: its office profile becomes the
// office's (a writer's device may not set the office profile, so the server would refuse it).
test('a code never takes over this computer; re-enrolling needs the administrator’s code for it', async ({ page }) => {
  test.setTimeout(120_000);
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, 'enrol-server-'));
  const store = openSqliteStore(serverDir);
  const server = await startSyncServer({ store });
  const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
  const host = await startWartaHost('enrolment');
  try {
    const fr = new FirstRunPage(page);
    await fr.open(host.url);
    await fr.complete(SURAKARTA);
    await new AppFrame(page).open('Pengaturan');
    const section = page.getByTestId('sync-section');
    // A mistyped code: the headline says the server refused the code (not "not authorised"), in Indonesian only.
    await fillEnrolment(page, server, workspace, 'WXYZ-2345-QRST');
    const refused = section.getByRole('alert');
    await expect(refused).toContainText('Server menolak kode pendaftaran ini.');
    await expect(refused).toContainText('Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa.');
    await expect(refused).not.toContainText('tidak berwenang');
    await expect(refused).not.toContainText('Invalid');
    await fillEnrolment(page, server, workspace, await server.admin.issueCode(workspace, 'administrator'));
    await expect(section.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeVisible();
    const { deviceId } = await callCore<{ deviceId: string }>(page, 'app.info', {});

    // Someone with a journalist code tries to become this computer.
    const takeover = await fetch(`${server.url}/v1/enrol`, {
      method: 'POST',
      body: JSON.stringify({ workspace, code: await server.admin.issueCode(workspace, 'journalist'), deviceId, deviceName: 'Penyusup' }),
    });
    expect(takeover.status).toBe(409);
    await section.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(section.getByTestId('sync-state')).toContainText('Mutakhir', { timeout: 20_000 });

    // Disconnect, then try to come back with a plain code.
    page.once('dialog', (d) => void d.accept());
    await section.getByRole('button', { name: 'Putuskan dari server' }).click();
    await expect(section.getByTestId('sync-state')).toContainText('Sinkronisasi belum diatur');
    await fillEnrolment(page, server, workspace, await server.admin.issueCode(workspace, 'administrator'));
    const alert = section.getByRole('alert');
    await expect(alert).toContainText('sudah terdaftar di ruang kerja ini');
    await expect(alert).toContainText('Komputer ini sudah terdaftar di ruang kerja itu');
    await expect(alert).not.toContainText('already enrolled');
    await expect(alert).toContainText(`kode pendaftaran ulang untuk perangkat ${deviceId}`);
    await page.screenshot({ path: path.join(REPO_ROOT, 'assets', 'screenshots', 'warta-daftar-ulang-ditolak.png'), fullPage: false });

    // The administrator issues a code for this computer: it is let back in.
    await section.getByLabel('Kode pendaftaran').fill(await server.admin.issueCode(workspace, 'administrator', undefined, deviceId));
    await section.getByRole('button', { name: 'Daftarkan komputer ini' }).click();
    await expect(section.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeVisible();
    await section.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(section.getByTestId('sync-state')).toContainText('Mutakhir', { timeout: 20_000 });
    expect((await server.admin.devices(workspace)).filter((d) => d.deviceId === deviceId)).toHaveLength(1);
  } finally {
    await host.stop();
    await server.close();
    await store.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
