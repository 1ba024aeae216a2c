/**
 * Aduan & Permohonan Informasi end to end (issue 14): two browser-mode instances, the PR desk and
 * an agency's contributor computer, synced through a real server on 127.0.0.1. The desk records a
 * complaint from Instagram (a link that is not a URL and a phone number that is not one refused
 * next to their fields), verifies it and disposes it to the agency; the agency's computer shows
 * only the disposition, without the reporter's name, and answers it; the desk sees the answer.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { REPO_ROOT } from './support/paths';
import { startDeskAndAgency } from './support/desk-and-agency';
import { syncNow } from './support/sync-ui';

const shots = path.join(REPO_ROOT, 'assets', 'screenshots');

test('the desk records and disposes a complaint, the agency answers its part, the desk sees the answer', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const setup = await startDeskAndAgency(page, browser, 'publicdesk', [{ name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU' }, { name: 'Dinas Perhubungan', abbreviation: 'Dishub' }]);
  const { agency } = setup;
  try {
    // The desk records a complaint.
    const frame = new AppFrame(page);
    await frame.open('Aduan & PPID');
    // Deadlines are settings within the law's ceilings.
    await page.getByRole('button', { name: 'Pengaturan tenggat' }).click();
    const settings = page.getByTestId('desk-settings');
    await settings.getByLabel('Permohonan informasi publik').fill('14');
    await settings.getByRole('button', { name: 'Simpan' }).click();
    await expect(settings.getByRole('alert')).toContainText('pasal 22');
    await settings.getByLabel('Permohonan informasi publik').fill('10');
    await settings.getByLabel('Aduan (seluruhnya)').fill('4');
    await settings.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('button', { name: 'Catat aduan' }).click();
    const form = page.getByTestId('desk-form');
    await form.getByLabel('Tautan unggahan asli').fill('postingan IG kemarin');
    await form.getByLabel('Nama pelapor').fill('Siti Aminah');
    await form.getByLabel('Telepon/WhatsApp').fill('nomor saya');
    await form.getByLabel(/Pelapor setuju/).check();
    await form.getByLabel(/Isi aduan/).fill('Jalan berlubang di depan SD Negeri 3 Banjarsari, sudah dua bulan.');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(form.getByRole('alert').first()).toBeVisible();
    await expect(form).toContainText('Tautan harus alamat web lengkap');
    await expect(form).toContainText('Nomor telepon tidak sah');
    await form.getByLabel('Tautan unggahan asli').fill('https://www.instagram.com/p/Cx1abc/');
    await form.getByLabel('Telepon/WhatsApp').fill('0812 3456 7890');
    await form.getByLabel('Kategori').fill('Infrastruktur');
    await form.getByLabel(/Lokasi/).fill('Kel. Banjarsari');
    await page.screenshot({ path: path.join(shots, 'warta-aduan-form.png') });
    await form.getByRole('button', { name: 'Simpan' }).click();
    const detail = page.getByTestId('desk-detail');
    await expect(detail).toContainText(/0001\/ADU\/\d{4}/);
    // 4 working days from today (5 left when today is a weekend or holiday: the count starts on the next working day).
    await expect(detail).toContainText(/[45] hari kerja lagi/);
    await detail.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(detail).toContainText('Terverifikasi');
    await detail.getByLabel('DPU').check();
    await detail.getByLabel(/Ringkasan untuk OPD/).fill('Jalan berlubang di depan SD Negeri 3 Banjarsari; mohon ditangani.');
    await detail.getByRole('button', { name: 'Disposisikan' }).click();
    await expect(detail.getByTestId('desk-parts')).toContainText('Menunggu jawaban OPD');
    await page.screenshot({ path: path.join(shots, 'warta-aduan-disposisi.png') });
    await frame.open('Pengaturan');
    await syncNow(page);

    // The agency's computer: only its disposition, no reporter's name.
    const agencyFrame = await setup.enrolAgency('Laptop DPU');
    await agencyFrame.open('Aduan & PPID');
    const parts = agency.getByTestId('desk-parts');
    await expect(parts).toContainText('mohon ditangani');
    await expect(parts).not.toContainText('Siti');
    await parts.getByLabel('Jawaban OPD').fill('Lubang ditambal Kamis pagi oleh UPT Jalan.');
    await parts.getByRole('button', { name: 'Kirim jawaban' }).click();
    await expect(parts).toContainText('Dijawab OPD');
    await agency.screenshot({ path: path.join(shots, 'warta-aduan-opd.png') });
    await agencyFrame.open('Pengaturan');
    await syncNow(agency);

    // The desk sees the answer.
    await syncNow(page);
    await frame.open('Aduan & PPID');
    await page.getByTestId('desk-table').getByRole('button', { name: /Jalan berlubang/ }).click();
    await expect(page.getByTestId('desk-parts')).toContainText('Lubang ditambal Kamis pagi');
    await page.screenshot({ path: path.join(shots, 'warta-aduan-jawaban.png') });

    // An information request refused: not without the exemption's legal basis, said next to it.
    await callCore(page, 'publicdesk.receive', {
      id: crypto.randomUUID(),
      kind: 'info_request',
      channel: 'letter',
      personName: 'Budi Santoso',
      personAddress: 'Jl. Slamet Riyadi 10',
      consent: true,
      body: 'Salinan kontrak pengadaan lampu jalan 2026',
      purpose: 'Pengawasan anggaran',
      receiveBy: 'softcopy',
      copyBy: 'email',
    });
    await frame.open('Pengaturan');
    await frame.open('Aduan & PPID');
    await page.getByTestId('desk-table').getByRole('button', { name: /Salinan kontrak/ }).click();
    const decision = page.getByTestId('desk-decision');
    await decision.getByLabel('Keputusan PPID').selectOption('refused');
    await decision.getByRole('button', { name: 'Simpan keputusan' }).click();
    await expect(decision.getByRole('alert')).toContainText('dasar hukum');
    await decision.getByLabel(/Dasar hukum pengecualian/).fill('UU 14/2008 pasal 17 huruf b (mengganggu proses pengadaan yang sedang berjalan)');
    await decision.getByRole('button', { name: 'Simpan keputusan' }).click();
    await expect(decision).toContainText('Keputusan: Ditolak');
    await page.screenshot({ path: path.join(shots, 'warta-ppid-keputusan.png') });
  } finally {
    await setup.close();
  }
});
