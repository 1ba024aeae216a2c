/**
 * The desk's replies and numbers end to end (issue 14): a reply template with an unknown
 * placeholder refused next to the field, then saved; an item assigned, its reply filled from the
 * template, the WhatsApp click-to-chat link made from the reporter's mobile number (never
 * followed), a landline told apart; the numbers screen for the year and its XLSX. Chromium
 * against a real core in browser mode.
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

test('reply templates, WhatsApp click-to-chat, assignment and the numbers screen', async ({ page }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(shots, { recursive: true });
  const host = await startWartaHost('publicdesk-replies');
  try {
    const fr = new FirstRunPage(page);
    await fr.open(host.url);
    await fr.complete(SURAKARTA);
    const complaint = { kind: 'complaint', channel: 'whatsapp', consent: true, category: 'Infrastruktur' };
    await callCore(page, 'publicdesk.receive', { ...complaint, id: crypto.randomUUID(), personName: 'Siti Aminah', personPhone: '0812 3456 7890', body: 'Lampu jalan mati di Jalan Merdeka' });
    await callCore(page, 'publicdesk.receive', { ...complaint, id: crypto.randomUUID(), personName: 'Budi Santoso', personPhone: '(0271) 555-0101', body: 'Selokan mampet di Pasar Gede' });

    const frame = new AppFrame(page);
    await frame.open('Aduan & PPID');
    await page.getByRole('button', { name: 'Templat balasan' }).click();
    const templates = page.getByTestId('desk-templates');
    await templates.getByLabel('Nama templat').fill('Terima kasih');
    await templates.getByLabel('Isi templat').fill('Halo {nmaa}, aduan {nomor} diteruskan.');
    await templates.getByRole('button', { name: 'Simpan templat' }).click();
    await expect(templates.getByRole('alert')).toContainText('Isian tidak dikenal: {nmaa}', { timeout: 15_000 });
    await templates.getByLabel('Isi templat').fill('Halo {nama}, aduan {nomor} sudah kami terima dan diteruskan ke {opd}. Jawaban paling lambat {tenggat}.');
    await templates.getByRole('button', { name: 'Simpan templat' }).click();
    await expect(templates.getByRole('status')).toContainText('Templat "Terima kasih" disimpan.', { timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, 'publicdesk-templates.png'), fullPage: true });
    await templates.getByRole('button', { name: 'Tutup' }).click();

    await page.getByTestId('desk-table').getByRole('button', { name: /Lampu jalan mati/ }).click();
    const detail = page.getByTestId('desk-detail');
    await detail.getByRole('button', { name: 'Verifikasi' }).click();
    const assignee = detail.getByLabel('Penanggung jawab');
    await expect(assignee).toBeVisible({ timeout: 15_000 });
    await assignee.selectOption({ index: 1 });
    await expect(assignee).not.toHaveValue('');
    await detail.getByLabel('Templat balasan').selectOption({ label: 'Terima kasih' });
    await detail.getByRole('button', { name: 'Isi dari templat' }).click();
    const reply = detail.getByLabel('Teks balasan');
    await expect(reply).toHaveValue(/^Halo Siti Aminah, aduan 0001\/ADU\/\d{4} sudah kami terima dan diteruskan ke OPD terkait\. Jawaban paling lambat \S+, \d+ \S+ \d{4}\.$/, { timeout: 15_000 });
    const wa = detail.getByTestId('desk-whatsapp');
    await expect(wa).toHaveAttribute('href', /^https:\/\/wa\.me\/6281234567890\?text=Halo%20Siti%20Aminah/);
    await expect(wa).toHaveAttribute('rel', /noopener/);
    await page.screenshot({ path: path.join(shots, 'publicdesk-reply.png'), fullPage: true });
    await detail.getByRole('button', { name: /Kembali ke daftar/ }).click();

    // A landline has no WhatsApp: told, no link.
    await page.getByTestId('desk-table').getByRole('button', { name: /Selokan mampet/ }).click();
    await detail.getByRole('button', { name: 'Verifikasi' }).click();
    await detail.getByLabel('Teks balasan').fill('Terima kasih, Pak Budi.');
    await expect(detail.getByText('WhatsApp tidak tersedia: nomor pelapor bukan nomor seluler Indonesia yang sah.')).toBeVisible({ timeout: 15_000 });
    await expect(detail.getByTestId('desk-whatsapp')).toHaveCount(0);
    await detail.getByRole('button', { name: /Kembali ke daftar/ }).click();

    await page.getByRole('button', { name: 'Angka', exact: true }).click();
    const numbers = page.getByTestId('desk-numbers');
    await expect(numbers.getByTestId('desk-numbers-table')).toBeVisible({ timeout: 15_000 });
    await expect(numbers.getByTestId('desk-numbers-table').locator('tfoot td').first()).toHaveText('2');
    await numbers.getByLabel('Menurut').selectOption('byChannel');
    await expect(numbers.getByTestId('desk-numbers-table').locator('tbody tr')).toHaveCount(1);
    await page.screenshot({ path: path.join(shots, 'publicdesk-numbers.png'), fullPage: true });
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), numbers.getByRole('button', { name: 'Unduh XLSX' }).click()]);
    expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
  } finally {
    await host.stop();
  }
});
