import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import sharp from 'sharp';
import * as Y from 'yjs';
import { expect, type Page } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { ReleaseContacts } from './pages/release-contacts';
import { test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { SCREENSHOT_DIR, TMP_ROOT } from './support/paths';

const SHOTS = path.join(TMP_ROOT, 'screens');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
}

/** The merged body text of every release, read straight from the SQLite file the host writes. */
function storedBodyText(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'warta.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT release_id, update_b64 FROM release_body_updates ORDER BY rowid').all() as { release_id: string; update_b64: string }[];
    const docs = new Map<string, Y.Doc>();
    for (const r of rows) {
      const doc = docs.get(r.release_id) ?? new Y.Doc();
      docs.set(r.release_id, doc);
      Y.applyUpdate(doc, Buffer.from(r.update_b64, 'base64'));
    }
    return [...docs.values()].map((d) => d.getXmlFragment('body').toString()).join('\n');
  } finally {
    db.close();
  }
}

async function newRelease(page: Page, title: string) {
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  const titleInput = page.getByRole('textbox', { name: 'Judul', exact: true });
  await expect(titleInput).toBeVisible();
  await titleInput.fill(title);
  return titleInput;
}

test('release: write with a table and a photo, submit, approve, export, reload, find it by a word of its body', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Rilis');
  await expect(page.getByText('Belum ada rilis.')).toBeVisible();

  await newRelease(page, 'Wali Kota Resmikan Jembatan Gantung Kalisari');
  await page.getByRole('textbox', { name: 'Subjudul' }).fill('Akses dua desa kini terbuka sepanjang tahun');
  const body = page.getByRole('textbox', { name: 'Isi rilis' });
  await expect(body).toContainText('SURAKARTA –');
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type('Wali Kota Surakarta meresmikan jembatan gantung sepanjang 80 meter di Kelurahan Kalisari pada Senin (7/12/2026). ');
  await page.keyboard.type('Warga menyebut jembatan itu sebagai jembatan harapan. Kata kuncinya: ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('gotongroyong');
  await page.keyboard.press('Control+b');
  // Autosave: no save button; within a second of the last key the text is in the database file.
  await page.waitForTimeout(1000);
  expect(storedBodyText(warta.dataDir)).toContain('gotongroyong');
  await page.keyboard.press('Enter');

  // A table from the toolbar, filled by keyboard.
  await page.getByRole('button', { name: 'Sisipkan tabel' }).click();
  await page.keyboard.type('Desa');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Penerima manfaat');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kalisari');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1.200 jiwa');
  await expect(body.locator('table tr').nth(1)).toHaveText('Kalisari1.200 jiwa');

  // Out of the table to the paragraph after it.
  await page.keyboard.press('Control+End');
  // A photo: stored by the core, shown as a thumbnail, caption and credit typed in place.
  const jpeg = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
  await page.getByTestId('photo-input').setInputFiles({ name: 'peresmian.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const photo = body.locator('.rel-photo');
  await expect(photo.locator('img')).toBeVisible();
  await photo.getByRole('textbox', { name: 'Keterangan foto' }).fill('Wali Kota menggunting pita peresmian jembatan');
  await expect(photo.getByRole('textbox', { name: 'Kredit foto' })).toHaveValue('Foto: Bagian Humas dan Protokol Setda');

  await page.getByRole('textbox', { name: 'Penulis' }).last().fill('Rina Wulandari');
  await expect(page.getByRole('status').filter({ hasText: /^Tersimpan/ })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
  await shot(page, 'rilis-editor-top.png');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-rilis.png') });
  await photo.scrollIntoViewIfNeeded();
  await shot(page, 'rilis-editor.png');

  // Workflow.
  await page.getByRole('button', { name: 'Kirim ke editor' }).click();
  await expect(page.locator('.rel-edit__bar .rel-badge')).toHaveText('Ditinjau');
  await page.getByRole('button', { name: 'Setujui dan beri nomor' }).click();
  await expect(page.locator('.rel-edit__number')).toHaveText(/^1\/HUMAS\/PEMKOT-SKA\/[IVX]+\/20\d\d$/);
  await expect(body).toHaveAttribute('contenteditable', 'false');

  // Export: WhatsApp preview, then a PDF download.
  await page.getByRole('tab', { name: 'Ekspor' }).click();
  await page.getByRole('radio', { name: 'Teks WhatsApp' }).check();
  const preview = page.getByLabel('Pratinjau teks');
  await expect(preview).toContainText('*Wali Kota Resmikan Jembatan Gantung Kalisari*');
  await expect(preview).toContainText('_[Foto] Wali Kota menggunting pita peresmian jembatan (Foto: Bagian Humas dan Protokol Setda)_');
  await expect(preview).toContainText('*gotongroyong*');
  await shot(page, 'rilis-ekspor.png');
  await page.getByRole('radio', { name: 'PDF berkop' }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

  // Reload, find it by a word of its body.
  await page.reload();
  await frame.open('Rilis');
  await page.getByRole('searchbox', { name: 'Cari rilis' }).fill('gotong');
  const row = page.getByRole('listitem').filter({ hasText: 'Wali Kota Resmikan Jembatan Gantung Kalisari' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Disetujui');
  await expect(row).toContainText('«gotongroyong»');
  await shot(page, 'rilis-daftar.png');
  await row.click();
  await expect(page.getByRole('textbox', { name: 'Isi rilis' }).locator('table')).toContainText('Penerima manfaat');
  await expect(page.getByRole('textbox', { name: 'Isi rilis' }).locator('.rel-photo img')).toBeVisible();
});

test('release: bad input is refused with a message and nothing is lost', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  await new AppFrame(page).open('Rilis');
  const title = await newRelease(page, 'Judul yang benar');
  await expect(page.getByRole('status').filter({ hasText: /^Tersimpan/ })).toBeVisible();
  await title.fill('A'.repeat(10_000));
  await expect(page.getByRole('alert').filter({ hasText: 'maks. 300' })).toBeVisible();

  // A non-image named .jpg.
  await page.getByTestId('photo-input').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 bukan gambar') });
  await expect(page.getByRole('alert').filter({ hasText: 'foto.jpg' })).toBeVisible();

  // An embargo in the past.
  await page.getByRole('radio', { name: 'Embargo sampai waktu tertentu' }).check();
  await page.getByLabel('Tanggal embargo').fill('2020-01-06');
  await page.getByRole('button', { name: 'Pasang embargo' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'sudah lewat' })).toBeVisible();

  // Pasted HTML with a script is cleaned; a paste over 5 MB is refused.
  const body = page.getByRole('textbox', { name: 'Isi rilis' });
  await body.click();
  await page.evaluate(() => {
    const el = document.querySelector('.rel-body') as HTMLElement;
    const paste = (html: string) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', html.replace(/<[^>]+>/g, ''));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    };
    paste('<p style="font-size:900px" onclick="alert(1)">Teks dari Word <b>tebal</b><script>window.__pwned = 1</script><iframe src="https://evil.example"></iframe></p>');
    paste(`<p>${'x'.repeat(5 * 1024 * 1024 + 10)}</p>`);
  });
  await expect(body).toContainText('Teks dari Word tebal');
  await expect(body.locator('strong', { hasText: 'tebal' })).toHaveCount(1);
  await expect(body.locator('iframe, script, [onclick], [style*="900"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.getByRole('alert').filter({ hasText: 'lebih dari 5 MB' })).toBeVisible();

  // Nothing lost: after a reload the stored title is the last valid one.
  await expect(page.getByRole('status').filter({ hasText: /^Tersimpan/ })).toBeVisible();
  await page.reload();
  await new AppFrame(page).open('Rilis');
  await expect(page.getByRole('listitem').filter({ hasText: 'Judul yang benar' })).toBeVisible();
});

test('release: several narahubung are added, reordered by keyboard, kept over a reload and shown in the exports; bad input is refused', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await frame.open('Rilis');
  await newRelease(page, 'Pasar Rakyat Kalisari Dibuka Kembali');
  const contacts = new ReleaseContacts(page);
  // The template brings the office's phone as a first contact without a name: replaced here.
  await expect(contacts.all()).toHaveCount(1);
  await expect(contacts.field(1, 'Telepon/WhatsApp')).toHaveValue(SURAKARTA.phone);
  await contacts.button(1, 'Hapus').click();
  await expect(contacts.all()).toHaveCount(0);
  await expect(contacts.addButton).toBeFocused();

  await contacts.add({ name: 'Siti Aminah', position: 'Pranata Humas', phone: '0813-2222-3333' });
  await contacts.add({ name: 'Budi Santoso', position: 'Kasubag Peliputan', phone: '+62 812 0000 1111', email: 'budi@contoh-surakarta.go.id' });
  await contacts.expectNames(['Siti Aminah', 'Budi Santoso']);
  await expect(contacts.button(1, 'Naik')).toBeDisabled();
  await expect(contacts.button(2, 'Turun')).toBeDisabled();

  // Reorder with the keyboard: the focus follows the contact that moved.
  await contacts.button(2, 'Naik').focus();
  await page.keyboard.press('Enter');
  await contacts.expectNames(['Budi Santoso', 'Siti Aminah']);
  await expect(contacts.button(1, 'Turun')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: /^Tersimpan/ })).toBeVisible();
  await contacts.contact(1).scrollIntoViewIfNeeded();
  await shot(page, 'rilis-narahubung.png');

  // Kept over a reload, in the new order.
  await page.reload();
  await frame.open('Rilis');
  await page.getByRole('listitem').filter({ hasText: 'Pasar Rakyat Kalisari Dibuka Kembali' }).click();
  await contacts.expectNames(['Budi Santoso', 'Siti Aminah']);
  await expect(contacts.field(1, 'Email')).toHaveValue('budi@contoh-surakarta.go.id');
  await expect(contacts.field(2, 'Jabatan')).toHaveValue('Pranata Humas');

  // Both in the plain-text export, in order, under "Narahubung:".
  await page.getByRole('tab', { name: 'Ekspor' }).click();
  await page.getByRole('radio', { name: 'Teks biasa' }).check();
  const preview = page.getByLabel('Pratinjau teks');
  await expect(preview).toContainText('Narahubung:\nBudi Santoso (Kasubag Peliputan) · +62 812 0000 1111 · budi@contoh-surakarta.go.id\nSiti Aminah (Pranata Humas) · 0813-2222-3333');

  // Bad input: a name over 120 characters and a phone with letters are marked, not saved, not thrown away.
  await contacts.field(2, 'Nama').fill('S'.repeat(130));
  await expect(contacts.contact(2).getByRole('alert')).toHaveText('Paling banyak 120 karakter.');
  await contacts.field(1, 'Telepon/WhatsApp').fill('0812-BUDI');
  await expect(contacts.contact(1).getByRole('alert')).toHaveText('Nomor telepon hanya boleh berisi angka, spasi, +, (, ), - dan titik.');
  await expect(contacts.field(1, 'Telepon/WhatsApp')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan narahubung belum disimpan' })).toBeVisible();
  await expect(contacts.field(2, 'Nama')).toHaveValue('S'.repeat(130));
  // The stored contacts are the last valid ones: the export still names both.
  await page.getByRole('radio', { name: 'Teks WhatsApp' }).check();
  await expect(preview).toContainText('Budi Santoso (Kasubag Peliputan) · +62 812 0000 1111');
  await expect(preview).toContainText('Siti Aminah (Pranata Humas)');
  // Fixing the entries saves them again.
  await contacts.field(2, 'Nama').fill('Siti Aminah, S.Sos.');
  await contacts.field(1, 'Telepon/WhatsApp').fill('0812 0000 1111');
  await expect(contacts.contact(1).getByRole('alert')).toHaveCount(0);
  await expect(contacts.contact(2).getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Tersimpan/ })).toBeVisible();
  await page.reload();
  await frame.open('Rilis');
  await page.getByRole('listitem').filter({ hasText: 'Pasar Rakyat Kalisari Dibuka Kembali' }).click();
  await contacts.expectNames(['Budi Santoso', 'Siti Aminah, S.Sos.']);
  await expect(contacts.field(1, 'Telepon/WhatsApp')).toHaveValue('0812 0000 1111');
});
