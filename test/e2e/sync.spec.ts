/**
 * Two browser-mode instances, each with its own data folder, enrol through Settings › Sinkronisasi
 * with a real sync server on 127.0.0.1 and sync a release edited on both while they could not
 * reach the server: both edits survive, merged by character; an OPD edit travels too.
 * The release text is set through the core's contract (the same Yjs updates the editor sends),
 * not by typing into the editor; enrolment, "sync now" and the status are driven through the UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { startSyncServer } from '../../server/app';
import { openSqliteStore } from '../../server/store-sqlite';
import type { SyncStore } from '../../server/store';
import { BODY_FRAGMENT } from '../../shared/releases/editor-schema';
import { FirstRunPage } from './pages/first-run-page';
import { startWartaHost, type WartaHost } from './support/browser-host';
import { callCore } from './support/core-calls';
import { expect, test } from './support/fixtures';
import { SURAKARTA } from './support/office-fixture-data';
import { TMP_ROOT } from './support/paths';
import { enrolViaUi, syncNow } from './support/sync-ui';

function editFirstParagraph(stateB64: string, at: number | 'end', text: string, create = false): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(stateB64, 'base64'));
  const sv = Y.encodeStateVector(doc);
  const frag = doc.getXmlFragment(BODY_FRAGMENT);
  if (create) {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    frag.insert(0, [p]);
  } else {
    const t = (frag.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    t.insert(at === 'end' ? t.length : at, text);
  }
  return Buffer.from(Y.encodeStateAsUpdate(doc, sv)).toString('base64');
}

function textOf(json: unknown): string {
  const parts: string[] = [];
  const walk = (n: unknown) => {
    const node = n as { text?: string; content?: unknown[] } | null;
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') parts.push(node.text);
    node.content?.forEach(walk);
  };
  walk(json);
  return parts.join('');
}

test('two offline instances edit the same release; after sync both keep both edits', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const serverDir = fs.mkdtempSync(path.join(TMP_ROOT, 'sync-server-'));
  let store: SyncStore = openSqliteStore(serverDir);
  let server = await startSyncServer({ store });
  const port = server.port;
  const workspace = (await server.admin.createWorkspace('Humas Surakarta')).id;
  let second: WartaHost | null = null;
  const first = await startWartaHost('sync-a');
  try {
    second = await startWartaHost('sync-b');
    const pageB = await browser.newPage();
    for (const [p, host] of [
      [page, first],
      [pageB, second],
    ] as const) {
      const fr = new FirstRunPage(p);
      await fr.open(host.url);
      await fr.complete(SURAKARTA);
    }
    await enrolViaUi(page, server, workspace, 'Laptop lapangan');
    await enrolViaUi(pageB, server, workspace, 'Komputer kantor');

    const release = await callCore<{ id: string; bodyState: string }>(page, 'releases.create', { title: 'Peresmian Jembatan Kalisari' });
    const detail = await callCore<{ bodyState: string }>(page, 'releases.get', { id: release.id });
    await callCore(page, 'releases.appendBody', { id: release.id, update: editFirstParagraph(detail.bodyState, 0, 'Jembatan Kalisari diresmikan.', true) });
    await callCore(page, 'opd.save', { name: 'Dinas Pekerjaan Umum', abbreviation: 'DPU' });
    await syncNow(page);
    await syncNow(pageB);
    // "Mutakhir" with the time of the last round: still true once the server is gone.
    await expect(page.getByTestId('status-sync')).toContainText(/Mutakhir per \d\d\.\d\d WIB/);

    // The server goes away: both keep working offline.
    await server.close();
    await store.close();
    const sa = (await callCore<{ bodyState: string }>(page, 'releases.get', { id: release.id })).bodyState;
    const sb = (await callCore<{ bodyState: string }>(pageB, 'releases.get', { id: release.id })).bodyState;
    await callCore(page, 'releases.appendBody', { id: release.id, update: editFirstParagraph(sa, 'Jembatan '.length, 'gantung ') });
    await callCore(pageB, 'releases.appendBody', { id: release.id, update: editFirstParagraph(sb, 'Jembatan Kalisari diresmikan'.length, ' hari ini') });
    const section = page.getByTestId('sync-section');
    await section.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await expect(section.getByTestId('sync-state')).toContainText('Server sinkronisasi belum terjangkau', { timeout: 20_000 });
    await expect(page.getByTestId('status-sync')).toContainText('Server sinkronisasi belum terjangkau');
    // The network is up (Daring); only the server is not: the bar does not say both "Daring" and "Luring".
    await expect(page.getByRole('contentinfo')).not.toContainText('Luring');
    await expect(section.getByTestId('sync-pending')).not.toHaveText('0');

    // Back online on the same address.
    store = openSqliteStore(serverDir);
    server = await startSyncServer({ store, port });
    await syncNow(page);
    await syncNow(pageB);
    await syncNow(page);
    await expect(section.getByTestId('sync-pending')).toHaveText('0');
    for (const p of [page, pageB]) {
      const d = await callCore<{ bodyJson: unknown }>(p, 'releases.get', { id: release.id });
      expect(textOf(d.bodyJson)).toMatch(/^Jembatan gantung Kalisari diresmikan hari ini\./);
    }
    // And the OPD made on the first reached the second.
    await expect(pageB.getByRole('region', { name: 'Daftar OPD' })).toContainText('Dinas Pekerjaan Umum');
    await pageB.close();
  } finally {
    await second?.stop();
    await first.stop();
    await server.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
