import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';

test('the status bar tells the truth about the network and the link to the core', async ({ page, context, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  const network = page.getByTestId('status-network');
  await expect(network).toHaveText('Daring');

  await context.setOffline(true);
  await expect(network).toContainText('Luring (tidak ada jaringan)');
  await context.setOffline(false);
  await expect(network).toHaveText('Daring');

  // The core goes away: the status bar says so, and a save fails with a clear message.
  await frame.open('Pengaturan');
  await warta.stop();
  await expect(network).toContainText('Sambungan ke Warta terputus; menyambung ulang…');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sambungan ke Warta terputus' })).toBeVisible({ timeout: 25_000 });
});
