import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Page } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { TMP_ROOT } from './support/paths';

const SHOTS = path.join(TMP_ROOT, 'screens');
const OUTLET = 'Harian Contoh Solo';
const RINA = { name: 'Rina Wulandari', email: 'rina@contoh-solo.test', whatsapp: '0812-3456-7001' };
const BUDI = { name: 'Budi Santoso', email: 'budi@contoh-solo.test' };
const TITLE = 'Wali Kota Resmikan Revitalisasi Pasar Gede';

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
}

/** A real SMTP server on 127.0.0.1 (any port), keeping every message it accepts. */
async function startSmtp(): Promise<{ port: number; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          done();
        })
        .catch((err: Error) => done(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Data other features own, set up through the contract: a published release, one outlet, two journalists (one asked not to be sent anything) and a list of both. */
async function seed(page: Page): Promise<void> {
  const release = await callCore<{ id: string }>(page, 'releases.create', { title: TITLE });
  await callCore(page, 'releases.update', { id: release.id, fields: { subtitle: 'Pedagang kembali berjualan mulai Senin', datelineCity: 'Surakarta' } });
  await callCore(page, 'releases.importHtml', { id: release.id, html: '<p>Wali Kota Surakarta meresmikan revitalisasi Pasar Gede pada Jumat pagi.</p><p>Sebanyak 600 pedagang kembali menempati kios.</p>' });
  for (const to of ['in_review', 'approved', 'published']) await callCore(page, 'releases.transition', { id: release.id, to, note: '' });
  const outlet = await callCore<{ id: string }>(page, 'media.outlets.save', { name: OUTLET, kind: 'print' });
  const person = (p: { name: string; email: string; whatsapp?: string }, doNotSend: boolean) =>
    callCore<{ id: string }>(page, 'media.journalists.save', {
      name: p.name,
      outletId: outlet.id,
      dataSource: 'Kartu nama saat jumpa pers',
      consent: 'given',
      doNotSend,
      personal: { phone: '', whatsapp: p.whatsapp ?? '', email: p.email, ukwNumber: '', pressCardNo: '' },
    });
  const rina = await person(RINA, false);
  const budi = await person(BUDI, true);
  await callCore(page, 'media.lists.save', { name: 'Wartawan Harian', kind: 'fixed', journalistIds: [rina.id, budi.id] });
}

test('distribution: set up email, send a published release to a list, the do-not-send person is left out, the SMTP server gets one greeted message', async ({ page, warta }) => {
  const smtp = await startSmtp();
  try {
    const firstRun = new FirstRunPage(page);
    await firstRun.open(warta.url);
    await firstRun.complete(SURAKARTA);
    await seed(page);
    const frame = new AppFrame(page);

    // Settings › Email: bad input first (nothing saved), then the real server.
    await frame.open('Pengaturan');
    const email = page.getByRole('region', { name: 'Email', exact: true });
    await email.scrollIntoViewIfNeeded();
    await email.getByRole('textbox', { name: 'Server SMTP' }).fill('127.0.0.1');
    await email.getByRole('textbox', { name: 'Port' }).fill('70000');
    await email.getByRole('combobox', { name: 'Keamanan' }).selectOption({ label: 'Tanpa enkripsi' });
    await email.getByRole('textbox', { name: 'Alamat pengirim' }).fill('humas@');
    await email.getByRole('button', { name: 'Simpan pengaturan email' }).click();
    await expect(email.getByRole('textbox', { name: 'Port' })).toHaveAttribute('aria-invalid', 'true');
    await expect(email.getByText('Paling besar 65535')).toBeVisible();
    await expect(email.getByRole('textbox', { name: 'Alamat pengirim' })).toHaveAttribute('aria-invalid', 'true');
    await expect(email.getByText('Alamat email tidak sah.')).toBeVisible();
    await expect(email.getByText('Pengaturan email tersimpan.')).toHaveCount(0);
    const stored = await callCore<{ host: string; port: number; fromAddress: string }>(page, 'distribution.settings.get', {});
    expect(stored).toMatchObject({ host: '', port: 587, fromAddress: '' });
    // Browser mode keeps the password in a plain file, and says so.
    await expect(email.getByText(/kata sandi disimpan tanpa enkripsi/)).toBeVisible();

    await email.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
    await email.getByRole('textbox', { name: 'Alamat pengirim' }).fill('humas@surakarta.go.id');
    await email.getByRole('textbox', { name: 'Nama pengirim' }).fill('Humas Pemkot Surakarta');
    await email.getByRole('button', { name: 'Simpan pengaturan email' }).click();
    await expect(email.getByText('Pengaturan email tersimpan.')).toBeVisible();
    await email.getByRole('button', { name: 'Uji sambungan' }).click();
    await expect(email.getByText(`Tersambung ke 127.0.0.1:${smtp.port}.`)).toBeVisible();
    await email.scrollIntoViewIfNeeded();
    await shot(page, 'distribusi-pengaturan-email.png');

    // The release, "Kirim ke media", the list: Budi is left out because he asked.
    await frame.open('Rilis');
    await page.getByRole('listitem').filter({ hasText: TITLE }).click();
    await page.getByRole('button', { name: 'Kirim ke media' }).click();
    const dialog = page.getByRole('dialog', { name: /Kirim ke media/ });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Wartawan Harian' }).check();
    await expect(dialog.getByTestId('preview-count')).toHaveText('1 penerima');
    await expect(dialog.getByTestId('preview-excluded')).toContainText(`${BUDI.name} (${OUTLET}): minta tidak dikirimi`);
    await expect(dialog.getByText(`Yth. ${RINA.name} — ${OUTLET}`).first()).toBeVisible();
    await expect(dialog.getByText(/Jumlah .* dari batas 10 MB/)).toBeVisible();
    await shot(page, 'distribusi-kirim.png');
    await dialog.getByRole('button', { name: 'Masukkan ke kotak keluar' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Masuk kotak keluar' })).toContainText('1 email siap dikirim, 0 menunggu embargo, 1 pesan WhatsApp');
    await shot(page, 'distribusi-kirim-hasil.png');
    await dialog.getByRole('button', { name: 'Buka Kotak Keluar' }).click();

    // Kotak Keluar: send now; the recipient becomes Terkirim and the server has exactly one message.
    await expect(page.getByRole('heading', { level: 1, name: 'Kotak Keluar' })).toBeVisible();
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    const recipients = page.getByTestId('recipients');
    await expect(recipients.getByRole('row', { name: new RegExp(RINA.name) })).toContainText('Terkirim', { timeout: 20_000 });
    await expect(recipients.getByRole('row')).toHaveCount(2);
    await expect.poll(() => smtp.mails.length).toBe(1);
    await page.getByRole('heading', { level: 1, name: 'Kotak Keluar' }).scrollIntoViewIfNeeded();
    await shot(page, 'distribusi-kotak-keluar-atas.png');
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe(TITLE);
    expect(mail.text).toContain(`Yth. ${RINA.name} — ${OUTLET}`);
    expect(mail.text).toContain('Sebanyak 600 pedagang');
    expect(JSON.stringify(mail.to)).toContain(RINA.email);
    expect(JSON.stringify(mail.to)).not.toContain(BUDI.email);
    expect(mail.attachments.map((a) => a.contentType)).toContain('application/pdf');

    // WhatsApp: the text, and WhatsApp's own click-to-chat link (not followed: nothing leaves 127.0.0.1).
    await expect(page.getByTestId('whatsapp-text')).toContainText('Pasar Gede');
    const link = page.getByRole('link', { name: `Buka WhatsApp untuk ${RINA.name}` });
    await expect(link).toHaveAttribute('href', /^https:\/\/wa\.me\/6281234567001\?text=/);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await link.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
    await link.click();
    await expect(page.getByTestId('whatsapp-people')).toContainText('Diserahkan ke WhatsApp');
    await shot(page, 'distribusi-kotak-keluar.png');

    // Records: the journalist's panel lists what she received.
    await frame.open('Media');
    await page.getByRole('tab', { name: 'Wartawan' }).click();
    await page.getByRole('row', { name: new RegExp(RINA.name) }).click();
    await expect(page.getByTestId('journalist-deliveries')).toContainText(TITLE);
    await expect(page.getByTestId('journalist-deliveries')).toContainText('Terkirim');
  } finally {
    await smtp.close();
  }
});

test('distribution: an approved release under embargo goes now only to the embargo-trusted, the rest wait; the outbox says email is not set up', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const release = await callCore<{ id: string }>(page, 'releases.create', { title: 'Jadwal Imunisasi Anak Diperpanjang' });
  await callCore(page, 'releases.importHtml', { id: release.id, html: '<p>Dinas Kesehatan memperpanjang jadwal imunisasi anak.</p>' });
  await callCore(page, 'releases.update', { id: release.id, fields: { urgency: 'embargo', embargoAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), embargoZone: 'WIB' } });
  for (const to of ['in_review', 'approved']) await callCore(page, 'releases.transition', { id: release.id, to, note: '' });
  const outlet = await callCore<{ id: string }>(page, 'media.outlets.save', { name: OUTLET, kind: 'online' });
  for (const [p, embargoTrusted] of [[RINA, true], [BUDI, false]] as const) {
    await callCore(page, 'media.journalists.save', {
      name: p.name,
      outletId: outlet.id,
      dataSource: 'Kartu nama',
      consent: 'given',
      embargoTrusted,
      personal: { phone: '', whatsapp: '', email: p.email, ukwNumber: '', pressCardNo: '' },
    });
  }

  const frame = new AppFrame(page);
  await frame.open('Rilis');
  await page.getByRole('listitem').filter({ hasText: 'Jadwal Imunisasi Anak' }).click();
  await page.getByRole('button', { name: 'Kirim ke media' }).click();
  const dialog = page.getByRole('dialog', { name: /Kirim ke media/ });
  // No list: pick both people by search.
  for (const p of [RINA, BUDI]) {
    await dialog.getByRole('searchbox', { name: 'Cari wartawan' }).fill(p.name.split(' ')[0]!);
    await dialog.getByRole('button', { name: `Tambahkan ${p.name}` }).click();
  }
  await expect(dialog.getByTestId('preview-count')).toHaveText('2 penerima');
  await expect(dialog.getByTestId('preview-embargo')).toContainText('1 penerima yang boleh menerima sebelum embargo mendapatkannya sekarang');
  await expect(dialog.getByTestId('preview-embargo')).toContainText('1 penerima lainnya menunggu di kotak keluar');
  await expect(dialog.getByText(/^\[EMBARGO: Tidak untuk disiarkan sebelum .*\] Jadwal Imunisasi Anak Diperpanjang$/)).toBeVisible();
  await shot(page, 'distribusi-kirim-embargo.png');
  await dialog.getByRole('button', { name: 'Masukkan ke kotak keluar' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Masuk kotak keluar' })).toContainText('1 email siap dikirim, 1 menunggu embargo');
  await dialog.getByRole('button', { name: 'Buka Kotak Keluar' }).click();

  const status = page.getByTestId('outbox-status');
  await expect(status).toContainText('Akun email kantor belum diatur');
  await expect(page.getByTestId('recipients').getByRole('row', { name: new RegExp(BUDI.name) })).toContainText('Menunggu embargo');
  await expect(page.getByTestId('recipients').getByRole('row', { name: new RegExp(RINA.name) })).toContainText('Dalam antrean');
  await status.getByRole('button', { name: 'Atur di Pengaturan › Email' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Email', exact: true })).toBeInViewport();
});
