/**
 * Disk full during a save and during a pull (issue 19), simulated with SQLite's max_page_count
 * on the core's own connection: SQLite then fails writes with SQLITE_FULL exactly as on a full
 * disk. The person gets "Disk penuh" (English second), nothing acknowledged is lost, nothing
 * half-written stays, the app keeps answering, and it works again once there is space.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { enrol, openDevice, startTestServer, type TestDevice, type TestServer } from './support';

let server: TestServer | null = null;
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) d.cleanup();
  await server?.close();
  server = null;
});

/** Leaves the database `spare` pages to grow: the disk is "full" after that. */
function fillDisk(core: Core, spare = 2): void {
  const db = core.context.db;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + spare}`);
}
const freeDisk = (core: Core) => core.context.db.pragma('max_page_count = 1073741823');
const names = async (core: Core) => ((await core.invoke('opd.list', {})) as { name: string }[]).map((o) => o.name).sort();

describe('disk full', () => {
  it('during saves: a clear error, every acknowledged save kept (also after a restart), and saving works again with space', async () => {
    const dev = openDevice();
    devices.push(dev);
    fillDisk(dev.core);
    const acked: string[] = [];
    let refused: { code: string; message: string } | null = null;
    for (let i = 0; i < 500 && !refused; i++) {
      const name = `Dinas Nomor ${String(i).padStart(3, '0')} ${'x'.repeat(150)}`;
      const r = await dev.core.call('opd.save', { name, abbreviation: `D${i}` });
      if (r.ok) acked.push(name);
      else refused = r.error;
    }
    expect(acked.length).toBeGreaterThan(3);
    expect(refused).toMatchObject({ code: 'disk_full' });
    expect(refused?.message).toMatch(/^Disk penuh: perubahan ini tidak tersimpan\. .*\(Disk full: this change was not saved/);
    // Still running: reads answer, and the refused save is not half there.
    expect(await names(dev.core)).toEqual(acked.sort());
    freeDisk(dev.core);
    expect((await dev.core.call('opd.save', { name: 'Sesudah Ada Ruang', abbreviation: 'SA' })).ok).toBe(true);
    // What was acknowledged survives a restart, and only that.
    dev.core.close();
    const again = openDevice(dev.dir);
    devices.push(again);
    expect(await names(again.core)).toEqual([...acked, 'Sesudah Ada Ruang'].sort());
  });

  it('during a pull: the sync stops with "Disk penuh", local data stays, and the next sync after space is freed completes', { timeout: 60_000 }, async () => {
    server = await startTestServer();
    const ws = (await server.server.admin.createWorkspace('Humas')).id;
    const a = openDevice();
    const b = openDevice();
    devices.push(a, b);
    await enrol(a, server.server, ws);
    await enrol(b, server.server, ws);
    await b.core.invoke('opd.save', { name: 'Milik Perangkat B', abbreviation: 'B' });
    const m = a.core.context.mutator;
    m.transaction(() => {
      for (let i = 0; i < 400; i++) m.insert('opd', { name: `Dinas Pusat ${i} ${'y'.repeat(150)}` });
    });
    expect((await a.core.invoke('sync.now')).state).toBe('up_to_date');

    fillDisk(b.core, 4);
    const full = await b.core.invoke('sync.now');
    expect(full.state).toBe('error');
    expect(full.message).toMatch(/^Disk penuh: data dari server belum dapat disimpan di komputer ini\. .*\(Disk full: data from the server could not be stored/);
    expect(full.pendingChanges).toBe(1);
    const during = await names(b.core);
    expect(during).toContain('Milik Perangkat B');
    // Whatever part of the pull was stored is whole: the cursor moved only with what it covers.
    expect(during.length).toBeLessThan(401);
    expect((await b.core.invoke('sync.status')).message).toMatch(/^Disk penuh/);

    freeDisk(b.core);
    const done = await b.core.invoke('sync.now');
    expect(done).toMatchObject({ state: 'up_to_date', pendingChanges: 0 });
    expect((await names(b.core)).length).toBe(401);
    expect((await a.core.invoke('sync.now')).state).toBe('up_to_date');
    expect(await names(a.core)).toContain('Milik Perangkat B');
  });
});
