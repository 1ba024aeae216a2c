/**
 * Searching the desk's inbox end to end (issues 13, 14): in Chromium against a real core in
 * browser mode, the search field finds items by the start of their words as a person types, by
 * the reporter's name in any case and by a word typed without its accent; text full of search
 * syntax (quotes, *, NEAR, parentheses) shows an empty list, not an error, and clearing the
 * field brings every item back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { startWartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT } from './support/paths';

const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');

test('the inbox search finds words as they are typed, names in any case, words without accents; syntax is only text', async ({ page }) => {
  test.setTimeout(150_000);
  fs.mkdirSync(shots, { recursive: true });
  const host = await startWartaHost('publicdesk-search');
  try {
    const fr = new FirstRunPage(page);
    await fr.open(host.url);
    await fr.complete(SURAKARTA);
    const receive = (body: string, personName: string, category: string) =>
      callCore(page, 'publicdesk.receive', { id: crypto.randomUUID(), kind: 'complaint', channel: 'whatsapp', personName, consent: true, body, category, location: 'Kel. Banjarsari', priority: 'normal' });
    await receive('Lampu jalan mati di Jl. Slamet Riyadi sejak Senin.', 'Siti Aminah', 'Infrastruktur');
    await receive('Sampah menumpuk di depan Pasar Gede.', 'Zubaidah Ramadhani', 'Lingkungan dan kebersihan');
    await receive('Antrean panjang di Kafé Layanan Terpadu kecamatan.', 'Budi Santoso', 'Administrasi kependudukan');

    const frame = new AppFrame(page);
    await frame.open('Aduan & PPID');
    const table = page.getByTestId('desk-table');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(3, { timeout: 30_000 });
    const search = page.getByRole('searchbox', { name: /Cari isi/ });

    await search.pressSequentially('lam sla', { delay: 30 });
    await expect(rows).toHaveCount(1, { timeout: 30_000 });
    await expect(rows.first()).toContainText('Lampu jalan mati');
    await expect(page.getByRole('button', { name: 'Semua (1)' })).toBeVisible();
    await page.screenshot({ path: path.join(shots, 'warta-aduan-cari.png') });

    await search.fill('ZUBAID');
    await expect(rows).toHaveCount(1, { timeout: 30_000 });
    await expect(rows.first()).toContainText('Sampah menumpuk');

    await search.fill('kafe terpadu');
    await expect(rows).toHaveCount(1, { timeout: 30_000 });
    await expect(rows.first()).toContainText('Antrean panjang');

    await search.fill('"lampu* NEAR(jalan) AND (');
    await expect(page.getByText('Belum ada aduan atau permohonan.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);

    await search.fill('');
    await expect(rows).toHaveCount(3, { timeout: 30_000 });
  } finally {
    await host.stop();
  }
});
