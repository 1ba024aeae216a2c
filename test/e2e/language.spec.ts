import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';

test('switching to English changes the whole UI at once and survives a reload', async ({ page, warta }) => {
  const firstRun = new FirstRunPage(page);
  await firstRun.open(warta.url);
  await firstRun.complete(SURAKARTA);
  const frame = new AppFrame(page);
  await expect(frame.navItem('Rilis')).toBeVisible();
  await frame.open('Pengaturan');

  await page.getByRole('radio', { name: 'English' }).check();

  await expect(frame.nav('Main navigation')).toBeVisible();
  for (const label of ['Home', 'Releases', 'Agenda', 'Media', 'Press Room', 'Settings']) {
    await expect(frame.navItem(label)).toBeVisible();
  }
  await expect(frame.navItem('Rilis')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(frame.statusBar).toContainText('Sync not set up yet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(frame.navItem('Releases')).toBeVisible();
  await expect(frame.navItem('Settings')).toBeVisible();
  // A reload keeps the place (the route is in the URL), in the chosen language.
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // And back: Indonesian again, also without a reload.
  await frame.open('Settings');
  await page.getByRole('radio', { name: 'Bahasa Indonesia' }).check();
  await expect(frame.navItem('Pengaturan')).toBeVisible();
  await expect(frame.navItem('Rilis')).toBeVisible();
});
