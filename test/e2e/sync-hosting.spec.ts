/**
 * "Jadikan komputer ini server kantor" as an administrator uses it: the first browser-mode
 * instance hosts the office sync server from Settings (a process of its own), makes an
 * enrolment code there; a second instance joins with that code and an OPD travels between
 * them. Then the server process is killed from outside: the settings say so, and the server
 * comes back on its own on the same address.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { startWartaHost, type WartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { TMP_ROOT } from './support/paths';
import { freePort } from '../support/wait';

/** The hosted server's process ids, from the core's log of the hosting instance. */
function serverPids(dataDir: string): number[] {
  const log = fs.readFileSync(path.join(dataDir, 'logs', 'core.log'), 'utf8');
  return log
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; pid?: number })
    .filter((l) => l.event === 'sync.host.started' && typeof l.pid === 'number')
    .map((l) => l.pid as number);
}

test('hosts the office server from Settings; a second computer joins with its code; a killed server comes back', async ({ page, browser, warta }) => {
  test.setTimeout(180_000);
  const shots = path.join(TMP_ROOT, 'shots-sync-hosting');
  fs.mkdirSync(shots, { recursive: true });
  let second: WartaHost | null = null;
  try {
    const fr = new FirstRunPage(page);
    await fr.open(warta.url);
    await fr.complete(SURAKARTA);
    await new AppFrame(page).open('Pengaturan');
    const section = page.getByTestId('sync-section');
    const port = await freePort();
    await section.getByLabel('Port').fill(String(port));
    await section.getByRole('button', { name: 'Jalankan server' }).click();
    await expect(section.getByTestId('sync-hosting')).toContainText(`Server berjalan di http://127.0.0.1:${port}`, { timeout: 30_000 });
    await section.getByLabel('Peran').selectOption('administrator');
    await section.getByRole('button', { name: 'Buat kode pendaftaran' }).click();
    const issued = (await section.getByTestId('sync-issued').textContent()) ?? '';
    const m = /Kode untuk komputer lain: (\S+) \(ruang kerja (\S+), server (\S+)\)/.exec(issued);
    expect(m, issued).not.toBeNull();
    const [, code, workspace, url] = m as RegExpExecArray;
    await page.screenshot({ path: path.join(shots, '1-hosting.png') });

    second = await startWartaHost('sync-hosting-b');
    const pageB = await browser.newPage();
    const frB = new FirstRunPage(pageB);
    await frB.open(second.url);
    await frB.complete(SURAKARTA);
    await new AppFrame(pageB).open('Pengaturan');
    const sectionB = pageB.getByTestId('sync-section');
    await sectionB.getByLabel('Alamat server').fill(url as string);
    await sectionB.getByLabel('Kode ruang kerja').fill(workspace as string);
    await sectionB.getByLabel('Kode pendaftaran').fill(code as string);
    await sectionB.getByLabel('Nama komputer ini').fill('Komputer kantor');
    await sectionB.getByRole('button', { name: 'Daftarkan komputer ini' }).click();
    await expect(sectionB.getByRole('button', { name: 'Sinkronkan sekarang' })).toBeVisible();

    // The server process dies (killed from outside): the hosting computer says so, then it is back.
    const [pid] = serverPids(warta.dataDir);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid as number, 'SIGKILL');
    const problem = section.getByTestId('sync-hosting-problem');
    await expect(problem).toContainText('berhenti tiba-tiba', { timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, '2-crashed.png') });
    await expect(problem).toBeHidden({ timeout: 30_000 });
    await expect(section.getByTestId('sync-hosting')).toContainText(`http://127.0.0.1:${port}`);
    expect(serverPids(warta.dataDir)).toHaveLength(2);

    // The office carries on through the restarted server: an OPD from the second computer arrives.
    await callCore(pageB, 'opd.save', { name: 'Dinas Perhubungan', abbreviation: 'Dishub' });
    await sectionB.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(sectionB.getByTestId('sync-state')).toContainText('Mutakhir', { timeout: 20_000 });
    await section.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(section.getByTestId('sync-state')).toContainText('Mutakhir', { timeout: 20_000 });
    await expect(page.getByRole('region', { name: 'Daftar OPD' })).toContainText('Dinas Perhubungan');
    await page.screenshot({ path: path.join(shots, '3-after.png'), fullPage: true });
    await pageB.close();
  } finally {
    await second?.stop();
  }
});
