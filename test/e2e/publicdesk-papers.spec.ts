/**
 * The desk's papers end to end (issue 14): a refused information request's written notice
 * downloaded from the item, then the PPID register (XLSX and PDF) and the year's numbers (XLSX)
 * from the *Register PPID* panel, in Chromium against a real core in browser mode.
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

test('the desk downloads a decision notice, the PPID register and the numbers', async ({ page }) => {
  test.setTimeout(150_000);
  fs.mkdirSync(shots, { recursive: true });
  const host = await startWartaHost('publicdesk-papers');
  try {
    const fr = new FirstRunPage(page);
    await fr.open(host.url);
    await fr.complete(SURAKARTA);
    const id = crypto.randomUUID();
    await callCore(page, 'publicdesk.receive', {
      id,
      kind: 'info_request',
      channel: 'letter',
      personName: 'Budi Santoso',
      personAddress: 'Jl. Slamet Riyadi 10',
      consent: true,
      body: 'Salinan kontrak pengadaan lampu jalan',
      purpose: 'Pengawasan anggaran',
      receiveBy: 'softcopy',
      copyBy: 'email',
    });
    await callCore(page, 'publicdesk.decide', { id, decision: 'refused', exemptionBasis: 'UU 14/2008 pasal 17 huruf b' });

    const frame = new AppFrame(page);
    await frame.open('Aduan & PPID');
    await page.getByTestId('desk-table').getByRole('button', { name: /Salinan kontrak/ }).click();
    const notice = page.getByTestId('desk-notice');
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), notice.getByRole('button', { name: 'Pemberitahuan tertulis (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^pemberitahuan-tertulis-0001-PPID-\d{4}\.pdf$/);
    expect(fs.readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');

    await frame.open('Pengaturan');
    await frame.open('Aduan & PPID');
    await page.getByRole('button', { name: 'Register PPID' }).click();
    const papers = page.getByTestId('desk-papers');
    await expect(papers.getByLabel('Register')).toHaveValue('info_request');
    const [xlsx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), papers.getByRole('button', { name: 'Unduh XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^register-permohonan-informasi-\d{4}\.xlsx$/);
    expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
    await expect(papers.getByRole('status')).toContainText('register-permohonan-informasi-');
    const [reg] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), papers.getByRole('button', { name: 'Unduh PDF' }).click()]);
    expect(reg.suggestedFilename()).toMatch(/\.pdf$/);
    const [nums] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), papers.getByRole('button', { name: 'Unduh angka tahunan (XLSX)' }).click()]);
    expect(nums.suggestedFilename()).toMatch(/^angka-aduan-ppid-\d{4}\.xlsx$/);
    await page.screenshot({ path: path.join(shots, 'warta-ppid-register.png') });
  } finally {
    await host.stop();
  }
});
