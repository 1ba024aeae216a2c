/**
 * The core's worker dies in the middle of a job (issue 17): browser mode restarts it, the window
 * says so above whatever it shows, the call in flight gets `core_restarted`, and the database
 * keeps everything that was acknowledged. The host runs in this process so the test can end the
 * worker thread the way a crash would.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/start-browser-host';
import { DATABASE_FILE } from '../../electron/core/create-core';
import { createMemoryLogger } from '../../electron/core/log/logger';
import type { EventMap } from '../../shared/contract/events';
import { connectClient, outletsCsv } from '../support/core-under-load';
import { FirstRunPage } from './pages/first-run-page';
import { SURAKARTA } from './support/office-fixture-data';
import { ADMIN } from './support/people-fixture-data';
import { RENDERER_DIST, SCREENSHOT_DIR, TMP_ROOT } from './support/paths';

let host: BrowserHost | null = null;
let dataDir = '';
test.beforeEach(async () => {
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(TMP_ROOT, 'data-core-restart-'));
  host = await startBrowserHost({ dataDir, rendererDir: RENDERER_DIST, logger: createMemoryLogger() });
});
test.afterEach(async () => {
  await host?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the core killed mid-import: restarted, the window says so, nothing acknowledged lost', async ({ page }) => {
  test.setTimeout(180_000);
  const h = host as BrowserHost;
  const firstRun = new FirstRunPage(page);
  await firstRun.open(h.url);
  await firstRun.complete(SURAKARTA);

  const client = await connectClient(h);
  const names = Array.from({ length: 10 }, (_, i) => `Dinas Uji Mogok ${i}`);
  for (const [i, name] of names.entries()) await client.invoke('opd.save', { name, abbreviation: `DM${i}` });
  const upload = await client.invoke<{ uploadId: string }>('media.import.upload', { base64: outletsCsv(5000).toString('base64') });
  const preview = await client.invoke<{ sessionId: string }>('media.import.open', { uploadId: upload.uploadId, fileName: 'media.csv', kind: 'outlets' });
  const seen = client.events.length;
  const commit = client.call('media.import.commit', { sessionId: preview.sessionId });
  await expect
    .poll(() => client.events.slice(seen).some((e) => e.name === 'progress' && (e.payload as EventMap['progress']).done > 0), { timeout: 60_000 })
    .toBe(true);
  await h.core.kill();

  expect(await commit).toMatchObject({ ok: false, error: { code: 'core_restarted' } });
  const banner = page.getByTestId('core-status-banner');
  await expect(banner).toContainText('Inti Warta dimulai ulang pukul', { timeout: 60_000 });
  await expect(banner).toContainText('Yang sudah tersimpan aman');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-inti-dimulai-ulang.png') });
  // The restarted core has nobody signed in: the window is back at sign-in, the notice above it.
  await expect(page.getByRole('form', { name: 'Masuk ke Warta' })).toBeVisible({ timeout: 30_000 });
  const dismiss = banner.getByRole('button', { name: 'Tutup pemberitahuan' });
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await expect(banner).toBeHidden();

  // Every acknowledged row is there, through the restarted core and in the file itself.
  await client.invoke('session.signIn', { login: ADMIN.login, password: ADMIN.password });
  const list = await client.invoke<{ name: string }[]>('opd.list', {});
  expect(list.map((o) => o.name)).toEqual(expect.arrayContaining(names));
  client.close();
  await h.close();
  host = null;
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT name FROM opd WHERE deleted_at IS NULL').all() as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(names));
  } finally {
    db.close();
  }
});
