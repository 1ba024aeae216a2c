/**
 * Joining an office loses nothing (issue 19 item 12), in Chromium against browser mode and a real
 * sync server on 127.0.0.1, three instances with their own data folders:
 *
 * 1. The exact sequence of the issue: office A is set up with its full letterhead and its own
 *    release number pattern and syncs; laptop B goes through first run "Kantor baru" with a
 *    near-empty profile, then enrols (as administrator, so the office would accept its profile).
 *    A's letterhead and number pattern stay intact on both; B's own values wait in B's conflicts
 *    view, worded with the fields' labels.
 * 2. The new path: laptop C chooses "Gabung ke kantor yang sudah ada" on first run; a tampered
 *    enrolment file is refused next to the field; the administrator's file fills the form; C
 *    joins, shows A's letterhead on the sign-in screen, and A's administrator signs in on C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { enrolmentFileText } from '../../shared/sync/enrolment-file';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { AdminSetupPage, SignInPage } from './pages/people';
import { startWartaHost, type WartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { ADMIN } from './support/people-fixture-data';
import { REPO_ROOT, TMP_ROOT } from './support/paths';
import { enrolViaUi, syncNow } from './support/sync-ui';

const OFFICE_PATTERN = '{seq}/HUMAS-SKA/{month-roman}/{year}';
const shots = path.join(REPO_ROOT, 'assets', 'screenshots');

interface Profile {
  institution: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  numberPattern: string;
}
const letterhead = (p: Profile | null) => p && { institution: p.institution, address: p.address, phone: p.phone, email: p.email, website: p.website, numberPattern: p.numberPattern };

test('joining an office loses nothing: a first-run laptop’s profile does not replace the office’s, and a new laptop joins', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, 'join-server-'));
  const store = openSqliteStore(serverDir);
  const server = await startSyncServer({ store });
  const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
  const hosts: WartaHost[] = [];
  try {
    // Office A: full letterhead and its own number pattern, enrolled and synced.
    const a = await startWartaHost('join-a');
    hosts.push(a);
    const frA = new FirstRunPage(page);
    await frA.open(a.url);
    await frA.complete(SURAKARTA);
    const officeA = await callCore<Profile & Record<string, unknown>>(page, 'office.get', {});
    const { updatedAt: _u, emblemHash: _e, ...inputA } = officeA;
    await callCore(page, 'office.save', { ...inputA, numberPattern: OFFICE_PATTERN });
    await enrolViaUi(page, server, workspace, 'Komputer kantor');
    await syncNow(page);
    const expected = letterhead({ ...SURAKARTA, numberPattern: OFFICE_PATTERN });

    // Laptop B: "Kantor baru" in a hurry (only what the form requires), its own administrator, then enrols.
    const b = await startWartaHost('join-b');
    hosts.push(b);
    const pageB = await browser.newPage();
    const frB = new FirstRunPage(pageB);
    await frB.open(b.url);
    await frB.form.institution.fill('Pemkot Surakarta');
    await frB.form.unit.fill('Humas');
    await frB.form.city.fill('Surakarta');
    await frB.form.province.fill('Jawa Tengah');
    await frB.saveButton.click();
    await new AdminSetupPage(pageB).create({ name: 'Bayu Pratama', login: 'bayu', password: 'laptop-lapangan-2026' });
    await enrolViaUi(pageB, server, workspace, 'Laptop Bayu');
    await syncNow(pageB);
    await syncNow(page);

    // A's letterhead and number pattern are intact on both.
    expect(letterhead(await callCore<Profile>(page, 'office.get', {}))).toEqual(expected);
    expect(letterhead(await callCore<Profile>(pageB, 'office.get', {}))).toEqual(expected);

    // B's own values wait in its conflicts view, in words.
    const conflicts = pageB.getByTestId('sync-conflicts');
    await expect(conflicts).toBeVisible();
    await expect(conflicts.getByTestId('sync-conflict-record').first()).toHaveText('Profil kantor');
    const fields = await conflicts.getByTestId('sync-conflict-field').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['Nama instansi', 'Nama unit', 'Pola nomor rilis']));
    await expect(conflicts).toContainText('Pemkot Surakarta');
    await expect(conflicts).toContainText('Nilai lain (dari komputer ini)');
    await expect(conflicts).toContainText(OFFICE_PATTERN);
    await expect(conflicts).not.toContainText('office_profile');
    await conflicts.scrollIntoViewIfNeeded();
    await conflicts.screenshot({ path: path.join(shots, 'warta-sync-konflik.png') });
    await pageB.close();

    // Laptop C joins on first run.
    const c = await startWartaHost('join-c');
    hosts.push(c);
    const pageC = await browser.newPage();
    await new FirstRunPage(pageC).open(c.url);
    await pageC.getByRole('radio', { name: /Gabung ke kantor yang sudah ada/ }).check();
    const form = pageC.getByTestId('join-form');
    const fileInput = form.getByLabel('Berkas pendaftaran (.warta-enrol)');

    // A tampered file is refused next to the field and fills nothing.
    const code = await server.admin.issueCode(workspace, 'writer');
    const good = enrolmentFileText({ serverUrl: server.url, workspace, workspaceName: 'Humas Surakarta', code, role: 'writer' });
    const tampered = good.replace('"writer"', '"superuser"');
    await fileInput.setInputFiles({ name: 'kode.warta-enrol', mimeType: 'application/json', buffer: Buffer.from(tampered) });
    await expect(form.getByRole('alert')).toContainText('Berkas pendaftaran rusak atau diubah');
    await expect(form.getByLabel('Alamat server')).toHaveValue('');
    await fileInput.setInputFiles({ name: 'kode.warta-enrol', mimeType: 'application/json', buffer: Buffer.from(good) });
    await expect(form.getByRole('status')).toContainText('Berkas terbaca: ruang kerja Humas Surakarta, peran writer');
    await expect(form.getByLabel('Alamat server')).toHaveValue(server.url);
    await form.getByLabel('Nama komputer ini').fill('Laptop Sekretariat');
    await pageC.screenshot({ path: path.join(shots, 'warta-gabung-kantor.png'), fullPage: false });
    await form.getByRole('button', { name: 'Gabung ke kantor' }).click();

    // The sign-in shows the office's letterhead; A's administrator signs in on C.
    const signIn = new SignInPage(pageC);
    await expect(signIn.heading).toBeVisible({ timeout: 30_000 });
    await expect(pageC.getByText(SURAKARTA.institution).first()).toBeVisible();
    await signIn.signIn(ADMIN);
    expect(letterhead(await callCore<Profile>(pageC, 'office.get', {}))).toEqual(expected);
    await new AppFrame(pageC).open('Pengaturan');
    await expect(pageC.getByTestId('sync-section').getByTestId('sync-state')).toContainText('Humas Surakarta');
    await pageC.close();

    // And nothing of C's reached A.
    await syncNow(page);
    expect(letterhead(await callCore<Profile>(page, 'office.get', {}))).toEqual(expected);
  } finally {
    for (const h of hosts) await h.stop();
    await server.close();
    await store.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
