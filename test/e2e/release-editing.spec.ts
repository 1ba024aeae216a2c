import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { AppFrame } from './pages/app-frame';
import { FirstRunPage } from './pages/first-run-page';
import { test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { TMP_ROOT } from './support/paths';

const SHOTS = path.join(TMP_ROOT, 'screens');

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

async function paste(page: Page, text: string, html?: string) {
  await page.evaluate(
    ({ text, html }) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      if (html) data.setData('text/html', html);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { text, html },
  );
}

test('release editor: caret below the body, a pasted dateline, errors next to their cause', async ({ page, warta }) => {
  await new FirstRunPage(page).open(warta.url);
  await new FirstRunPage(page).complete(SURAKARTA);
  await new AppFrame(page).open('Rilis');
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  const body = page.getByRole('textbox', { name: 'Isi rilis' });
  await expect(body).toContainText('SURAKARTA –');

  // A click in the empty space below the text puts the caret at its end, in plain text.
  await body.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const box = (await body.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 20);
  await page.keyboard.type('Pasar Gede dibuka sampai malam.');
  await expect(body.locator('p').first()).toHaveText('SURAKARTA – Pasar Gede dibuka sampai malam.');
  await expect(body.locator('strong')).toHaveText('SURAKARTA');

  // An article pasted with its own dateline does not double it.
  const frame = new AppFrame(page);
  await frame.navItem('Rilis').click();
  await page.getByRole('button', { name: 'Rilis baru' }).click();
  await expect(body).toHaveText('SURAKARTA –');
  const title = page.getByRole('textbox', { name: 'Judul', exact: true });
  await body.click();
  await page.keyboard.press('Control+End');
  await paste(page, 'Surakarta – Wali Kota meresmikan jembatan Kalisari.\n\nSebanyak 600 warga hadir.');
  await expect(body).toContainText('Wali Kota meresmikan jembatan Kalisari.');
  const text = (await body.innerText()).replace(/\s+/g, ' ');
  expect(text.match(/surakarta/gi)).toHaveLength(1);

  // HTML from a web page: parsed (htmlparser2), its structure kept, handlers and scripts gone.
  await page.keyboard.press('Control+End');
  await paste(page, 'x', '<p>Panjang jembatan <b>80&nbsp;meter</b> &eacute;&frac12;</p><img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><p onclick="window.__pwned=3">Selesai 2 &lt; 3</p>');
  await expect(body.locator('strong', { hasText: '80 meter' })).toBeVisible();
  await expect(body).toContainText('é½');
  await expect(body).toContainText('Selesai 2 < 3');
  expect(await page.evaluate(() => (window as Window & { __pwned?: number }).__pwned)).toBeUndefined();

  // Sending without a title: the refusal stands under the title, and goes once it is filled.
  await page.getByRole('button', { name: 'Kirim ke editor' }).click();
  const titleField = page.locator('.rel-field', { has: title });
  await expect(titleField.getByRole('alert')).toHaveText('Isi judul dulu sebelum mengirim ke editor.');
  await expect(title).toBeFocused();
  await shot(page, 'release-title-error.png');
  await title.fill('Jembatan Kalisari Diresmikan');
  await expect(titleField.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A photo refused for its size is said where the toolbar is, in view even far down a long body.
  await body.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 30; i++) await page.keyboard.press('Enter');
  // From a file on disk: a 21 MB buffer through the protocol is slow on a loaded machine.
  const big = path.join(TMP_ROOT, 'besar.jpg');
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 1));
  await page.getByTestId('photo-input').setInputFiles(big);
  const refused = page.getByRole('alert').filter({ hasText: 'besar.jpg' });
  await expect(refused).toBeInViewport();
  await shot(page, 'release-photo-error.png');
  // Typing again ends it.
  await page.keyboard.type('Lanjut.');
  await expect(refused).toHaveCount(0);
});
