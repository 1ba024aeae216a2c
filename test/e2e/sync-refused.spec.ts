/**
 * A change the office refuses, seen by the person who made it: two browser-mode instances enrolled
 * with a real sync server on 127.0.0.1. A release is in review; offline, one computer edits its
 * title while the editor approves it on the other. When the first syncs, the office's server
 * refuses the edit (an approved release is not edited): the release shows the office's title,
 * and Settings › Sinkronisasi lists the refusal with the release's name, the field, the title the
 * person wrote and why, until it is dismissed.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import { FirstRunPage } from './pages/first-run-page';
import { startWartaHost, type WartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { REPO_ROOT, SCREENSHOT_DIR, TMP_ROOT } from './support/paths';
import { enrolViaUi, syncNow } from './support/sync-ui';

const shots = path.join(REPO_ROOT, '.tmp', 'e2e', 'screenshots');

/** A TCP relay to the server on 127.0.0.1 whose cable can be pulled: the writer's computer goes offline alone. */
async function relay(port: number) {
  const open = new Set<net.Socket>();
  let cut = false;
  const srv = net.createServer((client) => {
    if (cut) return client.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}`,
    set offline(v: boolean) {
      cut = v;
      if (v) for (const s of open) s.destroy();
    },
    close: () => new Promise<void>((r) => srv.close(() => r())),
  };
}

test('an edit refused by the office is shown with the value kept; the release takes the office state', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, 'sync-refused-'));
  const store = openSqliteStore(serverDir);
  const server = await startSyncServer({ store });
  const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
  let second: WartaHost | null = null;
  let cable: Awaited<ReturnType<typeof relay>> | null = null;
  const first = await startWartaHost('refused-a');
  try {
    second = await startWartaHost('refused-b');
    const editor = await browser.newPage();
    for (const [p, host] of [
      [page, first],
      [editor, second],
    ] as const) {
      const fr = new FirstRunPage(p);
      await fr.open(host.url);
      await fr.complete(SURAKARTA);
    }
    cable = await relay(server.port);
    await enrolViaUi(page, { ...server, url: cable.url } as typeof server, workspace, 'Laptop penulis');
    await enrolViaUi(editor, server, workspace, 'Komputer editor');
    const release = await callCore<{ id: string }>(page, 'releases.create', { title: 'Pasar Legi dibuka kembali' });
    await callCore(page, 'releases.transition', { id: release.id, to: 'in_review' });
    await syncNow(page);
    await syncNow(editor);

    // The writer's laptop is offline and retitles the release; meanwhile the editor approves it.
    cable.offline = true;
    await callCore(page, 'releases.update', { id: release.id, fields: { title: 'Pasar Legi dibuka kembali setelah renovasi' } });
    await callCore(editor, 'releases.transition', { id: release.id, to: 'approved' });
    await syncNow(editor);
    cable.offline = false;
    await syncNow(page);

    const section = page.getByTestId('sync-section');
    await expect(section.getByTestId('sync-state')).toContainText('menolak 1 perubahan');
    const refused = section.getByTestId('sync-refused');
    await expect(refused).toContainText('Ditolak server kantor');
    await expect(refused.locator('strong')).toHaveText('Pasar Legi dibuka kembali');
    await expect(refused).toContainText('Judul');
    await expect(refused).not.toContainText('releases.title');
    await expect(refused).toContainText('Pasar Legi dibuka kembali setelah renovasi');
    await expect(refused).toContainText('tidak bisa diubah; kembalikan ke tinjauan dulu');
    await refused.scrollIntoViewIfNeeded();
    fs.mkdirSync(shots, { recursive: true });
    await refused.screenshot({ path: path.join(shots, 'sync-refused.png') });
    // The README's picture of it (Sinkronisasi): the record's name, the field in words, the value kept and why.
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'warta-sync-ditolak.png') });
    const here = await callCore<{ title: string; status: string }>(page, 'releases.get', { id: release.id });
    expect(here).toMatchObject({ title: 'Pasar Legi dibuka kembali', status: 'approved' });

    await refused.getByRole('button', { name: 'Tutup' }).click();
    await expect(section.getByTestId('sync-refused')).toHaveCount(0);
    await editor.close();
  } finally {
    await second?.stop();
    await first.stop();
    await server.close();
    await cable?.close();
    await store.close();
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
